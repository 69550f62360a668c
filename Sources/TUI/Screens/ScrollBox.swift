import Core

/// A box over the screen whose lines scroll when they do not fit: the whole card (`n`) and
/// help (`?`). Nothing in it is ever out of reach; the ↑/↓ counts sit on the frame, never
/// over text.
enum ScrollBox {
    struct Line: Equatable {
        /// A key name drawn in its own column ("" under a key whose text wraps), or nil for
        /// text across the whole box.
        var key: String?
        var text: String
        var style: Style
    }

    struct Geometry {
        var x, y, width, height: Int
        /// Rows of text between the title row (plus a blank) and the bottom frame.
        var rows: Int { max(1, height - 4) }
        var keyColumn: Int { 12 }
        func textWidth(keyed: Bool) -> Int { width - 6 - (keyed ? keyColumn : 0) }
    }

    /// Paragraphs wrapped to the box; a blank line between them when `spaced`.
    static func wrap(_ paragraphs: [(String, Style)], width: Int, spaced: Bool) -> [Line] {
        var out: [Line] = []
        for (i, (text, style)) in paragraphs.enumerated() {
            if spaced && i > 0 { out.append(Line(key: nil, text: "", style: style)) }
            out += Wrap.lines(text, width: width).map { Line(key: nil, text: $0, style: style) }
        }
        return out
    }

    /// Key rows: the key once, its explanation wrapped below itself.
    static func keyed(_ rows: [(String, String)], width: Int) -> [Line] {
        rows.flatMap { key, text in
            Wrap.lines(text, width: width).enumerated().map { i, line in Line(key: i == 0 ? key : "", text: line, style: .plain) }
        }
    }

    static func maxOffset(_ count: Int, _ g: Geometry) -> Int { max(0, count - g.rows) }

    /// The offset after a scrolling key, or nil when the key does not scroll (it then closes
    /// the box as before) — also when everything fits and there is nothing to scroll.
    static func scrolled(_ offset: Int, by key: Key, count: Int, _ g: Geometry) -> Int? {
        let most = maxOffset(count, g)
        guard most > 0 else { return nil }
        let page = max(1, g.rows - 1)
        switch key {
        case .down, .char("j"): return min(most, offset + 1)
        case .up, .char("k"): return max(0, offset - 1)
        case .pageDown, .char(" "): return min(most, offset + page)
        case .pageUp: return max(0, offset - page)
        case .home, .char("g"): return 0
        case .end, .char("G"): return most
        default: return nil
        }
    }

    static func draw(title: String, lines: [Line], offset: Int, _ g: Geometry, language l: Language, into b: inout CellBuffer) {
        b.box(x: g.x, y: g.y, width: g.width, height: g.height, style: Style(.accent), title: title)
        let first = min(max(0, offset), maxOffset(lines.count, g))
        for (row, line) in lines.dropFirst(first).prefix(g.rows).enumerated() {
            let y = g.y + 2 + row
            if let key = line.key, !key.isEmpty { b.put(key, x: g.x + 3, y: y, style: Style(.highlight, bold: true), maxWidth: g.keyColumn - 1) }
            let keyed = line.key != nil
            b.put(line.text, x: g.x + 3 + (keyed ? g.keyColumn : 0), y: y, style: line.style, maxWidth: g.textWidth(keyed: keyed))
        }
        let below = lines.count - first - g.rows
        if first > 0 { b.put(" ↑ \(first) ", x: g.x + g.width - 10, y: g.y, style: Style(.dim)) }
        if below > 0 { b.put(" ↓ \(below) ", x: g.x + g.width - 10, y: g.y + g.height - 1, style: Style(.dim)) }
        let foot = first > 0 || below > 0 ? S.scrollOrClose[l] : S.helpClose[l]
        b.centred(" " + foot + " ", y: g.y + g.height - 1, x: g.x + 2, width: g.width - 14, style: Style(.dim))
    }
}
