import Core

/// Finding a session's workshop, once: every front end that opens a session asks here, and a
/// missing workshop is always said, never passed over in silence.
public enum Workshops {
    public static func find(_ id: String, in workshops: [Workshop]) -> Workshop? { workshops.first { $0.id == id } }

    public static func missing(session: String, workshop: String) -> LocalizedText {
        let s = TerminalText.quoted(session), w = TerminalText.quoted(workshop)
        return LocalizedText(
            nl: "Sessie \(s) gebruikt workshop \(w), die hier niet is geïnstalleerd (voeg de map toe met --workshops MAP).",
            en: "Session \(s) uses workshop \(w), which is not installed here (add its folder with --workshops DIR).")
    }
}
