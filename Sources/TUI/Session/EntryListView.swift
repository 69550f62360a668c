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
        let textWidth = a.width - 2 - prefixWidth
        func lines(_ i: Int) -> [String] {
            let e = entries[i]
            var text = e.text
            if let author = shownAuthor(e, s, l) { text += " — " + author }
            if e.status == .pending { text += " (\(S.pending[l]))" }
            let all = Wrap.lines(text, width: textWidth)
            let limit = i == selected ? 6 : 2
            if all.count <= limit { return all }
            var cut = Array(all.prefix(limit))
            cut[limit - 1] = Wrap.clip(cut[limit - 1] + " …", width: textWidth)
            return cut
        }
        // Walk back from the selection to find the first entry that keeps it in view.
        var first = selected
        var used = lines(selected).count
        while first > 0 {
            let h = lines(first - 1).count
            if used + h > a.height / 2 + 1 { break }
            used += h
            first -= 1
        }
        var y = a.y
        var i = first
        while i < entries.count && y < a.y + a.height {
            let e = entries[i]
            let isSelected = i == selected
            let style: Style = isSelected ? Style(.highlight, bold: true) : (e.status == .pending ? Style(.dim) : Style(.text))
            let ls = lines(i)
            b.put(isSelected ? "▶" : "•", x: a.x, y: y, style: isSelected ? Style(.highlight, bold: true) : Style(.accent))
            if let prefix {
                let (text, pstyle) = prefix(e)
                b.put(text, x: a.x + 2, y: y, style: pstyle, maxWidth: prefixWidth)
            }
            for (k, line) in ls.enumerated() where y + k < a.y + a.height {
                b.put(line, x: a.x + 2 + prefixWidth, y: y + k, style: style, maxWidth: textWidth)
            }
            y += ls.count
            i += 1
        }
        if i < entries.count {
            b.put("↓ \(entries.count - i)", x: a.x + a.width - 6, y: a.y + a.height - 1, style: Style(.dim))
        }
        if first > 0 { b.put("↑ \(first)", x: a.x + a.width - 6, y: a.y, style: Style(.dim)) }
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
