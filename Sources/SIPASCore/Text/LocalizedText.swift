/// The languages sipas speaks: Vietnamese by default, English on request.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case vi
    case en
}

/// A label in Vietnamese, optionally with an English translation.
///
/// Instruments store every label this way (`label: {vi: "Hài lòng", en: "Satisfied"}`),
/// mirroring XLSForm's `label::Vietnamese (vi)` / `label::English (en)` columns.
/// Text is kept in Unicode NFC.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var vi: String
    public var en: String?

    public init(vi: String, en: String? = nil) {
        self.vi = vi.nfc
        self.en = en?.nfc
    }

    /// The text in `language`, falling back to Vietnamese when no translation exists.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: return vi
        case .en: return en ?? vi
        }
    }

    public init(from decoder: any Decoder) throws {
        // A bare string is accepted as the Vietnamese label.
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(vi: text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            vi: try container.decode(String.self, forKey: .vi),
            en: try container.decodeIfPresent(String.self, forKey: .en)
        )
    }

    private enum CodingKeys: String, CodingKey { case vi, en }
}
