import SIPASCore

/// A problem that stops the import of a whole file.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case fileNotFound
        case unreadable(String)
        case emptyFile
        /// Bytes that are not UTF-8, at this offset within the cell.
        case notUTF8(byteOffset: Int, bytes: [UInt8])
        case utf16
        case unterminatedQuote
        /// Required questions with no column.
        case missingColumns([String])
        /// Two columns matched the same question.
        case ambiguousColumns(question: String, columns: [String])
        /// The header has one column holding this character: probably the delimiter.
        case wrongDelimiter(guess: String)
        case noInstrumentMatches([String])
        case badExpression(question: String, expression: String, reason: String)
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// True when the input itself is missing (exit status 66 rather than 65).
    public var isMissingInput: Bool { kind == .fileNotFound }

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        let at = location.description
        switch kind {
        case .fileNotFound:
            return vi ? "\(at): không tìm thấy tệp" : "\(at): no such file"
        case .unreadable(let reason):
            return vi ? "\(at): không đọc được tệp: \(reason)" : "\(at): cannot read the file: \(reason)"
        case .emptyFile:
            return vi ? "\(at): tệp rỗng, không có dòng tiêu đề" : "\(at): the file is empty (no header row)"
        case .notUTF8(let offset, let bytes):
            let hex = bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            return vi
                ? "\(at): byte \(hex) ở vị trí \(offset + 1) của ô không phải UTF-8. Tệp có thể được lưu bằng Excel “CSV” trên Windows tiếng Việt (Windows-1258): hãy lưu lại dạng “CSV UTF-8”"
                : "\(at): byte \(hex) at position \(offset + 1) of the cell is not UTF-8. The file may have been saved by Excel as plain “CSV” on Vietnamese Windows (Windows-1258): save it again as “CSV UTF-8”"
        case .utf16:
            return vi ? "\(at): tệp mã hoá UTF-16 (Excel “Unicode Text”); hãy lưu lại dạng “CSV UTF-8”"
                : "\(at): the file is UTF-16 (Excel “Unicode Text”); save it again as “CSV UTF-8”"
        case .unterminatedQuote:
            return vi ? "\(at): dấu ngoặc kép mở ở dòng này không được đóng đến hết tệp"
                : "\(at): a quote opened on this row is never closed before the end of the file"
        case .missingColumns(let names):
            return vi ? "\(at): thiếu cột bắt buộc: \(names.joined(separator: ", "))"
                : "\(at): required columns missing: \(names.joined(separator: ", "))"
        case .ambiguousColumns(let question, let columns):
            return vi ? "\(at): nhiều cột cùng khớp câu hỏi \(question): \(columns.joined(separator: ", "))"
                : "\(at): several columns match question \(question): \(columns.joined(separator: ", "))"
        case .wrongDelimiter(let guess):
            return vi ? "\(at): dòng tiêu đề chỉ có một cột và chứa “\(guess)”: dấu phân cách có vẻ sai (sipas đọc dấu phẩy, chấm phẩy hoặc tab)"
                : "\(at): the header is a single column containing “\(guess)”: the delimiter looks wrong (sipas reads comma, semicolon or tab)"
        case .noInstrumentMatches(let scores):
            return vi ? "\(at): không bộ công cụ nào khớp với tiêu đề (\(scores.joined(separator: "; "))); chọn bằng --instrument"
                : "\(at): no instrument matches the header (\(scores.joined(separator: "; "))); choose one with --instrument"
        case .badExpression(let question, let expression, let reason):
            return vi ? "\(at): biểu thức của câu \(question) không hiểu được: \(expression) (\(reason))"
                : "\(at): cannot parse the expression of question \(question): \(expression) (\(reason))"
        }
    }
}
