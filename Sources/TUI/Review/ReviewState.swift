import Core
import Store

/// The organiser's view over all saved sessions: a list with filters and full-text search,
/// the perspective × scenario matrix, and any session opened read-only.
public struct ReviewState: Sendable {
    public enum Tab: Sendable, CaseIterable { case sessions, matrix, groups }
    public enum StatusFilter: Sendable, CaseIterable { case all, open, closed }

    /// Every saved session; `input` is nil for one that cannot be read (it is listed anyway).
    public var records: [ReviewRecord]
    public var tab: Tab = .sessions
    public var selected = 0
    public var search: TextInput?
    public var query = ""
    public var workshopFilter: String?
    public var perspectiveFilter: String?
    public var status: StatusFilter = .all
    /// Only sessions changed in the last N days (nil: any time), and since when that is.
    public var periodDays: Int?
    public var periodStart: Int64 = 0
    public var matrixRow = 0
    public var matrixColumn = 0
    /// Built when the matrix is shown or the filters change, not on every key.
    public var synthesis: Synthesis?
    /// Sessions still being read (the list fills in while the organiser looks).
    public var loading = 0
    /// The organisers' groupings of similar insights (saved as events of their own).
    public var groups: [InsightGroup] = []
    /// The groups tab: the selected group, and the selected insight in it once → moved there.
    public var groupRow = 0
    public var memberRow: Int?
    /// A new name being typed for the selected group.
    public var renaming: TextInput?
    /// Asking whether the selected group really goes.
    public var confirmingDelete = false
    /// Opened from the home screen: q goes back there instead of quitting.
    public var returnsHome = false
    /// Waiting for the export format key (m, c, j, h, p, s for the short PDF).
    public var exporting = false
    /// Grouping help: the proposals shown (nil: not shown), the selected one, and what the
    /// organiser decided (kept in the store: a rejected proposal never comes back).
    public var proposals: [SimilarInsights.Proposal]?
    public var proposalRow = 0
    public var decisions = OrganiserDecisions()
    /// Waiting for a message's number (`m`): the insights found become its evidence.
    public var linkingMessage = false
    /// The organiser's summary for the report as saved (nil: none yet, the report is a
    /// concept), and the text being edited (`S`).
    public var summary: ReportSummary?
    public var editingSummary: TextInput?

    public init(records: [ReviewRecord]) { self.records = records }
}

public struct ReviewRecord: Sendable {
    public var listing: SessionListing
    public var input: SessionInput?
    /// False while only the listing is known (from the cache); the session follows.
    public var loaded = true
    /// Live entries' texts folded once (case, diacritics), so a search keystroke is cheap.
    var folded: [(entry: Int, text: String)]

    public init(listing: SessionListing, input: SessionInput?) {
        self.listing = listing
        self.input = input
        folded = input?.state.entries.enumerated().compactMap { i, e in e.isLive ? (i, TextFolding.fold(e.text)) : nil } ?? []
    }

    /// A session listed before it is read: shown in the list, opened once it has arrived.
    public init(listed listing: SessionListing) {
        self.init(listing: listing, input: nil)
        loaded = false
    }

    /// A session as the store read it, paired with its workshop.
    public init(_ read: ReadSession, workshops: [Workshop]) {
        let (listing, input) = read.input(workshops: workshops)
        self.init(listing: listing, input: input)
    }

    func matches(_ words: [Substring]) -> Bool {
        let title = TextFolding.fold(listing.title)
        if words.allSatisfy({ title.contains($0) }) { return true }
        return folded.contains { f in words.allSatisfy { f.text.contains($0) } }
    }
}

/// A search hit: one entry of one session.
struct ReviewHit {
    var record: Int
    var entry: Entry
}

extension ReviewState {
    /// Adds sessions as they are read (each replaces its listed-only record, if any),
    /// keeping the list newest first and the selection on the same session.
    public mutating func add(_ more: [ReviewRecord], remaining: Int) {
        let list = visible()
        let current = list.isEmpty ? nil : records[list[min(selected, list.count - 1)]].listing.id
        let arriving = Set(more.map(\.listing.id))
        if records.contains(where: { arriving.contains($0.listing.id) }) { records.removeAll { arriving.contains($0.listing.id) } }
        records += more
        records.sort { a, b in
            a.listing.updatedAt != b.listing.updatedAt ? a.listing.updatedAt > b.listing.updatedAt : a.listing.id > b.listing.id
        }
        loading = remaining
        if let current, let i = visible().firstIndex(where: { records[$0].listing.id == current }) { selected = i }
    }

    /// Drops sessions that are gone, keeping the selection on the same session if it stays.
    public mutating func remove(_ ids: [String]) {
        let gone = Set(ids)
        let list = visible()
        let current = list.isEmpty ? nil : records[list[min(selected, list.count - 1)]].listing.id
        records.removeAll { gone.contains($0.listing.id) }
        let now = visible()
        selected = current.flatMap { id in now.firstIndex { records[$0].listing.id == id } } ?? min(selected, max(0, now.count - 1))
    }

    /// Said instead of exporting or grouping while sessions are still loading: a report or a
    /// grouping over part of them would silently miss the rest.
    func stillLoading(_ l: Language) -> Notice {
        Notice(kind: .info, text: l == .nl ? "Nog \(loading) sessies aan het laden; een ogenblik." : "Still loading \(loading) sessions; a moment.")
    }

    /// The sessions the filters and the search let through, newest first (as listed).
    public func visible() -> [Int] {
        records.indices.filter { i in
            let r = records[i]
            if let w = workshopFilter, r.listing.workshopId != w { return false }
            if let p = perspectiveFilter, perspectiveCode(r) != p { return false }
            if periodDays != nil, r.listing.updatedAt < periodStart { return false }
            switch status {
            case .all: break
            case .open: if r.listing.closed { return false }
            case .closed: if !r.listing.closed { return false }
            }
            return query.isEmpty || r.matches(words)
        }
    }

    var words: [Substring] { TextFolding.fold(query).split(separator: " ") }

    func hits(in record: Int, limit: Int) -> [ReviewHit] {
        guard !query.isEmpty, let input = records[record].input else { return [] }
        let words = self.words
        return records[record].folded.filter { f in words.allSatisfy { f.text.contains($0) } }.prefix(limit)
            .map { ReviewHit(record: record, entry: input.state.entries[$0.entry]) }
    }

    /// The live insights the current search finds in the sessions in view: what `G` groups.
    func matchingInsights() -> [EntryRef] {
        guard !query.isEmpty else { return [] }
        let words = self.words
        return visible().flatMap { i -> [EntryRef] in
            guard let input = records[i].input else { return [] }
            return records[i].folded.filter { f in input.state.entries[f.entry].kind == .insight && words.allSatisfy { f.text.contains($0) } }
                .map { EntryRef(sessionId: records[i].listing.id, entryId: input.state.entries[$0.entry].id) }
        }
    }

    func perspectiveCode(_ r: ReviewRecord) -> String? {
        r.listing.perspective.map { PerspectiveKey($0).code }
    }

    /// The workshops present, in the order first seen.
    var workshopIds: [String] {
        var seen: [String] = []
        for r in records where !r.listing.workshopId.isEmpty && !seen.contains(r.listing.workshopId) { seen.append(r.listing.workshopId) }
        return seen
    }

    var perspectiveCodes: [String] {
        var seen: [String] = []
        for r in records {
            if let w = workshopFilter, r.listing.workshopId != w { continue }
            if let c = perspectiveCode(r), !seen.contains(c) { seen.append(c) }
        }
        return seen
    }

    /// Rebuilds the synthesis for the workshop in view (the filter's, else the first).
    mutating func rebuild(workshops: [Workshop]) {
        let id = workshopFilter ?? workshopIds.first
        guard let id, let w = workshops.first(where: { $0.id == id }) else { synthesis = nil; return }
        let inputs = visible().compactMap { records[$0].input }
        // A search narrows the matrix to the entries it finds, as it does the session list.
        let words = self.words
        let found: ((Entry) -> Bool)? = words.isEmpty ? nil : { e in
            let text = TextFolding.fold(e.text)
            return words.allSatisfy { text.contains($0) }
        }
        synthesis = Synthesis.build(workshop: w, sessions: inputs, groups: groups, including: found)
    }
}
