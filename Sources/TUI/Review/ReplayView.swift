import Core

/// How a session unfolded: its events in fold order, one line each, and what the session
/// looked like after the selected one. Opened from the review with `t` (tijdlijn, timeline).
public struct ReplayState: Sendable {
    public var title: String
    public var workshop: Workshop
    public var steps: [ReplayStep]
    public var selected = 0

    public init(title: String, workshop: Workshop, steps: [ReplayStep]) {
        self.title = title
        self.workshop = workshop
        self.steps = steps
        selected = max(0, steps.count - 1)
    }
}

enum ReplayScreen {
    static func update(_ app: inout AppState, _ r: inout ReplayState, _ key: Key) -> [Effect] {
        switch key {
        case .up, .char("k"), .left: r.selected = max(0, r.selected - 1)
        case .down, .char("j"), .right: r.selected = min(max(0, r.steps.count - 1), r.selected + 1)
        case .pageUp: r.selected = max(0, r.selected - 10)
        case .pageDown: r.selected = min(max(0, r.steps.count - 1), r.selected + 10)
        case .home, .char("g"): r.selected = 0
        case .end, .char("G"): r.selected = max(0, r.steps.count - 1)
        case .char("q"), .escape:
            app.route = app.review.map { .review($0) } ?? .home(HomeState())
        default: break
        }
        return []
    }

    static func view(_ app: AppState, _ r: ReplayState, into b: inout CellBuffer) {
        let l = app.language
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.inverse))
        let head = (l == .nl ? " Tijdlijn · " : " Timeline · ") + r.title
        b.put(Wrap.clip(head, width: b.width - 12), x: 0, y: 0, style: Style(.inverse, bold: true))
        let position = "\(r.steps.isEmpty ? 0 : r.selected + 1)/\(r.steps.count) "
        b.put(position, x: b.width - DisplayWidth.of(position), y: 0, style: Style(.inverse))
        guard !r.steps.isEmpty else { return }
        // Left: the events around the selection. Right: the session after the selected one.
        let listWidth = b.width * 3 / 5
        let rows = b.height - 3
        let first = max(0, min(r.selected - rows / 2, r.steps.count - rows))
        for (row, i) in (first..<min(r.steps.count, first + rows)).enumerated() {
            let step = r.steps[i]
            let time = Clock.format(step.event.time + app.utcOffsetMs).suffix(5)
            let style = i == r.selected ? Style(.highlight, bold: true, reverse: true) : (step.applied ? Style(.text) : Style(.dim))
            let text = "\(time)  " + step.description[l]
            if i == r.selected { b.fill(x: 0, y: 2 + row, width: listWidth, height: 1, style: style) }
            b.put(Wrap.clip(text, width: listWidth - 2), x: 1, y: 2 + row, style: style)
        }
        b.vline(x: listWidth, y: 2, height: rows)
        let state = r.steps[r.selected].state
        let x = listWidth + 2
        let w = b.width - x - 1
        var y = 2
        let engine = Engine(workshop: r.workshop)
        let stepTitle = engine.currentStep(state)?.title[l] ?? "-"
        // The selected event whole: list lines are cut to the column.
        let time = Clock.format(r.steps[r.selected].event.time + app.utcOffsetMs)
        y += b.paragraph(time + " " + r.steps[r.selected].description[l], x: x, y: y, width: w, maxRows: 9, style: Style(.highlight, bold: true))
        y += 1
        b.put(Wrap.clip((l == .nl ? "Stap: " : "Step: ") + stepTitle, width: w), x: x, y: y, style: Style(.accent, bold: true))
        y += 2
        let live = state.liveEntries
        for kind in EntryKind.allCases {
            let n = live.filter { $0.kind == kind }.count
            b.put(Wrap.clip("\(S.kind(kind)[l]): \(n)", width: w), x: x, y: y)
            y += 1
        }
        let scenarios = r.workshop.scenarios.map(\.id)
        let koersvast = live.filter { $0.kind == .insight && Robustness.of($0, scenarios: scenarios) == .koersvast }.count
        b.put(Wrap.clip("\(S.koersvast[l]): \(koersvast)", width: w), x: x, y: y, style: Style(.good, bold: true))
        y += 1
        b.put(Wrap.clip(S.participantsJoined(l, "\(state.participants.count)"), width: w), x: x, y: y)
        y += 2
        for e in live.suffix(max(0, b.height - y - 2)) where y < b.height - 2 {
            y += b.paragraph("• " + e.text, x: x, y: y, width: w, maxRows: 1, style: Style(.dim))
        }
        Footer.draw(app, hint: l == .nl ? "↑↓ door de tijd · PgUp/PgDn 10 tegelijk · q terug" : "↑↓ through time · PgUp/PgDn ten at a time · q back", into: &b)
    }
}
