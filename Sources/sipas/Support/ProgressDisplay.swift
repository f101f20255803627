import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress display on standard error for long imports: rows, rate and, for text files,
/// the time left. Drawn only when standard error is a terminal and `--quiet` is not given, at most
/// ten times a second; the line is cleared when the file is done.
final class ProgressDisplay {
    private let file: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A display for `file`, or nil when standard error is not a terminal or the user asked for quiet.
    static func make(file: String, quiet: Bool) -> ProgressDisplay? {
        guard !quiet, isatty(2) == 1 else { return nil }
        return ProgressDisplay(file: file)
    }

    private init(file: String) { self.file = file }

    func update(rows: Int, fraction: Double?) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        var line = "\(file): \(rows) rows, \(Int(rate)) rows/s"
        if let fraction, fraction > 0.001, fraction <= 1 {
            line += ", \(Int((fraction * 100).rounded())) %, ETA \(Int((elapsed / fraction - elapsed).rounded())) s"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
