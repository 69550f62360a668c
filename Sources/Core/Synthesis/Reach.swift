/// How far a finding shared across target groups reaches: in how many groups and sessions,
/// in which worlds it holds, and how much of the votes it drew. Findings are ordered by it.
public struct Reach: Equatable, Sendable {
    /// Target groups with a member insight, and every group in the part.
    public var groups: Int
    public var totalGroups: Int
    /// Sessions with a member insight.
    public var sessions: Int
    /// Every member holds in every world.
    public var koersvast: Bool
    /// The worlds (scenario ids, workshop order) where at least one member holds.
    public var worlds: [String]
    /// Votes on the members, and every vote cast on an insight in the part.
    public var votes: Int
    public var totalVotes: Int

    public init(
        groups: Int, totalGroups: Int, sessions: Int, koersvast: Bool, worlds: [String], votes: Int, totalVotes: Int
    ) {
        self.groups = groups
        self.totalGroups = totalGroups
        self.sessions = sessions
        self.koersvast = koersvast
        self.worlds = worlds
        self.votes = votes
        self.totalVotes = totalVotes
    }

    /// The share of the votes, in whole percent (rounded half up).
    public var votePercent: Int { totalVotes == 0 ? 0 : (votes * 100 + totalVotes / 2) / totalVotes }

    /// Wider first: more groups, then more sessions, then a larger share of the votes.
    public static func wider(_ a: Reach, _ b: Reach) -> Bool {
        if a.groups != b.groups { return a.groups > b.groups }
        if a.sessions != b.sessions { return a.sessions > b.sessions }
        return a.votes * max(b.totalVotes, 1) > b.votes * max(a.totalVotes, 1)
    }

    static func of(_ items: [SynthesisItem], totalGroups: Int, scenarios: [String], totalVotes: Int) -> Reach {
        let koersvast = !items.isEmpty && items.allSatisfy { i in scenarios.allSatisfy(i.holdsIn.contains) }
        let held = Set(items.flatMap(\.holdsIn))
        return Reach(
            groups: Set(items.map(\.perspective)).count, totalGroups: totalGroups,
            sessions: Set(items.map(\.ref.sessionId)).count,
            koersvast: koersvast, worlds: scenarios.filter(held.contains),
            votes: items.reduce(0) { $0 + $1.entry.votes },
            totalVotes: totalVotes)
    }
}
