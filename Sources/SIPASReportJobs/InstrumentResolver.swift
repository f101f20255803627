import Foundation
import SIPASInstruments
import SIPASReport
import SIPASStats

/// Finds the instrument a job should use: a built-in id, or a user's YAML file.
public enum InstrumentResolver {
    public static func resolve(_ name: String) throws -> Instrument {
        if let builtin = try BuiltinInstruments.named(name) { return builtin }
        let url = URL(fileURLWithPath: name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw JobError.unknownInstrument(name, available: try BuiltinInstruments.all().map(\.id))
        }
        let instrument = try InstrumentLoader.load(contentsOf: url)
        return instrument
    }
}

extension InstrumentResolver {
    /// A built-in target plan (`bac-giang-2025`) or a user's YAML file.
    public static func targets(_ name: String) throws -> TargetPlan {
        if let builtin = try BuiltinTargets.named(name) { return builtin }
        guard FileManager.default.fileExists(atPath: name) else {
            throw JobError.unknownInstrument(name, available: try BuiltinTargets.all().map(\.id))
        }
        return try TargetPlan.load(contentsOf: URL(fileURLWithPath: name))
    }

    /// Assesses `plan` on `run`'s estimate of the plan's unit (the run's target-unit breakdown), relative
    /// targets on `changes`.
    public static func assess(_ plan: TargetPlan, _ run: AnalysisRun, changes: YearComparison? = nil) -> TargetTable {
        let scope = TargetScope.resolve(plan, instrument: run.instrument, result: run.result, dataYear: run.year)
        return TargetTable(
            plan: plan, scope: scope,
            assessments: TargetAssessment.assess(
                plan, family: run.instrument.family, result: run.result, scope: scope, changes: changes,
                level: run.result.confidenceLevel))
    }
}
