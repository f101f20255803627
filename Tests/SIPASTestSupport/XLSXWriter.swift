import Foundation
import ZIPFoundation

/// One cell written by ``XLSXWriter``.
public enum XLSXCell: Sendable, Hashable {
    /// A shared string (`t="s"`), as Excel writes text.
    case text(String)
    /// An inline string (`t="inlineStr"`), as many exporters write text.
    case inline(String)
    /// A number, written exactly as given (`<v>4</v>`).
    case number(String)
    case bool(Bool)
    /// A serial date in the date style (number format 14).
    case date(Double)
    /// A formula's cached string result (`t="str"`).
    case formulaText(String)
}

/// Writes small `.xlsx` workbooks for tests: the five parts Excel needs, plus shared strings and a
/// style sheet with one date style. `nil` cells are left out (sparse), and empty rows are not written.
public enum XLSXWriter {
    public static func write(_ sheets: [(name: String, rows: [[XLSXCell?]])], to url: URL, date1904: Bool = false)
        throws
    {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var sheetParts: [String] = []
        for (_, rows) in sheets {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in rows.enumerated() where row.contains(where: { $0 != nil }) {
                xml += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let ref = letters(c) + String(r + 1)
                    switch cell {
                    case .text(let text):
                        let index =
                            sharedIndex[text]
                            ?? {
                                shared.append(text)
                                sharedIndex[text] = shared.count - 1
                                return shared.count - 1
                            }()
                        xml += "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>"
                    case .inline(let text):
                        xml +=
                            "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                    case .number(let text): xml += "<c r=\"\(ref)\"><v>\(text)</v></c>"
                    case .bool(let value): xml += "<c r=\"\(ref)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                    case .date(let serial): xml += "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
                    case .formulaText(let text): xml += "<c r=\"\(ref)\" t=\"str\"><f>A1</f><v>\(escape(text))</v></c>"
                    }
                }
                xml += "</row>"
            }
            sheetParts.append(xml + "</sheetData></worksheet>")
        }
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\(sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\(date1904 ? "<workbookPr date1904=\"1\"/>" : "")<sheets>\(sheets.enumerated().map { "<sheet name=\"\(escape($0.element.name))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets></workbook>
            """)
        let n = sheets.count
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())<Relationship Id="rId\(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId\(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """)
        try add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
            """)
        for (i, part) in sheetParts.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", part) }
        try add(
            "xl/sharedStrings.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(shared.count)" uniqueCount="\(shared.count)">\(shared.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined())</sst>
            """)
    }

    /// A CSV text (no quoted fields) as one sheet's rows: numbers as numbers, empty fields left
    /// out, other text as shared strings.
    public static func rows(fromCSV text: String, delimiter: Character = ",") -> [[XLSXCell?]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { line in
            line.split(separator: delimiter, omittingEmptySubsequences: false).map { field -> XLSXCell? in
                let value = String(field)
                if value.isEmpty { return nil }
                if Double(value) != nil, !value.hasPrefix("0") || value == "0" || value.hasPrefix("0.") {
                    return .number(value)
                }
                return .text(value)
            }
        }
    }

    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Replaces one part of an existing workbook (for damaged-file tests).
public enum XLSXWriterPatch {
    public static func replace(entry path: String, in url: URL, with data: Data) throws {
        let archive = try Archive(url: url, accessMode: .update)
        if let entry = archive[path] { try archive.remove(entry) }
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Replaces one part with `size` zero bytes, deflated as they are produced (never held whole
    /// in memory): a zip bomb, about a thousandth of `size` once compressed.
    public static func replace(entry path: String, in url: URL, withZeros size: Int64) throws {
        let archive = try Archive(url: url, accessMode: .update)
        if let entry = archive[path] { try archive.remove(entry) }
        let chunk = Data(count: 1 << 16)
        try archive.addEntry(with: path, type: .file, uncompressedSize: size, compressionMethod: .deflate) { _, count in
            count == chunk.count ? chunk : Data(count: count)
        }
    }

    /// Overwrites the uncompressed size that the local and the central header of part `path`
    /// declare (archives without zip64 records), as a crafted archive would.
    public static func declare(size: UInt32, for path: String, in url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array(path.utf8)
        func put(_ offset: Int) {
            for i in 0..<4 { bytes[offset + i] = UInt8((size >> (8 * UInt32(i))) & 0xFF) }
        }
        var found = 0
        for p in 0...(bytes.count - name.count)
        where bytes[p] == name[0] && bytes[p..<(p + name.count)].elementsEqual(name) {
            if p >= 30, bytes[(p - 30)..<(p - 26)].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
                put(p - 30 + 22)
                found += 1
            }
            if p >= 46, bytes[(p - 46)..<(p - 42)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                put(p - 46 + 24)
                found += 1
            }
        }
        precondition(found == 2, "\(path): \(found) headers found")
        try Data(bytes).write(to: url)
    }
}
