import Core

/// The room's interface strings (kept beside the panel; Strings.swift holds the rest).
extension S {
    static let roomTitle = t("Meedoen vanaf je eigen laptop", "Join from your own laptop")
    static let roomTypeThis = t("Typ in een terminal (Terminal, PowerShell):", "Type in a terminal (Terminal, PowerShell):")
    static let roomCode = t("Code", "Code")
    static let roomNoCode = t("open zaal: geen code", "open room: no code")
    static let roomKey = t("Sleutel", "Key")
    static let roomNobody = t("Nog niemand verbonden.", "Nobody connected yet.")
    static let roomPeopleTitle = t("In de zaal", "In the room")
    static let roomPeopleHint = t("↑↓ kiezen · d verbreken · Esc sluiten", "↑↓ choose · d disconnect · Esc close")
    static let roomNameless = t("(nog geen naam)", "(no name yet)")
    static let roomNotOpen = t("De zaal is niet open (o opent hem).", "The room is not open (o opens it).")
    static let roomReadOnly = t("Een sessie die alleen gelezen kan worden opent geen zaal.", "A read-only session cannot open a room.")
    /// The room's lines in the `?` help of the facilitator's session screen.
    static let roomHelpKeys: [(String, LocalizedText)] = [
        ("o", t("zaal openen / sluiten: meedoen met ssh vanaf je eigen laptop", "open / close the room: join with ssh from your own laptop")),
        ("i", t("zaal: hoe je meedoet groot tonen / inklappen (de regel bovenaan blijft)", "room: show / fold how to join, full size (the line at the top stays)")),
        ("p", t("zaal: wie er verbonden is (d verbreekt)", "room: who is connected (d disconnects)")),
    ]
    static func wizardRoom(_ l: Language, _ on: Bool) -> String {
        l == .nl
            ? "o  Zaal openen bij de start (meedoen met ssh vanaf je eigen laptop): " + (on ? "ja" : "nee")
            : "o  Open the room at the start (join with ssh from your own laptop): " + (on ? "yes" : "no")
    }
    static func roomConnected(_ l: Language, _ n: Int) -> String { l == .nl ? "Verbonden: \(n)" : "Connected: \(n)" }
    static func roomDisconnected(_ l: Language, _ who: String) -> String {
        l == .nl ? "Verbinding verbroken: \(who)" : "Disconnected: \(who)"
    }
}

extension S {
    static let roomOtherAddresses = t("De zaal is ook bereikbaar op: ", "The room can also be reached on: ")
}
