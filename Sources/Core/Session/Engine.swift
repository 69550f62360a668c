/// The rules of a session: who may do what, when. Pure: the same state, workshop, actor
/// and command always give the same decision.
public struct Engine: Sendable {
    public let workshop: Workshop

    public init(workshop: Workshop) { self.workshop = workshop }

    public func currentStep(_ state: SessionState) -> Workshop.Step? {
        if let id = state.step, let s = workshop.step(id) { return s }
        return workshop.steps.first
    }

    public func decide(_ command: Command, by actor: Actor, in state: SessionState) throws(Refusal) -> Decision {
        if actor.role == .organiser { throw .organiser }
        let isFacilitator = actor.role == .facilitator
        func facilitatorOnly() throws(Refusal) { if !isFacilitator { throw .facilitatorOnly } }
        func open() throws(Refusal) { if state.closed { throw .closed } }
        func joined() throws(Refusal) {
            if !isFacilitator && state.participants[actor.key] == nil { throw .notJoined }
        }
        func existing(_ id: String) throws(Refusal) -> Entry {
            guard let e = state.entry(id) else { throw .unknownEntry }
            return e
        }
        func own(_ e: Entry) throws(Refusal) {
            if !isFacilitator && e.owner != actor.key { throw .notYours }
        }
        func plain(_ c: Change) -> Decision { Decision(change: c, undoes: nil) }

        switch command {
        case .join:
            try open()
            if isFacilitator { throw .facilitatorOnly }
            return plain(.participantJoined)
        case .moveStep(let to):
            try facilitatorOnly()
            guard workshop.step(to) != nil else { throw .unknownStep(to) }
            return plain(.stepMoved(to: to, from: currentStep(state)?.id ?? to))
        case .startTimer, .pauseTimer, .extendTimer:
            try facilitatorOnly()
            try open()
            guard let step = currentStep(state)?.id else { throw .unknownStep("?") }
            let running = state.timers[step]?.isRunning ?? false
            switch command {
            case .startTimer: return plain(running ? .timerPaused(step: step) : .timerStarted(step: step))
            case .pauseTimer: return plain(running ? .timerPaused(step: step) : .timerStarted(step: step))
            case .extendTimer(let seconds): return plain(.timerExtended(step: step, seconds: seconds))
            default: throw .facilitatorOnly
            }
        case .chooseTable, .seat, .seatEveryone, .sendMessage:
            return try decideTables(command, by: actor, in: state)
        case .addEntry(let id, let raw, let kind, let scenario, let author, let proxy, let table):
            try open()
            try joined()
            guard let step = currentStep(state) else { throw .noEntriesHere }
            guard let kind = kind ?? step.kind.entryKind else { throw .noEntriesHere }
            if !isFacilitator {
                if !state.stepIsOpen(step.id) { throw .stepClosed }
                if step.kind.participantEntryKind == nil { throw .noEntriesHere }
            }
            if proxy && !isFacilitator { throw .facilitatorOnly }
            let text = try cleanText(raw)
            let place = try tablePlace(step, table: table, by: actor, in: state)
            let scenario = place?.scenario ?? scenario ?? step.scenario
            if let scenario, workshop.scenario(scenario) == nil { throw .unknownScenario(scenario) }
            guard state.entry(id) == nil else { throw .duplicateEntry }
            // In an anonymous session names are never stored, whoever typed them.
            var who: String? = isFacilitator ? author.map(TextPolicy.cleanLine) : actor.name
            if state.setup.anonymous || who?.isEmpty == true { who = nil }
            let status: EntryStatus = (!isFacilitator && state.setup.holdForReview) ? .pending : .shown
            return plain(
                .entryAdded(NewEntry(
                    id: id, kind: kind, text: text, step: step.id, scenario: scenario, author: who, proxy: proxy,
                    status: status, table: place?.id)))
        case .editEntry(let id, let raw):
            try open()
            let e = try existing(id)
            try own(e)
            if e.removed { throw .removed }
            return plain(.entryEdited(id: id, text: try cleanText(raw)))
        case .removeEntry(let id):
            try open()
            let e = try existing(id)
            try own(e)
            if e.removed { throw .removed }
            return plain(.entryRemoved(id: id))
        case .restoreEntry(let id):
            try open()
            let e = try existing(id)
            try own(e)
            return plain(.entryRestored(id: id))
        case .review(let id, let status):
            try facilitatorOnly()
            _ = try existing(id)
            return plain(.entryReviewed(id: id, status: status))
        case .setHolds(let id, let scenario, let holds):
            try facilitatorOnly()
            try open()
            _ = try existing(id)
            guard workshop.scenario(scenario) != nil else { throw .unknownScenario(scenario) }
            return plain(.holdsSet(id: id, scenario: scenario, holds: holds))
        case .link(let id, let target, let linked):
            try facilitatorOnly()
            try open()
            _ = try existing(id)
            switch target {
            case .direction(let d): if workshop.direction(d) == nil { throw .unknownTarget(d) }
            case .trend(let t): if workshop.trend(t) == nil { throw .unknownTarget(t) }
            }
            return plain(.linkSet(id: id, target: target, linked: linked))
        case .vote(let id):
            try open()
            try joined()
            guard let kind = currentStep(state)?.kind, kind == .voting || kind == .harvest || kind == .tableRound else { throw .notVoting }
            if kind == .tableRound { return try decideTableVote(id, by: actor, in: state) }
            // The harvest's dots are the room's choice, given at the facilitator's screen;
            // they do not eat into anyone's budget for the insights.
            if kind == .harvest && !isFacilitator { throw .facilitatorOnly }
            let e = try existing(id)
            if !kind.takesVotes(on: e.kind) { throw .notVoting }
            if !e.isLive { throw .removed }
            if !isFacilitator && state.votesUsed(by: actor.key) >= state.setup.voteBudget { throw .budgetSpent }
            return plain(.voteCast(id: id))
        case .withdrawVote(let id):
            try open()
            try joined()
            guard let kind = currentStep(state)?.kind, kind == .voting || kind == .harvest || kind == .tableRound else { throw .notVoting }
            let e = try existing(id)
            if (e.votesBy[actor.key] ?? 0) == 0 { throw .noVoteToWithdraw }
            return plain(.voteWithdrawn(id: id))
        case .setStepInput(let step, let isOpen):
            try facilitatorOnly()
            guard workshop.step(step) != nil else { throw .unknownStep(step) }
            return plain(.stepInputSet(step: step, open: isOpen))
        case .changeSettings(let hold, let hide, let budget, let room):
            try facilitatorOnly()
            if let budget, budget < 0 || budget > 99 {
                throw .voteBudgetRange
            }
            return plain(.settingsChanged(holdForReview: hold, hideNames: hide, voteBudget: budget, roomVisible: room))
        case .renameScenario(let id, let title):
            try facilitatorOnly()
            guard workshop.scenario(id) != nil else { throw .unknownScenario(id) }
            let clean = title.map(TextPolicy.cleanLine)
            return plain(.scenarioRenamed(id: id, title: clean?.isEmpty == true ? nil : clean))
        case .close:
            try facilitatorOnly()
            try open()
            return plain(.sessionClosed)
        case .reopen:
            try facilitatorOnly()
            return plain(.sessionReopened)
        case .undo:
            try facilitatorOnly()
            guard let last = state.undoable.last else { throw .nothingToUndo }
            return Decision(change: last.inverse, undoes: last.event)
        }
    }

    func cleanText(_ raw: String) throws(Refusal) -> String {
        let text = TextPolicy.clean(raw)
        if text.isEmpty { throw .emptyText }
        if !TextPolicy.fits(text) { throw .tooLong(TextPolicy.maxCharacters) }
        return text
    }
}
