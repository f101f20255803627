import Foundation
import SIPASCore
import SIPASStore
import SIPASStorePostgres
import SIPASReportJobs

/// A store opened for `sipas store batches|show|export`: a SQLite file or a PostgreSQL server
/// (read as the URL's role: a team sees its own batches, an analyst every batch).
enum OpenedStore {
    case sqlite(SurveyStore)
    case postgres(PostgresStore)

    /// Opens `location`; a SQLite file must exist (these commands never create one).
    static func open(_ location: String, language: Language) async throws -> OpenedStore {
        if PostgresStore.isURL(location) { return .postgres(try await PostgresStore.connect(location)) }
        guard FileManager.default.fileExists(atPath: location) else {
            throw StoreError(.cannotOpen(reason: language == .vi ? "không có tệp này" : "no such file"), store: location)
        }
        return .sqlite(try StoreOpener.open(location, language: language))
    }

    func close() async {
        if case .postgres(let store) = self { await store.close() }
    }

    func batches() async throws -> [BatchInfo] {
        switch self {
        case .sqlite(let store): return try store.batches()
        case .postgres(let store): return try await store.batches()
        }
    }

    func batch(_ name: String) async throws -> BatchInfo {
        switch self {
        case .sqlite(let store): return try store.batch(name)
        case .postgres(let store): return try await store.batch(name)
        }
    }

    func rejections(of batch: BatchInfo) async throws -> [StoredRejection] {
        switch self {
        case .sqlite(let store): return try store.rejections(of: batch).rows
        case .postgres(let store): return try await store.rejections(of: batch).rows
        }
    }

    func select(_ selection: ResponseSelection) async throws -> SelectionSummary {
        switch self {
        case .sqlite(let store): return try store.select(selection)
        case .postgres(let store): return try await store.select(selection)
        }
    }

    func exportCSV(_ selection: SelectionSummary, year: Int?, layout: RecordLayout, write: (String) throws -> Void) async throws {
        switch self {
        case .sqlite(let store): try store.exportCSV(selection, year: year, layout: layout, write: write)
        case .postgres(let store): try await store.exportCSV(selection, year: year, layout: layout, write: write)
        }
    }
}
