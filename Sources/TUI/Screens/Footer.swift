/// The bottom line: a notice when there is one (errors stand out), else the key hints.
enum Footer {
    /// `short` is shown instead of `hint` when the screen is too narrow for it.
    static func draw(_ app: AppState, hint: String, short: String? = nil, into b: inout CellBuffer) {
        let hint = DisplayWidth.of(hint) > b.width - 2 ? short ?? hint : hint
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
}
