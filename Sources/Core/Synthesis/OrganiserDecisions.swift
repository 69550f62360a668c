/// What an organiser decided about proposed groups and the study's messages, folded from the
/// organisers' journals (the store keeps them as events; synthesis never invents one).
public struct OrganiserDecisions: Equatable, Sendable {
    /// A proposal the organiser rejected: its id and the insights it held when rejected.
    public struct Rejected: Equatable, Sendable {
        public var proposal: String
        public var members: [EntryRef]

        public init(proposal: String, members: [EntryRef]) {
            self.proposal = proposal
            self.members = members
        }
    }

    /// What an organiser can link to one of the study's main messages as its evidence.
    public enum Evidence: Hashable, Sendable, Comparable {
        case insight(EntryRef)
        case direction(String)

        public static func < (a: Evidence, b: Evidence) -> Bool {
            switch (a, b) {
            case (.insight(let x), .insight(let y)): return x < y
            case (.direction(let x), .direction(let y)): return x < y
            case (.insight, .direction): return true
            case (.direction, .insight): return false
            }
        }
    }

    public var rejected: [Rejected]
    /// Proposal id → the group the organiser made of it.
    public var accepted: [String: String]
    /// Message id → what is linked to it, in the order linked.
    public var links: [String: [Evidence]]

    public init(rejected: [Rejected] = [], accepted: [String: String] = [:], links: [String: [Evidence]] = [:]) {
        self.rejected = rejected
        self.accepted = accepted
        self.links = links
    }

    /// A rejected proposal never comes back: neither under its own id nor as any proposal whose
    /// members all lie within a rejected one's (a smaller part of what was judged not alike).
    /// An accepted one is a group now, so it is not proposed again either.
    public func suppresses(_ p: SimilarInsights.Proposal) -> Bool {
        let id = p.id
        if accepted[id] != nil { return true }
        let members = Set(p.items.map(\.ref))
        return rejected.contains { $0.proposal == id || members.isSubset(of: Set($0.members)) }
    }

    /// The proposals still to be judged, in their given order.
    public func open(_ proposals: [SimilarInsights.Proposal]) -> [SimilarInsights.Proposal] {
        proposals.filter { !suppresses($0) }
    }
}

extension SimilarInsights {
    /// The proposals an organiser still has to judge over sessions of one programme: over
    /// every insight (koersvast, scenario-specific, not yet judged), without what is grouped
    /// already, without `except` and without what was decided. The same for review, the
    /// command line and reports (a report also leaves out identical texts: a finding already).
    public static func unreviewed(
        _ synthesis: Synthesis, groups: [InsightGroup], decisions: OrganiserDecisions, except: Set<EntryRef> = []
    ) -> [Proposal] {
        let grouped = Set(groups.flatMap(\.members)).union(except)
        let items = synthesis.perspectives.flatMap { $0.koersvast + $0.specific.map(\.item) + $0.open }
        return decisions.open(propose(items, except: grouped, glossary: synthesis.workshop.glossary))
    }
}
