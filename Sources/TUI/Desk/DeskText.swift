import Core

/// The desk's own words (people, questions, moderation), in both languages. The desk is never
/// projected, so its lines may name keys.
enum DeskText {
    static let panels = LocalizedText(nl: "Tab: wachtend · bijdragen · mensen", en: "Tab: held · entries · people")
    static let entriesTitle = LocalizedText(nl: "Bijdragen van deze stap", en: "Entries of this step")
    static let peopleTitle = LocalizedText(nl: "Mensen en hun namen", en: "People and their names")
    static let nobody = LocalizedText(nl: "Nog niemand heeft meegedaan.", en: "Nobody has joined yet.")
    static let noEntries = LocalizedText(nl: "Nog geen bijdragen in deze stap.", en: "No entries in this step yet.")
    static func anonymous(_ l: Language, _ n: Int) -> String {
        LocalizedText(nl: "anoniem \(n)", en: "anonymous \(n)")[l]
    }
    static let connectedVia = LocalizedText(nl: "verbonden", en: "connected")
    static let present = LocalizedText(nl: "verbonden (terminal)", en: "connected (terminal)")
    static let away = LocalizedText(nl: "niet verbonden", en: "not connected")
    static let guarded = LocalizedText(nl: "naam met code", en: "name with code")
    static let released = LocalizedText(nl: "naam vrij", en: "name free")
    static func table(_ l: Language, _ n: Int) -> String { LocalizedText(nl: "tafel \(n)", en: "table \(n)")[l] }
    static func notConnected(_ l: Language, _ who: String) -> String {
        LocalizedText(nl: "\(who) is niet verbonden.", en: "\(who) is not connected.")[l]
    }
    static func nothingToRelease(_ l: Language, _ who: String) -> String {
        LocalizedText(nl: "De naam van \(who) is al vrij.", en: "\(who)'s name is free already.")[l]
    }
    static func tableFull(_ l: Language, _ n: Int, _ cap: Int) -> String {
        LocalizedText(nl: "Tafel \(n) is vol (\(cap) plaatsen).", en: "Table \(n) is full (\(cap) seats).")[l]
    }
    static func released(_ l: Language, _ who: String) -> String {
        LocalizedText(
            nl: "Naam \(who) is vrij: wie zich zo aanmeldt krijgt een nieuwe terugkomcode, en de bijdragen en stippen.",
            en: "Name \(who) is free: whoever joins under it gets a new rejoin code, and the entries and dots.")[l]
    }
    static func removeQuestion(_ l: Language, _ text: String) -> String {
        LocalizedText(
            nl: "Bijdrage \"\(text)\" verwijderen? (u op de projector zet hem terug) j = ja · n = nee",
            en: "Remove the entry \"\(text)\"? (u on the projector brings it back) y = yes · n = no")[l]
    }
    static func releaseQuestion(_ l: Language, _ who: String) -> String {
        LocalizedText(
            nl: "Naam \(who) vrijgeven? Wie zich zo aanmeldt, krijgt de bijdragen en stippen en een nieuwe code. j = ja · n = nee",
            en: "Release the name \(who)? Whoever joins under it gets the entries, dots and a new code. y = yes · n = no")[l]
    }
    static func disconnectQuestion(_ l: Language, _ who: String) -> String {
        LocalizedText(
            nl: "Verbinding van \(who) verbreken? Typ de reden die \(who) ziet · Enter verbreken · Esc niet",
            en: "Disconnect \(who)? Type the reason \(who) is shown · Enter disconnect · Esc don't")[l]
    }
    static let messageQuestion = LocalizedText(
        nl: "Bericht aan alle tafels (leeg: weghalen) · Enter versturen · Esc niet",
        en: "Message to all tables (empty: take it away) · Enter send · Esc don't")
    static let removed = LocalizedText(nl: "Verwijderd (u op de projector zet hem terug).",
        en: "Removed (u on the projector brings it back).")
    static let holdOn = LocalizedText(
        nl: "Bijdragen van deelnemers wachten nu hier: y toelaten · x afwijzen",
            en: "Participants' entries now wait here: y accept · x reject")
    static let stepOpened = LocalizedText(nl: "Stap open: deelnemers kunnen weer typen.",
        en: "Step open: participants can type again.")
    static let stepClosed = LocalizedText(nl: "Stap dicht: deelnemers typen niets meer in deze stap.",
        en: "Step closed: participants type nothing more in this step.")
    static let namesHidden = LocalizedText(nl: "Namen verborgen op de projector.",
        en: "Names hidden on the projector.")
    static let namesShown = LocalizedText(nl: "Namen weer zichtbaar op de projector.",
        en: "Names shown on the projector again.")
    static let noTables = LocalizedText(nl: "Alleen in een tafelronde.", en: "Only in a table round.")
    static let heldHint = LocalizedText(
        nl: "↑↓ kies · y toelaten · x afwijzen · Tab lijst · r wachten aan/uit · X stap dicht/open · ? hulp · q sluit",
        en: "↑↓ choose · y accept · x reject · Tab list · r hold on/off · X step closed/open · ? help · q close")
    static let entriesHint = LocalizedText(
        nl: "↑↓ kies · d verwijderen (vraagt) · Tab lijst · X stap dicht/open · z zaal op telefoons · ? hulp · q sluit",
        en: "↑↓ choose · d remove (asks) · Tab list · X step closed/open · z room on phones · ? help · q close")
    static let peopleHint = LocalizedText(
        nl: "↑↓ kies · d verbreken (met reden) · R naam vrijgeven · 1–9 tafel · A iedereen een tafel · Tab lijst · ? hulp",
        en: "↑↓ choose · d disconnect (with reason) · R release name · 1–9 table · A seat everyone · Tab list · ? help")
}
