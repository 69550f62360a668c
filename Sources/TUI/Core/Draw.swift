/// Small drawing helpers shared by the screens.
extension CellBuffer {
    public mutating func hline(x: Int, y: Int, width: Int, style: Style = Style(.frame), char: Unicode.Scalar = "─") {
        fill(x: x, y: y, width: width, height: 1, style: style, char: char)
    }

    public mutating func vline(x: Int, y: Int, height: Int, style: Style = Style(.frame)) {
        fill(x: x, y: y, width: 1, height: height, style: style, char: "│")
    }

    public mutating func box(x: Int, y: Int, width: Int, height: Int, style: Style = Style(.frame), title: String? = nil) {
        guard width >= 2, height >= 2 else { return }
        fill(x: x, y: y, width: width, height: height)
        put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: style)
        for row in 1..<(height - 1) {
            put("│", x: x, y: y + row, style: style)
            put("│", x: x + width - 1, y: y + row, style: style)
        }
        put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: style)
        if let title { put(" \(Wrap.clip(title, width: width - 6)) ", x: x + 2, y: y, style: Style(.accent, bold: true)) }
    }

    /// Wrapped text in a rectangle; returns the rows used. Cut text ends in "…".
    @discardableResult
    public mutating func paragraph(_ text: String, x: Int, y: Int, width: Int, maxRows: Int, style: Style = .plain) -> Int {
        guard maxRows > 0, width > 0 else { return 0 }
        var lines = Wrap.lines(text, width: width)
        if lines.count > maxRows {
            lines = Array(lines.prefix(maxRows))
            lines[maxRows - 1] = Wrap.clip(lines[maxRows - 1] + " …", width: width)
            if !lines[maxRows - 1].hasSuffix("…") { lines[maxRows - 1] = Wrap.clip(lines[maxRows - 1], width: width - 1) + "…" }
        }
        for (i, line) in lines.enumerated() { put(line, x: x, y: y + i, style: style, maxWidth: width) }
        return lines.count
    }

    /// Centred text on one row.
    public mutating func centred(_ text: String, y: Int, x: Int = 0, width: Int? = nil, style: Style = .plain) {
        let w = width ?? self.width
        let clipped = Wrap.clip(text, width: w)
        put(clipped, x: x + max(0, (w - DisplayWidth.of(clipped)) / 2), y: y, style: style)
    }
}
