/// One entry of a keyed message catalog: a stable key and its text in each language.
///
/// Every message and label sipas shows comes from a catalog enum conforming to this protocol: each
/// case carries the values its text needs, and `text(_:)` is one exhaustive switch giving the
/// Vietnamese and English text side by side (``Language/pick(vi:en:)``). Error types render their
/// messages through their catalog, so each exists in both languages.
public protocol LocalizedMessage: Sendable {
    /// The stable key: the same in every language and unique in its catalog, e.g.
    /// `stats.noDegreesOfFreedom`. Values carried by the case are not part of it.
    var key: String { get }

    /// The text in `language` (NFC).
    func text(_ language: Language) -> String
}

extension Language {
    /// The text for this language of a Vietnamese and English pair; only the chosen one is built.
    @inlinable
    public func pick(vi: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
        switch self {
        case .vi: return vi()
        case .en: return en()
        }
    }
}

extension LocalizedText {
    /// A catalog message's text in both languages, for values that carry both (notes in JSON).
    public init(_ message: some LocalizedMessage) {
        self.init(vi: message.text(.vi), en: message.text(.en))
    }
}
