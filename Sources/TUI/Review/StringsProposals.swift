import Core

/// The words of review's proposals view (`v` in the groups tab).
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
}
