import SIPASCore

/// A province's standing as official reports write it: "Xếp thứ 5/63, tăng 2 bậc; thay đổi có ý
/// nghĩa thống kê" / "5 of 63, up 2 places; the change is significant".
enum StandingText {
    /// - Parameters:
    ///   - rank: this year's rank (1 = highest) among `count` ranked units.
    ///   - previousRank: last year's rank, when known: the places gained or lost.
    ///   - significant: whether the index's change is significant (nil: no change estimated).
    static func make(rank: Int, of count: Int, previousRank: Int?, significant: Bool?, language: Language) -> String {
        var text = ReportMessage.rank(rank, of: count).text(language)
        if let previousRank {
            let moved = previousRank - rank
            let movement: ReportMessage = moved > 0 ? .movedUp(moved) : moved < 0 ? .movedDown(-moved) : .sameRank
            text += movement.text(language)
        }
        if let significant {
            text += (significant ? ReportMessage.changeSignificant : .changeNotSignificant).text(language)
        }
        return text
    }
}
