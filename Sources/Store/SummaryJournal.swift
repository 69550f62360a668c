import Core

#if canImport(Glibc)
import Glibc
#endif

/// The organiser's summary and key messages for the report, kept with the store in
/// `<store>/.summary/`: an append-only journal per writer process, like the groupings. Every
/// save is a new version; the newest is the one the report prints, older ones stay readable.
public final class SummaryJournal {
    public let folder: String
    /// Every version per key (a workshop id, or "*" for the whole store), oldest first.
    public private(set) var versions: [String: [ReportSummary]] = [:]
    public private(set) var warnings: [String] = []
    private lazy var journal = JournalWriter(folder: folder)

    /// The key of a summary that holds for every workshop in the store.
    public static let anyWorkshop = "*"

    public init(store: SessionStore) throws(StoreError) {
        folder = store.root + "/.summary"
        try reload()
    }


    /// The newest version for `workshop`, falling back to the store-wide one.
    public func current(workshop: String? = nil) -> ReportSummary? {
        current(keys: workshop.map { [$0] } ?? [])
    }

    /// The newest version saved under any of `keys` (a programme and the ids of its
    /// workshops: summaries saved before programmes were keyed by a workshop), numbered over
    /// all of them; else the store-wide one.
    public func current(keys: [String]) -> ReportSummary? {
        let merged = Set(keys).flatMap { versions[$0] ?? [] }.sorted { $0.updatedAt < $1.updatedAt }
        guard var newest = merged.last else { return versions[Self.anyWorkshop]?.last }
        newest.version = merged.count
        return newest
    }

    /// The keys a summary of this programme may be saved under: the programme, and the ids
    /// of its workshops among `workshops`.
    public static func keys(programme: String, workshops: [Workshop]) -> [String] {
        [programme] + workshops.filter { $0.programme == programme }.map(\.id)
    }

    /// The summary a report of `inputs` prints: the chosen workshop's programme's own, else
    /// the one of the only programme they belong to, else the store-wide one. Nil when none
    /// can be read.
    public static func forReport(store: SessionStore, workshop: String?, inputs: [SessionInput]) -> ReportSummary? {
        guard let journal = try? SummaryJournal(store: store) else { return nil }
        let workshops = inputs.map(\.workshop)
        let programme = workshop.map { id in workshops.first { $0.id == id }?.programme ?? id }
            ?? (Set(workshops.map(\.programme)).count == 1 ? workshops.first?.programme : nil)
        guard let programme else { return journal.current() }
        return journal.current(keys: keys(programme: programme, workshops: workshops) + (workshop.map { [$0] } ?? []))
    }

    public func reload() throws(StoreError) {
        var lines: [(time: Int64, writer: String, seq: Int, o: JSONObject)] = []
        warnings = []
        for name in (POSIXFile.list(folder) ?? []).sorted() where SessionFiles.isJournal(name) {
            guard let bytes = try POSIXFile.read(folder + "/" + name) else { continue }
            for (i, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated() {
                guard let value = try? JSONParser.parse(data: Array(line)), let o = value.objectValue,
                    let time = o["time"]?.intValue, let w = o["writer"]?.stringValue, let s = o["seq"]?.intValue,
                    o["type"]?.stringValue == "summarySet", o["text"]?.stringValue != nil
                else {
                    warnings.append("\(folder)/\(name): line \(i + 1) cannot be read and is ignored")
                    continue
                }
                lines.append((Int64(time), w, s, o))
            }
        }
        lines.sort { ($0.time, $0.writer, $0.seq) < ($1.time, $1.writer, $1.seq) }
        var out: [String: [ReportSummary]] = [:]
        for l in lines {
            let key = l.o["workshop"]?.stringValue ?? Self.anyWorkshop
            let messages = (l.o["keyMessages"]?.arrayValue ?? []).compactMap(\.stringValue).map(TextPolicy.cleanLine).filter { !$0.isEmpty }
            let version = (out[key]?.count ?? 0) + 1
            out[key, default: []].append(ReportSummary(
                text: TextPolicy.clean(l.o["text"]?.stringValue ?? ""), keyMessages: messages, version: version, updatedAt: l.time,
                organiser: l.o["organiser"]?.stringValue.map(TextPolicy.cleanLine)))
        }
        versions = out
    }

    /// Saves a new version; durable before it returns.
    @discardableResult
    public func set(text: String, keyMessages: [String], organiser: String?, workshop: String? = nil, now: Int64) throws(StoreError) -> ReportSummary {
        var o = JSONObject()
        o["type"] = "summarySet"
        o["workshop"] = .string(workshop ?? Self.anyWorkshop)
        o["text"] = .string(TextPolicy.clean(text))
        o["keyMessages"] = .array(keyMessages.map { .string(TextPolicy.cleanLine($0)) })
        if let organiser { o["organiser"] = .string(TextPolicy.cleanLine(organiser)) }
        try append(o, now: now)
        try reload()
        return current(workshop: workshop)!
    }

    private func append(_ fields: JSONObject, now: Int64) throws(StoreError) { try journal.append(fields, now: now) }
}
