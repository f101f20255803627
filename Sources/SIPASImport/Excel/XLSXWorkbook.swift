import Foundation
import SIPASCore
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The parts of an `.xlsx` workbook needed to read one sheet: the sheet list, the shared strings,
/// which cell styles are dates, and the date system.
///
/// Small parts (workbook, relationships, styles) are parsed from memory; the shared strings and the
/// sheet itself are extracted to a temporary file and parsed as a stream, so memory does not grow
/// with the sheet (Foundation's `XMLParser(data:)` also fails on parts of about 10 MB or more,
/// research/ecosystem.md §2). What the parts inflate to is capped by ``XLSXLimits``.
final class XLSXWorkbook {
    struct Sheet: Hashable {
        var name: String
        /// Path of the sheet's part inside the archive (`xl/worksheets/sheet1.xml`).
        var path: String
    }

    let file: String
    let archive: Archive
    private(set) var sheets: [Sheet] = []
    private(set) var sharedStrings: [String] = []
    /// For each cell style index (`s`), whether its number format shows a date or time.
    private(set) var dateStyles: [Bool] = []
    /// True for the 1904 date system (old Mac workbooks).
    private(set) var date1904 = false
    /// The bytes inflated so far, against the limits.
    private var inflated: InflatedBytes

    /// Opens `url` and reads its workbook, relationships, styles and shared strings.
    /// - Throws: ``ImportError/Kind/badWorkbook(_:)`` when it is not a readable xlsx workbook,
    ///   ``ImportError/Kind/workbookTooLarge(_:part:bound:)`` when it has more parts than
    ///   `limits` allow or a part inflates past them.
    init(url: URL, limits: XLSXLimits = .standard) throws {
        file = url.lastPathComponent
        inflated = InflatedBytes(limits: limits, file: file)
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw ImportError(.badWorkbook("not a zip archive (\(error))"), at: SourceLocation(file: file))
        }
        var entries = 0
        for _ in archive {
            entries += 1
            if entries > limits.maxEntries {
                throw inflated.error(.entries, part: nil, bound: Int64(limits.maxEntries))
            }
        }
        let relations = try relationships()
        let workbookPart = try data("xl/workbook.xml")
        let events = XMLEvents()
        events.onStart = { [self] name, attributes in
            if name == "sheet", let sheetName = attributes["name"] {
                let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
                guard let target = relations[id] else {
                    throw ImportError(.badWorkbook("sheet “\(sheetName)” has no part"), at: SourceLocation(file: file))
                }
                sheets.append(Sheet(name: sheetName.nfc, path: target))
            } else if name == "workbookPr", let value = attributes["date1904"] {
                date1904 = value == "1" || value == "true"
            }
        }
        try parse(XMLParser(data: workbookPart), part: "xl/workbook.xml", events)
        if archive["xl/styles.xml"] != nil { try readStyles() }
        if let path = relations.values.first(where: { $0.hasSuffix("sharedStrings.xml") })
            ?? (archive["xl/sharedStrings.xml"] != nil ? "xl/sharedStrings.xml" : nil)
        {
            try readSharedStrings(path)
        }
    }

    /// The sheet named `selector` (exactly, else ignoring case and accents), or at this 1-based
    /// position; the first sheet when nil.
    func sheet(_ selector: String?) throws -> Sheet {
        guard let selector else {
            guard let first = sheets.first else {
                throw ImportError(.badWorkbook("the workbook has no sheet"), at: SourceLocation(file: file))
            }
            return first
        }
        if let exact = sheets.first(where: { $0.name == selector.nfc }) { return exact }
        if let loose = sheets.first(where: { $0.name.looseKey == selector.looseKey }) { return loose }
        if let index = Int(selector), index >= 1, index <= sheets.count { return sheets[index - 1] }
        throw ImportError(.noSuchSheet(selector, available: sheets.map(\.name)), at: SourceLocation(file: file))
    }

    /// The bytes of a small part.
    func data(_ path: String) throws -> Data {
        guard let entry = archive[path] else {
            throw ImportError(.badWorkbook("the part \(path) is missing"), at: SourceLocation(file: file))
        }
        var data = Data()
        try extract(entry, path, inMemory: true) { data.append($0) }
        return data
    }

    /// Inflates `entry` chunk by chunk into `sink`, counting the bytes against the limits.
    private func extract(_ entry: Entry, _ path: String, inMemory: Bool, into sink: (Data) throws -> Void) throws {
        try inflated.checkDeclared(Int64(clamping: entry.uncompressedSize), part: path, inMemory: inMemory)
        var partBytes: Int64 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                try inflated.add(chunk.count, part: path, partSoFar: &partBytes, inMemory: inMemory)
                try sink(chunk)
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.badWorkbook("cannot unpack \(path) (\(error))"), at: SourceLocation(file: file))
        }
    }

    /// Extracts a part to a temporary file and returns a streaming parser on it, and the file to
    /// delete; `inMemory` when what is parsed is kept whole (the shared strings), for its limit.
    func streamingParser(_ path: String, inMemory: Bool = false) throws -> (XMLParser, URL) {
        guard let entry = archive[path] else {
            throw ImportError(.badWorkbook("the part \(path) is missing"), at: SourceLocation(file: file))
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sipas-xlsx-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw ImportError(.badWorkbook("cannot write a temporary file for \(path)"), at: SourceLocation(file: file))
        }
        do {
            defer { try? handle.close() }
            try extract(entry, path, inMemory: inMemory) { try handle.write(contentsOf: $0) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard let stream = InputStream(url: temporary) else {
            throw ImportError(.badWorkbook("cannot read \(path)"), at: SourceLocation(file: file))
        }
        return (XMLParser(stream: stream), temporary)
    }

    /// Parses with `events`, turning malformed XML into an error naming the part and line.
    func parse(_ parser: XMLParser, part: String, _ events: XMLEvents) throws {
        do { try events.parse(parser) } catch let problem as XMLProblem {
            throw ImportError(
                .badWorkbook("\(part), line \(problem.line): \(problem.reason)"), at: SourceLocation(file: file))
        }
    }

    /// Relationship id → part path, from `xl/_rels/workbook.xml.rels`.
    private func relationships() throws -> [String: String] {
        guard archive["xl/_rels/workbook.xml.rels"] != nil else { return [:] }
        var relations: [String: String] = [:]
        let events = XMLEvents()
        events.onStart = { name, attributes in
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            relations[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        try parse(XMLParser(data: try data("xl/_rels/workbook.xml.rels")), part: "xl/_rels/workbook.xml.rels", events)
        return relations
    }

    private func readSharedStrings(_ path: String) throws {
        let (parser, temporary) = try streamingParser(path, inMemory: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        var current = ""
        var inText = false
        var inPhonetic = false
        let events = XMLEvents()
        events.onStart = { name, _ in
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true  // East Asian reading hints are not part of the text
            default: break
            }
        }
        events.onText = { if inText { current += $0 } }
        events.onEnd = { [self] name in
            switch name {
            case "t": inText = false
            case "rPh": inPhonetic = false
            case "si": sharedStrings.append(current)
            default: break
            }
        }
        try parse(parser, part: path, events)
    }

    /// Marks the cell styles whose number format is a date or time: built-in formats 14–22, 27–36,
    /// 45–47, 50–58 (ECMA-376 §18.8.30, with the East Asian date formats), or a custom format with
    /// d, m, y, h or s outside quotes and brackets.
    private func readStyles() throws {
        var customDate: [Int: Bool] = [:]
        var inCellXfs = false
        let events = XMLEvents()
        events.onStart = { [self] name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                    customDate[id] = Self.isDateFormat(code)
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                dateStyles.append(customDate[id] ?? Self.isBuiltinDate(id))
            default: break
            }
        }
        events.onEnd = { name in if name == "cellXfs" { inCellXfs = false } }
        try parse(XMLParser(data: try data("xl/styles.xml")), part: "xl/styles.xml", events)
    }

    static func isBuiltinDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted && !bracket && "dmyhs".contains(character) { return true }
            }
        }
        return false
    }
}
