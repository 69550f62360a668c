/// A workshop: the content a session runs on — axes, scenarios, perspectives, trends,
/// directions, messages and the ordered steps. Loaded from `Workshops/*.json` by
/// `WorkshopLoader`, which also validates it; the format is documented in `Workshops/README.md`.
public struct Workshop: Equatable, Sendable {
    public static let formatVersion = 1

    public var id: String
    public var title: LocalizedText
    public var question: LocalizedText
    public var intro: LocalizedText
    /// The word the workshop uses for its perspectives ("doelgroep" / "target group").
    public var perspectiveTerm: Term
    public var axes: [Axis]
    public var scenarios: [Scenario]
    public var perspectives: [Perspective]
    public var trendCategories: [Category]
    public var domains: [Category]
    public var trends: [Trend]
    public var directions: [Direction]
    public var messages: [Direction]
    public var steps: [Step]
    /// Where the content comes from, shown on the home screen and in reports.
    public var source: LocalizedText?
    /// What the scenario names are (working titles of this tool, not the study's own names):
    /// shown on the opening screen and in every report so nobody quotes them as the study's.
    public var scenarioNote: LocalizedText? = nil
    /// The study this workshop belongs to ("study" in the file; the workshop id when absent).
    /// Workshops of one study share its scenarios and directions (`validate` checks that), so
    /// their sessions are one programme: one report, one plenary 2×2.
    public var study: String = ""
    /// The domain glossary ("glossary" in the file): concepts with the words that mean them,
    /// so grouping proposals meet on meaning a content editor wrote down ("loket", "balie").
    public var glossary: [Concept] = []

    /// The programme key: the study, or this workshop alone.
    public var programme: String { study.isEmpty ? id : study }

    /// One concept of the glossary: its label and the single words (any inflection) that
    /// stand for it. A word belongs to at most one concept (`validate` checks that).
    public struct Concept: Equatable, Sendable {
        public var id: String
        public var label: LocalizedText
        public var words: [String]

        public init(id: String, label: LocalizedText, words: [String]) {
            self.id = id
            self.label = label
            self.words = words
        }
    }

    public struct Term: Equatable, Sendable {
        public var singular: LocalizedText
        public var plural: LocalizedText
    }

    public struct Axis: Equatable, Sendable {
        public var id: String
        public var title: LocalizedText
        /// Exactly two: the low pole first (scarce, held back), the high pole second.
        public var poles: [Pole]
    }

    public struct Pole: Equatable, Sendable {
        public var id: String
        public var label: LocalizedText
    }

    public struct Scenario: Equatable, Sendable {
        public var id: String
        public var title: LocalizedText
        /// Axis id → pole id: where the scenario sits in the 2×2 matrix.
        public var position: [String: String]
        public var tagline: LocalizedText?
        public var narrative: LocalizedText
        public var features: [LocalizedText]
    }

    public struct Perspective: Equatable, Sendable {
        public var id: String
        public var name: LocalizedText
        public var description: LocalizedText
        public var persona: LocalizedText?
        public var lifeEvents: [LocalizedText]
    }

    public struct Category: Equatable, Sendable {
        public var id: String
        public var title: LocalizedText
    }

    public struct Trend: Equatable, Sendable {
        public var id: String
        public var number: Int
        public var title: LocalizedText
        /// nil for a trend that stands above the categories (trend 0 in the 2035 study).
        public var category: String?
        public var domains: [String]
        public var explanation: LocalizedText
    }

    /// A development direction or a main message: numbered, a title and a one-line gist.
    public struct Direction: Equatable, Sendable {
        public var id: String
        public var number: Int
        public var title: LocalizedText
        public var gist: LocalizedText
    }

    public struct Step: Equatable, Sendable {
        public var id: String
        public var kind: StepKind
        public var title: LocalizedText
        public var prompts: [LocalizedText]
        public var minutes: Int
        /// The scenario a scenario round is about; nil for every other kind.
        public var scenario: String?
        /// Optional steps (a trend warm-up) may be skipped by the facilitator.
        public var optional: Bool
        /// The script's notes for the facilitator: on the desk, never on the wall.
        public var notes: LocalizedText? = nil
        /// A table round's tables per scenario (a big room works each world at several tables).
        public var tablesPerScenario: Int = 1
        /// A table round's cap per table, or nil for no cap.
        public var seatsPerTable: Int? = nil
    }

    /// One table of a table round: the world it works on and the number people see.
    public struct Table: Equatable, Sendable {
        /// The scenario id when there is one table per world, else "<scenario>-<n>".
        public var id: String
        public var scenario: String
        /// 1, 2, 3… over the whole round, in scenario order: what the room calls it.
        public var number: Int
    }

    /// The tables of a table round, in scenario order; empty for every other kind of step.
    public func tables(of step: Step) -> [Table] {
        guard step.kind == .tableRound else { return [] }
        let per = max(1, step.tablesPerScenario)
        var out: [Table] = []
        for s in scenarios {
            for n in 1...per {
                out.append(Table(id: per == 1 ? s.id : "\(s.id)-\(n)", scenario: s.id, number: out.count + 1))
            }
        }
        return out
    }

    /// The table round a report-back step reports on: the nearest one before it.
    public func tableRound(before step: Step) -> Step? {
        guard let i = steps.firstIndex(where: { $0.id == step.id }) else { return nil }
        return steps[..<i].last { $0.kind == .tableRound }
    }

    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
    public func perspective(_ id: String) -> Perspective? { perspectives.first { $0.id == id } }
    public func direction(_ id: String) -> Direction? { directions.first { $0.id == id } }
    public func trend(_ id: String) -> Trend? { trends.first { $0.id == id } }
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// The scenario's (column, row) in the 2×2 map: column from the first axis, row from the second.
    public func quadrant(of scenario: Scenario) -> (column: Int, row: Int)? {
        guard axes.count == 2 else { return nil }
        func index(_ axis: Axis) -> Int? {
            guard let pole = scenario.position[axis.id] else { return nil }
            return axis.poles.firstIndex { $0.id == pole }
        }
        guard let c = index(axes[0]), let r = index(axes[1]) else { return nil }
        return (c, r)
    }
}

/// What a step is for; decides which screen the TUI shows and what entries it collects.
public enum StepKind: String, CaseIterable, Sendable {
    case opening, trends, scenarioRound, insights, robustness, directions, voting, close
    /// The room picks the most important implications per scenario (the facilitator gives
    /// the room's dots) before insights are drawn from them.
    case harvest
    /// A pause: the timer runs, nothing is typed ("break" in files; a Swift keyword).
    case pause = "break"
    /// The room works in tables, one world each (or several tables per world), all at once.
    case tableRound
    /// Each table of the table round before it reports to the plenary, one table at a time.
    case reportBack

    /// The kind of entry `a` adds in this step, or nil where nothing is typed. The one rule
    /// for every front end (the engine refuses what this does not allow).
    public var entryKind: EntryKind? {
        switch self {
        // The harvest asks what stands out across the four worlds: the room's observations.
        case .opening, .trends, .close, .harvest: return .note
        case .scenarioRound, .tableRound: return .implication
        case .insights, .robustness, .directions: return .insight
        case .voting, .pause, .reportBack: return nil
        }
    }

    /// Whether dots may be given in this step, and on what.
    public func takesVotes(on kind: EntryKind) -> Bool {
        switch self {
        case .voting: return true
        case .harvest, .tableRound: return kind == .implication
        default: return false
        }
    }
}
