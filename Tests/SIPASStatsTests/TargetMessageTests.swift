import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The catalog of target units and notes: every case in both languages.
struct TargetMessageTests {
    static let unit = LocalizedText(
        vi: "Hà Nội (mới), bao gồm cả Hà Tây cũ", en: "Hà Nội (new), which also includes former Hà Tây")
    static let messages: [TargetMessage] = [
        .level("district"), .provinceCode, .unit(level: "commune", name: "Phúc Xá"), .unknownDataYear,
        .noUnitColumn(level: "province", name: "Hà Nội"),
        .noUnitResponses(level: "district", name: "Ba Đình", column: "district_code"),
        .judgedOnUnit(level: "district", name: "Ba Đình", column: "district_code"),
        .province(name: "Hà Nội", code: "01"),
        .judgedOnProvince(name: "Hà Nội", code: "01"), .enlargedProvince(name: "Hà Nội", others: ["Hà Tây"]),
        .mergedProvince(name: "Hà Nội", former: "Hà Tây"),
        .renamedProvince(name: "Huế", code: "46", former: "Thừa Thiên Huế"),
        .judgedOnNewProvince(year: "2025", former: "Hà Tây", code: "28", unit: unit, newCode: "01"),
        .pooledProvince(name: "Hà Nội", members: ["Hà Nội (01)", "Hà Tây (28)"]),
        .judgedOnPooledProvince(year: "2024", name: "Hà Nội", code: "01", members: ["Hà Nội (01)", "Hà Tây (28)"]),
        .noProvinceResponses(unit: unit), .otherFamily(family: "household", targetFamily: "business"),
        .noEstimate(indicator: "overall"), .relativeTarget(year: 2023), .noEarlierEstimate(year: 2023), .methodBreak,
    ]

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.messages) == [])
    }

    @Test func anUnknownLevelIsShownAsItIs() {
        #expect(TargetMessage.level("ward").text(.vi) == "ward")
        #expect(TargetMessage.unit(level: "district", name: "Ba Đình").text(.en) == "Ba Đình (district)")
        #expect(TargetMessage.unit(level: "district", name: "Ba Đình").text(.vi) == "huyện Ba Đình")
    }
}
