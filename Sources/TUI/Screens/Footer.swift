/// The bottom line: a notice when there is one (errors stand out), else the key hints.
enum Footer {
    /// `short` is shown instead of `hint` when the screen is too narrow for it.
    static func draw(_ app: AppState, hint: String, short: String? = nil, into b: inout CellBuffer) {
        let hint = fitted(DisplayWidth.of(hint) > b.width - 2 ? short ?? hint : hint, width: b.width - 2)
        let y = b.height - 1
        b.fill(x: 0, y: y, width: b.width, height: 1, style: Style(.inverse))
        if let n = app.notice {
            let style = n.kind == .error ? Style(.bad, bold: true, reverse: true) : Style(.inverse, bold: true)
            b.fill(x: 0, y: y, width: b.width, height: 1, style: style)
            b.put(" " + Wrap.clip(n.text, width: b.width - 2), x: 0, y: y, style: style)
        } else {
            b.put(" " + Wrap.clip(hint, width: b.width - 2), x: 0, y: y, style: Style(.inverse))
        }
    }

    /// Key hints ("a · b · ? help · q stop") cut to `width` by dropping whole hints from the
    /// right, never the one for `?`: it lists every key, so it is the way to all the others.
    static func fitted(_ hint: String, width: Int) -> String {
        guard DisplayWidth.of(hint) > width else { return hint }
        var parts = hint.split(separator: " · ").map(String.init)
        while parts.count > 1, DisplayWidth.of(parts.joined(separator: " · ")) > width {
            guard let drop = parts.lastIndex(where: { !$0.hasPrefix("?") }) else { break }
            parts.remove(at: drop)
        }
        return parts.joined(separator: " · ")
    }
}
