import Testing

@testable import SIPASWeb

@Suite("Server configuration")
struct WebConfigurationTests {
    @Test("--listen HOST:PORT, IPv6 in brackets; anything else is a clear error")
    func listen() throws {
        #expect(try WebConfiguration.parseListen("127.0.0.1:8080") == ("127.0.0.1", 8080))
        #expect(try WebConfiguration.parseListen("[::1]:9000") == ("::1", 9000))
        #expect(throws: WebConfigurationError.badListen("8080")) { try WebConfiguration.parseListen("8080") }
        #expect(throws: WebConfigurationError.badListen("host:99999")) {
            try WebConfiguration.parseListen("host:99999")
        }
        #expect(
            WebConfigurationError.badListen("x").message(.en) == "--listen 'x': expected HOST:PORT, e.g. 127.0.0.1:8080"
        )
    }

    @Test("bcrypt cost is at least 10")
    func cost() {
        #expect(WebConfiguration(bcryptCost: 4).bcryptCost == 10)
        #expect(WebConfiguration().bcryptCost == 12)
    }
}
