/// The fixed words of page 1, the method and its limits, names, tables and the worlds.
extension ReportStrings {
    /// Small counts in words, as a reader says them ("twee van de zes sessies").
    func count(_ n: Int) -> String { n == 0 ? s("geen", "no") : number(n) }
    func sessions(_ n: Int) -> String { count(n) + (n == 1 ? s(" sessie", " session") : s(" sessies", " sessions")) }

    // Page 1
    func groupsOf(_ n: Int, _ of: Int, _ term: Workshop.Term) -> String {
        "\(n) " + s("van", "of") + " \(of) " + (of == 1 ? term.singular[l] : term.plural[l])
    }
    func shareOfVotes(_ percent: Int) -> String { s("\(percent) % van de stemmen", "\(percent)% of the votes") }
    var strongestFindings: String { s("Sterkste bevindingen", "Strongest findings") }
    var strongestFindingsConcept: String {
        s("Concept: de organisator heeft de kernboodschappen nog niet geschreven. Hier staan de bevindingen die de meeste doelgroepen delen.",
          "Draft: the organiser has not yet written the key messages. These are the findings most target groups share.")
    }
    var strongestFindingsNote: String {
        s("De bevindingen die de meeste doelgroepen delen, uit de sessies; de organisator koos geen kernboodschappen.",
          "The findings most target groups share, from the sessions; the organiser chose no key messages.")
    }
    var noFindingsYet: String { s("Nog geen bevindingen: geen inzicht met stemmen of gedeeld door groepen.", "No findings yet: no insight with votes or shared by groups.") }
    func pageOf(_ n: Int) -> String { s("blz. \(n)", "p. \(n)") }

    // Method and limits
    var methodAndLimits: String { s("Werkwijze en beperkingen", "Method and limits") }
    var whoInTheRoom: String { s("Wie er in de zaal zat", "Who was in the room") }
    func roomKinds(professionals: Int, group: Int, mixed: Int, unknown: Int, total: Int) -> String {
        if unknown == total {
            return s("Voor geen van de sessies is vastgelegd wie er in de zaal zat: ambtenaren en professionals die zich in de doelgroep verplaatsten, of de groep zelf.",
                     "For none of the sessions was it recorded who sat in the room: civil servants and professionals imagining the target group, or the group itself.")
        }
        var parts: [String] = []
        if professionals > 0 {
            parts.append(s("in \(count(professionals)) zaten ambtenaren en professionals die zich in de doelgroep verplaatsten, niet de groep zelf",
                           "in \(count(professionals)) civil servants and professionals imagined the target group; the group itself was not there"))
        }
        if group > 0 { parts.append(s("in \(count(group)) zat de doelgroep zelf", "in \(count(group)) the target group itself took part")) }
        if mixed > 0 { parts.append(s("in \(count(mixed)) zaten beide", "in \(count(mixed)) both took part")) }
        if unknown > 0 { parts.append(s("bij \(count(unknown)) is dat niet vastgelegd", "for \(count(unknown)) this was not recorded")) }
        return s("Van de \(sessions(total)): ", "Of the \(sessions(total)): ") + parts.joined(separator: "; ") + "."
    }
    var personasFictional: String {
        s("De persona's zijn verzonnen: een voorbeeldpersoon om je in te verplaatsen, geen echt persoon en geen steekproef. Wat de zaal voor de doelgroep bedacht, is een verwachting, geen uitspraak van de groep.",
          "The personas are fictional: an example person to step into, not a real person and not a sample. What the room thought of for the target group is an expectation, not the group's own word.")
    }
    var promptsAsked: String { s("Wat per wereld gevraagd werd", "What was asked per world") }
    func paper(sessions n: Int, entries: Int, total: Int) -> String {
        if n == 0 { return s("Alle bijdragen zijn in de sessies zelf ingevoerd.", "Every contribution was typed in during the sessions.") }
        return s("\(ReportDocument.capitalised(count(n))) van de \(sessions(total)) werkte\(n == 1 ? "" : "n") (deels) op papier; \(entries) bijdragen zijn achteraf overgetypt en ingelezen.",
                 "\(ReportDocument.capitalised(count(n))) of the \(sessions(total)) worked (partly) on paper; \(entries) contributions were typed in afterwards and imported.")
    }
    func judged(total: Int, judged: Int, linked: Int) -> String {
        s("Van de \(total) inzichten zijn er \(judged) beoordeeld op de vier werelden (koersvast of scenariospecifiek) en \(linked) aan een ontwikkelrichting gekoppeld. De zaal besprak in de tijd die er was vooral de inzichten met de meeste stemmen; de \(total - judged) andere zijn niet beoordeeld. \"Niet beoordeeld\" betekent dus niet dat een inzicht nergens standhoudt.",
          "Of the \(total) insights, \(judged) were judged against the four worlds (no-regret or scenario-specific) and \(linked) were linked to a development direction. In the time there was, the room mostly discussed the most-voted insights; the other \(total - judged) were not judged. \"Not judged\" therefore does not mean an insight holds nowhere.")
    }
    func groupsMade(organiser: Int, same: Int, proposed: Int) -> String {
        s("Groepen over de doelgroepen heen: \(organiser) gemaakt door de organisator, \(same) met dezelfde tekst, \(proposed) voorgesteld omdat de inzichten woorden delen (nog niet door de organisator bekeken).",
          "Groups across target groups: \(organiser) made by the organiser, \(same) with the same text, \(proposed) proposed because the insights share words (not yet checked by the organiser).")
    }
    var scripts: String { s("Draaiboek per sessie", "Script per session") }
    var seating: String { s("Wie zat waar", "Who sat where") }
    var table: String { s("Tafel", "Table") }
    var atTable: String { s("Aan tafel", "At the table") }
    func tableNote(_ n: Int) -> String { s("tafel \(n)", "table \(n)") }
    func peopleCount(_ n: Int) -> String { n == 1 ? s("1 persoon", "1 person") : s("\(n) personen", "\(n) people") }

    // Names
    func anonymity(sessions n: Int, anonymous: Int, hidden: Int) -> String {
        var out: String
        if anonymous == 0 {
            out = n == 1 ? s("De sessie was niet anoniem.", "The session was not anonymous.")
                : s("Geen van de sessies was anoniem.", "None of the sessions was anonymous.")
        } else if anonymous == n {
            out = n == 1 ? s("De sessie was anoniem: namen van deelnemers zijn niet bewaard.", "The session was anonymous: participants' names were not stored.")
                : s("Alle sessies waren anoniem: namen van deelnemers zijn niet bewaard.", "All sessions were anonymous: participants' names were not stored.")
        } else {
            out = s("\(number(anonymous, capital: true)) van de \(sessions(n)) \(anonymous == 1 ? "was" : "waren") anoniem; daarin zijn geen namen van deelnemers bewaard.",
                    "\(number(anonymous, capital: true)) of the \(sessions(n)) \(anonymous == 1 ? "was" : "were") anonymous; no participants' names were stored there.")
        }
        if hidden > 0 {
            out += " " + s("In \(sessions(hidden)) heeft de facilitator de namen verborgen; die staan niet in dit verslag.",
                           "In \(sessions(hidden)) the facilitator hid the names; they are not in this report.")
        }
        let named = n - anonymous - hidden
        if named > 0 {
            out += " " + (named == n ? s("Bij elke bijdrage staat de voornaam van wie die invoerde; dat wisten de deelnemers.",
                                         "Each contribution shows the first name of whoever typed it; participants were told so.")
                : s("In de andere staat bij elke bijdrage de voornaam van wie die invoerde; dat wisten de deelnemers.",
                    "In the others each contribution shows the first name of whoever typed it; participants were told so."))
        }
        return out + " " + s("De facilitatoren staan bij de sessies.", "The facilitators are listed with the sessions.")
    }
    var noNamesClean: String {
        s("Dit verslag bevat geen namen: niet van deelnemers, facilitatoren of de organisator.",
          "This report holds no names: not of participants, facilitators or the organiser.")
    }
    func noNamesButInText(_ n: Int) -> String {
        s("In dit verslag zijn de namen van deelnemers, facilitatoren en de organisator weggelaten. Let op: in \(n == 1 ? "één bijdrage" : "\(n) bijdragen") staat nog een naam in de tekst zelf; die is niet weggelaten.",
          "This report leaves out the names of participants, facilitators and the organiser. Note: \(n == 1 ? "one contribution still holds" : "\(n) contributions still hold") a name in its text; that was not removed.")
    }
    var noNamesRedacted: String {
        s("Dit verslag bevat geen namen: niet van deelnemers, facilitatoren of de organisator. Namen in de tekst van een bijdrage zijn vervangen door [naam].",
          "This report holds no names: not of participants, facilitators or the organiser. Names inside a contribution's text were replaced by [name].")
    }
    var redaction: String { s("[naam]", "[name]") }

    // Per world
    func perWorld(_ plural: String) -> String { s("Per wereld: wat alleen daar nodig is", "Per world: what only it asks") }
    func koersvastOnce(_ n: Int) -> String {
        s("Koersvast, in alle vier de werelden nodig: \(n) inzichten; die staan hierboven en worden per wereld niet herhaald. Hieronder per wereld alleen de scenariospecifieke inzichten.",
          "No-regret, needed in all four worlds: \(n) insights; they are listed above and not repeated per world. Below, per world, only the scenario-specific insights.")
    }
    var worldAsksCaption: String {
        s("Wat deze wereld vraagt: per kwadrant het scenariospecifieke inzicht met de meeste stemmen", "What this world asks: per quadrant the most-voted scenario-specific insight")
    }
    var nothingSpecific: String { s("Geen scenariospecifieke inzichten voor deze wereld.", "No scenario-specific insights for this world.") }

    // Directions
    var notJudgedApart: String {
        s("Niet beoordeeld (niet besproken op de vier werelden)", "Not judged (not discussed against the four worlds)")
    }
    var judgedFitsNone: String { s("Beoordeeld, past bij geen richting", "Judged, fits no direction") }
}

extension ReportStrings {
    var methodLimits: String { s("Wat het verslag wel en niet kan zeggen", "What the report can and cannot say") }
    var scriptColumn: String { s("Draaiboek", "Script") }
}

extension ReportStrings {
    var round: String { s("Ronde", "Round") }
    var scenarioWord: String { s("Scenario", "Scenario") }
}

extension ReportStrings {
    var notJudgedInFull: String {
        s("Deze inzichten staan in het volledige verslag en in de CSV.", "These insights are in the full report and in the CSV.")
    }
}

extension ReportStrings {
    func votesCount(_ n: Int) -> String { n == 1 ? s("1 stem", "1 vote") : s("\(n) stemmen", "\(n) votes") }
}
