import Core

/// Everything a participant is shown, on any device: the terminal participant screen and the
/// phone page render this and nothing else (the page gets it as JSON). Built by
/// `ParticipantView.make` from the session, the participant and the clock — pure.
public struct ParticipantView: Equatable, Sendable {
    public var title: String
    /// The participant's name; nil in an anonymous session.
    public var name: String?
    public var closed: Bool
    /// The facilitator shows the room's entries to everyone (`z`).
    public var roomVisible: Bool
    public var step: Step
    public var timer: Timer?
    /// The world of a scenario round.
    public var scenario: Scenario?
    /// Who the room steps into: the target group's persona, in every round.
    public var persona: Persona?
    public var input: Input
    public var list: List
    /// The voting step: dots to give.
    public var votes: Votes?
    /// The trends step: the trends to talk about.
    public var trends: [Trend]
    /// The directions step: each direction with the insights linked to it.
    public var directions: [Direction]
    /// The last answer to this participant's own action, cleared when the step changes.
    public var notice: Notice?
    /// The facilitator's message to every table ("nog 5 minuten"), on every screen.
    public var message: String? = nil
    /// A table round: the tables to choose from (before seated) and where this one sits.
    public var tables: Tables? = nil
    /// The insights step: each world's ★ top 3 from the harvest (ParticipantHarvest.swift).
    public var harvest: [HarvestWorld] = []

    public struct Tables: Equatable, Sendable {
        public var choices: [TableChoice]
        /// The table this participant sits at; nil until they choose or are seated.
        public var seat: TableChoice?
        /// Seats per table, or nil for no cap.
        public var cap: Int?
    }

    public struct TableChoice: Equatable, Sendable {
        public var id: String
        public var number: Int
        public var scenario: String
        public var scenarioTitle: LocalizedText
        /// How many sit there now.
        public var seated: Int
        public var full: Bool
    }

    public struct Step: Equatable, Sendable {
        public var id: String
        /// 1-based, for "step 3 of 13".
        public var number: Int
        public var count: Int
        public var kind: StepKind
        public var title: LocalizedText
        public var prompts: [LocalizedText]
    }

    public struct Timer: Equatable, Sendable {
        /// Negative once the time is up (overtime).
        public var remainingMs: Int64
        public var running: Bool
        public var overtime: Bool { remainingMs < 0 }
    }

    public struct Scenario: Equatable, Sendable {
        public var id: String
        public var title: LocalizedText
        public var tagline: LocalizedText?
        public var narrative: LocalizedText
        public var features: [LocalizedText]
    }

    public struct Persona: Equatable, Sendable {
        /// The target group's name.
        public var group: LocalizedText
        public var text: LocalizedText
    }

    /// Whether the participant can type here, and if not, why.
    public enum Input: Equatable, Sendable {
        /// Typing saves an entry of this kind.
        case open(EntryKind)
        /// The step takes entries, but not now (the step or the session is closed).
        case closed(LocalizedText)
        /// The step takes no entries from participants: what they do instead.
        case none(LocalizedText)

        public var isOpen: Bool { if case .open = self { return true } else { return false } }
    }

    public struct List: Equatable, Sendable {
        public enum Heading: String, Equatable, Sendable {
            /// Only the participant's own entries.
            case yours
            /// Everyone's entries of this step (`z` on).
            case room
            /// The room's insights.
            case insights
            /// The room's implications by scenario (the harvest).
            case implications
            /// Nothing is listed (a break).
            case none
            /// The entries of the participant's table (a table round).
            case table
            /// A table round before the participant has a seat: they choose a table.
            case chooseTable
            /// Every table's implications, table by table (the report-back).
            case tables
        }
        public var heading: Heading
        public var items: [Item]
    }

    public struct Item: Equatable, Sendable {
        public var id: String
        public var kind: EntryKind
        public var text: String
        /// The participant's own: they may edit and remove it.
        public var mine: Bool
        /// Held for the facilitator's review (only its author sees it).
        public var pending: Bool
        /// The participant's own dots on it (voting step).
        public var myVotes: Int
        /// The scenario it belongs to, with its title as the session calls it.
        public var scenario: String?
        public var scenarioTitle: LocalizedText?
        /// Scenario numbers (1-based) where the insight holds; all of them: koersvast.
        public var holdsIn: [Int]
        public var koersvast: Bool
        /// Direction numbers it is linked to.
        public var directions: [Int]
        /// One of its scenario's top 3 (the harvest), or of its table's (a table round).
        public var top: Bool
        /// The number of the table it was made at.
        public var table: Int? = nil
    }

    public struct Votes: Equatable, Sendable {
        public var budget: Int
        public var used: Int
        public var left: Int { max(0, budget - used) }
    }

    public struct Trend: Equatable, Sendable {
        public var number: Int
        public var title: LocalizedText
    }

    public struct Direction: Equatable, Sendable {
        public var number: Int
        public var title: LocalizedText
        /// The texts of the room's insights linked to it.
        public var insights: [String]
    }

    public struct Notice: Equatable, Sendable {
        public enum Kind: String, Equatable, Sendable { case info, saved, refused }
        public var kind: Kind
        public var text: LocalizedText
        /// The step it was given in: a notice does not follow the participant into the next step.
        public var step: String

        public init(kind: Kind, text: LocalizedText, step: String) {
            self.kind = kind
            self.text = text
            self.step = step
        }
    }
}
