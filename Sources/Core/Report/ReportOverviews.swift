/// The two overviews of the method: target group × scenario (how many implications), and
/// per target group the insight × scenario grid (■ where an insight holds).
extension PartBuilder {
    mutating func matrix() {
        heading(1, t.matrix)
        let header = [ReportDocument.capitalised(w.perspectiveTerm.plural[l])] + part.scenarios.map { $0.title[l] } + [t.koersvastInsights]
        add(.table(.init(kind: .matrix, header: header, rows: part.matrix.map { row in
            .init(cells: [.init(text: row.name[l])]
                + row.cells.map { c in
                    .init(text: String(c.count), items: c.top.map(PartBuilder.itemText), more: max(0, c.count - c.top.count))
                }
                + [.init(text: String(row.koersvastCount))])
        })))
        add(.remark(t.matrixLegend))
    }

    mutating func grids() {
        heading(1, t.gridTitle)
        add(.remark(t.gridLegend))
        let ids = w.scenarios.map(\.id)
        for p in part.perspectives {
            heading(2, p.name[l])
            let rows: [(SynthesisItem, Robustness)] =
                p.koersvast.map { ($0, .koersvast) } + p.specific.map { ($0.item, .scenarioSpecific($0.scenarios)) }
                + p.open.map { ($0, .open) }
            if rows.isEmpty {
                add(.remark(t.noInsightsYet))
                continue
            }
            let header = [t.insight] + w.scenarios.map { $0.title[l] } + [t.robustness]
            add(.table(.init(kind: .grid, header: header, rows: rows.map { (i, r) in
                var cells: [ReportDocument.Cell] = [.init(text: i.entry.text)]
                cells += ids.map { .init(text: i.holdsIn.contains($0) ? "■" : "") }
                cells.append(.init(text: t.robustnessWord(r)))
                if case .koersvast = r { return .init(cells: cells, marked: true) }
                return .init(cells: cells)
            })))
        }
        if part.perspectives.isEmpty { add(.remark(t.none)) }
    }
}
