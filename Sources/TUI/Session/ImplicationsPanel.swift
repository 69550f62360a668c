import Application
import Core

/// What the rounds produced, per scenario, on the insights step: the harvest's ★ top 3 of
/// each world, which the room synthesises from — whole, and every implication (full text,
/// scrollable) on the card.
enum ImplicationsPanel {
    static func implications(_ s: SessionScreen, _ scenario: String) -> [Entry] {
        s.state.entries.filter { $0.isLive && $0.kind == .implication && $0.scenario == scenario }
    }

    /// Draws each world's ★ top 3 from the harvest, whole (wrapped, never cut mid-text), in
    /// `rows` rows; returns the rows used. What does not fit is on the card (`n`), said so.
    static func draw(_ app: AppState, _ s: SessionScreen, x: Int, y: Int, width: Int, rows: Int, into b: inout CellBuffer) -> Int {
        let l = app.language
        let worlds = ParticipantView.harvest(s.workshop, s.state)
        guard rows >= 2, !worlds.isEmpty else { return 0 }
        b.put(Wrap.clip(S.harvestTop[l], width: width), x: x, y: y, style: Style(.dim, bold: true))
        let columns = width >= 100 ? 2 : 1
        let colWidth = width / columns
        let perColumn = (worlds.count + columns - 1) / columns
        var cut = false
        var used = 1
        // Each column flows: a world without dots takes one line, a top-3 insight all its lines.
        for c in 0..<columns {
            let cx = x + c * colWidth
            var row = 1
            for w in worlds.dropFirst(c * perColumn).prefix(perColumn) {
                guard row < rows else { cut = true; continue }
                let heading = "\(w.number) \(w.title[l])" + (w.top.isEmpty ? " " + S.harvestNoDots[l] : "")
                b.put(Wrap.clip(heading, width: colWidth - 1), x: cx, y: y + row, style: Style(w.top.isEmpty ? .dim : .accent, bold: !w.top.isEmpty))
                row += 1
                for text in w.top {
                    let lines = Wrap.lines("★ " + text, width: colWidth - 3)
                    // Whole or not at all: a top-3 insight cut short misleads the room.
                    guard row + lines.count <= rows else { cut = true; break }
                    for line in lines {
                        b.put(line, x: cx + 1, y: y + row, style: Style(.text))
                        row += 1
                    }
                }
            }
            used = max(used, row)
        }
        if cut {
            let more = S.allImplicationsOnCard[l]
            b.put(more, x: x + width - DisplayWidth.of(more), y: y, style: Style(.dim))
        }
        return min(rows, used)
    }

    /// The card's text: every implication of every scenario, whole.
    static func card(_ app: AppState, _ s: SessionScreen) -> [(String, Style)] {
        let l = app.language
        var out: [(String, Style)] = []
        for (i, sc) in s.workshop.scenarios.enumerated() {
            // The harvest's top 3 first (★), then the rest in the order they were written.
            let top = ParticipantView.harvestTop(s.state, scenario: sc.id)
            let list = top + implications(s, sc.id).filter { e in !top.contains { $0.id == e.id } }
            out.append(("\(i + 1) \(s.scenarioTitle(sc, l)) (\(list.count))", Style(.accent, bold: true)))
            for (k, e) in list.enumerated() {
                let author = EntryListView.shownAuthor(e, s, l).map { " — " + $0 } ?? ""
                out.append(((k < top.count ? "★ " : "· ") + e.text + author, Style(k < top.count ? .highlight : .text)))
            }
        }
        return out
    }
}
