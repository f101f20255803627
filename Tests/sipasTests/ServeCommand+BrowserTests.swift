import Foundation
import SIPASTestSupport
import Testing

/// `sipas serve` in a real browser: Tests/Browser/web_flow.py (Selenium in the venv that
/// scripts/install-deps makes, headless Chromium) on the built binary. Sign in, upload with invalid
/// rows, reasons on the page, accept, the batch and the analysis; another team does not see it; an
/// analyst sees both.
struct ServeCommandBrowserTests {
    static let python = "/opt/sipas-browser-venv/bin/python"
    static let browserInstalled = FileManager.default.isExecutableFile(atPath: python)
        && ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")

    @Test(.enabled(if: browserInstalled, "Chromium, chromedriver and the Selenium venv (scripts/install-deps)"))
    func signInUploadAcceptAndTeamIsolationInChromium() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Fixtures.repositoryRoot.appendingPathComponent("Tests/Browser/web_flow.py").path,
                             "--sipas", CommandLineTests.binary.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("1 passed, 0 failed"), "\(output)")
    }
}
