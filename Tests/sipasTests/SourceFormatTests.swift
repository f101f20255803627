import Foundation
import SIPASTestSupport
import Testing

/// The tree follows the repository's `.swift-format` configuration: `swift format lint --strict`
/// (swift-format ships with the Swift 6 toolchain) reports nothing on Sources, Tests and
/// Package.swift. Run `swift format format -r -i Sources Tests Package.swift` to fix what it reports.
@Suite struct SourceFormatTests {
    @Test func treeFollowsTheFormatConfiguration() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard
            let swiftFormat = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)) })
                .map({ $0.appendingPathComponent("swift-format") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            Issue.record("swift-format is not on PATH: it ships with the Swift 6 toolchain, beside swift")
            return
        }
        let root = Fixtures.repositoryRoot
        let run = try ExternalProgram.run(
            swiftFormat,
            [
                "lint", "--strict", "--recursive", "--configuration", root.appendingPathComponent(".swift-format").path,
                "Sources", "Tests", "Package.swift",
            ],
            in: root)
        #expect(run.status == 0, "swift format lint --strict exited \(run.status):\n\(run.stderr)")
        #expect(run.stderr.isEmpty, "swift format lint --strict reported:\n\(run.stderr)")
    }
}
