/// Brings many sessions of one workshop together: per scenario, per perspective, per
/// direction, shared koersvast insights and the perspective × scenario matrix. Pure and
/// deterministic: workshop order first, then creation time, then id.
public struct Synthesis: Equatable, Sendable {
    public var workshop: Workshop
    /// Session ids included (of this workshop), in the stable order.
    public var sessionIds: [String]
    public var perspectives: [PerspectiveSummary]
    public var scenarios: [ScenarioSummary]
    public var directions: [DirectionSummary]
    public var shared: [SharedInsight]
    public var matrix: [MatrixRow]
    /// Proposed groups the organiser has not judged yet (filled by `Report`, for its annex).
    public var unreviewed: [SimilarInsights.Proposal] = []
    /// The evidence the organiser linked to each of the study's main messages (by `Report`).
    public var messages: [MessageEvidence] = []

    /// Sessions of another programme are left out (workshops of one study are one programme).
    /// `top` is how many most-voted
    /// implications each matrix cell carries. `including` narrows the entries (a review
    /// search: the matrix then counts only what was found).
    public static func build(
        workshop: Workshop, sessions: [SessionInput], groups: [InsightGroup] = [], top: Int = 3,
        including: ((Entry) -> Bool)? = nil
    ) -> Synthesis {
        let scenarioIds = workshop.scenarios.map(\.id)
        let mine = sessions.filter {
            $0.state.setup.workshopId == workshop.id || $0.workshop.programme == workshop.programme
        }
            .sorted { ($0.state.createdAt, $0.sessionId) < ($1.state.createdAt, $1.sessionId) }

        var items: [SynthesisItem] = []
        var keys: [PerspectiveKey] = []
        var names: [PerspectiveKey: LocalizedText] = [:]
        var sessionsOf: [PerspectiveKey: [String]] = [:]
        for s in mine {
            let key = PerspectiveKey(s.state.setup.perspective)
            if names[key] == nil {
                keys.append(key)
                switch key {
                case .workshop(let id):
                    names[key] = (workshop.perspective(id) ?? s.workshop.perspective(id))?.name ?? LocalizedText(id)
                case .custom(let name): names[key] = LocalizedText(name)
                }
            }
            sessionsOf[key, default: []].append(s.sessionId)
            // Sessions are in the stable order already; only each one's entries need sorting
            // (one sort of 100,000 items compared session ids over and over).
            // Entries in the order they were made: by time, and within one moment (an
            // imported batch) in the order folded, which is file order; never by id, as
            // ids sort as text ("-10" before "-2").
            var local: [(order: Int, item: SynthesisItem)] = []
            for (n, e) in s.state.entries.enumerated() where e.isLive && including?(e) ?? true {
                local.append((n,
                    SynthesisItem(
                        ref: EntryRef(sessionId: s.sessionId, entryId: e.id), perspective: key, entry: e,
                        author: s.hidesNames ? nil : e.author, sessionCreatedAt: s.state.createdAt,
                        holdsIn: e.kind == .insight ? scenarioIds.filter { e.holdsIn.contains($0) } : [], order: n)))
            }
            local.sort { ($0.item.entry.createdAt, $0.order) < ($1.item.entry.createdAt, $1.order) }
            items += local.map(\.item)
        }
        keys = orderedKeys(keys, workshop: workshop)

        // One pass sorts every item into its place, keeping the stable order within each.
        var insightsOf: [PerspectiveKey: [SynthesisItem]] = [:]
        var implicationsOf: [PerspectiveKey: [String: [SynthesisItem]]] = [:]
        var insightsFor: [String: [SynthesisItem]] = [:]
        for i in items {
            switch i.entry.kind {
            case .insight:
                insightsOf[i.perspective, default: []].append(i)
                for d in i.entry.directions { insightsFor[d, default: []].append(i) }
            case .implication:
                if let sc = i.entry.scenario { implicationsOf[i.perspective, default: [:]][sc, default: []].append(i) }
            default:
                continue
            }
        }

        var perspectives: [PerspectiveSummary] = []
        for key in keys {
            var summary = PerspectiveSummary(
                key: key, name: names[key]!, sessionIds: sessionsOf[key]!, koersvast: [], specific: [], open: [])
            for i in insightsOf[key] ?? [] {
                switch Robustness.of(i.entry, scenarios: scenarioIds) {
                case .koersvast: summary.koersvast.append(i)
                case .scenarioSpecific(let s): summary.specific.append(SpecificInsight(item: i, scenarios: s))
                case .open: summary.open.append(i)
                }
            }
            perspectives.append(summary)
        }

        let scenarios = workshop.scenarios.map { sc in
            ScenarioSummary(
                scenarioId: sc.id, title: sc.title,
                byPerspective: keys.map { k in (key: k, implications: implicationsOf[k]?[sc.id] ?? []) })
        }

        let directions = workshop.directions.map { d in
            DirectionSummary(directionId: d.id, title: d.title, insights: insightsFor[d.id] ?? [])
        }

        let insights = perspectives.flatMap { $0.koersvast + $0.specific.map(\.item) + $0.open }
        let matrix = perspectives.map { p in
            MatrixRow(
                key: p.key, name: p.name,
                cells: scenarios.map { sc in
                    let list = sc.byPerspective.first { $0.key == p.key }?.implications ?? []
                    return MatrixCell(
                        scenarioId: sc.scenarioId, count: list.count,
                        top: mostVoted(list, top))
                },
                koersvastCount: p.koersvast.count)
        }

        return Synthesis(
            workshop: workshop, sessionIds: mine.map(\.sessionId), perspectives: perspectives, scenarios: scenarios,
            directions: directions, shared: shared(insights, groups: groups, order: keys, scenarios: scenarioIds),
            matrix: matrix)
    }

    /// The `n` most-voted of a list in the stable order, and every one with votes tied with
    /// the `n`th: what sorting by votes gives, without sorting 25,000 implications for three.
    static func mostVoted(_ list: [SynthesisItem], _ n: Int) -> [SynthesisItem] {
        var best: [SynthesisItem] = []
        for i in list {
            if best.count == n, let last = best.last, i.entry.votes <= last.entry.votes { continue }
            best.insert(i, at: best.firstIndex { $0.entry.votes < i.entry.votes } ?? best.count)
            if best.count > n { best.removeLast() }
        }
        // Ties for the last place are kept (with votes): the room chose them equally.
        guard best.count == n, let cut = best.last?.entry.votes, cut > 0 else { return best }
        let chosen = Set(best.map(\.ref))
        return best + list.filter { $0.entry.votes == cut && !chosen.contains($0.ref) }
    }

    /// Workshop perspectives in workshop order, then custom ones in the order first seen
    /// (sessions are already in creation order).
    private static func orderedKeys(_ keys: [PerspectiveKey], workshop: Workshop) -> [PerspectiveKey] {
        let fromWorkshop = workshop.perspectives.map { PerspectiveKey.workshop($0.id) }.filter(keys.contains)
        return fromWorkshop + keys.filter { !fromWorkshop.contains($0) }
    }

    /// Insights shared by two or more groups: the organiser's groups, and identical texts among
    /// the rest; each with its reach, widest first.
    private static func shared(
        _ insights: [SynthesisItem], groups: [InsightGroup], order: [PerspectiveKey], scenarios: [String]
    ) -> [SharedInsight] {
        var byRef: [EntryRef: SynthesisItem] = [:]
        for i in insights { byRef[i.ref] = i }
        let totalVotes = insights.reduce(0) { $0 + $1.entry.votes }
        func reach(_ list: [SynthesisItem]) -> Reach {
            Reach.of(list, totalGroups: order.count, scenarios: scenarios, totalVotes: totalVotes)
        }
        func perspectives(_ list: [SynthesisItem]) -> [PerspectiveKey] {
            let set = Set(list.map(\.perspective))
            return order.filter(set.contains)
        }
        var result: [SharedInsight] = []
        var grouped = Set<EntryRef>()
        for g in groups.sorted(by: { $0.id < $1.id }) {
            let members = g.members.compactMap { byRef[$0] }.sorted(by: SynthesisItem.stable)
            grouped.formUnion(g.members)
            let ps = perspectives(members)
            if ps.count >= 2 {
                result.append(SharedInsight(
                    source: .group(id: g.id), label: g.label, perspectives: ps, items: members, reach: reach(members)))
            }
        }
        var byText: [String: [SynthesisItem]] = [:]
        var textOrder: [String] = []
        for i in insights where !grouped.contains(i.ref) {
            let key = TextFolding.fold(i.entry.text)
            if byText[key] == nil { textOrder.append(key) }
            byText[key, default: []].append(i)
        }
        for key in textOrder {
            let list = byText[key]!
            let ps = perspectives(list)
            if ps.count >= 2 {
                result.append(SharedInsight(
                    source: .exactMatch, label: list[0].entry.text, perspectives: ps, items: list, reach: reach(list)))
            }
        }
        // Widest reach first; equal reach keeps groups (by id) before identical texts.
        return result.enumerated().sorted { a, b in
            if Reach.wider(a.element.reach, b.element.reach) { return true }
            if Reach.wider(b.element.reach, a.element.reach) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}
