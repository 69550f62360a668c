import Core

/// What a phone shows, as JSON data: the same things the terminal participant view shows
/// (Sources/TUI/Session/ParticipantScreen.swift) — the step and its prompts, the scenario card
/// in a round, their own entries, and in the voting step the room's insights with their own
/// votes and budget. Texts come in both languages; the page picks. Pure: state in, JSON out.
enum ParticipantState {
    static func json(workshop: Workshop, state: SessionState, actor: Actor, now: Int64) -> JSONValue {
        let engine = Engine(workshop: workshop)
        let step = engine.currentStep(state) ?? workshop.steps[0]
        let index = workshop.steps.firstIndex { $0.id == step.id } ?? 0
        var out = JSONObject()
        out["type"] = "state"
        out["title"] = .string(state.setup.title)
        out["closed"] = .bool(state.closed)
        out["name"] = actor.name.map(JSONValue.string) ?? .null
        var s = JSONObject()
        s["index"] = .number(Double(index + 1))
        s["count"] = .number(Double(workshop.steps.count))
        s["kind"] = .string(step.kind.rawValue)
        s["title"] = step.title.json
        s["prompts"] = .array(step.prompts.map(\.json))
        // Whether typing makes sense here: the engine still decides when something arrives.
        s["collects"] = .bool(step.kind.entryKind != nil && state.stepIsOpen(step.id) && !state.closed)
        s["open"] = .bool(state.stepIsOpen(step.id))
        if let timer = state.timers[step.id] {
            s["remainingMs"] = .number(Double(timer.remainingMs(minutes: step.minutes, now: now)))
            s["running"] = .bool(timer.isRunning)
        }
        out["step"] = .object(s)
        if step.kind == .scenarioRound, let sc = workshop.scenario(step.scenario ?? "") {
            var card = JSONObject()
            card["title"] = state.scenarioTitles[sc.id].map { LocalizedText($0).json } ?? sc.title.json
            card["tagline"] = sc.tagline?.json ?? .null
            card["narrative"] = sc.narrative.json
            card["features"] = .array(sc.features.map(\.json))
            out["scenario"] = .object(card)
        }
        let voting = step.kind == .voting
        if voting {
            out["budget"] = .number(Double(state.setup.voteBudget))
            out["used"] = .number(Double(state.votesUsed(by: actor.key)))
        }
        out["entries"] = .array(visible(state, step, actor).map { e in
            var o = JSONObject()
            o["id"] = .string(e.id)
            o["text"] = .string(e.text)
            o["mine"] = .bool(e.owner == actor.key)
            o["pending"] = .bool(e.status == .pending)
            if voting { o["myVotes"] = .number(Double(e.votesBy[actor.key] ?? 0)) }
            return .object(o)
        })
        return .object(out)
    }

    /// The entries a participant sees in `step`: the same rule as the terminal participant
    /// view (SessionScreen.visibleIndices) — their own in the steps that collect by step and in
    /// the insights step, plus the room's shown insights where insights are worked on together.
    static func visible(_ state: SessionState, _ step: Workshop.Step, _ actor: Actor) -> [Entry] {
        let byStep = [.opening, .trends, .scenarioRound, .close].contains(step.kind)
        let ownOnly = byStep || step.kind == .insights
        return state.entries.filter { e in
            guard !e.removed, e.status != .rejected else { return false }
            guard byStep ? e.step == step.id : e.kind == .insight else { return false }
            let mine = e.owner == actor.key
            return ownOnly ? mine : (mine || e.isLive)
        }
    }
}
