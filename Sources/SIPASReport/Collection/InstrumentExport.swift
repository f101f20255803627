import Foundation
import SIPASCore
import SIPASInstruments

/// Collection instruments made from an instrument definition: what `sipas instrument export`
/// writes, so that answers are collected in the shape the importer checks.
public enum InstrumentExport {
    public enum Format: String, Sendable, CaseIterable {
        /// An ODK / KoboToolbox XLSForm (``XLSFormExport``).
        case xlsform
        /// A data-entry workbook for keyers of paper forms (``EntryWorkbook``).
        case entryXLSX = "entry-xlsx"
        /// A printable A4 paper questionnaire (``PaperForm``).
        case html

        /// Whether the format is a binary workbook (which needs a file, not standard output).
        public var isWorkbook: Bool { self != .html }
    }

    /// Writes `instrument` as `format` to `url`; `language` is the language of the paper form.
    public static func write(_ instrument: Instrument, format: Format, to url: URL, language: Language = .vi) throws {
        switch format {
        case .xlsform: try XLSFormExport.write(instrument, to: url)
        case .entryXLSX: try EntryWorkbook.write(instrument, to: url)
        case .html: try Data(PaperForm.html(instrument, language: language).utf8).write(to: url)
        }
    }
}
