/// The fixed words of the reports, in Dutch and English. One term per language, as on the
/// screens: "koersvast" in Dutch, "no-regret" in English.
struct ReportStrings {
    let l: Language
    init(_ l: Language) { self.l = l }

    func s(_ nl: String, _ en: String) -> String { l == .nl ? nl : en }

    /// Our own title: the study's working document is called "Het perspectief omgedraaid",
    /// and a forwarded copy of this report must not pass for it.
    var reportTitle: String { s("Verslag van de perspectiefsessies", "Report of the perspective sessions") }
    var contents: String { s("Inhoud", "Contents") }
    var noSessions: String { s("Geen sessies.", "No sessions.") }

    // Front page
    var centralQuestion: String { s("Centrale vraag", "Central question") }
    func sessionsCovered(_ n: Int) -> String { s("Sessies in dit verslag (\(n))", "Sessions in this report (\(n))") }
    var session: String { s("Sessie", "Session") }
    /// A session's heading: its title, and its group only when the title does not already say it.
    func sessionHeading(_ title: String, group: String) -> String { title == group ? title : title + " — " + group }
    var date: String { s("Datum", "Date") }
    var facilitator: String { s("Facilitator", "Facilitator") }
    var place: String { s("Plaats", "Place") }
    var participants: String { s("Aangemeld", "Joined") }
    var hidden: String { s("(verborgen)", "(hidden)") }
    var votesLegend: String {
        s("Stemmen: ○ van de zaal (gegeven op het scherm van de facilitator), ● van deelnemers op hun eigen scherm.",
          "Votes: ○ the room's (given at the facilitator's screen), ● participants' on their own screens.")
    }
    var participantsLegend: String {
        s("Aanwezig: het aantal mensen in de zaal zoals de facilitator het opgaf. Is dat niet opgegeven, dan staat er het aantal aangemelde deelnemers plus 'zaal'. Aangemeld: wie meedeed op een eigen scherm.",
          "Present: the number of people in the room as the facilitator gave it; if not given: those who joined on their own screens, plus 'room'. Joined: those who took part on a screen of their own.")
    }
    var sourceLabel: String { s("Bron", "Source") }

    // Summary
    var summary: String { s("Samenvatting", "Summary") }
    func koersvastAcross(_ plural: String) -> String {
        s("Gedeelde bevindingen over de \(plural) heen", "Findings shared across \(plural)")
    }
    func inGroups(_ n: Int, _ term: Workshop.Term, names: [String]) -> String {
        let word = n == 1 ? term.singular[l] : term.plural[l]
        return "\(n) \(word): " + names.joined(separator: ", ")
    }
    var noKoersvast: String { s("Nog geen koersvaste inzichten.", "No no-regret insights yet.") }
    var mostVoted: String { s("Inzichten met de meeste stemmen", "Most-voted insights") }
    var noVotes: String { s("Nog geen stemmen op inzichten.", "No votes on insights yet.") }
    func moreVoted(_ n: Int) -> String {
        s("De vijf met de meeste stemmen van \(n) inzichten met stemmen; de rest staat per doelgroep hieronder.",
          "The five most-voted of \(n) insights with votes; the rest are listed per group below.")
    }
    var directionsMost: String { s("Ontwikkelrichtingen met de meeste inzichten", "Development directions with the most insights") }
    func insightsFromGroups(_ n: Int, _ groups: Int, _ term: Workshop.Term) -> String {
        let insights = n == 1 ? s("1 inzicht", "1 insight") : s("\(n) inzichten", "\(n) insights")
        let word = groups == 1 ? term.singular[l] : term.plural[l]
        return insights + s(" uit \(groups) \(word)", " from \(groups) \(word)")
    }

    // Overviews
    var matrix: String { s("Matrix: implicaties per scenario", "Matrix: implications per scenario") }
    var matrixLegend: String {
        s("Per cel: het aantal implicaties en de drie met de meeste stemmen; alle implicaties staan in de bijlage per scenario.",
          "Per cell: the number of implications and the three most voted; every implication is listed in the annex per scenario.")
    }
    func moreInCell(_ n: Int) -> String { s("+\(n) meer", "+\(n) more") }
    var koersvastInsights: String { s("Koersvaste inzichten", "No-regret insights") }
    var gridTitle: String { s("Inzichten × scenario's", "Insights × scenarios") }
    var gridLegend: String {
        s("■ = het inzicht houdt stand in dat scenario. Koersvast: in alle vier (geen-spijt-beleid); scenariospecifiek: in één, twee of drie, vraagt wendbaarheid.",
          "■ = the insight holds in that scenario. No-regret: in all four; scenario-specific: in one, two or three, asks for agility.")
    }
    var insight: String { s("Inzicht", "Insight") }
    var robustness: String { s("Koersvast?", "No-regret?") }
    var noInsightsYet: String { s("Nog geen inzichten.", "No insights yet.") }
    func robustnessWord(_ r: Robustness) -> String {
        switch r {
        case .koersvast: return s("koersvast", "no-regret")
        case .scenarioSpecific: return s("scenariospecifiek", "scenario-specific")
        case .open: return s("nog niet beoordeeld", "not yet judged")
        }
    }

    // Sections
    var perScenario: String { s("Per scenario", "Per scenario") }
    var per: String { s("Per", "Per") }
    var koersvast: String { s("Koersvast (houdt stand in alle scenario's)", "No-regret (holds in every scenario)") }
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
        s("Koersvast voor meerdere \(plural)", "No-regret for several \(plural)")
    }
    var otherInput: String { s("Overige invoer", "Other contributions") }
    var otherInputLegend: String {
        s("Aantekeningen uit de opening, de trends, de oogst en de afsluiting, en implicaties zonder scenario, per sessie.",
          "Notes from the opening, the trends, the harvest and the close, and implications without a scenario, per session.")
    }
    func trendsLabel(_ n: Int) -> String { n == 1 ? "trend" : "trends" }

    /// The votes on an entry and whose they are, as on the screens: ○ the room's (given at
    /// the facilitator's screen, for people without one of their own), ● participants' (each
    /// on their own screen). Nil without votes.
    func votes(_ by: [String: Int]) -> String? {
        let room = by["facilitator"] ?? 0
        let people = by.filter { $0.key != "facilitator" }.values.reduce(0, +)
        let total = room + people
        guard total > 0 else { return nil }
        var parts: [String] = []
        if room > 0 { parts.append(Self.dots(room, "○") + " " + s("zaal", "room")) }
        if people > 0 { parts.append(Self.dots(people, "●") + " " + (people == 1 ? s("deelnemer", "participant") : s("deelnemers", "participants"))) }
        let word = total == 1 ? s("1 stem", "1 vote") : s("\(total) stemmen", "\(total) votes")
        return word + " (" + parts.joined(separator: ", ") + ")"
    }

    /// A count in words up to ten ("vier scenario's"), in digits above: as an editor writes it.
    func number(_ n: Int, capital: Bool = false) -> String {
        let nl = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
        let en = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        guard (0...10).contains(n) else { return String(n) }
        let word = s(nl[n], en[n])
        guard capital, let first = word.first else { return word }
        // Dutch writes "Eén" at the start of a sentence, as the review asks, not "Één".
        return word == "één" ? "Eén" : first.uppercased() + word.dropFirst()
    }

    /// Dots up to ten, then a count: a long row of dots says nothing more.
    static func dots(_ n: Int, _ dot: Character) -> String { n <= 10 ? String(repeating: dot, count: n) : "\(n)×\(dot)" }
}
