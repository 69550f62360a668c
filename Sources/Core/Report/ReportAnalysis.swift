/// The analysis across groups: per development direction (koersvast apart from
/// scenario-specific, and what fits none), per scenario for all groups, and the overviews
/// with their figures.
extension PartBuilder {
    var allInsights: [SynthesisItem] { part.perspectives.flatMap { p in p.koersvast + p.specific.map(\.item) + p.open } }

    mutating func perDirectionSplit() {
        heading(1, t.directions)
        add(.remark(t.directionsLegend))
        let ids = w.scenarios.map(\.id)
        for d in part.directions {
            heading(2, directionTitle(d))
            if let gist = w.direction(d.directionId)?.gist { add(.remark(gist[l])) }
            if d.insights.isEmpty {
                add(.remark(t.noInsights))
                continue
            }
            var koersvast: [ReportDocument.Item] = []
            var specific: [ReportDocument.Item] = []
            var open: [ReportDocument.Item] = []
            for i in d.insights {
                switch Robustness.of(i.entry, scenarios: ids) {
                case .koersvast: koersvast.append(item(i, extra: name(i.perspective)))
                case .scenarioSpecific(let s): specific.append(item(i, extra: name(i.perspective), marks: s.map(scenarioTitle), marksLabel: t.holdsIn))
                case .open: open.append(item(i, extra: name(i.perspective)))
                }
            }
            for (title, list) in [(t.koersvastShort, koersvast), (t.scenarioSpecific, specific), (t.notJudged, open)] where !list.isEmpty {
                heading(3, title + " (\(list.count))")
                add(.list(list))
            }
        }
        // Not judged is not "fits none": most insights were never discussed against the
        // worlds, and a list of them must not read as a call for a new direction.
        heading(2, t.fitsNoDirection)
        let none = allInsights.filter { $0.entry.directions.isEmpty && !$0.holdsIn.isEmpty }
        add(none.isEmpty ? .remark(t.none) : .list(none.map { item($0, extra: name($0.perspective) + " · " + robustnessWord($0)) }))
        let open = allInsights.filter { $0.entry.directions.isEmpty && $0.holdsIn.isEmpty }
        if !open.isEmpty {
            heading(2, t.notJudgedApart + " (\(open.count))")
            if report.options.short {
                add(.remark(t.notJudgedInFull))
            } else {
                add(.list(open.map { item($0, extra: name($0.perspective)) }))
            }
        }
    }

    /// Per world only what differs: koersvast is said once, each world lists only the
    /// insights that hold there and not everywhere, and a 2×2 shows each world's strongest.
    mutating func perScenarioAcross() {
        heading(1, t.perWorld(w.perspectiveTerm.plural[l]))
        let all = w.scenarios.count
        let koersvast = allInsights.filter { $0.holdsIn.count == all }
        add(.remark(t.koersvastOnce(koersvast.count)))
        if let note = w.scenarioNote { add(.remark(note[l])) }
        let specific = allInsights.filter { !$0.holdsIn.isEmpty && $0.holdsIn.count < all }
        if let q = quadrant(lines: { s in
            let here = specific.filter { $0.holdsIn.contains(s.id) }
            guard let top = here.sorted(by: SynthesisItem.byVotes).first else { return [t.none] }
            let votes = top.entry.votes > 0 ? " · " + t.votesCount(top.entry.votes) : ""
            return PartBuilder.wrap(top.entry.text, width: 42, lines: 5) + [name(top.perspective) + votes]
        }) {
            add(.figure(.quadrant(q, caption: t.worldAsksCaption)))
        }
        for sc in part.scenarios {
            heading(2, sc.title[l])
            if let tagline = w.scenario(sc.scenarioId)?.tagline { add(.remark(tagline[l])) }
            let here = specific.filter { $0.holdsIn.contains(sc.scenarioId) }.sorted(by: SynthesisItem.byVotes)
            add(here.isEmpty ? .remark(t.nothingSpecific) : .list(here.map { i in
                item(i, extra: name(i.perspective), marks: i.holdsIn.map(scenarioTitle), marksLabel: t.holdsIn)
            }))
            let implications = sc.byPerspective.reduce(0) { $0 + $1.implications.count }
            add(.remark(t.implicationsHere(implications)))
        }
    }

    /// Words into lines of at most `width` characters, at most `lines` of them (the last
    /// ending in "…" when cut): SVG text does not wrap by itself.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                out.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { out.append(line) }
        if out.count > lines {
            out = Array(out.prefix(lines))
            out[lines - 1] = String(out[lines - 1].prefix(width - 1)) + "…"
        }
        return out
    }

    mutating func overviews() {
        heading(1, t.figures)
        if let q = quadrant(lines: { s in
            part.matrix.map { row in row.name[l] + ": " + String(row.cells.first { $0.scenarioId == s.id }?.count ?? 0) }
        }) {
            add(.figure(.quadrant(q, caption: t.quadrantCaption)))
        }
        let ids = w.scenarios.map(\.id)
        let values = part.perspectives.map { p in
            ids.map { id in (p.koersvast + p.specific.map(\.item)).filter { $0.holdsIn.contains(id) }.count }
        }
        if !part.perspectives.isEmpty {
            add(.figure(.heatmap(
                rows: part.perspectives.map { $0.name[l] }, columns: ids.map(scenarioTitle), values: values, caption: t.heatmapCaption)))
        }
        matrix()
        grids()
    }

    mutating func annexes() {
        unreviewedProposals()
        perScenario()
        perPerspective()
        otherInput()
    }
}
