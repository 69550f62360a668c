/// The interface languages. Workshop content carries every human-readable text in both.
public enum Language: String, CaseIterable, Sendable, Codable {
    case nl, en

    /// Dutch for `nl*` locales, English otherwise (as `LANG`/`LC_ALL` are read).
    public static func from(locale: String?) -> Language {
        guard let locale, !locale.isEmpty else { return .en }
        return locale.lowercased().hasPrefix("nl") ? .nl : .en
    }
}

/// A text in Dutch and English.
public struct LocalizedText: Equatable, Hashable, Sendable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The same text in both languages (names, numbers).
    public init(_ both: String) { self.init(nl: both, en: both) }

    public subscript(language: Language) -> String {
        switch language {
        case .nl: return nl
        case .en: return en
        }
    }

    public var json: JSONValue { ["nl": .string(nl), "en": .string(en)] }
}
