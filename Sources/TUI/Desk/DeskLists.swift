import Core

/// The desk's other two lists (this step's entries, the people and their names) and its
/// questions, drawn where the held entries are.
enum DeskLists {
    typealias Area = SessionView.Area

    static func entries(_ app: AppState, _ d: DeskState, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        let list = DeskEntries.list(d)
        let title = DeskText.entriesTitle[l] + " (\(list.count)) · " + DeskText.panels[l]
        let items = list.map { DeskView.lines($0, d, l, a.width - 4) }
        rows(items, selected: d.entrySelected, empty: DeskText.noEntries[l], title: title, a, into: &b)
    }

    static func people(_ app: AppState, _ d: DeskState, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        let list = DeskPeople.rows(d, l)
        let title = DeskText.peopleTitle[l] + " (\(list.count)) · " + DeskText.panels[l]
        let items = list.map { Wrap.lines(DeskPeople.line($0, d, l), width: max(10, a.width - 5)) }
        rows(items, selected: d.personSelected, empty: DeskText.nobody[l], title: title, a, into: &b)
    }

    /// Items of one or more lines each; the selected one stays in view, whole.
    static func rows(
        _ items: [[String]], selected: Int, empty: String, title: String, _ a: Area, into b: inout CellBuffer
    ) {
        b.box(x: a.x, y: a.y, width: a.width, height: a.height, style: Style(.frame), title: title)
        let inner = Area(x: a.x + 2, y: a.y + 1, width: a.width - 4, height: a.height - 2)
        guard !items.isEmpty else {
            b.paragraph(empty, x: inner.x, y: inner.y, width: inner.width, maxRows: inner.height, style: Style(.dim))
            return
        }
        let chosen = min(selected, items.count - 1)
        var first = chosen
        var used = items[chosen].count
        while first > 0, used + items[first - 1].count <= inner.height {
            used += items[first - 1].count
            first -= 1
        }
        var y = inner.y
        for i in first..<items.count where y < inner.y + inner.height {
            let style = i == chosen ? Style(.highlight, bold: true) : Style(.text)
            b.put(i == chosen ? "▶" : "•", x: inner.x - 1, y: y, style: style)
            for line in items[i] where y < inner.y + inner.height {
                b.put(line, x: inner.x + 1, y: y, style: style, maxWidth: inner.width - 1)
                y += 1
            }
        }
    }

    /// The question on the bottom line, its text input (a reason, a message) above it.
    static func question(_ app: AppState, _ d: DeskState, _ q: DeskQuestion, into b: inout CellBuffer) {
        let l = app.language
        let y = b.height - 1
        let style = Style(.warn, bold: true, reverse: true)
        b.fill(x: 0, y: y, width: b.width, height: 1, style: style)
        b.put(" " + Wrap.clip(DeskAsk.text(q, d, l), width: b.width - 2), x: 0, y: y, style: style)
        guard let input = q.typing else { return }
        b.fill(x: 0, y: y - 3, width: b.width, height: 3, style: Style(.text))
        b.box(x: 1, y: y - 3, width: b.width - 2, height: 3, style: Style(.highlight))
        let layout = input.layout(width: b.width - 6)
        b.put(layout.lines[layout.cursorRow], x: 3, y: y - 2, maxWidth: b.width - 6)
        b.cursor = (3 + layout.cursorColumn, y - 2)
    }
}
