import Core
import Store

/// The evidence an organiser chooses for the study's main messages: insights (by session and
/// entry) or development directions linked to a message, from `perspectief messages` and
/// review. Events in the store's `.groups/` journals beside the groupings.
public enum MessageLinks {
    /// Parses `--insight SESSION/ENTRY` or `--direction ID`: exactly one of them.
    public static func evidence(insight: String?, direction: String?) throws(FindingsFailure)
        -> OrganiserDecisions.Evidence
    {
        switch (insight, direction) {
        case (let i?, nil):
            let parts = i.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .badInsight(i) }
            return .insight(EntryRef(sessionId: String(parts[0]), entryId: String(parts[1])))
        case (nil, let d?):
            return .direction(d)
        default:
            throw .insightOrDirection
        }
    }

    /// Links (or unlinks) `evidence` to `message`, after checking that the message is one of
    /// a workshop's and the insight or direction exists; durable before it returns.
    public static func link(
        message: String, _ evidence: OrganiserDecisions.Evidence, linked: Bool, store: SessionStore,
        workshops: [Workshop], now: Int64
    ) throws(FindingsFailure) {
        let carrying = workshops.filter { $0.messages.contains { $0.id == message } }
        guard !carrying.isEmpty else {
            var known: [String] = []
            for w in workshops { for m in w.messages where !known.contains(m.id) { known.append(m.id) } }
            throw .unknownMessage(message, known: known)
        }
        if linked {
            switch evidence {
            case .direction(let id):
                guard carrying.contains(where: { $0.direction(id) != nil }) else {
                    throw .unknownDirection(id, known: carrying[0].directions.map(\.id))
                }
            case .insight(let ref):
                let inputs = SessionLoader.load(store: store, ids: nil, workshops: workshops).inputs
                let found = inputs.first { $0.sessionId == ref.sessionId }?.state.entry(ref.entryId)
                guard let found, found.isLive, found.kind == .insight else {
                    throw .noInsight(ref.sessionId + "/" + ref.entryId)
                }
            }
        }
        do { try GroupJournal(store: store).apply(.link(message: message, evidence, linked: linked), now: now) } catch {
            throw FindingsFailure(error)
        }
    }

    /// Per programme in the store, every main message with what is linked to it there.
    public static func list(
        store: SessionStore, workshops: [Workshop]
    ) throws(FindingsFailure) -> [(workshop: Workshop, messages: [MessageEvidence])] {
        let journal: GroupJournal
        do { journal = try GroupJournal(store: store) } catch { throw FindingsFailure(error) }
        let inputs = SessionLoader.load(store: store, ids: nil, workshops: workshops).inputs
        return Programme.parts(inputs).map { part in
            let synthesis = Synthesis.build(workshop: part.workshop, sessions: part.sessions, groups: journal.groups)
            return (part.workshop, Report.evidence(synthesis, decisions: journal.decisions))
        }
    }

    /// `messages list --json`.
    public static func json(_ list: [(workshop: Workshop, messages: [MessageEvidence])]) -> JSONValue {
        .array(
            list.flatMap { part in
                part.messages.map { m in
                    .object(
                        JSONObject([
                            "programme": .string(part.workshop.programme), "message": .string(m.messageId),
                            "linked": .bool(!m.isEmpty),
                            "insights": .array(
                                m.insights.map { i in
                                    .object(
                                        JSONObject([
                                            "session": .string(i.ref.sessionId), "entry": .string(i.ref.entryId),
                                            "text": .string(i.entry.text),
                                        ]))
                                }),
                            "directions": .array(m.directions.map { .string($0.directionId) }),
                            "count": .number(Double(m.allInsights.count)), "perspectives": .number(Double(m.groups)),
                        ]))
                }
            })
    }
}
