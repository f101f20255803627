import Foundation

/// Time stamps of a run's phases on standard error, when `SIPAS_TRACE=1`: where the wall time of
/// `sipas analyze` goes (start-up, each block read, decoded, checked and added, the estimates),
/// for the speed work in BENCHMARKS.md. Off, a mark costs one test of a constant.
public enum PhaseTrace {
    public static let enabled = ProcessInfo.processInfo.environment["SIPAS_TRACE"] == "1"
    /// When the first mark was asked for (the trace's zero).
    private static let origin = Date()

    /// Writes `ms phase` (milliseconds since the first mark) when tracing is on.
    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let line = String(format: "trace %8.1f ms  %@\n", Date().timeIntervalSince(origin) * 1000, phase())
        FileHandle.standardError.write(Data(line.utf8))
    }
}
