import Foundation
import HummingbirdBcrypt
import SIPASCore

/// bcrypt hashing of account passwords, off the server's threads (one hash at cost 12 is a few
/// hundred milliseconds of CPU). bcrypt reads at most 72 bytes, so a longer password is refused
/// rather than silently cut (Vietnamese letters are 2 to 4 bytes each in UTF-8).
public enum Passwords {
    public static let maxBytes = 72
    public static let minCharacters = 8

    /// Why `password` cannot be used, or nil.
    public static func problem(_ password: String, language: Language) -> String? {
        if password.utf8.count > maxBytes {
            return WebMessage.passwordTooLong(bytes: password.utf8.count, maxBytes: maxBytes).text(language)
        }
        if password.count < minCharacters {
            return WebMessage.passwordTooShort(minCharacters: minCharacters).text(language)
        }
        return nil
    }

    public static func hash(_ password: String, cost: UInt8) async -> String {
        await offThread { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks `password` against `hash`; with no hash (an unknown account) a dummy hash is checked so
    /// that the answer takes as long either way.
    public static func verify(_ password: String, hash: String?) async -> Bool {
        guard password.utf8.count <= maxBytes else { return false }
        let checked = hash ?? dummyHash
        let ok = await offThread { Bcrypt.verify(password, hash: checked) }
        return ok && hash != nil
    }

    private static let dummyHash = Bcrypt.hash("sipas-no-such-account", cost: 10)

    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

/// Failed logins per account and per client address in a sliding window: past the limit (four times
/// it for an address, which an office's machines may share), logins from that address or to that
/// account are refused (429) until the oldest failure leaves the window.
actor LoginThrottle {
    private let limit: Int
    private let window: Double
    private var failures: [String: [Double]] = [:]

    init(limit: Int, window: Double) {
        (self.limit, self.window) = (limit, window)
    }

    static func keys(account: String, address: String) -> [String] {
        ["account:" + account.lowercased(), "address:" + address]
    }

    /// Seconds until a login may be tried again, or nil when it may be tried now.
    func blocked(_ keys: [String], now: Double) -> Double? {
        var wait: Double?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now - $0 < window }
            failures[key] = recent.isEmpty ? nil : recent
            let allowed = key.hasPrefix("address:") ? 4 * limit : limit
            if recent.count >= allowed, let oldest = recent.first { wait = max(wait ?? 0, window - (now - oldest)) }
        }
        return wait
    }

    func fail(_ keys: [String], now: Double) {
        for key in keys { failures[key, default: []].append(now) }
    }

    func succeed(account key: String) {
        failures[key] = nil
    }
}
