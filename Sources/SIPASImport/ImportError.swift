import Foundation
import SIPASCore
import SIPASInstruments

/// A problem that stops the import of a whole file (as opposed to a ``Rejection`` of one row).
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A question the file has no column for.
    public struct MissingColumn: Sendable, Hashable {
        public var name: String
        public var label: LocalizedText
        public init(name: String, label: LocalizedText) {
            self.name = name
            self.label = label
        }
    }

    /// An instrument considered by ``InstrumentDetector`` and the share of its scored items found.
    public struct Candidate: Sendable, Hashable {
        public var id: String
        public var score: Double
        public init(id: String, score: Double) {
            self.id = id
            self.score = score
        }
    }

    public enum Kind: Sendable, Hashable {
        case fileNotFound
        case unreadable(String)
        case emptyFile
        /// Bytes that are not UTF-8, at this 0-based byte offset of the file.
        case notUTF8(byteOffset: Int, bytes: [UInt8])
        /// A byte that the file's single-byte Vietnamese encoding (cp1258, tcvn3, vni) does not define
        /// there, at this 0-based byte offset of the file.
        case undecodable(encoding: String, byteOffset: Int, byte: UInt8)
        /// UTF-16 without a byte-order mark (NUL bytes in the header). With a BOM it is decoded.
        case utf16
        /// A UTF-16 file with an unpaired surrogate (or an odd byte at the end) at this byte offset.
        case badUTF16(byteOffset: Int)
        /// A quote opened on this physical line (location: its row and column) and never closed.
        case unterminatedQuote(line: Int)
        /// Required questions (and scored items) with no column; `header` is the file's header.
        case missingColumns([MissingColumn], header: [String])
        /// Several columns matched the same question.
        case ambiguousColumns(question: String, columns: [String])
        /// One column matched several questions equally well (a shared loose name or label).
        case ambiguousMatch(column: String, questions: [String])
        /// The header has one column holding this character: probably the delimiter.
        case wrongDelimiter(guess: String)
        /// No instrument reaches 50 % of its scored items; every candidate with its score.
        case noInstrumentMatches([Candidate])
        case badExpression(question: String, expression: String, reason: FormExpression.ParseError)
        /// An xlsx file that cannot be read (not a zip, a part missing, malformed XML …).
        case badWorkbook(String)
        /// An xlsx archive with more parts than allowed (`part` nil), or a part (or all of them
        /// together) inflating past `bound` bytes (``XLSXLimits``): a zip bomb, or no workbook.
        case workbookTooLarge(XLSXLimits.Limit, part: String?, bound: Int64)
        /// `--sheet` names no sheet of the workbook; its sheets in order.
        case noSuchSheet(String, available: [String])
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

    /// The message in `language`: the location, then the kind's text from the catalog.
    public func message(_ language: Language) -> String {
        "\(location.description): " + kind.text(language)
    }
}

extension ImportError.Kind: LocalizedMessage {
    public var key: String {
        switch self {
        case .fileNotFound: return "import.fileNotFound"
        case .unreadable: return "import.unreadable"
        case .emptyFile: return "import.emptyFile"
        case .notUTF8: return "import.notUTF8"
        case .undecodable: return "import.undecodable"
        case .utf16: return "import.utf16"
        case .badUTF16: return "import.badUTF16"
        case .unterminatedQuote: return "import.unterminatedQuote"
        case .missingColumns: return "import.missingColumns"
        case .ambiguousColumns: return "import.ambiguousColumns"
        case .ambiguousMatch: return "import.ambiguousMatch"
        case .wrongDelimiter: return "import.wrongDelimiter"
        case .noInstrumentMatches: return "import.noInstrumentMatches"
        case .badExpression: return "import.badExpression"
        case .badWorkbook: return "import.badWorkbook"
        case .workbookTooLarge(let limit, _, _): return "import.workbookTooLarge.\(limit.rawValue)"
        case .noSuchSheet: return "import.noSuchSheet"
        }
    }

    /// The text in `language`, without the location.
    public func text(_ language: Language) -> String {
        switch self {
        case .fileNotFound:
            return language.pick(
                vi: "không tìm thấy tệp",
                en: "no such file")
        case .unreadable(let reason):
            return language.pick(
                vi: "không đọc được tệp: \(reason)",
                en: "cannot read the file: \(reason)")
        case .emptyFile:
            return language.pick(
                vi: "tệp rỗng, không có dòng tiêu đề",
                en: "the file is empty (no header row)")
        case .notUTF8(let offset, let bytes):
            let hex = bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
            return language.pick(
                vi:
                    "các byte \(hex) (vị trí byte \(offset) của tệp) không phải UTF-8. Tệp có thể được lưu bằng Excel “CSV” trên Windows tiếng Việt (Windows-1258, hoặc TCVN3/VNI) hay là UTF-16: hãy lưu lại dạng “CSV UTF-8”",
                en:
                    "bytes \(hex) (byte offset \(offset) of the file) are not UTF-8. The file may have been saved by Excel as plain “CSV” on Vietnamese Windows (Windows-1258, or TCVN3/VNI) or be UTF-16: save it again as “CSV UTF-8”"
            )
        case .undecodable(let encoding, let offset, let byte):
            let hex = String(format: "%02X", byte)
            return language.pick(
                vi:
                    "byte \(hex) (vị trí byte \(offset) của tệp) không đọc được theo bảng mã \(encoding); kiểm tra --encoding (utf8, utf16, cp1258, tcvn3, vni)",
                en:
                    "byte \(hex) (byte offset \(offset) of the file) cannot be read as \(encoding); check --encoding (utf8, utf16, cp1258, tcvn3, vni)"
            )
        case .utf16:
            return language.pick(
                vi: "tệp có vẻ mã hoá UTF-16 không có BOM (có byte 0 trong dòng tiêu đề); hãy lưu lại dạng “CSV UTF-8”",
                en:
                    "the file looks like UTF-16 without a byte-order mark (NUL bytes in the header); save it again as “CSV UTF-8”"
            )
        case .badUTF16(let offset):
            return language.pick(
                vi:
                    "tệp UTF-16 hỏng ở vị trí byte \(offset) (surrogate lẻ hoặc thiếu byte cuối); hãy lưu lại dạng “CSV UTF-8”",
                en:
                    "the UTF-16 file is broken at byte offset \(offset) (unpaired surrogate or odd final byte); save it again as “CSV UTF-8”"
            )
        case .unterminatedQuote(let line):
            return language.pick(
                vi: "dấu ngoặc kép mở ở đây (dòng văn bản \(line)) không được đóng đến hết tệp",
                en: "a quote opened here (text line \(line)) is never closed before the end of the file")
        case .missingColumns(let missing, let header):
            let names = missing.map { "\($0.name) (“\($0.label.text(language))”)" }.joined(separator: ", ")
            let shown = header.prefix(60).joined(separator: ", ") + (header.count > 60 ? ", … (\(header.count))" : "")
            return language.pick(
                vi: "thiếu cột bắt buộc: \(names). Tiêu đề của tệp: \(shown)",
                en: "required columns missing: \(names). The file's header: \(shown)")
        case .ambiguousColumns(let question, let columns):
            return language.pick(
                vi: "nhiều cột cùng khớp câu hỏi \(question): \(columns.joined(separator: ", "))",
                en: "several columns match question \(question): \(columns.joined(separator: ", "))")
        case .ambiguousMatch(let column, let questions):
            return language.pick(
                vi:
                    "cột “\(column)” khớp nhiều câu hỏi như nhau: \(questions.joined(separator: ", ")); hãy đổi tên cột thành tên câu hỏi",
                en:
                    "column “\(column)” matches several questions equally: \(questions.joined(separator: ", ")); rename it to the question's name"
            )
        case .wrongDelimiter(let guess):
            return language.pick(
                vi:
                    "dòng tiêu đề chỉ có một cột và chứa “\(guess)”: dấu phân cách có vẻ sai (sipas đọc dấu phẩy, chấm phẩy hoặc tab)",
                en:
                    "the header is a single column containing “\(guess)”: the delimiter looks wrong (sipas reads comma, semicolon or tab)"
            )
        case .noInstrumentMatches(let candidates):
            let list = candidates.map { "\($0.id) \(Int(($0.score * 100).rounded())) %" }.joined(separator: "; ")
            return language.pick(
                vi: "không bộ công cụ nào khớp quá 50 % câu hỏi với tiêu đề (\(list)); chọn bằng --instrument",
                en:
                    "no instrument has more than 50 % of its items in the header (\(list)); choose one with --instrument"
            )
        case .badWorkbook(let reason):
            return language.pick(
                vi: "không đọc được tệp Excel: \(reason)",
                en: "cannot read the Excel workbook: \(reason)")
        case .workbookTooLarge(let limit, let part, let bound):
            let name = part ?? ""
            switch limit {
            case .entries:
                return language.pick(
                    vi: "tệp Excel có hơn \(bound) phần (mục trong tệp nén): không đọc",
                    en: "the Excel workbook has more than \(bound) parts (zip entries): not read")
            case .partBytes:
                return language.pick(
                    vi: "phần \(name) của tệp Excel giải nén ra hơn \(bound) byte (có thể là “bom zip”): dừng đọc",
                    en:
                        "the part \(name) of the Excel workbook inflates to more than \(bound) bytes (a zip bomb?): reading stopped"
                )
            case .totalBytes:
                return language.pick(
                    vi: "tệp Excel giải nén ra hơn \(bound) byte tính đến phần \(name) (có thể là “bom zip”): dừng đọc",
                    en:
                        "the Excel workbook inflates to more than \(bound) bytes by its part \(name) (a zip bomb?): reading stopped"
                )
            }
        case .noSuchSheet(let sheet, let available):
            return language.pick(
                vi: "không có trang tính “\(sheet)”; các trang: \(available.joined(separator: ", "))",
                en: "no sheet “\(sheet)”; the sheets are: \(available.joined(separator: ", "))")
        case .badExpression(let question, let expression, let reason):
            return language.pick(
                vi: "biểu thức của câu \(question) không hiểu được: \(expression) (\(reason.text(.vi)))",
                en: "cannot parse the expression of question \(question): \(expression) (\(reason.text(.en))))")
        }
    }
}
