/// Block letters for the projector: five rows high, for step and scenario titles and the
/// timer when the terminal has room. Letters with diacritics use their base letter.
public enum BigText {
    public static let height = 5

    static let glyphs: [Character: [String]] = {
        // Each entry: the character, then its five rows separated by "|".
        let rows = [
            "A|▄▀▀▄|█▄▄█|█  █|█  █|▀  ▀",
            "B|█▀▀▄|█▄▄▀|█  █|█▄▄▀|▀▀▀ ",
            "C|▄▀▀▀|█   |█   |█   |▀▀▀▀",
            "D|█▀▀▄|█  █|█  █|█▄▄▀|▀▀▀ ",
            "E|█▀▀▀|█▄▄ |█   |█▄▄▄|▀▀▀▀",
            "F|█▀▀▀|█▄▄ |█   |█   |▀   ",
            "G|▄▀▀▀|█ ▄▄|█  █|█▄▄█|▀▀▀▀",
            "H|█  █|█▄▄█|█  █|█  █|▀  ▀",
            "I|▀█▀| █ | █ | █ |▀▀▀",
            "J|  ▀█|   █|   █|█▄▄▀|▀▀▀ ",
            "K|█  █|█▄▀ |█▀▄ |█  █|▀  ▀",
            "L|█   |█   |█   |█▄▄▄|▀▀▀▀",
            "M|█▄▄█|█▀▀█|█  █|█  █|▀  ▀",
            "N|█▄ █|█▀▄█|█ ▀█|█  █|▀  ▀",
            "O|▄▀▀▄|█  █|█  █|▀▄▄▀| ▀▀ ",
            "P|█▀▀▄|█▄▄▀|█   |█   |▀   ",
            "Q|▄▀▀▄|█  █|█  █|▀▄▄▀| ▀▀▄",
            "R|█▀▀▄|█▄▄▀|█▀▄ |█  █|▀  ▀",
            "S|▄▀▀▀|▀▄▄ |   █|▄▄▄▀|▀▀▀ ",
            "T|▀█▀| █ | █ | █ | ▀ ",
            "U|█  █|█  █|█  █|▀▄▄▀| ▀▀ ",
            "V|█  █|█  █|█  █|▀▄▄▀| ▀▀ ",
            "W|█  █|█  █|█▄▄█|█▀▀█|▀  ▀",
            "X|█  █|▀▄▄▀|▄▀▀▄|█  █|▀  ▀",
            "Y|█  █|▀▄▄▀| █  | █  | ▀  ",
            "Z|▀▀▀█|  ▄▀| ▄▀ |█▄▄▄|▀▀▀▀",
            "0|▄▀▀▄|█ ▄█|█▀ █|▀▄▄▀| ▀▀ ",
            "1|▄█ | █ | █ |▄█▄|▀▀▀",
            "2|▄▀▀▄|  ▄▀|▄▀  |█▄▄▄|▀▀▀▀",
            "3|▀▀▀█| ▄▄▀|   █|▄▄▄▀|▀▀▀ ",
            "4|█  █|█▄▄█|   █|   █|   ▀",
            "5|█▀▀▀|█▄▄ |   █|▄▄▄▀|▀▀▀ ",
            "6|▄▀▀ |█▄▄ |█  █|▀▄▄▀| ▀▀ ",
            "7|▀▀▀█|  ▄▀| █  | █  | ▀  ",
            "8|▄▀▀▄|▀▄▄▀|█  █|▀▄▄▀| ▀▀ ",
            "9|▄▀▀▄|▀▄▄█|   █|▄▄▄▀|▀▀▀ ",
            ":| |▄| |▄| ",
            "-|   |   |▀▀▀|   |   ",
            ".|  |  |  |▄ |▀ ",
            " |  |  |  |  |  ",
            "'|▀| | | | ",
            "!|█|█|█|▄|▀",
            "?|▄▀▀▄|  ▄▀| █  | ▄  | ▀  ",
            "+|   | ▄ |▀█▀| ▀ |   ",
        ]
        var table: [Character: [String]] = [:]
        for row in rows {
            let ch = row.first!
            table[ch] = row.dropFirst(2).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        return table
    }()

    static func base(_ ch: Character) -> Character {
        let upper = Character(String(ch).uppercased())
        if glyphs[upper] != nil { return upper }
        let map: [Character: Character] = [
            "Ë": "E", "É": "E", "È": "E", "Ê": "E", "Ï": "I", "Í": "I", "Ö": "O", "Ó": "O", "Ü": "U", "Ú": "U",
            "Ä": "A", "Á": "A", "À": "A", "Ç": "C", "Ñ": "N", "—": "-", "–": "-", "’": "'",
        ]
        return map[upper] ?? " "
    }

    /// Columns `text` takes in block letters (one blank column between letters).
    public static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + (glyphs[base($1)]?[0].count ?? 4) + 1 } - (text.isEmpty ? 0 : 1)
    }

    /// Draws `text` in block letters at (x, y); returns false (drawing nothing) if it does not fit.
    @discardableResult
    public static func draw(_ text: String, into buffer: inout CellBuffer, x: Int, y: Int, maxWidth: Int, style: Style) -> Bool {
        guard width(text) <= maxWidth, y + height <= buffer.height else { return false }
        var col = x
        for ch in text {
            let g = glyphs[base(ch)] ?? glyphs[" "]!
            for (row, line) in g.enumerated() { buffer.put(line, x: col, y: y + row, style: style) }
            col += g[0].count + 1
        }
        return true
    }
}

