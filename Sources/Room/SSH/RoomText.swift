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
}
