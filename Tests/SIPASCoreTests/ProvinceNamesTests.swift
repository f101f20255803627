import Testing

@testable import SIPASCore

/// Province names as people write them (issue 27, point 4; spellings from shared/reference/README.md).
struct ProvinceNamesTests {
    let catalog = ProvinceCatalog.official

    @Test(arguments: [
        // Huế: Thừa Thiên Huế until 2024, the city of Huế from 1 January 2025; code 46 in both codings.
        ("Huế", 2024, "46"), ("Thừa Thiên Huế", 2024, "46"), ("Thành phố Huế", 2024, "46"), ("TT Huế", 2024, "46"),
        ("Thừa Thiên-Huế", 2024, "46"), ("Huế", 2025, "46"), ("Thừa Thiên Huế", 2025, "46"),
        ("Thành phố Huế", 2025, "46"),
        ("TP.HCM", 2024, "79"), ("TP. Hồ Chí Minh", 2024, "79"), ("Thành phố Hồ Chí Minh", 2024, "79"),
        ("TP Hồ Chí Minh", 2024, "79"),
        ("Sài Gòn", 2024, "79"), ("TP.HCM", 2025, "79"), ("TP. Hồ Chí Minh", 2025, "79"),
        ("Thành phố Hồ Chí Minh", 2025, "79"),
        ("Tỉnh Bắc Giang", 2024, "24"), ("Thành phố Hải Phòng", 2024, "31"), ("Tỉnh Hưng Yên", 2025, "33"),
        ("Đắk Lắk", 2024, "66"), ("Đăk Lăk", 2024, "66"), ("Daklak", 2024, "66"), ("Đắc Lắc", 2024, "66"),
        ("Đắk Lắk", 2025, "66"), ("Đăk Lăk", 2025, "66"), ("Daklak", 2025, "66"),
        ("Kon Tum", 2024, "62"), ("Kontum", 2024, "62"), ("Kon Tum", 2025, "51"), ("Kontum", 2025, "51"),
        ("Hoà Bình", 2024, "17"), ("Thanh Hoá", 2024, "38"), ("Bắc Cạn", 2024, "06"), ("BR-VT", 2024, "77"),
        ("Bắc Giang", 2025, "24"), ("Bình Dương", 2025, "79"),
    ])
    func aliasesResolve(text: String, year: Int, code: String) throws {
        let match = try #require(catalog.resolve(name: text, year: year))
        #expect(match.code == code)
    }

    @Test func officialNamesAliasesAndFormerProvincesAreToldApart() throws {
        #expect(catalog.resolve(name: "Hà Nội", year: 2024)?.kind == .official)
        #expect(catalog.resolve(name: "Huế", year: 2025)?.kind == .official)
        #expect(catalog.resolve(name: "Huế", year: 2024)?.kind == .alias)
        #expect(catalog.resolve(name: "TP.HCM", year: 2025)?.kind == .alias)
        #expect(catalog.resolve(name: "Thừa Thiên Huế", year: 2025)?.kind == .alias)
        #expect(catalog.resolve(name: "Kontum", year: 2025)?.kind == .former)
        let former = try #require(catalog.resolve(name: "Bắc Giang", year: 2025))
        #expect(
            former.note(for: "Bắc Giang", catalog: catalog) == "former province → new code: 'Bắc Giang' → 24 (Bắc Ninh)"
        )
        #expect(
            catalog.resolve(name: "Daklak", year: 2024)?.note(for: "Daklak", catalog: catalog)
                == "province alias → code: 'Daklak' → 66")
    }

    @Test func unknownNamesAndBarePrefixesResolveToNothing() {
        #expect(catalog.resolve(name: "Tỉnh", year: 2024) == nil)
        #expect(catalog.resolve(name: "Thành phố", year: 2024) == nil)
        #expect(catalog.resolve(name: "Atlantis", year: nil) == nil)
        #expect(catalog.resolve(name: "", year: 2024) == nil)
    }

    @Test func aPlanUnitsCodingFollowsItsName() {
        #expect(catalog.coding(ofCode: "24", name: "Bắc Giang") == .old)
        #expect(catalog.coding(ofCode: "24", name: "Bắc Ninh") == .new)
        #expect(catalog.coding(ofCode: "33", name: "Hưng Yên") == nil)
        #expect(catalog.oldMembers(ofNewCode: "24").map(\.name) == ["Bắc Giang", "Bắc Ninh"])
        #expect(catalog.coding(forYear: 2024) == .old && catalog.coding(forYear: 2025) == .new)
    }
}
