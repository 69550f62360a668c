import Application
import Core

/// The live session on the facilitator's (projected) screen.
public struct SessionScreen: Sendable {
    public var id: String
    public var workshop: Workshop
    public var engine: Engine
    public var state: SessionState { didSet { visible = Self.visibleIndices(state, step, actor, scenarios: workshop.scenarios.map(\.id)) } }
    /// Positions in `state.entries` of what this step shows, kept with the state so that a
    /// keystroke in a 2,000-entry session does not filter and copy every entry again.
    public private(set) var visible: [Int] = []
    /// Why the session cannot be changed (damaged files, newer schema), or nil.
    public var readOnly: String?
    public var actor: Actor
    public var selected = 0
    public var input: TextInput?
    /// The entry being edited, when the input edits rather than adds.
    public var editing: String?
    /// Who said what is typed: 0 = the room, then the joined participants in join order.
    public var authorIndex = 0
    /// Text handed to the store and not yet confirmed: restored into the input if refused.
    var submitted: (text: String, editing: String?)?
    /// The full scenario/persona/directions card over the screen (key `n`).
    public var card = false
    /// How far the card is scrolled down, in lines.
    public var cardScroll = 0
    /// A running timer carries on into the next step (what facilitators expect); `T` turns
    /// it off for this screen.
    public var timerRunsOn = true
    /// The list follows new entries (the selection stays on the newest) until the
    /// facilitator scrolls up; back at the end (↓, G) it follows again.
    public var follow = true
    /// Table rounds: the table `a` types for and the report-back shows; the seating list's
    /// row while it is open; whether the input writes the message to all tables.
    public var tableFocus = 0
    public var seating: Int?
    public var messaging = false

    // A participant's own screen (type-first):
    /// The input line that is always there where the step takes input; kept across steps.
    public var draft = TextInput()
    /// The draft put aside while an own entry is edited, back after Esc.
    var parked: TextInput?
    /// The draft Esc cleared: the first thing Ctrl-Z brings back.
    var escaped: TextInput?
    /// How many own changes were undoable when Esc cleared it: newer ones are undone first.
    var escapedDepth = 0
    /// A yes/no question waiting for its answer.
    public var asking: Asking?
    /// Inverses of the participant's own changes, newest last (Ctrl-Z).
    var ownUndo: [Command] = []
    /// The last answer to the participant's own action (the model shows it in its step only).
    public var answer: ParticipantView.Notice?
    /// The rejoin code this participant was given: with their name it brings them back.
    public var rejoinCode: String?
    /// The facilitator's reason for disconnecting this participant (said as the screen ends).
    public var sentAway: String?

    public enum Asking: Equatable, Sendable {
        case leave
        case remove(String)
    }

    /// What this participant is shown now: the same model the phone page renders.
    public func participantView(now: Int64) -> ParticipantView {
        ParticipantView.make(workshop: workshop, state: state, actor: actor, now: now, notice: answer)
    }

    public init(id: String, workshop: Workshop, state: SessionState, readOnly: String?, actor: Actor) {
        self.id = id
        self.workshop = workshop
        self.engine = Engine(workshop: workshop)
        self.state = state
        self.readOnly = readOnly
        self.actor = actor
        visible = Self.visibleIndices(state, step, actor, scenarios: workshop.scenarios.map(\.id))
        follow = Self.follows(step.kind)
        if actor.role != .participant && follow { selected = max(0, visible.count - 1) }
    }

    /// Steps where the room types are followed to the newest entry; the lists the
    /// facilitator works through (the harvest's dots, robustness, directions, voting) start
    /// at the top and stay where the facilitator is.
    static func follows(_ kind: StepKind) -> Bool { [.opening, .trends, .scenarioRound, .insights, .close].contains(kind) }

    public var isParticipant: Bool { actor.role == .participant }

    /// In a read-only session (damaged, newer, or opened for review) the arrows page through
    /// the steps on this screen only; nothing is written.
    public var browsedStep: String? { didSet { visible = Self.visibleIndices(state, step, actor, scenarios: workshop.scenarios.map(\.id)) } }

    public var step: Workshop.Step {
        if let id = browsedStep, let s = workshop.step(id) { return s }
        return engine.currentStep(state) ?? workshop.steps[0]
    }

    /// The rule is Core's (StepEntries), the same for every screen of the session.
    static func visibleIndices(_ state: SessionState, _ step: Workshop.Step, _ actor: Actor, scenarios: [String]) -> [Int] {
        StepEntries.indices(state, step, viewer: actor, scenarios: scenarios)
    }
    public var stepIndex: Int { workshop.steps.firstIndex { $0.id == step.id } ?? 0 }

    /// The entries this step shows and lets the facilitator select, in order.
    public var visibleEntries: [Entry] { visible.map { state.entries[$0] } }

    public var selectedEntry: Entry? {
        visible.isEmpty ? nil : state.entries[visible[min(selected, visible.count - 1)]]
    }

    func scenarioTitle(_ s: Workshop.Scenario, _ l: Language) -> String { state.scenarioTitles[s.id] ?? s.title[l] }

    var authors: [String?] {
        [nil] + state.participants.values.sorted { $0.joinedAt < $1.joinedAt }.compactMap(\.name)
    }

    func perspectiveName(_ l: Language) -> String {
        switch state.setup.perspective {
        case .workshop(let id): return workshop.perspective(id)?.name[l] ?? id
        case .custom(let name): return name
        }
    }

    func remainingMs(now: Int64) -> Int64 {
        (state.timers[step.id] ?? StepTimer()).remainingMs(minutes: step.minutes, now: now)
    }
}

enum SessionUpdate {
    static func update(_ app: inout AppState, _ s: inout SessionScreen, _ key: Key) -> [Effect] {
        if s.input != nil { return typing(&app, &s, key) }
        if s.card { return cardKey(app, &s, key) }
        if s.readOnly == nil, let effects = TableKeys.update(&app, &s, key) { return effects }
        let count = s.visible.count
        let step = s.step
        if s.readOnly != nil, [.right, .pageDown, .left, .pageUp].contains(key) {
            let next = s.stepIndex + ((key == .right || key == .pageDown) ? 1 : -1)
            if s.workshop.steps.indices.contains(next) {
                s.browsedStep = s.workshop.steps[next].id
                s.selected = 0
            }
            return []
        }
        func perform(_ c: Command) -> [Effect] {
            if let reason = s.readOnly {
                app.notice = Notice(kind: .error, text: S.readOnlySession(app.language, reason))
                return []
            }
            return [.perform(c)]
        }
        switch key {
        case .right, .pageDown, .left, .pageUp:
            let next = s.stepIndex + ((key == .right || key == .pageDown) ? 1 : -1)
            guard s.workshop.steps.indices.contains(next) else { return [] }
            s.selected = 0
            let running = s.state.timers[step.id]?.isRunning ?? false
            let moved = perform(.moveStep(to: s.workshop.steps[next].id))
            return moved + (running && s.timerRunsOn && !moved.isEmpty ? [.perform(.startTimer)] : [])
        case .char("T"):
            s.timerRunsOn.toggle()
            app.notice = Notice(kind: .info, text: s.timerRunsOn ? S.timerRunsOnOn[app.language] : S.timerRunsOnOff[app.language])
        case .up, .char("k"):
            s.selected = max(0, min(s.selected, count - 1) - 1)
            s.follow = s.selected >= count - 1
        case .down, .char("j"):
            s.selected = min(max(0, count - 1), s.selected + 1)
            s.follow = s.selected >= count - 1
        case .home, .char("g"):
            s.selected = 0
            s.follow = count <= 1
        case .end, .char("G"):
            s.selected = max(0, count - 1)
            s.follow = true
        case .char("a"):
            guard step.kind.entryKind != nil else {
                app.notice = Notice(kind: .info, text: Refusal.noEntriesHere.reason[app.language])
                return []
            }
            if s.readOnly != nil || s.state.closed { return perform(.addEntry(id: "", text: "")) }
            s.input = TextInput()
            s.editing = nil
            s.authorIndex = 0
        case .char("e"), .enter:
            guard let e = s.selectedEntry else { return [] }
            s.input = TextInput(e.text)
            s.editing = e.id
        case .char("d"), .delete:
            guard let e = s.selectedEntry else { return [] }
            // One key on the wall never removes what a participant wrote: that is the desk's, and asks.
            if e.owner != s.actor.key && s.state.participants[e.owner] != nil {
                app.notice = Notice(kind: .info, text: S.removeOnDesk(app.language, s.id))
                return []
            }
            return perform(.removeEntry(id: e.id))
        case .char("u"): return perform(.undo)
        case .char("t"): return perform(.startTimer)
        case .char("+"), .char("="): return perform(.extendTimer(seconds: 60))
        case .char("-"): return perform(.extendTimer(seconds: -60))
        case .char("v"):
            guard let e = s.selectedEntry else { return [] }
            return perform(.vote(id: e.id))
        case .char("V"):
            guard let e = s.selectedEntry else { return [] }
            return perform(.withdrawVote(id: e.id))
        case .char(let c) where c.isNumber && c != "0":
            let n = Int(String(c))!
            guard let e = s.selectedEntry else { return [] }
            if step.kind == .robustness, n <= s.workshop.scenarios.count {
                let scenario = s.workshop.scenarios[n - 1].id
                return perform(.setHolds(id: e.id, scenario: scenario, holds: !e.holdsIn.contains(scenario)))
            }
            if step.kind == .directions, n <= s.workshop.directions.count {
                let d = s.workshop.directions[n - 1].id
                return perform(.link(id: e.id, target: .direction(d), linked: !e.directions.contains(d)))
            }
        case .char("y"):
            guard let e = s.selectedEntry, e.status == .pending else { return [] }
            return perform(.review(id: e.id, status: .shown))
        case .char("x"):
            if let e = s.selectedEntry, e.status == .pending { return perform(.review(id: e.id, status: .rejected)) }
            return perform(.setStepInput(step: step.id, open: !s.state.stepIsOpen(step.id)))
        case .char("c") where step.kind == .close:
            return perform(s.state.closed ? .reopen : .close)
        case .char("h"):
            // Names off the projector; in an anonymous session they were never stored anyway.
            return perform(.changeSettings(hideNames: !s.state.hideNames))
        case .char("z"):
            // The room's entries on the participants' own screens (the projector may be far).
            let visible = !s.state.roomVisible
            app.notice = Notice(kind: .info, text: visible ? S.roomVisibleOn[app.language] : S.roomVisibleOff[app.language])
            return perform(.changeSettings(roomVisible: visible))
        case .char("r"):
            let hold = !s.state.setup.holdForReview
            app.notice = Notice(kind: .info, text: hold ? S.holdOn[app.language] : S.holdOff[app.language])
            return perform(.changeSettings(holdForReview: hold))
        case .char("n"): s.card = true
        case .char("?"): app.help = true
        case .char("q"), .escape: return [.leaveSession]
        default: break
        }
        return []
    }

    /// On the card: scrolling keys scroll it, any other key closes it.
    static func cardKey(_ app: AppState, _ s: inout SessionScreen, _ key: Key) -> [Effect] {
        if let offset = CardView.scrolled(app, s, key) {
            s.cardScroll = offset
        } else {
            s.card = false
            s.cardScroll = 0
        }
        return []
    }

    static func typing(_ app: inout AppState, _ s: inout SessionScreen, _ key: Key) -> [Effect] {
        guard var input = s.input else { return [] }
        switch key {
        case .escape:
            s.input = nil
            s.editing = nil
            s.messaging = false
            return []
        case .enter where s.messaging:
            s.input = nil
            s.messaging = false
            return [.perform(.sendMessage(input.text))]
        case .enter:
            let text = input.text
            s.submitted = (text, s.editing)
            s.input = nil
            if let id = s.editing {
                s.editing = nil
                return [.perform(.editEntry(id: id, text: text))]
            }
            let authors = s.authors
            let author = authors[min(s.authorIndex, authors.count - 1)]
            let table = s.step.kind == .tableRound ? s.typingTable(s.workshop.tables(of: s.step))?.id : nil
            return [.perform(.addEntry(id: app.newEntryId(), text: text, author: author, proxy: author != nil, table: table))]
        case .tab where !s.isParticipant:
            s.authorIndex = (s.authorIndex + 1) % max(1, s.authors.count)
            return []
        case .backTab where !s.isParticipant:
            let n = max(1, s.authors.count)
            s.authorIndex = (s.authorIndex + n - 1) % n
            return []
        default:
            _ = input.handle(key)
            s.input = input
            return []
        }
    }

    /// A new state came back from the store: show it, keep the selection in range.
    /// The selection stays on the entry the facilitator chose while others add (else `d`
    /// would act on someone else's new entry); it follows only what this terminal added.
    static func changed(_ s: inout SessionScreen, _ state: SessionState) {
        if s.isParticipant { return ParticipantUpdate.changed(&s, state) }
        let before = s.state.entries.count
        let chosen = s.selectedEntry?.id
        let mineAdded = s.submitted != nil && s.submitted?.editing == nil
        let stepBefore = s.step.id
        s.state = state
        if s.step.id != stepBefore {
            s.follow = SessionScreen.follows(s.step.kind)
            // The report-back starts at table 1, not where the round's `[ ]` last pointed.
            if s.step.kind == .reportBack { s.tableFocus = 0 }
        }
        s.submitted = nil
        let count = s.visible.count
        if s.follow && !s.isParticipant {
            s.selected = count - 1  // the projector shows what the room just typed
        } else if mineAdded, let at = s.visible.lastIndex(where: { $0 >= before && state.entries[$0].owner == s.actor.key }) {
            s.selected = at  // follow what was just added here
        } else if let chosen, let at = s.visible.firstIndex(where: { state.entries[$0].id == chosen }) {
            s.selected = at
        }
        s.selected = max(0, min(s.selected, count - 1))
    }

    /// The store refused or failed: put the typed text back so nothing typed is lost.
    /// Returns whether there was text worth saying so.
    @discardableResult
    static func restoreInput(_ s: inout SessionScreen) -> Bool {
        guard let (text, editing) = s.submitted else { return false }
        s.input = TextInput(text)
        s.editing = editing
        s.submitted = nil
        return !text.allSatisfy(\.isWhitespace)
    }
}
