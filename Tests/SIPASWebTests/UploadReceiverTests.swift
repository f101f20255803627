import Foundation
import Hummingbird
import SIPASTestSupport
import Testing

@testable import SIPASWeb

@Suite("Upload receiving: names, content sniffing")
struct UploadReceiverTests {
    @Test("server-side names keep no path and take the extension of the content")
    func names() {
        #expect(UploadReceiver.safeName("../../etc/passwd", kind: .csv) == "passwd.csv")
        #expect(UploadReceiver.safeName("C:\\\\Users\\\\lan\\\\đợt 1.xlsx", kind: .csv) == "đợt_1.csv")
        #expect(UploadReceiver.safeName("<b>.csv", kind: .xlsx) == "b_.xlsx")
        #expect(UploadReceiver.safeName("...", kind: .csv) == "upload.csv")
        #expect(UploadReceiver.displayName("../x/Báo cáo.csv") == "Báo cáo.csv")
        #expect(UploadReceiver.boundary("multipart/form-data; boundary=\"abc\"") == "abc")
    }

    @Test("PK\\x03\\x04 is a workbook, text is CSV, UTF-16 with its mark is CSV, other NUL bytes are refused")
    func sniffing() throws {
        let directory = try Fixtures.temporaryDirectory()
        func kind(_ bytes: [UInt8]) throws -> UploadReceiver.Kind {
            let url = directory.appendingPathComponent(UUID().uuidString)
            try Data(bytes).write(to: url)
            return try UploadReceiver.sniff(url)
        }
        #expect(try kind([0x50, 0x4B, 0x03, 0x04, 0]) == .xlsx)
        #expect(try kind(Array("a,b\n1,2\n".utf8)) == .csv)
        #expect(try kind([0xFF, 0xFE, 0x61, 0]) == .csv)
        #expect(throws: HTTPError.self) { try kind([0x61, 0, 0x62]) }
        #expect(throws: HTTPError.self) { try kind([]) }
    }
}
