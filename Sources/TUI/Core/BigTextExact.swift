/// Block letters that keep the case of what people must type: the join line
/// `ssh -p 2222 zaal@192.168.1.20` cannot turn into capitals on the projector (`-P` is another
/// ssh option). Only the characters such a line needs; anything else is drawn as plain text.
extension BigText {
    static let exactGlyphs: [Character: [String]] = {
        let rows = [
            "a|    |▄▄▄ |▄▄▄█|█  █|▀▀▀▀",
            "h|█   |█▄▄ |█  █|█  █|▀  ▀",
            "l|▀█ | █ | █ | █ | ▀▀",
            "p|    |▄▄▄ |█  █|█▄▄▀|█   ",
            "s|    |▄▀▀▀|▀▄▄ |▄▄▄▀|▀▀▀ ",
            "z|    |▄▄▄▄|  ▄▀|▄▀  |▀▀▀▀",
            "@|▄▀▀▀▄|█ ▄▄█|█ ▀▀▀|▀▄▄▄ |     ",
            "/|   █|  █ | █  |█   |▀   ",
        ]
        var table: [Character: [String]] = [:]
        for row in rows {
            table[row.first!] = row.dropFirst(2).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        return table
    }()

    static func exactGlyph(_ ch: Character) -> [String]? {
        if let g = exactGlyphs[ch] { return g }
        // Digits and punctuation have one case: the shared table serves them.
        if ch.isNumber || ch == "." || ch == "-" || ch == " " || ch == ":" { return glyphs[ch] }
        return nil
    }

    /// Columns `text` takes in case-keeping block letters, or nil when a character has none.
    public static func exactWidth(_ text: String) -> Int? {
        var w = 0
        for ch in text {
            guard let g = exactGlyph(ch) else { return nil }
            w += g[0].count + 1
        }
        return max(0, w - 1)
    }

    /// Draws `text` in case-keeping block letters; false (nothing drawn) when it does not fit
    /// or a character has no glyph.
    @discardableResult
    public static func drawExact(_ text: String, into buffer: inout CellBuffer, x: Int, y: Int, maxWidth: Int, style: Style) -> Bool {
        guard let w = exactWidth(text), w <= maxWidth, y + height <= buffer.height else { return false }
        var col = x
        for ch in text {
            let g = exactGlyph(ch)!
            for (row, line) in g.enumerated() { buffer.put(line, x: col, y: y + row, style: style) }
            col += g[0].count + 1
        }
        return true
    }
}
