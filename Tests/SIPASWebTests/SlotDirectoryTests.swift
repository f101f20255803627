import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASWeb

@Suite("Upload and report folders: expiry")
struct SlotDirectoryTests {
    static func age(_ url: URL, seconds: TimeInterval) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: url.path)
    }

    @Test("folders older than the age are removed; younger ones and names that are not slots stay")
    func removeOlder() throws {
        let directory = try Fixtures.temporaryDirectory()
        let slots = try SlotDirectory(directory: directory)
        let (oldID, old) = try slots.makeSlot()
        let (_, young) = try slots.makeSlot()
        try Data("x".utf8).write(to: old.appendingPathComponent("file.csv"))
        let other = directory.appendingPathComponent("keep", isDirectory: true)
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: false)
        try Self.age(old, seconds: 2 * 86_400)
        try Self.age(young, seconds: 3_600)
        try Self.age(other, seconds: 9 * 86_400)
        #expect(slots.removeOlder(than: 86_400) == [oldID])
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: young.path))
        #expect(FileManager.default.fileExists(atPath: other.path))
        #expect(slots.removeOlder(than: 60).count == 1)
        #expect(!FileManager.default.fileExists(atPath: young.path))
    }

    @Test("the server's sweep deletes expired uploads and reports at startup")
    func sweepAtStartup() async throws {
        let harness = try await WebHarness.make()
        let uploads = harness.services.uploads
        let (_, upload) = try uploads.makeSlot()
        let (_, report) = try uploads.reports.makeSlot()
        let (_, fresh) = try uploads.makeSlot()
        try Self.age(upload, seconds: harness.services.configuration.uploadMaxAgeSeconds + 60)
        try Self.age(report, seconds: harness.services.configuration.uploadMaxAgeSeconds + 60)
        let sweeper = Task { await WebServer.sweep(harness.services) }
        defer { sweeper.cancel() }
        for _ in 0..<100
        where FileManager.default.fileExists(atPath: upload.path) || FileManager.default.fileExists(atPath: report.path)
        {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!FileManager.default.fileExists(atPath: upload.path))
        #expect(!FileManager.default.fileExists(atPath: report.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
    }
}
