import Core

/// Every interface string, in Dutch and English. Workshop content carries its own texts.
public enum S {
    static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    // Home
    static let appName = t("Perspectief", "Perspectief")
    static let tagline = t("Het perspectief omgedraaid — werksessies over 2035", "The perspective turned around — sessions on 2035")
    static let newSession = t("Nieuwe sessie", "New session")
    static let resume = t("Verder met een sessie", "Resume a session")
    static let review = t("Terugblik op sessies", "Review sessions")
    static let quit = t("Stoppen", "Quit")
    static let noSessions = t("Nog geen sessies.", "No sessions yet.")
    static let readOnly = t("alleen lezen", "read-only")
    static let closedSession = t("afgesloten", "closed")
    static let entries = t("bijdragen", "entries")
    static func entryCount(_ n: Int, _ l: Language) -> String {
        "\(n) " + (n == 1 ? (l == .nl ? "bijdrage" : "entry") : entries[l])
    }

    // Wizard
    static let chooseWorkshop = t("Kies een workshop", "Choose a workshop")
    static let choosePerspective = t("Kies een %@", "Choose a %@")
    static let otherPerspective = t("Andere %@ (zelf typen)…", "Another %@ (type it)…")
    static let typePerspective = t("Naam van de %@", "Name of the %@")
    static let sessionTitle = t("Titel van de sessie", "Session title")
    static let facilitatorName = t("Naam van de facilitator (mag leeg blijven)", "Facilitator's name (optional)")
    static let sessionPlace = t("Plaats van de sessie, bv. „Zwolle, stadhuis” (mag leeg blijven)", "Where the session is held, e.g. \"Zwolle, town hall\" (optional)")
    static let anonymity = t("Anoniem: namen van deelnemers worden niet opgeslagen", "Anonymous: participant names are not stored")
    static let voteBudget = t("Stemmen per deelnemer", "Votes per participant")
    static let yes = t("ja", "yes")
    static let no = t("nee", "no")
    static let startSession = t("Enter: sessie starten", "Enter: start the session")
    /// Who sits in the room, for the report's method (`k` on the last wizard question).
    static func roomKind(_ k: RoomKind?) -> LocalizedText {
        let what: LocalizedText
        switch k {
        case nil: what = t("niet opgegeven", "not said")
        case .professionals?: what = t("ambtenaren en professionals die zich in de doelgroep verplaatsen", "civil servants and professionals imagining the group")
        case .targetGroup?: what = t("de doelgroep zelf", "the target group itself")
        case .mixed?: what = t("beide", "both")
        }
        return t("k  Wie zit er in de zaal: " + what.nl, "k  Who is in the room: " + what.en)
    }
    static let wizardHint = t("↑↓ kiezen · Enter verder · Esc terug", "↑↓ choose · Enter next · Esc back")

    // Session
    static let agenda = t("Agenda", "Agenda")
    static let timeUp = t("TIJD OM", "TIME UP")
    static let paused = t("gepauzeerd", "paused")
    static let running = t("loopt", "running")
    static let minutes = t("min", "min")
    static let optional = t("optioneel", "optional")
    static let implicationsSoFar = t("Implicaties", "Implications")
    static let insights = t("Inzichten", "Insights")
    static let notes = t("Aantekeningen", "Notes")
    static let noEntries = t("Nog niets. Druk op a om iets toe te voegen.", "Nothing yet. Press a to add something.")
    static let noInsights = t("Nog geen inzichten. Voeg ze toe in de stap Inzichten (a).", "No insights yet. Add them in the Insights step (a).")
    static let koersvast = t("koersvast", "no-regret")
    static let scenarioSpecific = t("scenariospecifiek", "scenario-specific")
    static let undecided = t("nog niet bepaald", "not decided yet")
    static let votes = t("stemmen", "votes")
    static let budgetLeft = t("Stembudget per deelnemer: %@", "Vote budget per participant: %@")
    static let persona = t("Persona", "Persona")
    static let lifeEvents = t("Levensgebeurtenissen", "Life events")
    static let features = t("Kenmerken", "Features")
    static let summary = t("Samenvatting", "Summary")
    static let topVoted = t("Meeste stemmen", "Most votes")
    static let perScenario = t("Implicaties per scenario", "Implications per scenario")
    static let koersvastInsights = t("Koersvaste inzichten", "No-regret insights")
    static let readOnlySession = t("Alleen lezen: %@", "Read-only: %@")
    static let sessionClosed = t("Deze sessie is afgesloten.", "This session is closed.")
    static let saveFailed = t("NIET OPGESLAGEN: %@", "NOT SAVED: %@")
    static let room = t("de zaal", "the room")
    static let anonymous = t("anoniem", "anonymous")
    static let pending = t("wacht op goedkeuring", "awaiting review")
    static let stepOf = t("Stap %@ van %@", "Step %@ of %@")
    static let trendWall = t("Trends", "Trends")
    static let directionKeys = t("1–9: koppel het gekozen inzicht aan een richting", "1–9: link the selected insight to a direction")
    static let robustnessKeys = t("1–4: houdt stand in scenario 1–4", "1–4: holds in scenario 1–4")
    static let messages = t("Hoofdboodschappen", "Main messages")
    // Said on the projector: the room reads it, so it names no key (x there also closes the step).
    static let holdOn = t("Bijdragen van deelnemers wachten nu op goedkeuring aan de regietafel",
        "Participant entries now wait for review at the facilitator's desk")
    static let removeOnDesk = t(
        "Bijdragen van deelnemers verwijder je aan de regietafel (perspectief desk %@): daar vraagt het eerst.",
        "Participants' entries are removed at the desk (perspectief desk %@): it asks first there.")
    static let holdOff = t("Bijdragen van deelnemers verschijnen nu meteen", "Participant entries now show at once")
    static let namesHidden = t("namen verborgen", "names hidden")
    static let participantsJoined = t("Deelnemers: %@", "Participants: %@")

    // Input
    static let newEntry = t("Nieuw: %@", "New: %@")
    static let editEntry = t("Bewerken", "Edit")
    static let inputHint = t("Enter opslaan · Esc annuleren · Tab wie zei het · Alt-Enter nieuwe regel",
        "Enter save · Esc cancel · Tab who said it · Alt-Enter new line")
    static let saidBy = t("Gezegd door: %@", "Said by: %@")

    // Footer hints
    static let sessionHint = t("←→ stap · a nieuw · ↑↓ kies · e/d wijzig/wis · u ongedaan maken · t timer · n kaart · ? hulp · q verlaten",
        "←→ step · a add · ↑↓ select · e/d edit/remove · u undo · t timer · n card · ? help · q leave")
    static let homeHint = t("↑↓ kiezen · Enter openen · n nieuwe sessie · ? hulp · q stoppen",
        "↑↓ choose · Enter open · n new session · ? help · q quit")

    // Too small
    static let tooSmall = t("Maak het venster minstens 80×24 (nu %@×%@).", "Make the window at least 80×24 (now %@×%@).")

    // Kinds
    static func kind(_ k: EntryKind) -> LocalizedText {
        switch k {
        case .implication: return t("implicatie", "implication")
        case .insight: return t("inzicht", "insight")
        case .note: return t("aantekening", "note")
        }
    }

    // Help
    static let help = t("Toetsen", "Keys")
    static let helpClose = t("Druk op een toets om verder te gaan", "Press any key to continue")

    // Script: break and harvest; what the workshop file holds besides the steps
    static let breakLeft = t("Pauze — nog %@", "Break — %@ left")
    static let breakOver = t("De pauze is om", "The break is over")
    static let nextStep = t("Hierna", "Next")
    static let harvestKeys = t("v geeft een stip namens de zaal (○) · V neemt hem terug · ★ = top 3 van het scenario · a wat opvalt (✎)",
                               "v gives a dot on behalf of the room (○) · V takes it back · ★ = the scenario's top 3 · a what stands out (✎)")
    static let implications = t("Implicaties", "Implications")
    static let trendAbove = t("Boven de categorieën", "Above the categories")
    /// The personas are ours, not the study's: said where they are shown.
    static let personaOurs = t("Persona (fictief): ", "Persona (fictional): ")
    static let domainsOurs = t("[Domeinen] per trend: onze eigen indeling, niet die van de studie.",
                               "[Domains] per trend: our own mapping, not the study's.")
}

extension LocalizedText {
    /// Fills "%@" placeholders in order.
    func callAsFunction(_ language: Language, _ args: String...) -> String {
        var out = self[language]
        for a in args {
            guard let r = out.range(of: "%@") else { break }
            out.replaceSubrange(r, with: a)
        }
        return out
    }
}

extension String {
    func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
