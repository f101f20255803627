import Testing

@testable import SIPASReport

struct StandingTextTests {
    @Test func rankPlacesAndSignificanceAsOfficialReportsWriteThem() {
        #expect(
            StandingText.make(rank: 5, of: 63, previousRank: 7, significant: true, language: .vi)
                == "Xếp thứ 5/63, tăng 2 bậc; thay đổi có ý nghĩa thống kê")
        #expect(
            StandingText.make(rank: 9, of: 63, previousRank: 4, significant: false, language: .vi)
                == "Xếp thứ 9/63, giảm 5 bậc; thay đổi không có ý nghĩa thống kê")
        #expect(
            StandingText.make(rank: 3, of: 34, previousRank: 3, significant: nil, language: .vi)
                == "Xếp thứ 3/34, giữ nguyên thứ hạng")
        #expect(StandingText.make(rank: 1, of: 63, previousRank: nil, significant: nil, language: .en) == "1 of 63")
        #expect(
            StandingText.make(rank: 2, of: 63, previousRank: 6, significant: true, language: .en)
                == "2 of 63, up 4 places; the change is significant")
    }
}
