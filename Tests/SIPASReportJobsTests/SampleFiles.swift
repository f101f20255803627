import Foundation
import SIPASTestSupport

/// The first rows of SampleData/<year>.csv written to a temporary folder under the same name.
enum SampleFiles {
    static func first(_ rows: Int, of year: String, in directory: URL) throws -> URL {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("SampleData/\(year).csv"), encoding: .utf8)
        let url = directory.appendingPathComponent("\(year).csv")
        try
            (text.split(separator: "\n", omittingEmptySubsequences: true).prefix(rows + 1).joined(separator: "\n")
            + "\n")
            .write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
