/// The one rule for a participant's name, on every way in (`join --name`, the join screen,
/// SSH, the phone page) and in the engine: trimmed and cleaned by the text policy, then
/// refused — never cut — when it is empty, has no visible letter or digit, or is longer than
/// a person would call a name.
public enum ParticipantName {
    /// Characters as a person counts them (grapheme clusters).
    public static let maxCharacters = 40
    /// Unicode scalars: a name of 40 characters with a few accents each stays well inside; a
    /// name of one letter with thousands of combining marks does not.
    public static let maxScalars = 160

    /// The name to show and store, or why it cannot be used.
    public static func check(_ raw: String) -> Result<String, Refusal> {
        let clean = TextPolicy.cleanLine(raw)
        if clean.isEmpty { return .failure(.emptyName) }
        if clean.count > maxCharacters || clean.unicodeScalars.count > maxScalars { return .failure(.nameTooLong(maxCharacters)) }
        if !clean.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            return .failure(.nameNeedsLetter)
        }
        return .success(clean)
    }
}

extension Refusal {
    public static let emptyName = Refusal(nl: "Typ eerst je naam.", en: "Type your name first.")
    public static let nameNeedsLetter = Refusal(
        nl: "Een naam heeft minstens één letter of cijfer.", en: "A name needs at least one letter or digit.")
    public static func nameTooLong(_ max: Int) -> Refusal {
        Refusal(nl: "Die naam is te lang (hoogstens \(max) tekens).", en: "That name is too long (at most \(max) characters).")
    }
}
