import Core

extension ParticipantView {
    /// What `actor` sees of `state` at `now`. `notice` is the last answer the participant's
    /// own front end received; it is shown only in the step it was given in, and not once
    /// the session is closed.
    public static func make(workshop: Workshop, state: SessionState, actor: Actor, now: Int64, notice: Notice? = nil) -> ParticipantView {
        let engine = Engine(workshop: workshop)
        let step = engine.currentStep(state) ?? workshop.steps[0]
        let number = (workshop.steps.firstIndex { $0.id == step.id } ?? 0) + 1
        let scenarioIds = workshop.scenarios.map(\.id)
        let directionNumber = Dictionary(uniqueKeysWithValues: workshop.directions.map { ($0.id, $0.number) })

        let entries = StepEntries.indices(state, step, viewer: actor, scenarios: scenarioIds).map { state.entries[$0] }
        var top = Set<String>()
        if step.kind.list == .implicationsByScenario {
            for sc in scenarioIds { top.formUnion(StepEntries.top(entries, scenario: sc)) }
        }
        let tables = tableChoices(workshop, state, step: step)
        if step.kind == .tableRound {
            for t in Set(entries.compactMap(\.table)) { top.formUnion(StepEntries.top(entries, table: t)) }
        }
        let tableNumber = Dictionary(uniqueKeysWithValues: tableChoices(workshop, state, step: tableStep(workshop, step) ?? step).map { ($0.id, $0.number) })
        let items = entries.map { e -> Item in
            let holds = workshop.scenarios.enumerated().filter { e.holdsIn.contains($1.id) }.map { $0.offset + 1 }
            return Item(
                id: e.id, kind: e.kind, text: e.text, mine: e.owner == actor.key, pending: e.status == .pending,
                myVotes: e.votesBy[actor.key] ?? 0, scenario: e.scenario,
                scenarioTitle: e.scenario.flatMap { id in workshop.scenario(id).map { title(of: $0, state) } },
                holdsIn: holds, koersvast: e.kind == .insight && !scenarioIds.isEmpty && holds.count == scenarioIds.count,
                directions: e.directions.compactMap { directionNumber[$0] }.sorted(), top: top.contains(e.id),
                table: e.table.flatMap { tableNumber[$0] })
        }

        var view = ParticipantView(
            title: state.setup.title, name: actor.name, closed: state.closed, roomVisible: state.roomVisible,
            step: Step(id: step.id, number: number, count: workshop.steps.count, kind: step.kind, title: step.title, prompts: step.prompts),
            timer: nil, scenario: nil, persona: nil, input: input(step, state), list: List(heading: heading(step.kind, state), items: items),
            votes: nil, trends: [], directions: [], notice: nil)
        view.message = state.roomMessage
        if step.kind == .tableRound {
            let seat = state.seat(of: actor.key, in: step.id).flatMap { id in tables.first { $0.id == id } }
            view.tables = Tables(choices: tables, seat: seat, cap: step.seatsPerTable)
            if let seat, let sc = workshop.scenario(seat.scenario) {
                view.scenario = Scenario(id: sc.id, title: title(of: sc, state), tagline: sc.tagline, narrative: sc.narrative, features: sc.features)
                view.persona = persona(workshop, state)
                view.votes = Votes(budget: SessionState.tableVoteBudget, used: state.tableVotesUsed(by: actor.key, in: step.id))
            } else if actor.role == .participant {
                view.list.heading = .chooseTable
                if view.input.isOpen { view.input = .none(ParticipantText.chooseTable) }
            }
        }
        do {
            let t = state.timers[step.id] ?? StepTimer()
            view.timer = Timer(remainingMs: t.remainingMs(minutes: step.minutes, now: now), running: t.isRunning)
        }
        if step.kind == .scenarioRound, let sc = workshop.scenario(step.scenario ?? "") {
            view.scenario = Scenario(id: sc.id, title: title(of: sc, state), tagline: sc.tagline, narrative: sc.narrative, features: sc.features)
            view.persona = persona(workshop, state)
        }
        if step.kind == .voting {
            view.votes = Votes(budget: state.setup.voteBudget, used: state.votesUsed(by: actor.key))
        }
        if step.kind == .trends {
            view.trends = workshop.trends.sorted { $0.number < $1.number }.map { Trend(number: $0.number, title: $0.title) }
        }
        if step.kind == .directions {
            let live = state.entries.filter { $0.kind == .insight && $0.isLive }
            view.directions = workshop.directions.map { d in
                Direction(number: d.number, title: d.title, insights: live.filter { $0.directions.contains(d.id) }.map(\.text))
            }
        }
        if step.kind == .insights { view.harvest = harvest(workshop, state) }
        if let notice, notice.step == step.id, !state.closed { view.notice = notice }
        return view
    }

    static func title(of sc: Workshop.Scenario, _ state: SessionState) -> LocalizedText {
        state.scenarioTitles[sc.id].map { LocalizedText($0) } ?? sc.title
    }

    /// The target group's persona: the workshop's for its own groups, the one the facilitator
    /// wrote (`new --persona`, the wizard) for a group of their own.
    static func persona(_ workshop: Workshop, _ state: SessionState) -> Persona? {
        switch state.setup.perspective {
        case .workshop(let id):
            guard let p = workshop.perspective(id), let text = p.persona else { return nil }
            return Persona(group: p.name, text: text)
        case .custom(let name):
            guard let text = state.setup.customPersona else { return nil }
            return Persona(group: LocalizedText(name), text: LocalizedText(text))
        }
    }

    /// The tables of a table round with how many sit at each.
    static func tableChoices(_ workshop: Workshop, _ state: SessionState, step: Workshop.Step) -> [TableChoice] {
        let sitting = state.sitting(in: step.id)
        return workshop.tables(of: step).map { t in
            let n = sitting[t.id]?.count ?? 0
            let name = workshop.scenario(t.scenario).map { Self.title(of: $0, state) } ?? LocalizedText(t.scenario)
            return TableChoice(id: t.id, number: t.number, scenario: t.scenario, scenarioTitle: name, seated: n,
                full: step.seatsPerTable.map { n >= $0 } ?? false)
        }
    }

    /// The table round whose tables a step shows: itself, or the one a report-back reports on.
    static func tableStep(_ workshop: Workshop, _ step: Workshop.Step) -> Workshop.Step? {
        step.kind == .reportBack ? workshop.tableRound(before: step) : step.kind == .tableRound ? step : nil
    }

    static func heading(_ kind: StepKind, _ state: SessionState) -> List.Heading {
        switch kind.list {
        case .atTables: return .table
        case .tablesReported: return .tables
        case .none: return .none
        case .implicationsByScenario: return .implications
        case .insights where !kind.participantsWorkAlone: return .insights
        case .byStep, .insights: return state.roomVisible ? .room : .yours
        }
    }

    static func input(_ step: Workshop.Step, _ state: SessionState) -> Input {
        if state.closed { return .closed(Refusal.closed.reason) }
        guard let kind = step.kind.participantEntryKind else { return .none(ParticipantText.noInput(step.kind)) }
        if !state.stepIsOpen(step.id) { return .closed(Refusal.stepClosed.reason) }
        return .open(kind)
    }
}

/// Texts a participant reads on every device, once.
public enum ParticipantText {
    /// What to do in a step that takes nothing from participants.
    public static func noInput(_ kind: StepKind) -> LocalizedText {
        switch kind {
        case .voting: return LocalizedText(nl: "Geef je stemmen aan de inzichten die jij het belangrijkst vindt.", en: "Give your votes to the insights you find most important.")
        case .pause: return LocalizedText(nl: "Pauze. Je scherm gaat vanzelf verder.", en: "Break. Your screen moves on by itself.")
        case .robustness: return LocalizedText(nl: "Kijk mee: de zaal bepaalt in welke werelden elk inzicht standhoudt.", en: "Follow along: the room decides in which worlds each insight holds.")
        case .directions: return LocalizedText(nl: "Kijk mee: de zaal koppelt de inzichten aan de ontwikkelrichtingen.", en: "Follow along: the room links the insights to the development directions.")
        case .harvest: return LocalizedText(nl: "Kijk mee: de zaal kiest per wereld de top 3.", en: "Follow along: the room chooses the top 3 of each world.")
        case .reportBack: return LocalizedText(nl: "Luister mee: elke tafel vertelt over haar wereld.", en: "Listen in: each table tells about its world.")
        default: return LocalizedText(nl: "In deze stap typ je niets.", en: "Nothing to type in this step.")
        }
    }
    public static let saved = LocalizedText(nl: "Opgeslagen.", en: "Saved.")
    public static let chooseTable = LocalizedText(
        nl: "Kies je tafel: ↑↓ en Enter (of wacht: de facilitator wijst je een plaats).",
        en: "Choose your table: ↑↓ and Enter (or wait: the facilitator gives you a seat).")
    public static let chooseTablePhone = LocalizedText(
        nl: "Kies je tafel (of wacht: de facilitator wijst je een plaats).", en: "Choose your table (or wait: the facilitator gives you a seat).")
    public static let seatedAt = LocalizedText(nl: "Je zit aan tafel", en: "You sit at table")
    public static let full = LocalizedText(nl: "vol", en: "full")
    public static let removed = LocalizedText(nl: "Verwijderd.", en: "Removed.")
}

extension ParticipantView {
    /// What changed for `actor` between two states that they should be told of, whatever
    /// device they use: an entry of theirs the facilitator did not accept.
    public static func announcement(before: SessionState, after: SessionState, actor: Actor, step: String) -> Notice? {
        for e in after.entries where e.owner == actor.key && e.status == .rejected {
            guard let old = before.entry(e.id), old.status != .rejected else { continue }
            let short = e.text.count > 40 ? String(e.text.prefix(39)) + "…" : e.text
            return Notice(kind: .refused, text: ParticipantText.rejected(short), step: step)
        }
        // Moved to another table by the facilitator: told, not left to find out.
        if let was = before.seat(of: actor.key, in: step), let now = after.seat(of: actor.key, in: step), was != now {
            return Notice(kind: .info, text: ParticipantText.moved, step: step)
        }
        return nil
    }
}

extension ParticipantText {
    public static let moved = LocalizedText(
        nl: "De facilitator heeft je aan een andere tafel gezet: je ziet nu die wereld en haar bijdragen.",
        en: "The facilitator moved you to another table: you now see that world and its entries.")
    public static let chooseFirst = LocalizedText(
        nl: "Kies eerst je tafel met ↑↓ en Enter; daarna typ je je bijdrage.",
        en: "First choose your table with ↑↓ and Enter; then type your entry.")
    public static func rejected(_ text: String) -> LocalizedText {
        LocalizedText(nl: "De facilitator heeft je bijdrage \"\(text)\" niet opgenomen.", en: "The facilitator did not accept your entry \"\(text)\".")
    }
}
