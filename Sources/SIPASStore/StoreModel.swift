import Foundation
import SIPASCore

/// One loaded batch: where it came from, what it held, and whether a later batch replaced it.
public struct BatchInfo: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var team: String
    public var fileName: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    public var instrumentID: String
    public var methodVersion: String
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    /// When the batch was committed (UTC, ISO 8601).
    public var loadedAt: String
    /// The batch that replaced this one (`--replace`); nil while the batch is in force.
    public var replacedBy: Int64?
    /// Rows read whose `data_source` is `synthetic` (``DataProvenance``), counted at load.
    public var syntheticRows: Int = 0

    public init(
        id: Int64, name: String, team: String, fileName: String, sha256: String, instrumentID: String,
        methodVersion: String, rowsRead: Int, accepted: Int, rejected: Int, loadedAt: String, replacedBy: Int64?
    ) {
        self.id = id
        self.name = name
        self.team = team
        self.fileName = fileName
        self.sha256 = sha256
        self.instrumentID = instrumentID
        self.methodVersion = methodVersion
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.loadedAt = loadedAt
        self.replacedBy = replacedBy
    }

    public var isInForce: Bool { replacedBy == nil }
}

/// A rejected row as stored: its original fields (as in the file) and the reasons.
public struct StoredRejection: Hashable, Sendable {
    public var row: Int
    public var fields: [String]
    public var reasons: String

    public init(row: Int, fields: [String], reasons: String) {
        self.row = row
        self.fields = fields
        self.reasons = reasons
    }
}

/// A respondent id that the new batch shares with a batch already in force.
public struct DuplicateRespondent: Hashable, Sendable {
    public var respondentID: String
    public var row: Int
    public var otherBatch: String
    public var otherRow: Int

    public init(respondentID: String, row: Int, otherBatch: String, otherRow: Int) {
        self.respondentID = respondentID
        self.row = row
        self.otherBatch = otherBatch
        self.otherRow = otherRow
    }
}

/// What a load did.
public enum LoadOutcome: Sendable {
    /// The batch was committed; `replaced` is the batch it replaced (with `--replace`).
    case loaded(BatchInfo, replaced: BatchInfo?, duplicates: [DuplicateRespondent], duplicateCount: Int)
    /// The same file (same SHA-256) is already in force as this batch: nothing was written.
    case alreadyLoaded(BatchInfo)
}

/// Which responses to read back for an analysis.
public struct ResponseSelection: Hashable, Sendable {
    /// Only rows of this survey year (the `year` attribute).
    public var year: Int?
    /// Only batches of this instrument; nil when the store holds one instrument for the year.
    public var instrumentID: String?
    /// Only these batches (names); nil for every batch in force.
    public var batches: [String]?

    public init(year: Int? = nil, instrumentID: String? = nil, batches: [String]? = nil) {
        self.year = year
        self.instrumentID = instrumentID
        self.batches = batches
    }
}

/// The batches an analysis read: their names, files and row accounting.
public struct SelectionSummary: Hashable, Sendable {
    public var instrumentID: String
    public var batches: [BatchInfo]
    public var responses: Int

    public init(instrumentID: String, batches: [BatchInfo], responses: Int) {
        self.instrumentID = instrumentID
        self.batches = batches
        self.responses = responses
    }

    public var rowsRead: Int { batches.reduce(0) { $0 + $1.rowsRead } }
    public var accepted: Int { batches.reduce(0) { $0 + $1.accepted } }
    public var rejected: Int { batches.reduce(0) { $0 + $1.rejected } }
    /// The batches' synthetic rows among their rows read: outputs made from them carry the marker.
    public var provenance: DataProvenance {
        DataProvenance(syntheticRows: batches.reduce(0) { $0 + $1.syntheticRows }, rows: rowsRead)
    }
}

extension Date {
    /// "2026-11-23T10:15:00Z".
    var storeTimestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: self)
    }
}
