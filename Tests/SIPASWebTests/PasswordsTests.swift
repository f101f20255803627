import Testing

@testable import SIPASWeb

@Suite("Passwords and the login throttle")
struct PasswordsTests {
    @Test("a password over 72 UTF-8 bytes is refused with its length; a short one too")
    func limits() {
        let long = String(repeating: "đ", count: 37)  // 74 bytes in UTF-8
        #expect(
            Passwords.problem(long, language: .en)
                == "the password is 74 bytes long (UTF-8); at most 72 bytes (accented letters take 2 to 4)")
        #expect(Passwords.problem("ngắn", language: .vi) == "mật khẩu cần ít nhất 8 ký tự")
        #expect(Passwords.problem("đủ dài rồi nhé", language: .vi) == nil)
    }

    @Test("bcrypt hashes verify, at the cost asked for")
    func hashing() async {
        let hash = await Passwords.hash("mật khẩu thử", cost: 10)
        #expect(hash.hasPrefix("$2b$10$"))
        #expect(await Passwords.verify("mật khẩu thử", hash: hash))
        #expect(await !Passwords.verify("mật khẩu sai", hash: hash))
        #expect(await !Passwords.verify("mật khẩu thử", hash: nil))
    }

    @Test("the throttle blocks an account after the limit, an address after four times it, for the rest of the window")
    func throttle() async {
        let throttle = LoginThrottle(limit: 2, window: 100)
        let keys = LoginThrottle.keys(account: "Lan", address: "10.0.0.1")
        await throttle.fail(keys, now: 0)
        #expect(await throttle.blocked(keys, now: 1) == nil)
        await throttle.fail(keys, now: 10)
        #expect(await throttle.blocked(keys, now: 20) == 80)
        #expect(await throttle.blocked(LoginThrottle.keys(account: "other", address: "10.0.0.1"), now: 20) == nil)
        #expect(await throttle.blocked(keys, now: 101) == nil)
    }
}
