import Foundation
import SIPASCore
import SIPASInstruments

/// Chooses the instrument a file was collected with, from its header.
public enum InstrumentDetector {
    /// The header row of a CSV file (decoded leniently: the import itself reports bad bytes).
    public static func readHeader(of file: URL) throws -> [String] {
        let scanner = try CSVScanner(url: file)
        guard let record = try scanner.next(file: file.lastPathComponent) else {
            throw ImportError(.emptyFile, at: SourceLocation(file: file.lastPathComponent))
        }
        return record.fields.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces).nfc }
    }

    /// The instrument with the highest share of its scored items found in the header (by name,
    /// loosely); ties go to the one with more items found (an inpatient form holds every outpatient
    /// item name), then to the one missing fewer required questions.
    /// - Throws: ``ImportError/Kind/noInstrumentMatches(_:)`` when no instrument reaches 50 %.
    public static func detect(header: [String], among instruments: [Instrument], file: String = "") throws -> (instrument: Instrument, score: Double) {
        let keys = Set(header.map(\.looseKey) + header.compactMap { $0.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map { String($0).looseKey } })
        let scored = instruments.map { instrument -> (Instrument, Double, Int, Int) in
            let items = instrument.scoredQuestions
            let found = items.filter { keys.contains($0.name.looseKey) }.count
            let missingRequired = instrument.questions.filter { $0.required && !keys.contains($0.name.looseKey) }.count
            return (instrument, items.isEmpty ? 0 : Double(found) / Double(items.count), found, missingRequired)
        }
        guard let best = scored.max(by: { ($0.1, $0.2, -$0.3) < ($1.1, $1.2, -$1.3) }), best.1 >= 0.5 else {
            let list = scored.sorted { $0.1 > $1.1 }.map { "\($0.0.id) \(Int(($0.1 * 100).rounded())) %" }
            if header.count == 1, let odd = header[0].first(where: { "|:#~^".contains($0) }) {
                throw ImportError(.wrongDelimiter(guess: String(odd)), at: SourceLocation(file: file, row: 1, column: header[0], columnIndex: 0))
            }
            throw ImportError(.noInstrumentMatches(list), at: SourceLocation(file: file, row: 1))
        }
        return (best.0, best.1)
    }
}

extension InstrumentDetector {
    /// The survey year written in the first data row's `year` column, if there is one.
    public static func peekYear(of file: URL) throws -> Int? {
        let scanner = try CSVScanner(url: file)
        guard let header = try scanner.next(file: file.lastPathComponent),
              let column = header.fields.firstIndex(where: { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "year" }),
              let row = try scanner.next(file: file.lastPathComponent), column < row.fields.count
        else { return nil }
        return Int(String(decoding: row.fields[column], as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }
}
