import Foundation
import SIPASCore
import SIPASImport
import SIPASStore

/// A batch of a survey store as `store batches`, `store show` and `import` write it in JSON
/// (docs/json.md, `$defs/batch`).
struct BatchJSON: Encodable {
    var id: Int64
    var name: String
    var team: String
    var fileName: String
    var sha256: String
    var instrument: String
    var methodVersion: String
    var rowsRead: Int
    var accepted: Int
    var rejected: Int
    var syntheticRows: Int
    /// When the batch was committed (UTC, ISO 8601).
    var loadedAt: String
    /// `in_force`, or `replaced` (then `replaced_by` is the batch that replaced it).
    var status: String
    var replacedBy: Int64?

    init(_ b: BatchInfo) {
        id = b.id
        name = b.name
        team = b.team
        fileName = b.fileName
        sha256 = b.sha256
        instrument = b.instrumentID
        methodVersion = b.methodVersion
        rowsRead = b.rowsRead
        accepted = b.accepted
        rejected = b.rejected
        syntheticRows = b.syntheticRows
        loadedAt = b.loadedAt
        status = b.replacedBy == nil ? "in_force" : "replaced"
        replacedBy = b.replacedBy
    }
}

/// `sipas store batches --format json`.
struct StoreBatchesJSON: Encodable {
    var command = "store batches"
    var batches: [BatchJSON]
}

/// `sipas store show --format json`: the batch and its rejected rows with their reasons (in the
/// language the rows were loaded with).
struct StoreShowJSON: Encodable {
    struct Rejected: Encodable {
        var row: Int
        var reasons: String
    }

    var command = "store show"
    var batch: BatchJSON
    var rejections: [Rejected]
}

/// One file of `sipas import --format json`.
struct ImportedFileJSON: Encodable {
    struct Duplicate: Encodable {
        var respondentId: String
        var row: Int
        var otherBatch: String
        var otherRow: Int
    }

    var file: String
    var instrument: String
    /// The file's rows as read (nil when the store had the file already and did not read it).
    var summary: ImportFileJSON?
    /// `loaded`, or `already_loaded` (the same bytes are in force: nothing written).
    var outcome: String
    var batch: BatchJSON
    var replaced: BatchJSON?
    /// Respondent ids of this batch already in another batch in force, all counted.
    var duplicateIds = 0
    /// The first of them.
    var duplicates: [Duplicate] = []
    var seconds: Double

    init(
        url: URL, instrument: String, summary: ImportSummary?, outcome: LoadOutcome, seconds: Double, language: Language
    ) {
        file = url.lastPathComponent
        self.instrument = instrument
        self.summary = summary.map { ImportFileJSON($0, language: language, shown: $0.rejections.count) }
        self.seconds = seconds
        switch outcome {
        case .alreadyLoaded(let info):
            self.outcome = "already_loaded"
            batch = BatchJSON(info)
        case .loaded(let info, let replaced, let duplicates, let count):
            self.outcome = "loaded"
            batch = BatchJSON(info)
            self.replaced = replaced.map(BatchJSON.init)
            duplicateIds = count
            self.duplicates = duplicates.map {
                Duplicate(respondentId: $0.respondentID, row: $0.row, otherBatch: $0.otherBatch, otherRow: $0.otherRow)
            }
        }
    }
}

/// `sipas import --format json`.
struct ImportJSON: Encodable {
    var command = "import"
    var language: Language
    var files: [ImportedFileJSON]
    /// 0, or 65 when rows were rejected (without `--accept-rejects`).
    var exitStatus: Int32
}
