import SIPASCore

/// A province's standing as official reports write it: "Xếp thứ 5/63, tăng 2 bậc; thay đổi có ý
/// nghĩa thống kê" / "5 of 63, up 2 places; the change is significant".
enum StandingText {
    /// - Parameters:
    ///   - rank: this year's rank (1 = highest) among `count` ranked units.
    ///   - previousRank: last year's rank, when known: the places gained or lost.
    ///   - significant: whether the index's change is significant (nil: no change estimated).
    static func make(rank: Int, of count: Int, previousRank: Int?, significant: Bool?, language: Language) -> String {
        let vi = language == .vi
        var text = vi ? "Xếp thứ \(rank)/\(count)" : "\(rank) of \(count)"
        if let previousRank {
            let moved = previousRank - rank
            text += moved > 0 ? (vi ? ", tăng \(moved) bậc" : ", up \(moved) places")
                : moved < 0 ? (vi ? ", giảm \(-moved) bậc" : ", down \(-moved) places") : (vi ? ", giữ nguyên thứ hạng" : ", same rank")
        }
        if let significant {
            text += significant ? (vi ? "; thay đổi có ý nghĩa thống kê" : "; the change is significant")
                : (vi ? "; thay đổi không có ý nghĩa thống kê" : "; the change is not significant")
        }
        return text
    }
}
