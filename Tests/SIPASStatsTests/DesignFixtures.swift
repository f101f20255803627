import Foundation
import SIPASTestSupport

@testable import SIPASStats

/// The R `sampling`/`survey` reference files of Tests/Fixtures/r-sampling (see its README).
enum DesignFixtures {
    static func table(_ name: String) throws -> FrameTable {
        try FrameTable.read(Fixtures.url("r-sampling").appendingPathComponent(name))
    }

    /// The uniforms R drew for case `name`, in order.
    static func uniforms(_ name: String, file: String = "uniforms.csv") throws -> [Double] {
        let t = try table(file)
        return zip(try t.strings("name"), try t.numbers("value")).filter { $0.0 == name }.map(\.1)
    }

    static func frame() throws -> FrameTable { try table("apipop-frame.csv") }

    /// max |a − b| / max(|b|, 1).
    static func maxError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "lengths differ: \(a.count) vs \(b.count)")
        return zip(a, b).map { abs($0 - $1) / max(abs($1), 1) }.max() ?? 0
    }
}
