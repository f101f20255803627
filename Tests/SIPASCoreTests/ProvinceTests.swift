import Testing

@testable import SIPASCore

/// The compiled-in crosswalk (shared/reference/vn-provinces-2025.csv): 63 old units, 34 new ones,
/// 11 unchanged, and the seven groups whose new code is not the namesake's old code.
struct ProvinceTests {
    let catalog = ProvinceCatalog.official

    @Test func countsMatchTheResolution() {
        #expect(catalog.rows.count == 63)
        #expect(catalog.provincesBefore2025.count == 63)
        #expect(catalog.provincesFrom2025.count == 34)
        #expect(catalog.rows.filter { !$0.merged }.count == 11)
    }

    @Test func codesAreStringsWithLeadingZeros() {
        #expect(catalog.provincesBefore2025.first == Province(code: "01", name: "Hà Nội"))
        #expect(catalog.provinces(forYear: 2024).contains { $0.code == "06" && $0.name == "Bắc Kạn" })
    }

    @Test func mergedCodesFollowTheSeatNotTheName() {
        #expect(catalog.newProvince(forOldCode: "27")?.code == "24")  // Bắc Ninh → new Bắc Ninh (24)
        #expect(catalog.newProvince(forOldCode: "24")?.name == "Bắc Ninh")  // Bắc Giang
        #expect(catalog.newProvince(forOldCode: "10")?.code == "15")  // Lào Cai → new Lào Cai (15)
        #expect(catalog.name(ofCode: "15", year: 2024) == "Yên Bái")
        #expect(catalog.name(ofCode: "15", year: 2025) == "Lào Cai")
        #expect(catalog.name(ofCode: "46", year: 2025) == "Huế")
    }

    @Test func malformedCrosswalkIsAnError() {
        #expect(throws: ProvinceCatalog.CrosswalkError.badHeader) { try ProvinceCatalog(csv: "a,b\n") }
        #expect(throws: ProvinceCatalog.CrosswalkError.badRow(2)) {
            try ProvinceCatalog(csv: "old_code,old_name,new_code,new_name,merged\n01,Hà Nội,01\n")
        }
    }
}
