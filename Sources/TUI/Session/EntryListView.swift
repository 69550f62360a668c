import Core

/// The list of captured entries, drawn only as far as it is visible: with 2,000 entries in a
/// session a keystroke still wraps just the dozen on screen.
enum EntryListView {
    /// `marker` draws a prefix per entry (robustness ticks, votes); `detail` a suffix line.
    static func draw(
        _ app: AppState, _ s: SessionScreen, _ a: SessionView.Area, into b: inout CellBuffer,
        prefixWidth: Int = 0, prefix: ((Entry) -> (String, Style))? = nil
    ) {
        let l = app.language
        guard a.height > 0 else { return }
        let entries = IndexedEntries(all: s.state.entries, positions: s.visible)
        if entries.isEmpty {
            // "Press a" only where `a` can still add something.
            let empty = s.state.closed ? S.nothingClosed : s.isParticipant && !s.state.stepIsOpen(s.step.id) ? S.nothingStepClosed : S.noEntries
            b.paragraph(empty[l], x: a.x, y: a.y, width: a.width, maxRows: a.height, style: Style(.dim))
            return
        }
        let selected = min(s.selected, entries.count - 1)
        // The ↑/↓ counts get a gutter of their own on the right, so they never cover text;
        // it is taken only when the list does not fit.
        let gutter = 7
        var textWidth = a.width - 2 - prefixWidth
        var window = visibleRange(entries, s, l, selected: selected, height: a.height, textWidth: textWidth)
        if window.first > 0 || window.end < entries.count {
            textWidth -= gutter
            window = visibleRange(entries, s, l, selected: selected, height: a.height, textWidth: textWidth)
        }
        var y = a.y
        for i in window.first..<window.end where y < a.y + a.height {
            let e = entries[i]
            let isSelected = i == selected
            let style: Style = isSelected ? Style(.highlight, bold: true) : (e.status == .pending ? Style(.dim) : Style(.text))
            let ls = lines(e, s, l, selected: isSelected, textWidth: textWidth)
            b.put(isSelected ? "▶" : "•", x: a.x, y: y, style: isSelected ? Style(.highlight, bold: true) : Style(.accent))
            if let prefix {
                let (text, pstyle) = prefix(e)
                b.put(text, x: a.x + 2, y: y, style: pstyle, maxWidth: prefixWidth)
            }
            for (k, line) in ls.enumerated() where y + k < a.y + a.height {
                b.put(line, x: a.x + 2 + prefixWidth, y: y + k, style: style, maxWidth: textWidth)
            }
            y += ls.count
        }
        let markerX = a.x + a.width - gutter + 2
        if window.end < entries.count {
            b.put("↓ \(entries.count - window.end)", x: markerX, y: a.y + a.height - 1, style: Style(.dim), maxWidth: gutter - 2)
        }
        if window.first > 0 { b.put("↑ \(window.first)", x: markerX, y: a.y, style: Style(.dim), maxWidth: gutter - 2) }
    }

    /// An entry as wrapped lines: the selected one up to six, others two.
    static func lines(_ e: Entry, _ s: SessionScreen, _ l: Language, selected: Bool, textWidth: Int) -> [String] {
        var text = e.text
        if let author = shownAuthor(e, s, l) { text += " — " + author }
        if e.status == .pending { text += " (\(S.pending[l]))" }
        let all = Wrap.lines(text, width: textWidth)
        let limit = selected ? 6 : 2
        if all.count <= limit { return all }
        var cut = Array(all.prefix(limit))
        cut[limit - 1] = Wrap.clip(cut[limit - 1] + " …", width: textWidth)
        return cut
    }

    /// Which entries are on screen: walking back from the selection to keep it in view, then
    /// forward as far as the height allows (the last may be partly cut).
    static func visibleRange(_ entries: IndexedEntries, _ s: SessionScreen, _ l: Language, selected: Int, height: Int, textWidth: Int) -> (first: Int, end: Int) {
        var first = selected
        var used = lines(entries[selected], s, l, selected: true, textWidth: textWidth).count
        while first > 0 {
            let h = lines(entries[first - 1], s, l, selected: false, textWidth: textWidth).count
            if used + h > height / 2 + 1 { break }
            used += h
            first -= 1
        }
        var y = 0
        var end = first
        while end < entries.count && y < height {
            y += lines(entries[end], s, l, selected: end == selected, textWidth: textWidth).count
            end += 1
        }
        // At the end of the list (following the newest), older entries fill the rows above.
        while end == entries.count && first > 0 {
            let h = lines(entries[first - 1], s, l, selected: false, textWidth: textWidth).count
            if y + h > height { break }
            y += h
            first -= 1
        }
        return (first, end)
    }

    /// Names are hidden on the projector when the facilitator hides them or the session is anonymous.
    static func shownAuthor(_ e: Entry, _ s: SessionScreen, _ l: Language) -> String? {
        if s.state.hideNames || s.state.setup.anonymous { return nil }
        return e.author
    }
}

/// The visible entries without copying them: positions into the session's entry list.
struct IndexedEntries {
    let all: [Entry]
    let positions: [Int]
    var count: Int { positions.count }
    var isEmpty: Bool { positions.isEmpty }
    subscript(i: Int) -> Entry { all[positions[i]] }
}
