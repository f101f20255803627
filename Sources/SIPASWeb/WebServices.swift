import Foundation
import Logging
import SIPASStore

/// What the routes share: the store, the configuration, the login throttle, the pending uploads
/// and the page renderer. The store is any ``SurveyStoring`` (SQLite or PostgreSQL); every call on
/// survey data names the signed-in account's ``StoreRole``.
public final class WebServices: Sendable {
    package let store: any SurveyStoring
    public let configuration: WebConfiguration
    let throttle: LoginThrottle
    let uploads: PendingUploads
    let pages: Pages
    let logger: Logger

    package init(store: any SurveyStoring, configuration: WebConfiguration, logger: Logger = Logger(label: "sipas.web"))
        throws
    {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        throttle = LoginThrottle(limit: configuration.maxFailedLogins, window: configuration.loginWindowSeconds)
        uploads = try PendingUploads(directory: configuration.uploadDirectory)
        pages = try Pages()
    }

    /// Runs blocking `work` (file reading) on a dispatch queue, not on the server's threads.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await BlockingWork.run(work)
    }
}
