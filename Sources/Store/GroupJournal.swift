import Core

#if canImport(Glibc)
import Glibc
#endif

/// What an organiser can do to the groupings in review.
public enum GroupEdit: Equatable, Sendable {
    case create([EntryRef], label: String)
    case rename(group: String, label: String)
    /// Adds (`member: true`) or takes out these insights.
    case setMembers(group: String, [EntryRef], member: Bool)
    /// The group goes; its insights stay where they are, in their sessions.
    case delete(group: String)
    /// A proposal accepted: a group of its insights, which remembers the proposal's id.
    case accept(proposal: String, [EntryRef], label: String)
    /// A proposal rejected, with the insights it held: it never comes back (`OrganiserDecisions`).
    case reject(proposal: String, [EntryRef])
    /// Evidence linked to (or unlinked from) one of the study's main messages.
    case link(message: String, OrganiserDecisions.Evidence, linked: Bool)
}

/// The organisers' groupings of similar insights across sessions. They are events of their
/// own, in `<store>/.groups/`, one journal per writer process like a session's — a session's
/// files are never rewritten for a review. Folded, they are the `InsightGroup`s synthesis takes
/// and the organiser's decisions: proposals accepted and rejected, evidence linked to messages.
public final class GroupJournal {
    public let folder: String
    public private(set) var groups: [InsightGroup] = []
    public private(set) var decisions = OrganiserDecisions()
    public private(set) var warnings: [String] = []
    private lazy var journal = JournalWriter(folder: folder)

    public init(store: SessionStore) throws(StoreError) {
        folder = store.root + "/.groups"
        // Made on the first edit, not here: an export or a review only reads the store.
        try reload()
    }


    /// Reads every journal; a torn last line is skipped with a warning, other damage too
    /// (a grouping is advice, not a session: it never blocks the review).
    public func reload() throws(StoreError) {
        var lines: [(time: Int64, writer: String, seq: Int, o: JSONObject)] = []
        warnings = []
        for name in (POSIXFile.list(folder) ?? []).sorted() where SessionFiles.isJournal(name) {
            guard let bytes = try POSIXFile.read(folder + "/" + name) else { continue }
            for (i, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated() {
                guard let value = try? JSONParser.parse(data: Array(line)), let o = value.objectValue,
                    let time = o["time"]?.intValue, let w = o["writer"]?.stringValue, let s = o["seq"]?.intValue
                else {
                    warnings.append("\(folder)/\(name): line \(i + 1) cannot be read and is ignored")
                    continue
                }
                lines.append((Int64(time), w, s, o))
            }
        }
        lines.sort { ($0.time, $0.writer, $0.seq) < ($1.time, $1.writer, $1.seq) }
        var order: [String] = []
        var labels: [String: String] = [:]
        var members: [String: [EntryRef]] = [:]
        var deleted: Set<String> = []
        var fold = DecisionFold()
        for l in lines {
            if fold.take(l.o) { continue }
            guard let group = l.o["group"]?.stringValue else { continue }
            switch l.o["type"]?.stringValue {
            case "groupLabelled":
                if labels[group] == nil { order.append(group) }
                labels[group] = l.o["label"]?.stringValue.map(TextPolicy.cleanLine) ?? group
                if let proposal = l.o["proposal"]?.stringValue { fold.accepted[proposal] = group }
            case "memberSet":
                guard let ref = Self.ref(l.o) else { continue }
                if l.o["member"]?.boolValue == false {
                    members[group]?.removeAll { $0 == ref }
                } else if !(members[group] ?? []).contains(ref) {
                    members[group, default: []].append(ref)
                }
            case "groupDeleted":
                deleted.insert(group)
            default:
                continue
            }
        }
        groups = order.filter { !deleted.contains($0) }.map { InsightGroup(id: $0, label: labels[$0]!, members: members[$0] ?? []) }
        // A deleted group's proposal may be proposed again: the organiser took the decision back.
        decisions = fold.decisions(keeping: Set(groups.map(\.id)))
    }

    static func ref(_ o: JSONObject) -> EntryRef? {
        guard let s = o["session"]?.stringValue, let e = o["entry"]?.stringValue else { return nil }
        return EntryRef(sessionId: s, entryId: e)
    }

    /// Makes a group of these insights under a label; durable before it returns.
    @discardableResult
    public func group(
        _ refs: [EntryRef], label: String, proposal: String? = nil, now: Int64
    ) throws(StoreError) -> String {
        let id = "g" + StoreIDs.short() + StoreIDs.short()
        var labelled = JSONObject([
            "type": "groupLabelled", "group": .string(id), "label": .string(TextPolicy.cleanLine(label)),
        ])
        if let proposal { labelled["proposal"] = .string(proposal) }
        try append(labelled, now: now)
        for r in refs {
            try append(JSONObject(["type": "memberSet", "group": .string(id), "session": .string(r.sessionId), "entry": .string(r.entryId), "member": true]), now: now)
        }
        try reload()
        return id
    }

    /// Changes a group; every change is an event of its own, durable before it returns.
    public func apply(_ edit: GroupEdit, now: Int64) throws(StoreError) {
        switch edit {
        case .create(let refs, let label):
            try group(refs, label: label, now: now)
            return
        case .rename(let id, let label):
            try append(JSONObject(["type": "groupLabelled", "group": .string(id), "label": .string(TextPolicy.cleanLine(label))]), now: now)
        case .setMembers(let id, let refs, let member):
            for r in refs {
                try append(JSONObject(["type": "memberSet", "group": .string(id), "session": .string(r.sessionId), "entry": .string(r.entryId), "member": .bool(member)]), now: now)
            }
        case .delete(let id):
            try append(JSONObject(["type": "groupDeleted", "group": .string(id)]), now: now)
        case .accept(let proposal, let refs, let label):
            try group(refs, label: label, proposal: proposal, now: now)
            return
        case .reject(let proposal, let refs):
            try append(DecisionFold.rejected(proposal, refs), now: now)
        case .link(let message, let evidence, let linked):
            try append(DecisionFold.linked(message, evidence, linked: linked), now: now)
        }
        try reload()
    }

    private func append(_ fields: JSONObject, now: Int64) throws(StoreError) { try journal.append(fields, now: now) }
}
