import SIPASCore

/// A store failure: what went wrong, and the store it happened in. Its message comes from the
/// catalog: ``Kind/text(_:)`` in Vietnamese or English, after the store's name.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable, LocalizedMessage {
        /// The store file or server could not be opened (bad path, no permission, not a database).
        case cannotOpen(reason: String)
        /// Another process held the store longer than the busy timeout.
        case locked(seconds: Double)
        /// The disk (or the store's size limit) is full; nothing of the batch was written.
        case diskFull
        /// The connection to the server was lost; nothing of the batch was written.
        case connectionLost(reason: String)
        /// A batch of that name is loaded from another file: `--replace` replaces it.
        case batchExists(name: String, sha256: String)
        /// No batch with that name or number.
        case noSuchBatch(String)
        /// The store holds no responses for the year (and instrument) asked for.
        case noResponses(year: Int?, instrument: String?)
        /// Responses of several instruments match: choose one with `--instrument`.
        case severalInstruments([String])
        /// The stored layout differs from the instrument's (the instrument changed since the load).
        case layoutChanged(instrument: String, batch: String)
        /// A stored row that does not decode: it lacks some of the `attributes` and `answers` its
        /// batch's layout expects, or has more (nil: that part is not what is wrong).
        case corruptRow(batch: Int64, row: Int, attributes: Int?, answers: Int?)
        /// New weights of a batch do not fit its responses: `row` lacks a weight, has one that is not
        /// a finite number ≥ 0, or is not a response of the batch.
        case badWeight(batch: String, row: Int)
        /// The database refused the operation (permissions, row-level security).
        case refused(reason: String)
        /// Any other database error, with the database's own message.
        case database(code: Int, message: String)

        public var key: String {
            switch self {
            case .cannotOpen: return "store.cannotOpen"
            case .locked: return "store.locked"
            case .diskFull: return "store.diskFull"
            case .connectionLost: return "store.connectionLost"
            case .batchExists: return "store.batchExists"
            case .noSuchBatch: return "store.noSuchBatch"
            case .noResponses: return "store.noResponses"
            case .severalInstruments: return "store.severalInstruments"
            case .layoutChanged: return "store.layoutChanged"
            case .corruptRow: return "store.corruptRow"
            case .badWeight: return "store.badWeight"
            case .refused: return "store.refused"
            case .database: return "store.database"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .cannotOpen(let reason):
                return language.pick(
                    vi: "không mở được kho dữ liệu (\(reason))", en: "cannot open the store (\(reason))")
            case .locked(let seconds):
                return language.pick(
                    vi: "kho dữ liệu đang bị tiến trình khác khoá quá \(Int(seconds)) giây; hãy chạy lại sau",
                    en: "the store was locked by another process for more than \(Int(seconds)) s; run again later")
            case .diskFull:
                return language.pick(
                    vi: "đĩa đầy: lô không được ghi, kho giữ nguyên; giải phóng chỗ rồi chạy lại",
                    en: "the disk is full: the batch was not written and the store is unchanged; "
                        + "free space and run again")
            case .connectionLost(let reason):
                return language.pick(
                    vi: "mất kết nối (\(reason)): lô không được ghi; chạy lại để nạp đủ",
                    en: "the connection was lost (\(reason)): the batch was not written; run again to load it")
            case .batchExists(let name, let sha):
                return language.pick(
                    vi: "lô '\(name)' đã được nạp từ một tệp khác (SHA-256 \(sha.prefix(12))…); "
                        + "dùng --replace để thay lô này",
                    en: "batch '\(name)' was loaded from a different file (SHA-256 \(sha.prefix(12))…); "
                        + "use --replace to replace it")
            case .noSuchBatch(let name):
                return language.pick(vi: "không có lô '\(name)'", en: "no batch '\(name)'")
            case .noResponses(let year, let instrument):
                let parts = [year.map { language.pick(vi: "năm \($0)", en: "year \($0)") }, instrument]
                let what = parts.compactMap { $0 }.joined(separator: ", ")
                let scope = what.isEmpty ? "" : " (\(what))"
                return language.pick(
                    vi: "kho không có phiếu nào\(scope)", en: "the store holds no responses\(scope)")
            case .severalInstruments(let ids):
                let list = ids.joined(separator: ", ")
                return language.pick(
                    vi: "kho có phiếu của nhiều bộ công cụ (\(list)); chọn một bằng --instrument",
                    en: "the store holds responses of several instruments (\(list)); choose one with --instrument")
            case .layoutChanged(let instrument, let batch):
                return language.pick(
                    vi: "bộ công cụ \(instrument) đã đổi câu hỏi so với lúc nạp lô '\(batch)'",
                    en: "instrument \(instrument) has other questions than when batch '\(batch)' was loaded")
            case .corruptRow(let batch, let row, let attributes, let answers):
                let vi = [attributes.map { "\($0) thuộc tính" }, answers.map { "\($0) câu trả lời" }].compactMap { $0 }
                let en = [attributes.map { "\($0) attributes" }, answers.map { "\($0) answers" }].compactMap { $0 }
                return language.pick(
                    vi: "lô \(batch), dòng \(row): dữ liệu hỏng (cần \(vi.joined(separator: " và ")))",
                    en: "batch \(batch), row \(row): corrupt data (\(en.joined(separator: " and ")) expected)")
            case .badWeight(let batch, let row):
                return language.pick(
                    vi: "lô '\(batch)', dòng \(row): trọng số không khớp "
                        + "(mỗi phiếu của lô cần đúng một trọng số hữu hạn ≥ 0)",
                    en: "batch '\(batch)', row \(row): the weights do not fit "
                        + "(each response of the batch needs exactly one finite weight ≥ 0)")
            case .refused(let reason):
                return language.pick(vi: "cơ sở dữ liệu từ chối: \(reason)", en: "refused by the database: \(reason)")
            case .database(let code, let message):
                return language.pick(
                    vi: "lỗi cơ sở dữ liệu \(code): \(message)", en: "database error \(code): \(message)")
            }
        }
    }

    public var kind: Kind
    /// The store (file path or server URL without password).
    public var store: String

    public init(_ kind: Kind, store: String = "") {
        self.kind = kind
        self.store = store
    }

    /// True for failures of the data given (a batch conflict, a missing batch), false for I/O.
    public var isDataError: Bool {
        switch kind {
        case .batchExists, .noResponses, .severalInstruments, .layoutChanged, .badWeight: return true
        default: return false
        }
    }

    public var description: String { message(.en) }

    /// The message in `language`, naming the store.
    public func message(_ language: Language) -> String {
        (store.isEmpty ? "" : "\(store): ") + kind.text(language)
    }
}

/// Reasons a store cannot be opened that sipas itself finds, for ``StoreError/Kind/cannotOpen(reason:)``.
public enum StoreMessage: Sendable, Hashable, LocalizedMessage {
    /// `--existing` and the store file is absent.
    case noSuchFile
    /// A command that works on SQLite stores only, given a PostgreSQL URL.
    case sqliteOnly
    /// A command that works on PostgreSQL only, given something else.
    case postgresURLNeeded

    public var key: String {
        switch self {
        case .noSuchFile: return "store.reason.noSuchFile"
        case .sqliteOnly: return "store.reason.sqliteOnly"
        case .postgresURLNeeded: return "store.reason.postgresURLNeeded"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .noSuchFile: return language.pick(vi: "không có tệp này", en: "no such file")
        case .sqliteOnly:
            return language.pick(
                vi: "lệnh này chỉ dùng với kho SQLite", en: "this command works on a SQLite store only")
        case .postgresURLNeeded: return language.pick(vi: "cần một URL postgres://", en: "a postgres:// URL is needed")
        }
    }
}
