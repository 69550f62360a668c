import Core

/// The organiser's decisions as journal lines in `<store>/.groups/`, beside the groupings:
/// `proposalRejected` (the proposal's id and its members), `messageLinked` (a message and an
/// insight or a direction, `linked` true or false). Accepting writes a group whose
/// `groupLabelled` line carries the proposal's id. Folded in time order, last word wins.
struct DecisionFold {
    var rejected: [OrganiserDecisions.Rejected] = []
    var accepted: [String: String] = [:]
    var links: [String: [OrganiserDecisions.Evidence]] = [:]

    /// Takes a decision line; false for any other line (a grouping's).
    mutating func take(_ o: JSONObject) -> Bool {
        switch o["type"]?.stringValue {
        case "proposalRejected":
            guard let id = o["proposal"]?.stringValue else { return true }
            let members = (o["members"]?.arrayValue ?? []).compactMap { $0.objectValue.flatMap(GroupJournal.ref) }
            if !rejected.contains(where: { $0.proposal == id }) {
                rejected.append(.init(proposal: id, members: members))
            }
            return true
        case "messageLinked":
            guard let message = o["message"]?.stringValue else { return true }
            let evidence: OrganiserDecisions.Evidence
            if let ref = GroupJournal.ref(o) {
                evidence = .insight(ref)
            } else if let d = o["direction"]?.stringValue {
                evidence = .direction(d)
            } else {
                return true
            }
            var list = links[message] ?? []
            list.removeAll { $0 == evidence }
            if o["linked"]?.boolValue != false { list.append(evidence) }
            links[message] = list.isEmpty ? nil : list
            return true
        default:
            return false
        }
    }

    func decisions(keeping groups: Set<String>) -> OrganiserDecisions {
        OrganiserDecisions(rejected: rejected, accepted: accepted.filter { groups.contains($0.value) }, links: links)
    }

    static func rejected(_ proposal: String, _ refs: [EntryRef]) -> JSONObject {
        JSONObject([
            "type": "proposalRejected", "proposal": .string(proposal),
            "members": .array(
                refs.sorted().map {
                    .object(JSONObject(["session": .string($0.sessionId), "entry": .string($0.entryId)]))
                }),
        ])
    }

    static func linked(_ message: String, _ evidence: OrganiserDecisions.Evidence, linked: Bool) -> JSONObject {
        var o = JSONObject(["type": "messageLinked", "message": .string(message), "linked": .bool(linked)])
        switch evidence {
        case .insight(let ref):
            o["session"] = .string(ref.sessionId)
            o["entry"] = .string(ref.entryId)
        case .direction(let id):
            o["direction"] = .string(id)
        }
        return o
    }
}
