import Foundation
import SIPASCore
import SIPASStore
import SIPASTestSupport
import Testing

/// The SQLite store through ``SurveyStoring``: a team's role sees its own batches only, an analyst
/// every batch; the calls give what the store's own calls give.
@Suite("SQLite store as a SurveyStoring")
struct SurveyStoreStoringTests {
    @Test("a team sees and counts only its batches; the analyst sees both; the analysis input is the stored records")
    func teamAndAnalystViews() async throws {
        let (store, directory) = try StoreFixtures.store()
        let instrument = try StoreFixtures.instrument
        let fileA = try StoreFixtures.file("a.csv", rows: 1...30, in: directory)
        let fileB = try StoreFixtures.file("b.csv", rows: 31...50, in: directory)
        guard
            case .loaded(let a, nil, _, _) = try await store.importFile(
                fileA, instrument: instrument, name: "a", replace: false, as: .team("a")),
            case .loaded(let b, nil, _, _) = try await store.importFile(
                fileB, instrument: instrument, name: "b", replace: false, as: .team("b"))
        else {
            Issue.record("not loaded")
            return
        }
        #expect(a.team == "a" && b.team == "b")
        #expect(try await store.batches(as: .team("a")).map(\.id) == [a.id])
        #expect(try await store.batches(as: .analyst).map(\.id) == [a.id, b.id])
        #expect(try await store.responseCount(as: .team("a")) == a.accepted)
        #expect(try await store.responseCount(as: .analyst) == a.accepted + b.accepted)
        await #expect(throws: StoreError.self) { try await store.rejections(of: b, as: .team("a")) }
        await #expect(throws: StoreError.self) {
            try await store.select(ResponseSelection(batches: ["b"]), as: .team("a"))
        }
        if case .alreadyLoaded = try await store.importFile(
            fileA, instrument: instrument, name: "a", replace: false, as: .team("a"))
        {
        } else {
            Issue.record("the same file was loaded twice")
        }

        let selection = try await store.select(ResponseSelection(), as: .team("a"))
        #expect(selection.batches.map(\.id) == [a.id])
        let records = try await store.reduceRecords(
            in: selection, year: nil, layout: instrument.recordLayout, as: .team("a"),
            into: [ResponseRecord]()
        ) { $0.append($1) }
        #expect(records == (try StoreFixtures.imported(fileA)))
        let all = try await store.select(ResponseSelection(), as: .analyst)
        await #expect(throws: StoreError.self) {
            try await store.reduceRecords(in: all, year: nil, layout: instrument.recordLayout, as: .team("a"), into: 0)
            { n, _ in n += 1 }
        }
    }
}
