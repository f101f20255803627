import Foundation
import SIPASInstruments

/// Finds the instrument a command should use: a built-in id, or a user's YAML file.
enum InstrumentResolver {
    static func resolve(_ name: String) throws -> Instrument {
        if let builtin = try BuiltinInstruments.named(name) { return builtin }
        let url = URL(fileURLWithPath: name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CLIError.unknownInstrument(name, available: try BuiltinInstruments.all().map(\.id))
        }
        let instrument = try InstrumentLoader.load(contentsOf: url)
        return instrument
    }
}
