import Core

/// The database's own refusals of one session (migration 2's triggers): the line names the
/// session and who holds it, and only that session stops; the room's others still go.
enum SessionRefusal {
    static func from(state: String, session raw: String, detail: String, url: DatabaseURL) -> SyncError? {
        let session = TerminalText.quoted(raw)
        switch state {
        case "PF001":
            let owner = TerminalText.quoted(detail)
            let me = TerminalText.quoted(url.user)
            return SyncError(
                "session \(session) belongs to another room's login (\(owner)); login \(me) may not write into it",
                nl:
                    "sessie \(session) hoort bij de login van een andere zaal (\(owner)); "
                    + "login \(me) mag er niet in schrijven",
                scope: .session)
        case "PF002":
            let parts = detail.split(separator: "\n", maxSplits: 1).map { TerminalText.quoted(String($0)) }
            let first = parts.first ?? "?"
            let second = parts.count > 1 ? parts[1] : "?"
            return SyncError(
                "session \(session) is continued on two laptops, \(first) and \(second): "
                    + "the database keeps \(first)'s; "
                    + "send the other as a new session (unpack refuses the same)",
                nl:
                    "sessie \(session) wordt op twee laptops voortgezet, \(first) en \(second): "
                    + "de database houdt die van \(first); "
                    + "stuur de andere als nieuwe sessie (unpack weigert hetzelfde)",
                scope: .session)
        default:
            return nil
        }
    }
}
