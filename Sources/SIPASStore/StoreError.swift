import SIPASCore

/// A store failure: what went wrong, and the store it happened in.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
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
        /// A stored row that does not decode.
        case corruptRow(batch: Int64, row: Int, detail: String)
        /// New weights of a batch do not fit its responses: `row` lacks a weight, has one that is not
        /// a finite number ≥ 0, or is not a response of the batch.
        case badWeight(batch: String, row: Int)
        /// The database refused the operation (permissions, row-level security).
        case refused(reason: String)
        /// Any other database error, with the database's own message.
        case database(code: Int, message: String)
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
        let vi = language == .vi
        let prefix = store.isEmpty ? "" : "\(store): "
        let text: String
        switch kind {
        case .cannotOpen(let reason):
            text = vi ? "không mở được kho dữ liệu (\(reason))" : "cannot open the store (\(reason))"
        case .locked(let seconds):
            text =
                vi
                ? "kho dữ liệu đang bị tiến trình khác khoá quá \(Int(seconds)) giây; hãy chạy lại sau"
                : "the store was locked by another process for more than \(Int(seconds)) s; run again later"
        case .diskFull:
            text =
                vi
                ? "đĩa đầy: lô không được ghi, kho giữ nguyên; giải phóng chỗ rồi chạy lại"
                : "the disk is full: the batch was not written and the store is unchanged; free space and run again"
        case .connectionLost(let reason):
            text =
                vi
                ? "mất kết nối (\(reason)): lô không được ghi; chạy lại để nạp đủ"
                : "the connection was lost (\(reason)): the batch was not written; run again to load it"
        case .batchExists(let name, let sha):
            text =
                vi
                ? "lô '\(name)' đã được nạp từ một tệp khác (SHA-256 \(sha.prefix(12))…); dùng --replace để thay lô này"
                : "batch '\(name)' was loaded from a different file (SHA-256 \(sha.prefix(12))…); use --replace to replace it"
        case .noSuchBatch(let name):
            text = vi ? "không có lô '\(name)'" : "no batch '\(name)'"
        case .noResponses(let year, let instrument):
            let what = [year.map { vi ? "năm \($0)" : "year \($0)" }, instrument].compactMap { $0 }.joined(
                separator: ", ")
            text =
                vi
                ? "kho không có phiếu nào\(what.isEmpty ? "" : " (\(what))")"
                : "the store holds no responses\(what.isEmpty ? "" : " (\(what))")"
        case .severalInstruments(let ids):
            text =
                vi
                ? "kho có phiếu của nhiều bộ công cụ (\(ids.joined(separator: ", "))); chọn một bằng --instrument"
                : "the store holds responses of several instruments (\(ids.joined(separator: ", "))); choose one with --instrument"
        case .layoutChanged(let instrument, let batch):
            text =
                vi
                ? "bộ công cụ \(instrument) đã đổi câu hỏi so với lúc nạp lô '\(batch)'"
                : "instrument \(instrument) has other questions than when batch '\(batch)' was loaded"
        case .corruptRow(let batch, let row, let detail):
            text =
                vi
                ? "lô \(batch), dòng \(row): dữ liệu hỏng (\(detail))"
                : "batch \(batch), row \(row): corrupt data (\(detail))"
        case .badWeight(let batch, let row):
            text =
                vi
                ? "lô '\(batch)', dòng \(row): trọng số không khớp (mỗi phiếu của lô cần đúng một trọng số hữu hạn ≥ 0)"
                : "batch '\(batch)', row \(row): the weights do not fit (each response of the batch needs exactly one finite weight ≥ 0)"
        case .refused(let reason):
            text = vi ? "cơ sở dữ liệu từ chối: \(reason)" : "refused by the database: \(reason)"
        case .database(let code, let message):
            text = vi ? "lỗi cơ sở dữ liệu \(code): \(message)" : "database error \(code): \(message)"
        }
        return prefix + text
    }
}
