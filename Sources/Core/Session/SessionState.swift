/// A step's countdown. Remaining time is derived from event times, so a resumed session
/// shows what is left without anything ticking in the file.
public struct StepTimer: Equatable, Sendable {
    public var extraSeconds = 0
    public var elapsedMs: Int64 = 0
    public var runningSince: Int64?

    public init() {}

    public var isRunning: Bool { runningSince != nil }

    /// Milliseconds left (negative once it has run out) for a step with `minutes` planned.
    /// Saturating throughout: the inputs are range-checked when read, but a long enough
    /// hostile history could still sum past Int64, and a countdown must never trap.
    public func remainingMs(minutes: Int, now: Int64) -> Int64 {
        let seconds = Int64(minutes).saturatingMultiply(60).saturatingAdd(Int64(extraSeconds))
        let total = seconds.saturatingMultiply(1000)
        let running = runningSince.map { max(0, now.saturatingSubtract($0)) } ?? 0
        // Kept well inside Int64 so that a screen may negate it or add to it safely.
        let limit: Int64 = 1 << 50
        return min(limit, max(-limit, total.saturatingSubtract(elapsedMs).saturatingSubtract(running)))
    }
}

public struct Participant: Equatable, Sendable {
    public var key: String
    public var name: String?
    public var joinedAt: Int64
}

/// Everything a session is at one moment: the fold of its events, nothing more.
public struct SessionState: Equatable, Sendable {
    public var setup: SessionSetup
    public var createdAt: Int64
    public var updatedAt: Int64
    /// The current step's id; nil means the first step of the workshop.
    public var step: String?
    public var timers: [String: StepTimer] = [:]
    public var participants: [String: Participant] = [:]
    public private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]
    public var closedSteps: Set<String> = []
    public var hideNames = false
    /// Participants see the room's shown entries of the step (the facilitator allows it).
    public var roomVisible = false
    public var scenarioTitles: [String: String] = [:]
    /// Who sits where, per table round: step id → participant key → table id.
    public var seats: [String: [String: String]] = [:]
    /// The facilitator's message to every table, until taken down or the step moves on.
    public var roomMessage: String?
    public var closed = false
    /// The highest Lamport clock folded in; a new event gets one more.
    public var clock = 0
    public var eventCount = 0
    /// Events the facilitator may undo, newest last, with the change that reverses each.
    public var undoable: [UndoItem] = []
    public var undone: Set<String> = []
    /// Votes each key has on entries that are not removed: kept as the fold goes, so that
    /// checking a budget does not walk every entry (quadratic for a long, hostile history).
    private var liveVotes: [String: Int] = [:]
    /// Dots each key gave at a table (step id + key), apart from the budget for insights.
    private var tableVotes: [String: Int] = [:]

    /// The dots a participant may give at their table to choose its top 3.
    public static let tableVoteBudget = 3

    public static func == (a: SessionState, b: SessionState) -> Bool {
        a.setup == b.setup && a.step == b.step && a.entries == b.entries && a.timers == b.timers
            && a.participants == b.participants && a.closedSteps == b.closedSteps && a.hideNames == b.hideNames && a.roomVisible == b.roomVisible
            && a.closed == b.closed && a.clock == b.clock && a.undone == b.undone
            && a.scenarioTitles == b.scenarioTitles && a.seats == b.seats && a.roomMessage == b.roomMessage
    }

    public init(created event: Event, setup: SessionSetup) {
        self.setup = setup
        self.createdAt = event.time
        self.updatedAt = event.time
        self.clock = event.clock
        self.eventCount = 1
    }

    /// A state read back from an archive: the entries come with their index rebuilt.
    /// Nil when two entries share an id, which no fold produces.
    init?(restoring setup: SessionSetup, createdAt: Int64, entries: [Entry]) {
        self.setup = setup
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.entries = entries
        index.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() {
            guard index.updateValue(i, forKey: e.id) == nil else { return nil }
            if !e.removed { countVotes(of: e, sign: 1) }
        }
    }

    public func entry(_ id: String) -> Entry? { index[id].map { entries[$0] } }

    /// Rewrites every entry's text, for a copy that leaves names out of a report (`--redact-names`);
    /// never used on a session that goes on.
    public mutating func rewriteTexts(_ rewrite: (String) -> String) {
        for i in entries.indices { entries[i].text = rewrite(entries[i].text) }
    }

    public var liveEntries: [Entry] { entries.filter(\.isLive) }

    public func votesUsed(by key: String) -> Int { liveVotes[key] ?? 0 }

    /// Dots `key` gave at their table in the table round `step`.
    public func tableVotesUsed(by key: String, in step: String) -> Int { tableVotes[step + "\n" + key] ?? 0 }

    /// The table `key` sits at in the table round `step`, if any.
    public func seat(of key: String, in step: String) -> String? { seats[step]?[key] }

    /// The participants at each table of `step`, by key, in order of joining.
    public func sitting(in step: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (key, table) in seats[step] ?? [:] { out[table, default: []].append(key) }
        for t in out.keys {
            out[t]!.sort { (participants[$0]?.joinedAt ?? 0, $0) < (participants[$1]?.joinedAt ?? 0, $1) }
        }
        return out
    }

    private mutating func countVotes(of e: Entry, sign: Int) {
        for (key, n) in e.votesBy { addVotes(sign * n, by: key, on: e) }
    }

    private mutating func addVotes(_ n: Int, by key: String, on e: Entry) {
        if e.table != nil {
            tableVotes[e.step + "\n" + key] = (tableVotes[e.step + "\n" + key] ?? 0).saturatingAdd(n)
        } else {
            liveVotes[key] = (liveVotes[key] ?? 0).saturatingAdd(n)
        }
    }

    public func stepIsOpen(_ step: String) -> Bool { !closedSteps.contains(step) }

    // MARK: Folding

    /// Folds a whole history (in any order; sorted here). Events that do not apply are
    /// skipped — two writers can race, and the fold must stay total and deterministic.
    public static func fold(_ events: [Event]) -> SessionState? {
        // Files hold events in fold order already: check before paying for a sort.
        let inOrder = zip(events, events.dropFirst()).allSatisfy { !Event.foldOrder($1, $0) }
        let sorted = inOrder ? events : events.sorted(by: Event.foldOrder)
        guard let first = sorted.first, case .sessionCreated(let setup) = first.change else { return nil }
        var state = SessionState(created: first, setup: setup)
        for e in sorted.dropFirst() { state.apply(e) }
        return state
    }

    /// Applies one event. Returns false when it did not apply (unknown entry, vote past
    /// budget after a race, …); the event is then ignored but stays in the history.
    @discardableResult
    public mutating func apply(_ event: Event) -> Bool {
        clock = max(clock, event.clock)
        updatedAt = max(updatedAt, event.time)
        eventCount += 1
        let before = inverse(of: event.change, by: event.actor)
        guard mutate(event) else { return false }
        if let undone = event.undoes {
            self.undone.insert(undone)
            // An undone item deeper in the stack is dropped once it comes to the top: a
            // history of many undos stays linear, and `last` is never an undone event.
            while let last = undoable.last, self.undone.contains(last.event) { undoable.removeLast() }
        } else if event.actor.role == .facilitator, let before {
            undoable.append(UndoItem(event: event.id, inverse: before))
        }
        return true
    }

    private mutating func mutate(_ event: Event) -> Bool {
        let t = event.time
        switch event.change {
        case .sessionCreated:
            return false
        case .participantJoined:
            if participants[event.actor.key] == nil {
                participants[event.actor.key] = Participant(key: event.actor.key, name: event.actor.name, joinedAt: t)
            }
        case .stepMoved(let to, let from):
            // `step` is nil on the first step: the event's `from` names it.
            let current = step ?? from
            if var timer = timers[current], let since = timer.runningSince {
                timer.elapsedMs = timer.elapsedMs.saturatingAdd(max(0, t.saturatingSubtract(since)))
                timer.runningSince = nil
                timers[current] = timer
            }
            step = to
            roomMessage = nil
        case .timerStarted(let s):
            var timer = timers[s] ?? StepTimer()
            guard timer.runningSince == nil else { return false }
            timer.runningSince = t
            timers[s] = timer
        case .timerPaused(let s):
            guard var timer = timers[s], let since = timer.runningSince else { return false }
            timer.elapsedMs = timer.elapsedMs.saturatingAdd(max(0, t.saturatingSubtract(since)))
            timer.runningSince = nil
            timers[s] = timer
        case .timerExtended(let s, let seconds):
            timers[s, default: StepTimer()].extraSeconds = timers[s, default: StepTimer()].extraSeconds.saturatingAdd(seconds)
        case .entryAdded(let n):
            guard index[n.id] == nil else { return false }
            index[n.id] = entries.count
            entries.append(
                Entry(
                    id: n.id, kind: n.kind, text: n.text, step: n.step, scenario: n.scenario, author: n.author,
                    owner: event.actor.key, proxy: n.proxy, createdAt: t, editedAt: nil, removed: false, status: n.status,
                    holdsIn: [], directions: [], trends: [], votesBy: [:], table: n.table))
        case .entryEdited(let id, let text):
            return update(id) { $0.text = text; $0.editedAt = t }
        case .entryRemoved(let id):
            guard let e = entry(id) else { return false }
            if !e.removed { countVotes(of: e, sign: -1) }
            return update(id) { $0.removed = true }
        case .entryRestored(let id):
            guard let e = entry(id) else { return false }
            if e.removed { countVotes(of: e, sign: 1) }
            return update(id) { $0.removed = false }
        case .entryReviewed(let id, let status):
            return update(id) { $0.status = status }
        case .holdsSet(let id, let scenario, let holds):
            return update(id) { if holds { $0.holdsIn.insert(scenario) } else { $0.holdsIn.remove(scenario) } }
        case .linkSet(let id, let target, let linked):
            return update(id) {
                switch target {
                case .direction(let d): if linked { $0.directions.insert(d) } else { $0.directions.remove(d) }
                case .trend(let tr): if linked { $0.trends.insert(tr) } else { $0.trends.remove(tr) }
                }
            }
        case .voteCast(let id):
            let key = event.actor.key
            guard let e = entry(id) else { return false }
            if event.actor.role == .participant {
                let spent = e.table == nil ? votesUsed(by: key) >= setup.voteBudget
                    : tableVotesUsed(by: key, in: e.step) >= SessionState.tableVoteBudget
                if spent { return false }
            }
            if !e.removed { addVotes(1, by: key, on: e) }
            return update(id) { $0.votesBy[key] = ($0.votesBy[key] ?? 0).saturatingAdd(1) }
        case .voteWithdrawn(let id):
            let key = event.actor.key
            guard let e = entry(id), (e.votesBy[key] ?? 0) > 0 else { return false }
            if !e.removed { addVotes(-1, by: key, on: e) }
            return update(id) {
                let n = ($0.votesBy[key] ?? 0) - 1
                $0.votesBy[key] = n > 0 ? n : nil
            }
        case .stepInputSet(let s, let open):
            if open { closedSteps.remove(s) } else { closedSteps.insert(s) }
        case .settingsChanged(let hold, let hide, let budget, let room):
            if let hold { setup.holdForReview = hold }
            if let hide { hideNames = hide }
            if let budget { setup.voteBudget = budget }
            if let room { roomVisible = room }
        case .scenarioRenamed(let id, let title):
            scenarioTitles[id] = title
        case .sessionClosed:
            // A closed session's clock stops: a timer left running would keep counting in review.
            for (id, var timer) in timers {
                guard let since = timer.runningSince else { continue }
                timer.elapsedMs = timer.elapsedMs.saturatingAdd(max(0, t.saturatingSubtract(since)))
                timer.runningSince = nil
                timers[id] = timer
            }
            closed = true
        case .sessionReopened:
            closed = false
        case .seated(let s, let changes):
            // A participant only ever seats themselves; the facilitator seats anyone.
            if event.actor.role != .facilitator && changes.keys.contains(where: { $0 != event.actor.key }) { return false }
            for (key, table) in changes { seats[s, default: [:]][key] = table }
        case .messageSent(let text):
            roomMessage = text
        }
        return true
    }

    private mutating func update(_ id: String, _ body: (inout Entry) -> Void) -> Bool {
        guard let i = index[id] else { return false }
        body(&entries[i])
        return true
    }

    /// The change that reverses `change` in the current state, or nil when it is not
    /// something the facilitator would want undone (timers, joins).
    func inverse(of change: Change, by actor: Actor) -> Change? {
        switch change {
        case .sessionCreated, .participantJoined, .timerStarted, .timerPaused: return nil
        case .timerExtended(let s, let seconds): return .timerExtended(step: s, seconds: -seconds)
        case .stepMoved(let to, let from): return .stepMoved(to: from, from: to)
        case .entryAdded(let n): return .entryRemoved(id: n.id)
        case .entryEdited(let id, _): return entry(id).map { .entryEdited(id: id, text: $0.text) }
        case .entryRemoved(let id): return .entryRestored(id: id)
        case .entryRestored(let id): return .entryRemoved(id: id)
        case .entryReviewed(let id, _): return entry(id).map { .entryReviewed(id: id, status: $0.status) }
        case .holdsSet(let id, let s, _):
            return entry(id).map { .holdsSet(id: id, scenario: s, holds: $0.holdsIn.contains(s)) }
        case .linkSet(let id, let target, _):
            return entry(id).map { e in
                let was: Bool
                switch target {
                case .direction(let d): was = e.directions.contains(d)
                case .trend(let t): was = e.trends.contains(t)
                }
                return .linkSet(id: id, target: target, linked: was)
            }
        case .voteCast(let id): return .voteWithdrawn(id: id)
        case .voteWithdrawn(let id): return .voteCast(id: id)
        case .stepInputSet(let s, _): return .stepInputSet(step: s, open: stepIsOpen(s))
        case .settingsChanged(let hold, let hide, let budget, let room):
            return .settingsChanged(
                holdForReview: hold == nil ? nil : setup.holdForReview, hideNames: hide == nil ? nil : hideNames,
                voteBudget: budget == nil ? nil : setup.voteBudget, roomVisible: room == nil ? nil : roomVisible)
        case .scenarioRenamed(let id, _): return .scenarioRenamed(id: id, title: scenarioTitles[id])
        case .sessionClosed: return .sessionReopened
        case .sessionReopened: return .sessionClosed
        case .seated(let s, let changes):
            var before: [String: String?] = [:]
            for key in changes.keys { before[key] = .some(seat(of: key, in: s)) }
            return .seated(step: s, seats: before)
        case .messageSent: return .messageSent(text: roomMessage)
        }
    }
}

public struct UndoItem: Equatable, Sendable {
    public var event: String
    public var inverse: Change
}
