import Foundation
import Logging
import SIPASStore

/// What the routes share: the store, the configuration, the login throttle, the pending uploads
/// and the page renderer. The store's calls block (SQLite), so they run on a dispatch queue, not
/// on the server's threads.
public final class WebServices: Sendable {
    public let store: SurveyStore
    public let configuration: WebConfiguration
    let throttle: LoginThrottle
    let uploads: PendingUploads
    let pages: Pages
    let logger: Logger

    public init(store: SurveyStore, configuration: WebConfiguration, logger: Logger = Logger(label: "sipas.web")) throws {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        throttle = LoginThrottle(limit: configuration.maxFailedLogins, window: configuration.loginWindowSeconds)
        uploads = try PendingUploads(directory: configuration.uploadDirectory)
        pages = try Pages()
    }

    /// Runs blocking `work` (store calls, file reading) on a dispatch queue.
    func run<T: Sendable>(_ work: @escaping @Sendable (SurveyStore) throws -> T) async throws -> T {
        let store = self.store
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work(store) }) }
        }
    }
}
