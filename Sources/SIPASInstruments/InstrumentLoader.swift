import Foundation
import SIPASCore
import Yams

/// Reads instrument YAML into ``Instrument`` values.
public enum InstrumentLoader {
    /// Decodes an instrument from YAML text. `file` names the source in errors.
    ///
    /// Decoding is typed (Codable), so `no`, `01` and `1.10` stay strings where the model wants strings.
    /// - Throws: ``InstrumentError`` with the line of the problem when Yams reports one.
    public static func load(yaml: String, file: String) throws -> Instrument {
        do {
            return try YAMLDecoder().decode(Instrument.self, from: yaml.nfc)
        } catch let error as YamlError {
            throw InstrumentError(file: file, line: nil, .yaml("\(error)"))
        } catch let error as DecodingError {
            throw InstrumentError.decoding(error, file: file, yaml: yaml)
        }
    }

    /// Loads a user's instrument file.
    public static func load(contentsOf url: URL) throws -> Instrument {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InstrumentError(file: url.path, line: nil, .cannotRead(detail: error.localizedDescription))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InstrumentError(file: url.path, line: nil, .notUTF8)
        }
        return try load(yaml: text, file: url.lastPathComponent)
    }
}

/// A problem in an instrument, targets or XLSForm file, with its line when known. Its text comes
/// from the catalog (``InstrumentMessage``): ``text(_:)`` is `file:line: message` in Vietnamese or
/// English; ``description`` is the English one.
public struct InstrumentError: Error, Sendable, CustomStringConvertible, Hashable, LocalizedMessage {
    public var file: String
    public var line: Int?
    public var problem: InstrumentMessage

    public init(file: String, line: Int?, _ problem: InstrumentMessage) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// The problem in English, without the file and line.
    public var message: String { problem.text(.en) }

    public var key: String { problem.key }

    public func text(_ language: Language) -> String {
        if let line { return "\(file):\(line): \(problem.text(language))" }
        return "\(file): \(problem.text(language))"
    }

    public var description: String { text(.en) }

    static func decoding(_ error: DecodingError, file: String, yaml: String) -> InstrumentError {
        let keys: [any CodingKey]
        var missingKey: String? = nil
        var detail = ""
        switch error {
        case .keyNotFound(let key, let context):
            keys = context.codingPath + [key]
            missingKey = key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            keys = context.codingPath
            detail = context.debugDescription
        @unknown default:
            keys = []
            detail = "\(error)"
        }
        let line = YAMLLocator(yaml: yaml).line(
            of: keys.map { $0.intValue.map(YAMLLocator.Step.index) ?? .key($0.stringValue) })
        let dotted: String = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let path = String(dotted.drop(while: { $0 == "." }))
        let problem: InstrumentMessage =
            missingKey.map { .missingKey(path: path, key: $0) } ?? .decoding(path: path, detail: detail)
        return InstrumentError(file: file, line: line, problem)
    }
}
