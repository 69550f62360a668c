import Core

/// What the room says to a participant's ssh client, in their language.
enum RoomText {
    static func needsTerminal(_ l: Language, command: String) -> String {
        l == .nl
            ? "Perspectief heeft een terminal nodig: typ gewoon \(command)\r\n"
            : "Perspectief needs a terminal: just type \(command)\r\n"
    }

    static func onlyParticipantView(_ l: Language, command: String) -> String {
        l == .nl
            ? "Hier is alleen de sessie te openen, geen opdrachten of doorsturen: typ \(command)\r\n"
            : "Only the session is available here, no commands or forwarding: type \(command)\r\n"
    }

    static func idle(_ l: Language) -> String {
        l == .nl
            ? "\r\nJe hebt een tijd niets getypt; de verbinding is gesloten. Alles wat je bewaarde staat er nog. Meedoen: typ het ssh-commando opnieuw.\r\n"
            : "\r\nYou typed nothing for a while; the connection is closed. Everything you saved is still there. To rejoin, type the ssh command again.\r\n"
    }

    /// The participant left (Ctrl-C, yes): how to come back.
    static func left(_ l: Language, command: String) -> String {
        l == .nl
            ? "\r\nJe hebt de sessie verlaten. Wat je opsloeg is bewaard. Terugkomen: typ opnieuw \(command) en dezelfde naam.\r\n"
            : "\r\nYou left the session. What you saved is kept. To come back: type \(command) again, with the same name.\r\n"
    }

    /// The facilitator closed the room: how to come back when it opens again.
    static func roomClosed(_ l: Language, command: String) -> String {
        l == .nl
            ? "\r\nDe facilitator heeft de zaal gesloten. Wat je opsloeg is bewaard. Gaat hij weer open: typ opnieuw \(command) en dezelfde naam.\r\n"
            : "\r\nThe facilitator closed the room. What you saved is kept. When it opens again: type \(command) again, with the same name.\r\n"
    }
}
