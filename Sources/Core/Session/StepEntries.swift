/// Which entries a step lists, for whom: the one rule every front end (the projector, a
/// participant's terminal, a phone) uses, so two screens of one session never disagree.
public enum StepEntries {
    /// Positions in `state.entries` that `viewer` sees in `step`. The facilitator sees the whole
    /// step. A participant sees their own entries where the room works each on their own (the
    /// steps that collect by step, and the insights step) — or the room's too when the
    /// facilitator shows them (`roomVisible`, key `z`) — and the room's live insights where they
    /// are worked on together. Held entries are only ever their author's: the facilitator reads
    /// them on the desk (`DeskState`), never on the projected screen.
    public static func indices(_ state: SessionState, _ step: Workshop.Step, viewer: Actor, scenarios: [String]) -> [Int] {
        let participant = viewer.role == .participant
        switch step.kind.list {
        case .none:
            return []
        case .atTables:
            // Everyone at a table sees their table's entries (their own held ones too); the
            // facilitator sees every table. Not seated yet: nothing.
            let seat = participant ? state.seat(of: viewer.key, in: step.id) : nil
            if participant && seat == nil { return [] }
            var out: [Int] = []
            for (i, e) in state.entries.enumerated() where e.step == step.id && !e.removed && e.status != .rejected {
                if participant && (e.table != seat || (!e.isLive && e.owner != viewer.key)) { continue }
                out.append(i)
            }
            return out
        case .tablesReported:
            // Every table's live implications, table by table in workshop order.
            var byScenario: [String: [Int]] = [:]
            for (i, e) in state.entries.enumerated() where e.table != nil && e.kind == .implication && e.isLive {
                byScenario[e.scenario ?? "", default: []].append(i)
            }
            return scenarios.flatMap { sc in
                (byScenario[sc] ?? []).sorted { (state.entries[$0].table ?? "", $0) < (state.entries[$1].table ?? "", $1) }
            }
        case .implicationsByScenario:
            // Every live implication grouped by scenario in workshop order: what the room chooses
            // its top 3 from; plus the notes the room makes in this step.
            var byScenario: [String: [Int]] = [:]
            var notes: [Int] = []
            for (i, e) in state.entries.enumerated() where !e.removed && e.status != .rejected {
                if e.kind == .implication, e.isLive, let sc = e.scenario {
                    byScenario[sc, default: []].append(i)
                } else if e.step == step.id && e.kind == .note {
                    if participant ? (e.owner == viewer.key || (state.roomVisible && e.isLive)) : e.isLive { notes.append(i) }
                }
            }
            return scenarios.flatMap { byScenario[$0] ?? [] } + notes
        case .byStep, .insights:
            let byStep = step.kind.list == .byStep
            let ownOnly = step.kind.participantsWorkAlone && !state.roomVisible
            var out: [Int] = []
            for (i, e) in state.entries.enumerated() where !e.removed && e.status != .rejected {
                // Held text never reaches the projector: it is read on the desk, and the wall
                // shows only how many wait. Its author still sees it, marked as waiting.
                if !participant && e.status == .pending { continue }
                guard byStep ? e.step == step.id : e.kind == .insight else { continue }
                if participant {
                    let mine = e.owner == viewer.key
                    if ownOnly ? !mine : !(mine || e.isLive) { continue }
                }
                out.append(i)
            }
            return out
        }
    }

    /// The most-voted implications of a scenario: the room's top 3, with every one tied for third.
    public static func top(_ entries: [Entry], scenario: String, _ n: Int = 3) -> Set<String> {
        let list = entries.filter { $0.scenario == scenario && $0.votes > 0 && $0.isLive }
            .sorted { $0.votes != $1.votes ? $0.votes > $1.votes : ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return withTies(list, n)
    }

    /// The first `n` of a list sorted by votes, and every one tied with the `n`th: a tie for
    /// third place is the room's, not ours to break.
    static func withTies(_ sorted: [Entry], _ n: Int) -> Set<String> {
        guard n > 0, sorted.count > n else { return Set(sorted.map(\.id)) }
        let cut = sorted[n - 1].votes
        return Set(sorted.enumerated().filter { $0.offset < n || $0.element.votes == cut }.map(\.element.id))
    }

    /// A table's top 3: its most-voted implications, with every one tied for third.
    public static func top(_ entries: [Entry], table: String, _ n: Int = 3) -> Set<String> {
        let list = entries.filter { $0.table == table && $0.votes > 0 && $0.isLive }
            .sorted { $0.votes != $1.votes ? $0.votes > $1.votes : ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return withTies(list, n)
    }
}

extension StepKind {
    /// What a step's list holds.
    public enum List: Sendable, Equatable {
        /// The entries made in this step (notes, a round's implications).
        case byStep
        /// Every insight of the session.
        case insights
        /// Every implication, by scenario (the harvest).
        case implicationsByScenario
        /// Nothing (a break).
        case none
        /// A table round: each participant their table's entries, the facilitator every table's.
        case atTables
        /// The report-back: every table's implications, table by table.
        case tablesReported
    }

    public var list: List {
        switch self {
        case .opening, .trends, .scenarioRound, .close: return .byStep
        case .insights, .robustness, .directions, .voting: return .insights
        case .harvest: return .implicationsByScenario
        case .pause: return .none
        case .tableRound: return .atTables
        case .reportBack: return .tablesReported
        }
    }

    /// Steps where each participant writes their own, unseen by others unless the room's
    /// entries are shown: the room then hears them first from the people themselves.
    public var participantsWorkAlone: Bool { list == .byStep || self == .insights }

    /// What a participant types in this step, or nil where the facilitator works on the room's
    /// entries (marking where insights hold, linking them) and participants follow along.
    public var participantEntryKind: EntryKind? {
        switch self {
        case .robustness, .directions: return nil
        default: return entryKind
        }
    }
}
