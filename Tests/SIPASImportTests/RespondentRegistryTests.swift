import Foundation
import Testing

@testable import SIPASImport

/// The compact respondent registry: hashes in a table, the earlier id read back from its file on a
/// hash match.
struct RespondentRegistryTests {
    func place(_ found: (file: Int, row: Int)?) -> [Int]? { found.map { [$0.file, $0.row] } }

    /// A CSV file of ids (`id,x`), one per row from row 2; the registry source for it.
    func file(_ ids: [String]) throws -> (URL, CSVImporter.IdSource) {
        let header = "id,x\n"
        let url = try temporaryFile("ids.csv", header + ids.map { "\($0),1\n" }.joined())
        return (
            url,
            CSVImporter.IdSource(
                url: url, delimiter: UInt8(ascii: ","), column: 0, normalise: { $0 },
                checkpoints: [(header.utf8.count, 1, 2)])
        )
    }

    /// A registry whose file "ids.csv" (number returned) holds `ids` and can be read again.
    func makeRegistry(_ ids: [String]) throws -> (registry: CSVImporter.RespondentRegistry, file: Int) {
        let (_, source) = try file(ids)
        var registry = CSVImporter.RespondentRegistry()
        let number = registry.add(file: "ids.csv")
        registry.makeRereadable(file: number, source: source)
        return (registry, number)
    }

    /// FNV-1a with MurmurHash3's finaliser, pinned (Tests/Fixtures/psu-hash/values.txt).
    @Test func theIdHashIsPinned() {
        #expect(CSVImporter.RespondentRegistry.hash("R0001") == 0x34ed_482b_a510_2de4)
        #expect(CSVImporter.RespondentRegistry.hash("") == 0xefd0_1f60_ba99_2926)
    }

    @Test func findsEveryRepeatAcrossGrowthAndFiles() throws {
        let ids = (0..<20_000).map { "ID-\($0 * 7919 % 100_003)" }
        let made = try makeRegistry(ids)
        var registry = made.registry
        let first = made.file
        for (k, id) in ids.enumerated() {
            let found1 = registry.firstOccurrence(of: id, file: first, row: k + 2)
            #expect(found1 == nil)
        }
        #expect(registry.count == 20_000)
        // A second file (kept as strings) repeating two ids of the first.
        let second = registry.add(file: "more.xlsx")
        let found2 = registry.firstOccurrence(of: ids[12_345], file: second, row: 2)
        #expect(place(found2) == [first, 12_347])
        let found3 = registry.firstOccurrence(of: "new", file: second, row: 3)
        #expect(found3 == nil)
        let found4 = registry.firstOccurrence(of: "new", file: second, row: 4)
        #expect(place(found4) == [second, 3])
        let found5 = registry.firstOccurrence(of: ids[0], file: second, row: 5)
        #expect(place(found5) == [first, 2])
    }

    /// A stored hash alone never makes a duplicate: the id is compared with the one in the file.
    @Test func aHashMatchIsVerifiedAgainstTheFile() throws {
        let made = try makeRegistry(["A1", "B2", "Z9"])
        var registry = made.registry
        let number = made.file
        // Register "Q7" as if it were at row 4, where the file holds "Z9": the same id again has
        // the same hash, but the file says row 4 is another id, so it is not a repeat.
        let found6 = registry.firstOccurrence(of: "Q7", file: number, row: 4)
        #expect(found6 == nil)
        let found7 = registry.firstOccurrence(of: "Q7", file: number, row: 5)
        #expect(found7 == nil)
        let found8 = registry.firstOccurrence(of: "B2", file: number, row: 3)
        #expect(found8 == nil)
        let found9 = registry.firstOccurrence(of: "B2", file: number, row: 6)
        #expect(place(found9) == [number, 3])
    }

    /// A copy of the registry is a value: ids added to one are not in the other, though the two
    /// share their table until one of them adds (``WordSlots`` is copied on write).
    @Test func aCopyDoesNotSeeIdsAddedAfterIt() throws {
        let ids = (0..<3_000).map { "R\($0)" }
        let made = try makeRegistry(ids)
        var registry = made.registry
        let number = made.file
        registry.reserve(400_000)  // a table of 2^20 words (8 MiB): mapped, in huge pages
        for k in 0..<1_000 { #expect(registry.firstOccurrence(of: ids[k], file: number, row: k + 2) == nil) }
        var copy = registry
        for k in 1_000..<2_000 { #expect(registry.firstOccurrence(of: ids[k], file: number, row: k + 2) == nil) }
        #expect(registry.count == 2_000)
        #expect(copy.count == 1_000)
        // The copy knows the first thousand ids, and takes the second thousand as new.
        #expect(place(copy.firstOccurrence(of: ids[10], file: number, row: 9_999)) == [number, 12])
        for k in 1_000..<2_000 { #expect(copy.firstOccurrence(of: ids[k], file: number, row: k + 2) == nil) }
        #expect(place(registry.firstOccurrence(of: ids[1_500], file: number, row: 9_999)) == [number, 1_502])
    }
}
