/// The one rule for a participant's name, on every way in (`join --name`, the join screen,
/// SSH, the phone page) and in the engine: trimmed and cleaned by the text policy, then
/// refused — never cut — when it is empty, has no visible letter or digit, or is longer than
/// a person would call a name.
///
/// Two names are one person when their `identity` is the same: what the eye cannot tell apart
/// (case, spacing, canonically equal accents, a Cyrillic "А" for a Latin "A", invisible
/// characters) must not make a second person who can take the first one's entries.
public enum ParticipantName {
    /// Characters as a person counts them (grapheme clusters).
    public static let maxCharacters = 40
    /// Unicode scalars: a name of 40 characters with a few accents each stays well inside; a
    /// name of one letter with thousands of combining marks does not.
    public static let maxScalars = 160

    /// The name to show and store, or why it cannot be used.
    public static func check(_ raw: String) -> Result<String, Refusal> {
        let clean = visible(TextPolicy.cleanLine(raw))
        if clean.isEmpty { return .failure(.emptyName) }
        if clean.count > maxCharacters || clean.unicodeScalars.count > maxScalars { return .failure(.nameTooLong(maxCharacters)) }
        if !clean.unicodeScalars.contains(where: { isVisibleLetter($0) }) {
            return .failure(.nameNeedsLetter)
        }
        return .success(clean)
    }

    /// The form names are compared and keyed in: invisible characters removed, spaces
    /// collapsed, look-alike letters of other scripts folded to Latin, lower case, and
    /// canonically composed (NFC) so the same name always gives the same bytes.
    public static func identity(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in TextPolicy.cleanLine(name).unicodeScalars {
            if u.properties.isDefaultIgnorableCodePoint { continue }
            if u.properties.isWhitespace || Confusables.looksBlank(u) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            for folded in Confusables.fold(u) { out.append(folded) }
        }
        let lower = String(out).lowercased()
        // Swift's String compares by canonical equivalence but stores the bytes it was given;
        // a key on disk needs one spelling. The standard library's NFC (the one its own
        // comparison and hashing use) needs no Foundation, so Core stays pure.
        return String(decoding: lower._nfcCodeUnits, as: UTF8.self)
    }

    /// The display name without invisible characters, except those that shape a visible
    /// letter or emoji (zero-width joiner and non-joiner, variation selectors).
    static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.properties.isDefaultIgnorableCodePoint && !keepsShape($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where !u.properties.isDefaultIgnorableCodePoint || keepsShape(u) { out.append(u) }
        return TextPolicy.cleanLine(String(out))
    }

    static func keepsShape(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x200C || u.value == 0x200D || (0xFE00...0xFE0F).contains(u.value)
    }

    /// A letter or digit that shows: Hangul fillers are letters, but print as nothing.
    static func isVisibleLetter(_ u: Unicode.Scalar) -> Bool {
        (u.properties.isAlphabetic || u.properties.numericType != nil) && !u.properties.isDefaultIgnorableCodePoint
    }
}

extension Refusal {
    public static let emptyName = Refusal(nl: "Typ eerst je naam.", en: "Type your name first.")
    public static let nameNeedsLetter = Refusal(
        nl: "Een naam heeft minstens één letter of cijfer.", en: "A name needs at least one letter or digit.")
    public static func nameTooLong(_ max: Int) -> Refusal {
        Refusal(nl: "Die naam is te lang (hoogstens \(max) tekens).", en: "That name is too long (at most \(max) characters).")
    }
    /// A name someone already used in this session, and no proof that it is them.
    public static let nameNeedsProof = Refusal(
        nl: "Die naam is al gebruikt in deze sessie. Ben jij het? Typ je persoonlijke terugkomcode, of vraag de facilitator de naam vrij te geven.",
        en: "That name is already used in this session. Is it you? Type your personal rejoin code, or ask the facilitator to release the name.")
}
