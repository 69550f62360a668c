/// The words of what the organiser decided and chose: shared findings with their reach, the
/// study's messages with the evidence linked to them, proposals not yet judged, and how the
/// groups were made.
extension ReportStrings {
    // Reach of a shared finding
    func reachGroups(_ r: Reach, _ term: Workshop.Term) -> String {
        let word = r.totalGroups == 1 ? term.singular[l] : term.plural[l]
        let sessions =
            r.sessions == 1 ? s("1 sessie", "1 session") : s("\(r.sessions) sessies", "\(r.sessions) sessions")
        return s("\(r.groups) van \(r.totalGroups) \(word), ", "\(r.groups) of \(r.totalGroups) \(word), ") + sessions
    }
    func reachWorlds(_ r: Reach, titles: [String]) -> String {
        if r.koersvast { return s("koersvast", "no-regret") }
        if titles.isEmpty { return s("nog niet beoordeeld per wereld", "not yet judged per world") }
        return s("houdt stand in ", "holds in ") + titles.joined(separator: ", ")
    }
    func reachVotes(_ r: Reach) -> String {
        s("\(r.votePercent) % van de stemmen", "\(r.votePercent)% of the votes")
    }
    /// "5 van 5 doelgroepen, 6 sessies · koersvast · 27 % van de stemmen"
    func weight(_ r: Reach, _ w: Workshop) -> String {
        let titles = r.worlds.map { id in w.scenario(id)?.title[l] ?? id }
        // A finding nobody voted on says nothing about votes ("0 %" reads as a verdict).
        let votes = r.votes > 0 ? [reachVotes(r)] : []
        return ([reachGroups(r, w.perspectiveTerm), reachWorlds(r, titles: titles)] + votes).joined(
            separator: " · ")
    }
    var sharedAcrossLegend: String {
        s(
            "Alleen wat de organisator als groep heeft vastgesteld (zelf gemaakt of een voorstel overgenomen), en inzichten met precies dezelfde tekst. Bij elke bevinding staat hoe ver ze reikt: in hoeveel doelgroepen en sessies, in welke werelden, en welk deel van de stemmen ze kreeg. De breedste eerst.",
            "Only what the organiser settled as a group (made by hand or a proposal accepted), and insights with exactly the same text. Each finding says how far it reaches: in how many target groups and sessions, in which worlds, and what share of the votes it drew. The widest first."
        )
    }

    // The study's messages
    func mainMessagesEvidence(_ n: Int) -> String {
        n == 1
            ? s(
                "De hoofdboodschap van de studie en wat de sessies eronder legden",
                "The study's main message and what the sessions put under it")
            : s(
                "De \(number(n)) hoofdboodschappen van de studie en wat de sessies eronder legden",
                "The study's \(number(n)) main messages and what the sessions put under it")
    }
    var messagesLegend: String {
        s(
            "Onder elke boodschap staan de inzichten en ontwikkelrichtingen die de organisator eraan koppelde. Staat er niets gekoppeld, dan zegt dit verslag niets over steun voor die boodschap.",
            "Under each message are the insights and development directions the organiser linked to it. Where nothing is linked, this report says nothing about support for that message."
        )
    }
    var notLinked: String {
        s(
            "Niet gekoppeld: de organisator heeft hier (nog) geen inzichten aan gekoppeld.",
            "Not linked: the organiser has linked no insights to this (yet).")
    }
    func evidenceCount(insights: Int, groups: Int, _ term: Workshop.Term) -> String {
        let i = insights == 1 ? s("1 inzicht", "1 insight") : s("\(insights) inzichten", "\(insights) insights")
        let word = groups == 1 ? term.singular[l] : term.plural[l]
        return i + s(" uit \(groups) \(word)", " from \(groups) \(word)")
    }
    var viaDirection: String { s("via ontwikkelrichting", "through direction") }

    // Proposals not yet judged
    var unreviewedTitle: String { s("Voorstellen, nog niet beoordeeld", "Proposals not yet reviewed") }
    var unreviewedLegend: String {
        s(
            "Groepen die Perspectief voorstelt omdat de inzichten op elkaar lijken, maar waarover de organisator nog niet besliste. Ze zijn geen bevinding: overnemen of afwijzen kan in de terugblik (v) of met `perspectief groups accept|reject`.",
            "Groups Perspectief proposes because the insights look alike, which the organiser has not decided on yet. They are no finding: accept or reject them in review (v) or with `perspectief groups accept|reject`."
        )
    }
    func proposalReason(words: [String], concepts: [String], strength: Double) -> String {
        var parts: [String] = []
        if !words.isEmpty { parts.append(s("gedeelde woorden: ", "shared words: ") + words.joined(separator: ", ")) }
        if !concepts.isEmpty { parts.append(s("begrippen: ", "concepts: ") + concepts.joined(separator: ", ")) }
        parts.append(s("sterkte ", "strength ") + Self.decimal(strength, l))
        return parts.joined(separator: " · ")
    }
    static func decimal(_ x: Double, _ l: Language) -> String {
        let hundredths = Int((min(max(x, 0), 1) * 100).rounded())
        let digits = hundredths < 10 ? "0\(hundredths)" : "\(hundredths)"
        return hundredths >= 100 ? "1" + (l == .nl ? ",00" : ".00") : "0" + (l == .nl ? "," : ".") + digits
    }

    // Method
    var groupingMethod: String {
        s(
            "Hoe de gedeelde bevindingen zijn gemaakt: Perspectief stelt groepen voor van inzichten uit verschillende doelgroepen die dezelfde zeldzame woorden of begrippen uit de woordenlijst van de workshop delen, met de woorden en een sterkte erbij. Alleen wat de organisator overnam telt als bevinding, naast inzichten met precies dezelfde tekst; afgewezen voorstellen komen niet terug.",
            "How the shared findings were made: Perspectief proposes groups of insights from different target groups that share the same rare words or concepts from the workshop's glossary, with the words and a strength. Only what the organiser accepted counts as a finding, besides insights with exactly the same text; rejected proposals do not come back."
        )
    }
}

extension Reach {
    /// The weight of a shared finding in one line, for the report's first page:
    /// "5 van 5 doelgroepen, 6 sessies · koersvast · 27 % van de stemmen".
    public func weight(_ workshop: Workshop, _ language: Language) -> String {
        ReportStrings(language).weight(self, workshop)
    }
}
