import Foundation
import Testing

@testable import SIPASInstruments

struct InstrumentCacheTests {
    func temporaryCache(_ build: String = "instruments-p-a") throws -> InstrumentCache {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-cache-\(UUID().uuidString)")
        return InstrumentCache(directory: base.appendingPathComponent(build))
    }

    func decoded(_ file: (name: String, bytes: [UInt8])) throws -> Instrument {
        try InstrumentLoader.load(yaml: String(decoding: file.bytes, as: UTF8.self), file: file.name)
    }

    @Test func everyBuiltinComesBackFromTheCacheAsDecodedFromItsYAML() throws {
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        for file in BuiltinInstruments.files {
            #expect(cache.instrument(for: file) == nil)
            let instrument = try decoded(file)
            cache.keep(instrument, for: file)
            #expect(FileManager.default.fileExists(atPath: cache.url(for: file).path), "\(file.name)")
            #expect(cache.instrument(for: file) == instrument, "\(file.name)")
        }
    }

    @Test func otherBytesOrAnUnreadableFileAreNotServed() throws {
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        let file = BuiltinInstruments.files[0]
        cache.keep(try decoded(file), for: file)
        // The same name with other YAML bytes is another file.
        let edited = (name: file.name, bytes: file.bytes + Array("\n# edited\n".utf8))
        #expect(cache.url(for: edited) != cache.url(for: file))
        #expect(cache.instrument(for: edited) == nil)
        // A cut or damaged file is ignored, so the YAML is decoded instead.
        try Data("{\"id\": \"sipas-2023\"".utf8).write(to: cache.url(for: file))
        #expect(cache.instrument(for: file) == nil)
    }

    @Test func aNewBuildRemovesTheCachesOfEarlierBuildsOfTheSameProgram() throws {
        let old = try temporaryCache("instruments-p-old")
        let base = old.directory.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = BuiltinInstruments.files[5]
        old.keep(try decoded(file), for: file)
        let other = InstrumentCache(directory: base.appendingPathComponent("instruments-q-old"))
        other.keep(try decoded(file), for: file)
        try Data().write(to: base.appendingPathComponent("notes.txt"))
        let new = InstrumentCache(directory: base.appendingPathComponent("instruments-p-new"))
        new.keep(try decoded(file), for: file)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == [
                "instruments-p-new", "instruments-q-old", "notes.txt",
            ])
        #expect(new.instrument(for: file) == (try decoded(file)))
    }

    @Test func aChoiceIsServedOnlyForItsOwnHeader() throws {
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        let header = ["province", "sector", "s1", "Câu 2"]
        #expect(cache.choice(forHeader: header) == nil)
        let choice = HeaderChoice(header: header, id: "land-construction", score: 14.0 / 15.0)
        cache.keepChoice(choice, forHeader: header)
        #expect(cache.choice(forHeader: header) == choice)
        #expect(cache.choice(forHeader: header + ["s3"]) == nil)
        #expect(cache.choice(forHeader: ["province", "sector", "s1"]) == nil)
        // A choice kept under another header's name (as a hash collision would) is not served.
        let other = ["a", "b"]
        try JSONEncoder().encode(choice).write(to: cache.url(forHeader: other))
        #expect(cache.choice(forHeader: other) == nil)
        // Nor one kept for another header than the one it names.
        cache.keepChoice(HeaderChoice(header: other, id: "education", score: 1), forHeader: header)
        #expect(cache.choice(forHeader: header) == choice)
        // A damaged file is ignored.
        try Data("{\"header\": [".utf8).write(to: cache.url(forHeader: header))
        #expect(cache.choice(forHeader: header) == nil)
    }

    @Test func builtinsLoadTheSameWithTheCacheAsWithout() throws {
        // `all()` goes through the cache of the test runner (written on an earlier call if not before).
        let first = try BuiltinInstruments.all()
        let second = try BuiltinInstruments.all()
        #expect(first == second)
        for (file, instrument) in zip(BuiltinInstruments.files, second) {
            let fresh = try decoded(file)
            try fresh.checkInvariants()
            #expect(instrument == fresh, "\(file.name)")
        }
    }
}
