import Core

/// The words of review's proposals view (`v` in the groups tab) and of linking evidence to the
/// study's main messages (`m`).
extension S {
    static let proposalsIntro = t(
        "Voorstellen: inzichten van verschillende doelgroepen die op elkaar lijken. a neemt een voorstel over als groep, x wijst het af; beide worden bewaard.",
        "Suggestions: insights of different target groups that look alike. a accepts one as a group, x rejects it; both are kept."
    )
    static let noProposals = t("Geen voorstellen (meer).", "No (more) suggestions.")
    static func proposalGroups(_ n: Int) -> LocalizedText { t("\(n) doelgroepen", "\(n) target groups") }
    static func proposalWhy(words: [String], concepts: [String], strength: Double) -> LocalizedText {
        let percent = Int((strength * 100).rounded())
        var nl = "Waarom: gedeelde woorden " + words.joined(separator: ", ")
        var en = "Why: shared words " + words.joined(separator: ", ")
        if !concepts.isEmpty {
            nl += " · begrippen " + concepts.joined(separator: ", ")
            en += " · concepts " + concepts.joined(separator: ", ")
        }
        return t(nl + " · sterkte \(percent) %", en + " · strength \(percent)%")
    }
    static let proposalsHint = t(
        "↑↓ voorstel · a overnemen als groep · x afwijzen (blijft afgewezen) · Esc/v terug naar de groepen",
        "↑↓ suggestion · a accept as a group · x reject (stays rejected) · Esc/v back to the groups")

    static func chooseMessage(_ list: [String]) -> LocalizedText {
        t("Koppel de gevonden inzichten aan boodschap: " + list.joined(separator: " · ") + " (Esc: niet)",
          "Link the insights found to message: " + list.joined(separator: " · ") + " (Esc: don't)")
    }
    static let searchFirst = t(
        "Zoek eerst (/) naar de inzichten die je aan een boodschap wilt koppelen.",
        "Search (/) for the insights to link to a message first.")
    static let noMessages = t("De workshop heeft geen hoofdboodschappen.", "The workshop has no main messages.")
}
