import Core

/// What the rounds produced, per scenario, on the insights step: the implications
/// themselves, which the room synthesises from — as many as fit, and all of them (full text,
/// scrollable) on the card.
enum ImplicationsPanel {
    static func implications(_ s: SessionScreen, _ scenario: String) -> [Entry] {
        s.state.entries.filter { $0.isLive && $0.kind == .implication && $0.scenario == scenario }
    }

    /// Draws the panel in `rows` rows; returns the rows used.
    static func draw(_ app: AppState, _ s: SessionScreen, x: Int, y: Int, width: Int, rows: Int, into b: inout CellBuffer) -> Int {
        let l = app.language
        let scenarios = s.workshop.scenarios
        guard rows >= 2, !scenarios.isEmpty else { return 0 }
        b.put(S.perScenario[l], x: x, y: y, style: Style(.dim, bold: true))
        let columns = width >= 100 ? 2 : 1
        let colWidth = width / columns
        let perColumn = (scenarios.count + columns - 1) / columns
        let rowsEach = max(1, (rows - 1) / perColumn)
        var cut = false
        for (i, sc) in scenarios.enumerated() {
            let list = implications(s, sc.id)
            let cx = x + (i / perColumn) * colWidth
            let cy = y + 1 + (i % perColumn) * rowsEach
            let heading = "\(i + 1) \(s.scenarioTitle(sc, l)) (\(list.count))"
            if rowsEach == 1 {
                // One row each: the heading and the first implication after it.
                let line = heading + (list.first.map { ": " + $0.text } ?? "")
                b.put(Wrap.clip(line, width: colWidth - 1), x: cx, y: cy, style: Style(.text))
                cut = cut || list.count > 1 || DisplayWidth.of(line) > colWidth - 1
                continue
            }
            b.put(Wrap.clip(heading, width: colWidth - 1), x: cx, y: cy, style: Style(.accent, bold: true))
            for (k, e) in list.prefix(rowsEach - 1).enumerated() {
                let line = "· " + e.text
                b.put(Wrap.clip(line, width: colWidth - 2), x: cx + 1, y: cy + 1 + k, style: Style(.text))
                cut = cut || DisplayWidth.of(line) > colWidth - 2
            }
            cut = cut || list.count > rowsEach - 1
        }
        if cut {
            let more = S.allImplicationsOnCard[l]
            b.put(more, x: x + width - DisplayWidth.of(more), y: y, style: Style(.dim))
        }
        return 1 + perColumn * rowsEach
    }

    /// The card's text: every implication of every scenario, whole.
    static func card(_ app: AppState, _ s: SessionScreen) -> [(String, Style)] {
        let l = app.language
        var out: [(String, Style)] = []
        for (i, sc) in s.workshop.scenarios.enumerated() {
            let list = implications(s, sc.id)
            out.append(("\(i + 1) \(s.scenarioTitle(sc, l)) (\(list.count))", Style(.accent, bold: true)))
            for e in list {
                let author = EntryListView.shownAuthor(e, s, l).map { " — " + $0 } ?? ""
                out.append(("· " + e.text + author, Style(.text)))
            }
        }
        return out
    }
}
