import ArgumentParser
import Foundation
import SIPASCore
import SIPASStats

/// `sipas sample`: deterministic synthetic response files.
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic response file (deterministic, GSL random numbers).",
        discussion: "The data are synthetic: real province codes and names, synthetic communes, weights and answers."
    )

    @Option(help: "Built-in instrument id or instrument YAML file.")
    var instrument: String

    @Option(help: "Survey year (decides the provinces: 63 before 2025, 34 from 2025).")
    var year: Int

    @Option(help: "Number of rows.")
    var rows: Int

    @Option(help: "Random seed.")
    var seed: UInt = 1

    @Option(help: "Target % satisfied (default: the published level of the family and year).")
    var level: Double?

    @Option(name: [.short, .long], help: "Output CSV file.")
    var output: String

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive") }
        guard (2015...2035).contains(year) else { throw ValidationError("--year must be between 2015 and 2035") }
        if let level, !(level > 0 && level < 100) { throw ValidationError("--level is a percentage between 0 and 100") }
    }

    func run() async throws {
        do {
            let chosen = try InstrumentResolver.resolve(instrument)
            let spec = SampleSpec(year: year, rows: rows, seed: seed, level: level.map { $0 / 100 })
            let summary = try SampleGenerator.write(instrument: chosen, spec: spec, to: URL(fileURLWithPath: output))
            let share = String(format: "%.2f", summary.meanOfProvinceShares * 100)
            Console.message(lang == .vi
                ? "\(output): \(summary.rows) dòng, \(summary.provinces) tỉnh, \(summary.clusters) cụm; tỷ lệ hài lòng trung bình các tỉnh \(share) % (mục tiêu \(String(format: "%.2f", summary.level * 100)) %, \(summary.levelSource))"
                : "\(output): \(summary.rows) rows, \(summary.provinces) provinces, \(summary.clusters) clusters; mean provincial share satisfied \(share) % (target \(String(format: "%.2f", summary.level * 100)) %, \(summary.levelSource))")
        } catch {
            Console.message(ErrorReporter.message(for: error, language: lang))
            throw ExitCode(ErrorReporter.exitCode(for: error))
        }
    }
}
