/// The fixed words of the reports, in Dutch and English.
struct ReportStrings {
    let l: Language
    init(_ l: Language) { self.l = l }

    func s(_ nl: String, _ en: String) -> String { l == .nl ? nl : en }

    var reportTitle: String { s("Het perspectief omgedraaid", "The perspective reversed") }
    var noSessions: String { s("Geen sessies.", "No sessions.") }
    var question: String { s("Vraag", "Question") }
    var sessions: String { s("Sessies", "Sessions") }
    var matrix: String { s("Matrix", "Matrix") }
    var matrixLegend: String {
        s("Elke cel: het aantal implicaties; de meeste stemmen eerst.", "Each cell: the number of implications; most votes first.")
    }
    var koersvastInsights: String { s("Koersvaste inzichten", "Koersvast insights") }
    var perScenario: String { s("Per scenario", "Per scenario") }
    var per: String { s("Per", "Per") }
    var koersvast: String { s("Koersvast (houdt stand in alle scenario’s)", "Koersvast (holds in every scenario)") }
    var scenarioSpecific: String { s("Scenariospecifiek", "Scenario-specific") }
    var notJudged: String { s("Nog niet beoordeeld", "Not yet judged") }
    var holdsIn: String { s("houdt stand in", "holds in") }
    var none: String { s("Geen.", "None.") }
    var noImplications: String { s("Geen implicaties.", "No implications.") }
    var noInsights: String { s("Geen inzichten gekoppeld.", "No insights linked.") }
    var grouped: String { s("gegroepeerd door de organisator", "grouped by the organiser") }
    var sameText: String { s("zelfde tekst", "same text") }
    var directions: String { s("Ontwikkelrichtingen", "Development directions") }
    func sharedTitle(_ plural: String) -> String {
        s("Koersvast voor meerdere \(plural)", "Koersvast for several \(plural)")
    }
    func votes(_ n: Int) -> String { n == 1 ? s("1 stem", "1 vote") : s("\(n) stemmen", "\(n) votes") }
}
