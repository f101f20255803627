import ArgumentParser
import Foundation
import SIPASCore
import SIPASReport
import SIPASStats

extension AllocationRule: ExpressibleByArgument {}
extension SelectionMethod: ExpressibleByArgument {}
extension HouseholdSelection.Method: ExpressibleByArgument {}

/// `sipas design`: sample size, allocation, selection and weights (research/sampling-methods.md).
struct DesignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "design",
        abstract: "Sample design: size, allocation across strata, selection from a frame, weights after field work.",
        discussion: """
            Example (the synthetic frame of the 34 provinces shipped in SampleData/; README "Sample design"):
              sipas design size --margin 5 --share 85 --deff 1.5 --response-rate 0.9 --frame SampleData/frame-2025.csv --strata province_code --population households
              sipas design allocate --frame SampleData/frame-2025.csv --strata province_code --n 136 --rule sqrt --minimum 3 --format csv --output communes.csv
              sipas design draw --frame SampleData/frame-2025.csv --id commune_code --size households --strata province_code --allocation communes.csv --method pps-systematic --seed 2025 --listed households --per-cluster 20 --reserves 5 --output households.csv
              sipas design weights --sample households.csv --responses answers.csv --id unit_id --cells province_code --margins SampleData/frame-2025-households.csv --output weighted.csv
            """,
        subcommands: [
            DesignSizeCommand.self, DesignAllocateCommand.self, DesignDrawCommand.self, DesignWeightsCommand.self,
            DesignProgressCommand.self,
        ]
    )
}

enum DesignOutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

/// What every `design` subcommand shares: error reporting, tables, CSV and JSON output.
enum DesignIO {
    /// Runs `body`; a ``DesignError`` is printed in the chosen language and exits 64, 65 or 66.
    static func run(_ language: Language, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DesignError {
            Console.message(CLIMessage.errorPrefix.text(language) + error.message(language))
            switch error.category {
            case .usage: throw ExitCode(ExitStatus.usage)
            case .data: throw ExitCode(ExitStatus.dataError)
            case .missingInput: throw ExitCode(ExitStatus.noInput)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.message(ErrorReporter.message(for: error, language: language))
            throw ExitCode(ErrorReporter.exitCode(for: error))
        }
    }

    static func readTable(_ path: String) throws -> FrameTable {
        try FrameTable.read(URL(fileURLWithPath: path))
    }

    /// Columns padded to their widest cell; numbers (all but the first column) aligned right.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c == 0 ? text + pad : pad + text
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return
            ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }

    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        let writer = CSVWriter()
        return ([header] + rows).map { writer.line($0) }.joined()
    }

    static func json(_ header: [String], _ rows: [[Any]]) throws -> String {
        let records = rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        let data = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes `text` to `path` (or standard output), refusing a missing folder with a usage error.
    static func write(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw CLIError.cannotWrite(path: path, reason: "no folder \(folder)")
            }
        }
        try Console.emit(text, to: path)
    }

    static func human(_ x: Double, _ digits: Int, _ language: Language) -> String {
        NumberStyle.human(language).format(x, digits: digits)
    }
}
