/// The fixed words of the report's findings, method, context and colophon.
extension ReportStrings {
    var subtitle: String {
        s("Opbrengst van de werksessies bij de Toekomstverkenning Publieke Dienstverlening 2035, gemaakt met Perspectief. Dit is geen publicatie van de studie zelf.",
          "Outcome of the working sessions for the Toekomstverkenning Publieke Dienstverlening 2035 (public service delivery foresight study), made with Perspectief. This is not a publication of the study itself.")
    }
    var concept: String { s("concept", "draft") }
    var conceptNote: String {
        s("Concept: de organisator heeft de samenvatting en kernboodschappen nog niet geschreven. Wat volgt is de opbrengst van de sessies, nog zonder duiding.",
          "Draft: the organiser has not yet written the summary and key messages. What follows is the sessions' outcome, not yet interpreted.")
    }
    func dateAndVersion(_ date: String, version: Int, concept: Bool) -> String {
        s("Datum: ", "Date: ") + date + " · " + versionText(version, concept: concept)
    }
    func versionText(_ v: Int, concept: Bool) -> String {
        s("versie", "version") + " " + versionNumber(v, concept: concept)
    }
    /// The number alone, for a row already labelled "Versie".
    func versionNumber(_ v: Int, concept: Bool) -> String {
        concept ? "\(max(v, 0)) (" + self.concept + ")" : "\(max(v, 0))"
    }
    var people: String { s("Aanwezig", "Present") }
    func peopleTotal(_ sessions: Int, counted: Int, unknown: Int) -> String {
        let sessionsWord = sessions == 1 ? s("1 sessie", "1 session") : s("\(sessions) sessies", "\(sessions) sessions")
        if unknown == 0 { return sessionsWord + s(" met samen \(counted) mensen in de zaal.", " with \(counted) people in the room altogether.") }
        if unknown == sessions { return sessionsWord + s("; het aantal mensen in de zaal is niet opgegeven.", "; the number of people in the room was not given.") }
        return sessionsWord + s(" met ten minste \(counted) mensen in de zaal; bij \(unknown) is het aantal niet opgegeven.",
                                " with at least \(counted) people in the room; for \(unknown) the number was not given.")
    }
    var keyMessages: String { s("Kernboodschappen", "Key messages") }
    var noKoersvastShared: String { s("Geen inzicht wordt door meer dan één groep gedeeld.", "No insight is shared by more than one group.") }
    func koersvastOneGroup(_ singular: String) -> String { s("Koersvast voor één \(singular)", "No-regret for one \(singular)") }
    var directionsLegend: String {
        s("Per ontwikkelrichting de gekoppelde inzichten, koersvast apart van scenariospecifiek (nodig in één, twee of drie werelden, niet in alle vier). Aan het eind wat bij geen richting past: misschien een nieuwe richting.",
          "Per development direction the linked insights, no-regret apart from scenario-specific (needed in one, two or three worlds, not all four). At the end what fits no direction: perhaps a new direction.")
    }
    var koersvastShort: String { s("Koersvast", "No-regret") }
    var fitsNoDirection: String { s("Past bij geen richting", "Fits no direction") }
    func perScenarioAcross(_ plural: String) -> String { s("Per scenario, voor alle \(plural)", "Per scenario, for all \(plural)") }
    var perScenarioAcrossLegend: String {
        s("Wat elke wereld vraagt, over de groepen heen: de inzichten die er standhouden. Alle implicaties per groep staan in de bijlage.",
          "What each world asks, across the groups: the insights that hold there. Every implication per group is in the annex.")
    }
    func holdingHere(_ n: Int, groups: Int, _ term: Workshop.Term) -> String {
        let word = groups == 1 ? term.singular[l] : term.plural[l]
        return n == 1 ? s("1 inzicht houdt hier stand, uit \(groups) \(word).", "1 insight holds here, from \(groups) \(word).")
            : s("\(n) inzichten houden hier stand, uit \(groups) \(word).", "\(n) insights hold here, from \(groups) \(word).")
    }
    var onlyInSome: String { s("Scenariospecifiek: nodig in deze wereld, niet in alle vier", "Scenario-specific: needed in this world, not in all four") }
    func implicationsHere(_ n: Int) -> String {
        n == 1 ? s("1 implicatie voor deze wereld; zie de bijlage.", "1 implication for this world; see the annex.")
            : s("\(n) implicaties voor deze wereld; zie de bijlage.", "\(n) implications for this world; see the annex.")
    }
    var conceptMark: String { s("Concept", "Draft") }
    var figures: String { s("Overzichten", "Overviews") }
    var quadrantCaption: String { s("De vier scenario's met het aantal implicaties per doelgroep", "The four scenarios with the number of implications per target group") }
    var heatmapCaption: String {
        s("Inzichten die standhouden, per doelgroep × scenario (koersvast en scenariospecifiek); donkerder is meer",
          "Insights that hold, per target group × scenario (no-regret and scenario-specific); darker is more")
    }
    var annexScenario: String { s("Bijlage: alle implicaties per scenario", "Annex: every implication per scenario") }
    func annexPerspective(_ singular: String) -> String { s("Bijlage: inzichten per \(singular)", "Annex: insights per \(singular)") }
    var annexOther: String { s("Bijlage: overige bijdragen", "Annex: other contributions") }
    func methodParagraphs(_ plural: String, scenarios: Int) -> [String] {
        [
            s("Het perspectief omgedraaid: elke sessie zette één van de \(plural) centraal en liep met die groep door de \(number(scenarios)) scenario's van 2035. Per wereld benoemde de zaal wat die wereld voor de groep betekent en wat de groep nodig heeft (implicaties); daarna koos de zaal per wereld de belangrijkste implicaties en maakte er inzichten van.",
              "Turning the perspective around: each session put one of the \(plural) at the centre and walked with that group through the \(number(scenarios)) scenarios of 2035. Per world the room named what that world means for the group and what it needs (implications); the room then picked the most important implications per world and turned them into insights."),
            s("Koersvast heet een inzicht dat in alle vier de werelden standhoudt: geen-spijt-beleid. Scenariospecifiek is een inzicht dat in één, twee of drie werelden nodig is, niet in alle vier: het vraagt wendbaarheid. De zaal gaf per inzicht aan in welke werelden het standhoudt en bij welke ontwikkelrichtingen het hoort.",
              "An insight is no-regret when it holds in all four worlds. It is scenario-specific when it is needed in one, two or three worlds, not in all four: it asks for agility. The room marked for each insight the worlds where it holds and the development directions it belongs to."),
            s("De stippen: iedereen verdeelde een klein aantal stemmen over de inzichten. ○ zijn stemmen van de zaal, gegeven op het scherm van de facilitator voor wie geen eigen scherm had; ● zijn stemmen van deelnemers op hun eigen scherm. Ze tellen apart en worden als aandeel binnen de eigen sessie getoond. Stemmen wegen af wat de aanwezigen belangrijk vonden; ze zijn geen steekproef.",
              "The dots: everyone spread a few votes over the insights. ○ are the room's votes, given at the facilitator's screen for those without one of their own; ● are participants' votes on their own screens. They are counted apart and shown as a share within their own session. Votes weigh what those present found important; they are not a sample."),
        ]
    }
    var anonymity: String { s("Anonimiteit", "Anonymity") }
    var context: String { s("Achtergrond", "Background") }
    func groupsAndPersonas(_ plural: String) -> String { s("De \(plural) en hun persona's", "The \(plural) and their personas") }
    var persona: String { s("Persona (fictief)", "Persona (fictional)") }
    var customGroup: String {
        s("Een eigen doelgroep van de facilitator: het werkbestand beschrijft deze groep niet en geeft er geen persona bij.",
          "A group of the facilitator's own: the workshop file does not describe it and gives it no persona.")
    }
    var customGroupOwn: String { s("(Een eigen doelgroep; beschreven door de facilitator.)", "(A group of the facilitator's own, as they described it.)") }
    var scenarioStories: String { s("De vier werelden van 2035", "The four worlds of 2035") }
    var quadrantWorldsCaption: String { s("De scenario's op de twee kernonzekerheden", "The scenarios on the two key uncertainties") }
    var trendsCited: String { s("Genoemde trends", "Trends cited") }
    var organiser: String { s("Organisator", "Organiser") }
    var facilitators: String { s("Facilitatoren", "Facilitators") }
    var version: String { s("Versie", "Version") }
    var tool: String { s("Gemaakt met", "Made with") }
    var status: String { s("Status", "Status") }
    var statusText: String {
        s("Werkverslag van de sessies; geen publicatie van de Toekomstverkenning zelf. De scenarionamen zijn werktitels.",
          "Working report of the sessions; not a publication of the foresight study itself. The scenario names are working titles.")
    }
    var colophon: String { s("Colofon", "Colophon") }
}
