import Core

/// Interface strings for the session screens added after the first real session (issue 13),
/// kept beside `S` so the main table stays easy to merge.
extension S {
    public static let asciiOnly = t(
        // Shown in ASCII itself (so it names no accented letter), within 80 columns.
        "Zonder UTF-8: accenten en lijnen vereenvoudigd; wat je typt blijft heel.",
        "No UTF-8 locale: accents and lines simplified; what you type is kept whole.")
}

extension S {
    /// "15 implicaties · 1 inzicht": Dutch and English plurals of the entry kinds.
    public static func kindCount(_ k: EntryKind, _ n: Int, _ l: Language) -> String {
        let plural: LocalizedText
        switch k {
        case .implication: plural = t("implicaties", "implications")
        case .insight: plural = t("inzichten", "insights")
        case .note: plural = t("aantekeningen", "notes")
        }
        return "\(n) " + (n == 1 ? kind(k)[l] : plural[l])
    }

    public static func participantCount(_ n: Int, _ l: Language) -> String {
        "\(n) " + (n == 1 ? (l == .nl ? "deelnemer" : "participant") : (l == .nl ? "deelnemers" : "participants"))
    }

    /// While typing where Tab has nothing to choose (a participant's own terminal, or no
    /// one with a name has joined).
    static let inputHintNoTab = t("Enter opslaan · Esc annuleren · Alt-Enter nieuwe regel", "Enter save · Esc cancel · Alt-Enter new line")
}

extension S {
    static let textKept = t("Je tekst staat nog in het vak (Esc gooit hem weg).", "Your text is still in the box (Esc discards it).")
    static let closedWhileTyping = t("De sessie is afgesloten: dit wordt niet opgeslagen, maar blijft hier staan · Esc sluit",
        "The session is closed: this will not be saved, but stays here · Esc closes")
    static let stepClosedWhileTyping = t("Deze stap is gesloten: dit wordt niet opgeslagen, maar blijft hier staan · Esc sluit",
        "This step is closed: this will not be saved, but stays here · Esc closes")
}

extension S {
    static let nothingClosed = t("Nog niets. De sessie is afgesloten: er kan niets meer bij.", "Nothing yet. The session is closed: nothing more can be added.")
    static let nothingStepClosed = t("Nog niets. Deze stap is gesloten voor nieuwe bijdragen.", "Nothing yet. This step is closed for new entries.")
}

extension S {
    static let saidByTab = t("Gezegd door: %@ (Tab wisselt)", "Said by: %@ (Tab changes)")
}

extension S {
    static let scrollOrClose = t("↑↓ PgUp PgDn scrollen · andere toets sluit", "↑↓ PgUp PgDn scroll · any other key closes")
}

extension S {
    static let quadrant = t("Kwadrant", "Quadrant")
}

extension S {
    static let sessionId = t("Sessie: %@", "Session: %@")
    static let nobodyJoined = t("nog niemand", "no one yet")
}

extension S {
    static let timerRunsOnOn = t("De timer loopt door naar de volgende stap.", "The timer runs on into the next step.")
    static let timerRunsOnOff = t("De timer pauzeert bij elke stap.", "The timer pauses at every step.")
}

extension S {
    static let allImplicationsOnCard = t("(n: alle implicaties)", "(n: all implications)")
    static let harvestTop = t("Uit de oogst: ★ top 3 per wereld", "From the harvest: ★ top 3 per world")
    static let harvestNoDots = t("(nog geen stippen in deze wereld)", "(no dots in this world yet)")
    static let harvestMore = t("↓ nog %@ uit de top 3: Tab toont ze allemaal",
        "↓ %@ more of the top 3: Tab shows them all")
    static let wholeCard = t("n: hele kaart", "n: whole card")
}

extension S {
    /// The session hint where 80 columns cannot hold all of it: `n` (the whole card) stays.
    static let sessionHintShort = t("←→ stap · a nieuw · ↑↓ kies · e/d wijzig/wis · t timer · n kaart · ? hulp",
        "←→ step · a add · ↑↓ select · e/d edit/remove · t timer · n card · ? help")
}

extension S {
    static let yourVoteDot = t("● = jouw stem", "● = your vote")
}

extension S {
    static let voteLegend = t("v/V stem van de zaal +1/−1 (○) · ● stemmen van deelnemers", "v/V a vote for the room +1/−1 (○) · ● participants' votes")
}

extension S {
    static let roomVisibleOn = t("Deelnemers zien nu alle bijdragen van de zaal op hun eigen scherm.", "Participants now see every entry of the room on their own screen.")
    static let roomVisibleOff = t("Deelnemers zien nu alleen hun eigen bijdragen.", "Participants now see only their own entries.")
    static let roomEntries = t("Bijdragen van de zaal: ", "The room's entries: ")
}

extension S {
    static let roomVisibleFlag = t("deelnemers zien alles", "participants see all")
}

extension S {
    static func voteCount(_ n: Int, _ l: Language) -> String {
        "\(n) " + (n == 1 ? (l == .nl ? "stem" : "vote") : votes[l])
    }
}
