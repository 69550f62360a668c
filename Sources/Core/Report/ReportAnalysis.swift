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
        heading(2, t.fitsNoDirection)
        let none = allInsights.filter { $0.entry.directions.isEmpty }
        add(none.isEmpty ? .remark(t.none) : .list(none.map { item($0, extra: name($0.perspective) + " · " + robustnessWord($0)) }))
    }

    /// What each world asks, for every group together: the insights that hold there.
    mutating func perScenarioAcross() {
        heading(1, t.perScenarioAcross(w.perspectiveTerm.plural[l]))
        add(.remark(t.perScenarioAcrossLegend))
        if let note = w.scenarioNote { add(.remark(note[l])) }
        for sc in part.scenarios {
            heading(2, sc.title[l])
            if let tagline = w.scenario(sc.scenarioId)?.tagline { add(.remark(tagline[l])) }
            let holding = allInsights.filter { $0.holdsIn.contains(sc.scenarioId) }
            let groups = Set(holding.map(\.perspective)).count
            add(.paragraph(t.holdingHere(holding.count, groups: groups, w.perspectiveTerm)))
            let specific = holding.filter { $0.holdsIn.count < w.scenarios.count }
            if !specific.isEmpty {
                heading(3, t.onlyInSome)
                add(.list(specific.map { i in
                    item(i, extra: name(i.perspective), marks: i.holdsIn.map(scenarioTitle), marksLabel: t.holdsIn)
                }))
            }
            let koersvast = holding.filter { $0.holdsIn.count == w.scenarios.count }
            if !koersvast.isEmpty {
                heading(3, t.koersvastShort)
                add(.list(koersvast.map { item($0, extra: name($0.perspective)) }))
            }
            let implications = sc.byPerspective.reduce(0) { $0 + $1.implications.count }
            add(.remark(t.implicationsHere(implications)))
        }
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
