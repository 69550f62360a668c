import Core
import Store

/// The organiser's decisions on proposed groups, the same from `perspectief groups` and from
/// review: what is still proposed, accepting one (a group that remembers the proposal),
/// rejecting one (it never comes back), and what was decided. Every decision is an event in
/// the store's `.groups/` journals, durable before it returns.
public enum GroupDecisions {
    /// Proposals over every readable session of the store, per programme, not yet judged.
    public static func suggest(store: SessionStore, workshops: [Workshop]) throws(FindingsFailure) -> [SimilarInsights
        .Proposal]
    {
        let journal: GroupJournal
        do { journal = try GroupJournal(store: store) } catch { throw FindingsFailure(error) }
        return suggest(SessionLoader.load(store: store, ids: nil, workshops: workshops).inputs, journal: journal)
    }

    static func suggest(_ inputs: [SessionInput], journal: GroupJournal) -> [SimilarInsights.Proposal] {
        Programme.parts(inputs).flatMap { part in
            SimilarInsights.unreviewed(
                Synthesis.build(workshop: part.workshop, sessions: part.sessions), groups: journal.groups,
                decisions: journal.decisions)
        }
    }

    /// Accepts the open proposal `id`: a group of its insights under the first one's text
    /// (renamed and edited like any group afterwards). Returns the group's id.
    @discardableResult
    public static func accept(_ id: String, store: SessionStore, workshops: [Workshop], now: Int64)
        throws(FindingsFailure) -> String
    {
        let (journal, p) = try open(id, store: store, workshops: workshops)
        do {
            try journal.apply(
                .accept(proposal: p.id, p.items.map(\.ref), label: TextPolicy.cleanLine(p.items[0].entry.text)),
                now: now)
        } catch { throw FindingsFailure(error) }
        return journal.decisions.accepted[p.id] ?? ""
    }

    /// Rejects the open proposal `id` for good: neither it nor any part of it is proposed again.
    public static func reject(_ id: String, store: SessionStore, workshops: [Workshop], now: Int64)
        throws(FindingsFailure)
    {
        let (journal, p) = try open(id, store: store, workshops: workshops)
        do { try journal.apply(.reject(proposal: p.id, p.items.map(\.ref)), now: now) } catch {
            throw FindingsFailure(error)
        }
    }

    private static func open(
        _ id: String, store: SessionStore, workshops: [Workshop]
    ) throws(FindingsFailure) -> (GroupJournal, SimilarInsights.Proposal) {
        let journal: GroupJournal
        do { journal = try GroupJournal(store: store) } catch { throw FindingsFailure(error) }
        let inputs = SessionLoader.load(store: store, ids: nil, workshops: workshops).inputs
        guard let p = suggest(inputs, journal: journal).first(where: { $0.id == id }) else { throw .noProposal(id) }
        return (journal, p)
    }

    /// The groups and decisions as they stand.
    public static func list(store: SessionStore) throws(FindingsFailure) -> (
        groups: [InsightGroup], decisions: OrganiserDecisions
    ) {
        do {
            let journal = try GroupJournal(store: store)
            return (journal.groups, journal.decisions)
        } catch { throw FindingsFailure(error) }
    }

    /// `groups suggest --json`: each proposal with its members and why.
    public static func json(_ proposals: [SimilarInsights.Proposal]) -> JSONValue {
        .array(
            proposals.map { p in
                var reasons: [JSONValue] = []
                if !p.words.isEmpty { reasons.append(.string("words: " + p.words.joined(separator: ", "))) }
                if !p.concepts.isEmpty { reasons.append(.string("concepts: " + p.concepts.joined(separator: ", "))) }
                reasons.append(.string("strength: " + String((p.strength * 100).rounded() / 100)))
                return .object(
                    JSONObject([
                        "id": .string(p.id),
                        "members": .array(
                            p.items.map { i in
                                .object(
                                    JSONObject([
                                        "session": .string(i.ref.sessionId), "entry": .string(i.ref.entryId),
                                        "perspective": .string(i.perspective.code),
                                        "text": .string(i.entry.text),
                                    ]))
                            }),
                        "reasons": .array(reasons), "words": .array(p.words.map { .string($0) }),
                        "concepts": .array(p.concepts.map { .string($0) }),
                        "strength": .number(p.strength),
                    ]))
            })
    }

    /// `groups list --json`: the groups (with the proposal each was accepted from) and the
    /// rejected proposals.
    public static func json(groups: [InsightGroup], decisions: OrganiserDecisions) -> JSONValue {
        var fromProposal: [String: String] = [:]
        for (proposal, group) in decisions.accepted { fromProposal[group] = proposal }
        func refs(_ list: [EntryRef]) -> JSONValue {
            .array(list.map { .object(JSONObject(["session": .string($0.sessionId), "entry": .string($0.entryId)])) })
        }
        return .object(
            JSONObject([
                "groups": .array(
                    groups.map { g in
                        .object(
                            JSONObject([
                                "id": .string(g.id), "label": .string(g.label),
                                "proposal": fromProposal[g.id].map { .string($0) } ?? .null,
                                "members": refs(g.members),
                            ]))
                    }),
                "rejected": .array(
                    decisions.rejected.map {
                        .object(JSONObject(["proposal": .string($0.proposal), "members": refs($0.members)]))
                    }),
            ]))
    }
}
