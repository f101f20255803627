import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASReport

struct FileDigestTests {
    /// FIPS 180-2 test vectors.
    @Test func knownVectors() {
        #expect(
            FileDigest.sha256(of: Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileDigest.sha256(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func aFileHashesAsItsBytes() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("x.csv")
        let bytes = Data((0..<3_000_000).map { UInt8($0 % 251) })
        try bytes.write(to: url)
        #expect(try FileDigest.sha256(of: url) == FileDigest.sha256(of: bytes))
    }
}
