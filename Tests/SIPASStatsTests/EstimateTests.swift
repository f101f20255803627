import Foundation
import Testing

@testable import SIPASStats

/// The result types' own contracts: how the national method is written and read back.
struct EstimateTests {
    @Test func nationalMethodIsWrittenAsTheJSONOutputsWriteIt() throws {
        #expect(NationalMethod.pooled.text == "pooled")
        #expect(NationalMethod.meanOfUnits(attribute: "province_code").text == "mean_of_units:province_code")
        for method in [NationalMethod.pooled, .meanOfUnits(attribute: "province_code"), .meanOfUnits(attribute: "")] {
            #expect(NationalMethod(text: method.text) == method)
            let data = try JSONEncoder().encode([method])
            #expect(String(decoding: data, as: UTF8.self) == "[\"\(method.text)\"]")
            #expect(try JSONDecoder().decode([NationalMethod].self, from: data) == [method])
        }
        #expect(NationalMethod(text: "mean") == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([NationalMethod].self, from: Data("[\"weighted\"]".utf8))
        }
    }
}
