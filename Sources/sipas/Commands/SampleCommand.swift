import ArgumentParser
import Foundation
import SIPASCore
import SIPASReportJobs
import SIPASStats

/// `sipas sample`: deterministic synthetic response files.
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic response file (deterministic, GSL random numbers).",
        discussion: """
            The data are SYNTHETIC: real province codes and names, synthetic communes, weights and \
            answers. Every province of the year is a stratum (63 before 2025, 34 from 2025) with \
            communes as clusters; answers follow a latent model calibrated so that the unweighted \
            mean of provincial shares of satisfied answers is close to --level. The same arguments \
            always give the same file.

            Example: sipas sample --instrument sipas-2023 --year 2024 --rows 12000 --seed 2024 --output 2024.csv
            """
    )

    @Option(help: "Built-in instrument id (sipas-2023, health-inpatient …) or instrument YAML file.")
    var instrument: String

    @Option(help: "Survey year (decides the provinces: 63 before 2025, 34 from 2025).")
    var year: Int

    @Option(help: "Number of rows (respondents).")
    var rows: Int

    @Option(help: "Random seed (GSL mt19937).")
    var seed: UInt = 1

    @Option(help: "Target % satisfied, e.g. 83.94 (default: the published level of the family and year).")
    var level: Double?

    @Option(help: "Clusters (communes) per pre-2025 province.")
    var communes: Int = 6

    @Option(name: [.short, .long], help: "Output CSV file.")
    var output: String

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive, got \(rows)") }
        guard rows <= 10_000_000 else { throw ValidationError("--rows must be at most 10 000 000, got \(rows)") }
        guard (2015...2035).contains(year) else {
            throw ValidationError("--year must be between 2015 and 2035, got \(year)")
        }
        guard (1...200).contains(communes) else {
            throw ValidationError("--communes must be between 1 and 200, got \(communes)")
        }
        if let level, !(level > 0 && level < 100) {
            throw ValidationError("--level is a percentage strictly between 0 and 100, got \(level)")
        }
    }

    func run() async throws {
        do {
            let chosen = try InstrumentResolver.resolve(instrument)
            let url = URL(fileURLWithPath: output)
            var isDirectory: ObjCBool = false
            let folder = url.deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw CLIError.cannotWrite(path: output, reason: CLIMessage.noFolder(folder).text(lang))
            }
            let spec = SampleSpec(
                instrumentId: chosen.id, year: year, rows: rows, seed: seed,
                level: level.map { $0 / 100 }, communesPerProvince: communes)
            let summary: SampleSummary
            do {
                summary = try SampleGenerator.write(instrument: chosen, spec: spec, to: url)
            } catch StatsError.invalid(let argument) {
                // Arguments that do not fit the instrument (year outside its range …): a usage error.
                Console.message(CLIMessage.errorPrefix.text(lang) + argument.text(lang))
                throw ExitCode(ExitStatus.usage)
            }
            let index = String(format: "%.2f", summary.meanOfProvinceIndices * 100)
            let share = String(format: "%.2f", summary.meanOfProvinceShares * 100)
            let target = String(format: "%.2f", summary.level * 100)
            Console.message(
                CLIMessage.sampleSummary(
                    output: output, rows: summary.rows, provinces: summary.provinces, clusters: summary.clusters,
                    seed: seed, index: index, target: target, source: summary.levelSource, share: share
                ).text(lang))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.message(ErrorReporter.message(for: error, language: lang))
            throw ExitCode(ErrorReporter.exitCode(for: error))
        }
    }
}
