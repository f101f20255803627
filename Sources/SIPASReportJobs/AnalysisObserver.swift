import Foundation
import SIPASCore
import SIPASImport

/// Where a job's messages go: the command line prints them on standard error (with a progress
/// line on a terminal); the web keeps them quiet. The numbers never depend on it.
public struct AnalysisObserver {
    /// A note for the user (the instrument chosen, the store's selection, why key drivers are missing).
    public var message: (String) -> Void
    /// One file imported, with the rejects file written beside it, in the run's language.
    public var imported: (ImportSummary, URL, Language) -> Void
    /// A progress display for a file being imported (rows read, fraction done) and its end, or nil.
    public var progress: (String) -> (update: (Int, Double?) -> Void, finish: () -> Void)?

    public init(
        message: @escaping (String) -> Void = { _ in },
        imported: @escaping (ImportSummary, URL, Language) -> Void = { _, _, _ in },
        progress: @escaping (String) -> (update: (Int, Double?) -> Void, finish: () -> Void)? = { _ in nil }
    ) {
        self.message = message
        self.imported = imported
        self.progress = progress
    }

    /// Says nothing.
    public static var silent: AnalysisObserver { AnalysisObserver() }
}
