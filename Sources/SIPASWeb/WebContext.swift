import Foundation
import Hummingbird
import NIOCore
import SIPASCore
import SIPASStore

/// The request context of `sipas serve`: the signed-in session (if any), the page language and the
/// client's address, set by ``WebSessionMiddleware`` before any route runs.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The live session, nil when nobody is signed in.
    public var session: WebSessionRecord?
    /// SHA-256 (hex) of the session cookie's token, when the browser sent one.
    public var tokenHash: String?
    public var language: Language = .vi
    /// The peer's address (the proxy's own when behind one: see ``WebConfiguration/behindProxy``).
    public var peerAddress: String
    /// Form bodies (login, accept) are small; uploads are streamed and capped by the upload route.
    public var maxUploadSize: Int { 64 * 1024 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    public var account: WebAccount? { session?.account }
}
