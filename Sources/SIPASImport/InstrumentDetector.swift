import Foundation
import SIPASCore
import SIPASInstruments

/// Chooses the instrument a file was collected with, from its header.
public enum InstrumentDetector {
    /// The header row of a CSV file (delimiter sniffed, encoding checked) or of a workbook's sheet:
    /// trimmed, NFC.
    /// - Throws: ``ImportError`` for an empty, unreadable or undecodable file.
    public static func readHeader(of file: URL, options: SourceOptions = .init()) throws -> [String] {
        let source = try RecordSources.open(file, options)
        var header: [String]?
        struct Stop: Error {}
        var counts: [String: Int] = [:]
        do {
            try source.forEachRecord { record in
                header = try RecordSources.decoder(for: source).decode(record, header: nil, counts: &counts).map(
                    \.value)
                throw Stop()
            }
        } catch is Stop {}
        guard let header else { throw ImportError(.emptyFile, at: SourceLocation(file: source.name)) }
        return header
    }

    /// The instrument with the highest share of its scored items found in the header (matched as
    /// the importer matches: name, loose name, group path, label); ties go to the one missing fewer
    /// required questions, then to the one with more items found (an inpatient form holds every
    /// outpatient item).
    /// - Throws: ``ImportError/Kind/noInstrumentMatches(_:)`` listing every candidate and its score
    ///   when none has more than 50 % of its items in the header.
    public static func detect(header: [String], among instruments: [Instrument], file: String = "") throws -> (
        instrument: Instrument, score: Double
    ) {
        try pick(instruments.map { score($0, header: header) }, header: header, file: file)
    }

    /// ``detect(header:among:file:)`` among the built-in instruments, each scored on the thread
    /// that decoded it (``BuiltinInstruments/map(_:)``). The choice is kept for the next file with
    /// the same header (``BuiltinInstruments/rememberedChoice(forHeader:)``), which then decodes only
    /// the instrument chosen: the choice depends on nothing but the header and the built-in
    /// instruments, which the cache's build fixes.
    public static func detectBuiltin(header: [String], file: String = "") throws -> (
        instrument: Instrument, score: Double
    ) {
        if let known = BuiltinInstruments.rememberedChoice(forHeader: header),
            let instrument = try BuiltinInstruments.named(known.id)
        {
            return (instrument, known.score)
        }
        let chosen = try pick(try BuiltinInstruments.map { score($0, header: header) }, header: header, file: file)
        BuiltinInstruments.remember(HeaderChoice(header: header, id: chosen.instrument.id, score: chosen.score))
        return chosen
    }

    /// How well `header` covers an instrument.
    struct Scored: Sendable {
        var instrument: Instrument
        /// The share of its scored items found in the header.
        var score: Double
        var missingRequired: Int
        var found: Int
    }

    static func score(_ instrument: Instrument, header: [String]) -> Scored {
        let (pairs, _) = HeaderMatch.pairs(header: header, questions: instrument.questions)
        let present = Set(pairs.map(\.question))
        let scoredNames = Set(instrument.scoredQuestions.map(\.name))
        let items = instrument.questions.indices.filter { scoredNames.contains(instrument.questions[$0].name) }
        let found = items.filter(present.contains).count
        let missingRequired = instrument.questions.indices.filter {
            instrument.questions[$0].required && !present.contains($0)
        }.count
        return Scored(
            instrument: instrument, score: items.isEmpty ? 0 : Double(found) / Double(items.count),
            missingRequired: missingRequired, found: found)
    }

    private static func pick(_ scored: [Scored], header: [String], file: String) throws -> (
        instrument: Instrument, score: Double
    ) {
        let best = scored.max { a, b in
            (a.score, -a.missingRequired, a.found) < (b.score, -b.missingRequired, b.found)
        }
        guard let best, best.score > 0.5 else {
            if header.count == 1, let odd = header[0].first(where: { "|:#~^".contains($0) }) {
                throw ImportError(
                    .wrongDelimiter(guess: String(odd)),
                    at: SourceLocation(file: file, row: 1, column: header[0], columnIndex: 0))
            }
            let candidates = scored.sorted { $0.score > $1.score }.map {
                ImportError.Candidate(id: $0.instrument.id, score: $0.score)
            }
            throw ImportError(.noInstrumentMatches(candidates), at: SourceLocation(file: file, row: 1))
        }
        return (best.instrument, best.score)
    }

    /// The survey year written in the first data row's `year` column, if there is one.
    public static func peekYear(of file: URL) throws -> Int? {
        guard !RecordSources.isWorkbook(file) else { return nil }
        let scanner = try CSVScanner(url: file)
        guard let header = try scanner.next(),
            let column = header.fields.firstIndex(where: {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "year"
            }),
            let row = try scanner.next(), column < row.fields.count
        else { return nil }
        return Int(String(decoding: row.fields[column], as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }
}
