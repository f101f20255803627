import Foundation
import SIPASCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads one sheet of an Excel `.xlsx` workbook as records, streaming its XML with Foundation's
/// `XMLParser` (ZIPFoundation unpacks the part to a temporary file first): no sheet is ever held
/// in memory as a whole.
///
/// Cells are given as Excel shows them: shared and inline strings as written; numbers with up to
/// 15 significant digits (`4`, `120.5`; `4.0000000000000009` from a formula reads `4`); booleans as
/// `TRUE`/`FALSE`; error values as written (`#N/A`); numbers in a date or time style as ISO dates
/// (`2024-05-17`, `2024-05-17 08:30:00`), in the 1900 or 1904 date system. A missing `<c>` is an
/// empty cell; rows carry the number Excel shows (`r`), and missing rows count as blank lines.
/// - Complexity: O(size of the sheet's XML); memory O(shared strings + one row).
public final class XLSXReader: RecordSource {
    /// "data.xlsx, sheet Phiếu" — every location of this source starts so.
    public let name: String
    public let sheetName: String
    public private(set) var blankLines = 0
    let workbook: XLSXWorkbook
    private let sheet: XLSXWorkbook.Sheet

    public var encoding: CSVScanner.Encoding { fontDecoder?.encoding ?? .utf8 }
    public private(set) var encodingGuess: EncodingDetector.Guess?
    /// Set when the text was typed with a TCVN3 or VNI font (`--encoding tcvn3|vni`, or detected
    /// from the shared strings).
    private(set) var fontDecoder: LegacyFontDecoder?
    public var fieldDelimiter: UInt8? { nil }
    public var strayQuotes: Int { 0 }
    var legacyDecoder: (any LegacyDecoder)? { nil }

    /// Opens `url` and chooses the sheet: by name (exactly, else ignoring case and accents), by
    /// 1-based position, or the first sheet. `encoding` `tcvn3` or `vni` says the text was typed
    /// with that legacy font; `auto` looks at the shared strings (``EncodingDetector/guessFont(_:)``).
    /// `limits` caps what the workbook's parts may inflate to.
    /// - Throws: ``ImportError`` (`badWorkbook`, `workbookTooLarge`, `noSuchSheet`).
    public init(
        url: URL, sheet selector: String? = nil, encoding: EncodingChoice = .auto, limits: XLSXLimits = .standard
    ) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImportError(.fileNotFound, at: SourceLocation(file: url.lastPathComponent))
        }
        workbook = try XLSXWorkbook(url: url, limits: limits)
        sheet = try workbook.sheet(selector)
        sheetName = sheet.name
        name = "\(url.lastPathComponent), sheet \(sheet.name)"
        switch encoding {
        case .tcvn3: fontDecoder = LegacyFontDecoder(font: .tcvn3)
        case .vni: fontDecoder = LegacyFontDecoder(font: .vni)
        case .auto:
            if let guess = EncodingDetector.guessFont(Array(workbook.sharedStrings.prefix(5_000))) {
                encodingGuess = guess
                fontDecoder = LegacyFontDecoder(font: guess.encoding == .vniFont ? .vni : .tcvn3)
            }
        case .utf8, .utf16, .cp1258: break
        }
    }

    /// The names of the workbook's sheets, in order.
    public var sheetNames: [String] { workbook.sheets.map(\.name) }

    public func forEachRecord(_ body: (CSVScanner.Record) throws -> Void) throws {
        let (parser, temporary) = try workbook.streamingParser(sheet.path)
        defer { try? FileManager.default.removeItem(at: temporary) }
        var state = RowState()
        let events = XMLEvents()
        let strings = workbook.sharedStrings
        let dateStyles = workbook.dateStyles
        let date1904 = workbook.date1904
        let name = self.name

        try withoutActuallyEscaping(body) { body in
            // The closures below hold `body`: they must be gone when this block ends.
            defer { events.reset() }
            events.onStart = { element, attributes in
                switch element {
                case "row":
                    state.row = attributes["r"].flatMap(Int.init) ?? state.lastRow + 1
                    state.cells = []
                case "c":
                    state.column = attributes["r"].flatMap(Self.columnIndex) ?? state.cells.count
                    state.type = attributes["t"]
                    state.style = attributes["s"].flatMap(Int.init) ?? 0
                    state.value = ""
                    state.inline = ""
                case "v": state.inValue = true
                case "t": state.inInlineText = !state.inPhonetic
                case "rPh": state.inPhonetic = true
                default: break
                }
            }
            events.onText = { text in
                if state.inValue { state.value += text } else if state.inInlineText { state.inline += text }
            }
            events.onEnd = { [self] element in
                switch element {
                case "v": state.inValue = false
                case "t": state.inInlineText = false
                case "rPh": state.inPhonetic = false
                case "c":
                    let text = try Self.text(
                        of: state, strings: strings, dateStyles: dateStyles, date1904: date1904, file: name)
                    guard state.column < 16_384 else {
                        throw ImportError(
                            .badWorkbook("cell reference beyond column XFD"),
                            at: SourceLocation(file: name, row: state.row))
                    }
                    if state.column >= state.cells.count {
                        state.cells.append(contentsOf: repeatElement("", count: state.column - state.cells.count + 1))
                    }
                    state.cells[state.column] = text
                case "row":
                    if state.row > state.lastRow + 1 { blankLines += state.row - state.lastRow - 1 }
                    state.lastRow = max(state.lastRow, state.row)
                    var cells = state.cells
                    if cells.count < state.width {
                        cells.append(contentsOf: repeatElement("", count: state.width - cells.count))
                    }
                    if state.width == 0, cells.contains(where: { !$0.isEmpty }) {
                        while cells.last == "" { cells.removeLast() }
                        state.width = cells.count
                    }
                    if cells.isEmpty {
                        blankLines += 1
                        return
                    }
                    let fields = cells.map { Array($0.utf8) }
                    try body(
                        CSVScanner.Record(
                            fields: fields, row: state.row, line: state.row,
                            fieldOffsets: Array(repeating: 0, count: fields.count),
                            quoted: Array(repeating: false, count: fields.count)))
                default: break
                }
            }
            try workbook.parse(parser, part: sheet.path, events)
        }
    }

    /// What the parser knows of the current row and cell.
    private struct RowState {
        var row = 0, lastRow = 0, width = 0
        var cells: [String] = []
        var column = 0, style = 0
        var type: String?
        var value = "", inline = ""
        var inValue = false, inInlineText = false, inPhonetic = false
    }

    /// `"AB12"` → 27 (0-based); nil when the reference has no letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            if byte >= 65 && byte <= 90 {
                index = index * 26 + Int(byte - 64)
            } else if byte >= 97 && byte <= 122 {
                index = index * 26 + Int(byte - 96)
            } else {
                break
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }

    private static func text(of state: RowState, strings: [String], dateStyles: [Bool], date1904: Bool, file: String)
        throws -> String
    {
        let value = state.value
        switch state.type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < strings.count else {
                throw ImportError(
                    .badWorkbook("shared string '\(value)' does not exist (the workbook has \(strings.count))"),
                    at: SourceLocation(file: file, row: state.row, columnIndex: state.column))
            }
            return strings[index]
        case "inlineStr": return state.inline
        case "str", "e", "d": return value
        case "b": return value == "1" || value == "true" ? "TRUE" : "FALSE"
        default:
            if value.isEmpty { return state.inline }
            let dated = state.style < dateStyles.count && dateStyles[state.style]
            if !dated, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), value.utf8.count < 16 { return value }
            guard let number = Double(value) else { return value }
            return dated ? ExcelDate.text(serial: number, date1904: date1904) : ExcelDate.excelNumber(number)
        }
    }
}

/// Excel's serial dates and number display.
enum ExcelDate {
    /// A number as Excel's General format shows it: at most 15 significant digits.
    static func excelNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let text = String(format: "%.15g", number)
        if let rounded = Double(text), rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        return text
    }

    /// A serial date as ISO 8601 text: `yyyy-MM-dd`, with ` HH:mm:ss` when it has a time of day, or
    /// only `HH:mm:ss` below 1. The 1900 system counts the non-existent 29 February 1900 (serial 60),
    /// as Lotus 1-2-3 did; the 1904 system counts from 1 January 1904.
    static func text(serial: Double, date1904: Bool) -> String {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return ExcelDate.excelNumber(serial) }
        let totalSeconds = Int64((serial * 86_400).rounded())
        let wholeDays = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        let time = String(format: "%02d:%02d:%02d", Int(seconds / 3600), Int(seconds / 60 % 60), Int(seconds % 60))
        if !date1904 && wholeDays == 0 { return time }
        let date: String
        if !date1904 && wholeDays == 60 {
            date = "1900-02-29"
        } else {
            // Days since 1970-01-01 of the serial's day.
            let epochOffset: Int64 = date1904 ? -24_107 : (wholeDays < 60 ? -25_568 : -25_569)
            let (y, m, d) = civil(fromDays: wholeDays + epochOffset)
            date = String(format: "%04d-%02d-%02d", y, m, d)
        }
        return seconds == 0 ? date : date + " " + time
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant, "chrono-compatible
    /// low-level date algorithms", `civil_from_days`).
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }
}
