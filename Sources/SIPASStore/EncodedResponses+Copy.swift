import Foundation

extension EncodedResponses {
    /// The columns of ``copyText(into:)``, in order, as a PostgreSQL store's staging table takes them.
    package static let copyColumns =
        "row integer, respondent_id text, year integer, weight double precision, stratum text, cluster text, "
        + "population_psus double precision, attributes text, answers text"

    /// Calls `body` with the rows `rows` (all when nil) in PostgreSQL's `COPY … FROM STDIN` text format (one line per
    /// row, columns as ``copyColumns``, a tab between them): a missing respondent id, year or
    /// population count is `\N`, and a backslash, tab, line feed or carriage return inside a text
    /// is written as its backslash escape, the only bytes the format reads specially.
    ///
    /// A weight is written as Swift's `description` of the Double, the shortest decimal that reads
    /// back as the same Double, which the server's `float8in` (`strtod`) does.
    package func withCopyText<T>(_ rows: Range<Int>? = nil, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows
        -> T
    {
        let rows = rows ?? 0..<count
        var out = ByteBuffer(
            capacity: (rows.isEmpty
                ? 0 : range(rows.upperBound - 1, 4).upperBound - range(rows.lowerBound, 0).lowerBound) + rows.count * 48
                + 64)
        defer { out.deallocate() }
        var lastWeight = Double.nan
        var weightText: [UInt8] = []
        bytes.withUnsafeBufferPointer { source in
            func text(_ i: Int, _ f: Int) {
                let range = self.range(i, f)
                var start = range.lowerBound
                for k in range where Self.escapes[Int(source[k])] != 0 {
                    out.append(UnsafeBufferPointer(rebasing: source[start..<k]))
                    out.append(UInt8(ascii: "\\"))
                    out.append(Self.escapes[Int(source[k])])
                    start = k + 1
                }
                out.append(UnsafeBufferPointer(rebasing: source[start..<range.upperBound]))
            }
            func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { out.append($0) } }
            for i in rows {
                StoredRowCodec.appendDigits(self.rows[i], to: &out)
                out.append(Self.tab)
                if range(i, 0).isEmpty { append(Self.null) } else { text(i, 0) }
                out.append(Self.tab)
                if let year = years[i] { StoredRowCodec.appendDigits(year, to: &out) } else { append(Self.null) }
                out.append(Self.tab)
                if weights[i].bitPattern != lastWeight.bitPattern {
                    lastWeight = weights[i]
                    weightText = Array(weights[i].description.utf8)
                }
                append(weightText)
                for f in 1...2 {
                    out.append(Self.tab)
                    text(i, f)
                }
                out.append(Self.tab)
                append(populationPSUs[i].map { Array($0.description.utf8) } ?? Self.null)
                for f in 3...4 {
                    out.append(Self.tab)
                    text(i, f)
                }
                out.append(UInt8(ascii: "\n"))
            }
        }
        return try body(out.buffer)
    }

    private static let tab = UInt8(ascii: "\t")
    private static let null: [UInt8] = Array(#"\N"#.utf8)

    /// Per byte, the letter of its escape in the COPY text format (0: written as it is).
    private static let escapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        table[Int(UInt8(ascii: "\\"))] = UInt8(ascii: "\\")
        table[Int(UInt8(ascii: "\t"))] = UInt8(ascii: "t")
        table[Int(UInt8(ascii: "\n"))] = UInt8(ascii: "n")
        table[Int(UInt8(ascii: "\r"))] = UInt8(ascii: "r")
        return table
    }()
}
