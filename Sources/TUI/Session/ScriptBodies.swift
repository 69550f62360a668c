import Core

/// The steps that pace a session: the break and the harvest (the room's top 3 per scenario).
enum ScriptBodies {
    typealias Area = SessionView.Area

    static func pause(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y + max(0, a.height / 4 - 2)
        let left = s.remainingMs(now: app.now)
        let time = left > 0 ? S.breakLeft(l, SessionView.clock(left)) : S.breakOver[l]
        b.centred(time, y: y, x: a.x, width: a.width, style: Style(left > 0 ? .highlight : .warn, bold: true))
        y += 2
        // The countdown in block letters, readable from the back of the room (and the coffee).
        let big = SessionView.clock(max(0, left))
        let bigWidth = BigText.width(big)
        if a.y + a.height - y >= BigText.height + 4,
            BigText.draw(big, into: &b, x: a.x + max(0, (a.width - bigWidth) / 2), y: y, maxWidth: a.width, style: Style(left > 0 ? .good : .warn, bold: true)) {
            y += BigText.height + 1
        }
        for p in s.step.prompts where y < a.y + a.height - 2 {
            y += b.paragraph(p[l], x: a.x + 2, y: y, width: a.width - 4, maxRows: 3, style: Style(.text))
        }
        if s.stepIndex + 1 < s.workshop.steps.count {
            let next = s.workshop.steps[s.stepIndex + 1]
            b.centred(Wrap.clip(S.nextStep[l] + ": " + next.title[l], width: a.width), y: y + 1, x: a.x, width: a.width, style: Style(.dim))
        }
    }

    static func top(_ entries: [Entry], scenario: String, _ n: Int = 3) -> Set<String> {
        StepEntries.top(entries, scenario: scenario, n)
    }

    static func harvest(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        y += StepView.prompts(app, s, a, maxRows: StepView.promptRows(app, s, width: a.width), into: &b)
        y += b.paragraph(S.harvestKeys[l], x: a.x, y: y, width: a.width, maxRows: 3, style: Style(.highlight))
        let list = s.visibleEntries
        var top = Set<String>()
        let perRow = a.width >= 100 ? 4 : 2
        let colWidth = a.width / perRow
        for (i, sc) in s.workshop.scenarios.enumerated() {
            let chosen = Self.top(list, scenario: sc.id)
            top.formUnion(chosen)
            let n = list.filter { $0.scenario == sc.id }.count
            let text = "\(i + 1) \(s.scenarioTitle(sc, l)): ★\(chosen.count)/\(n)"
            b.put(Wrap.clip(text, width: colWidth - 1), x: a.x + (i % perRow) * colWidth, y: y + i / perRow, style: Style(.dim))
        }
        y += (s.workshop.scenarios.count + perRow - 1) / perRow
        b.hline(x: a.x, y: y, width: a.width)
        let notes = list.filter { $0.kind == .note }.count
        b.put(" \(S.implications[l]): \(list.count - notes) · \(S.notes[l]): \(notes) ", x: a.x + 1, y: y, style: Style(.accent, bold: true))
        y += 1
        let number = Dictionary(uniqueKeysWithValues: s.workshop.scenarios.enumerated().map { ($0.element.id, $0.offset + 1) })
        EntryListView.draw(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b, prefixWidth: 10) { e in
            // The room's observations: typed here with `a`, not chosen from.
            if e.kind == .note { return ("  ✎", Style(.accent)) }
            let n = e.scenario.flatMap { number[$0] }.map(String.init) ?? "–"
            // Every dot here is the room's: ○, as on the voting screen.
            let dots = e.votes <= 4 ? String(repeating: "○", count: e.votes) : "\(e.votes)○"
            let chosen = top.contains(e.id)
            return (n + " " + (chosen ? "★" : " ") + " " + dots, chosen ? Style(.good, bold: true) : Style(.dim))
        }
    }
}
