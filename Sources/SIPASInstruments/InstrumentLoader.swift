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
            throw InstrumentError(file: file, line: nil, message: "\(error)")
        } catch let error as DecodingError {
            throw InstrumentError.decoding(error, file: file, yaml: yaml)
        }
    }

    /// Loads a user's instrument file.
    public static func load(contentsOf url: URL) throws -> Instrument {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InstrumentError(
                file: url.path, line: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InstrumentError(file: url.path, line: nil, message: "the file is not UTF-8 text")
        }
        return try load(yaml: text, file: url.lastPathComponent)
    }
}

/// A problem in an instrument file, with its line when known.
public struct InstrumentError: Error, Sendable, CustomStringConvertible, Hashable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    static func decoding(_ error: DecodingError, file: String, yaml: String) -> InstrumentError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        let (keys, text): ([any CodingKey], String) = {
            switch error {
            case .keyNotFound(let key, let context):
                return (context.codingPath + [key], "required key '\(key.stringValue)' is missing")
            case .typeMismatch(_, let context): return (context.codingPath, context.debugDescription)
            case .valueNotFound(_, let context): return (context.codingPath, context.debugDescription)
            case .dataCorrupted(let context): return (context.codingPath, context.debugDescription)
            @unknown default: return ([], "\(error)")
            }
        }()
        let line = YAMLLocator(yaml: yaml).line(
            of: keys.map { $0.intValue.map(YAMLLocator.Step.index) ?? .key($0.stringValue) })
        return InstrumentError(file: file, line: line, message: "\(path(keys).drop(while: { $0 == "." })): \(text)")
    }
}
