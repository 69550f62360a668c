/// One ASCII character for any scalar, for a terminal whose system has no UTF-8 locale at
/// all: ncurses can then only show ASCII, and a dropped "é" or box line would be silent loss.
/// One cell stays one cell, so every screen keeps its layout.
public enum ASCIIFold {
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII { return s }
        if let mapped = symbols[s] { return mapped }
        if let letter = latinBase(s) { return letter }
        return "?"
    }

    /// Whole text, scalar by scalar (combining marks drop out: their letter is already shown).
    public static func fold(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark { continue }
            out.unicodeScalars.append(fold(s))
        }
        return out
    }

    /// "LATIN SMALL LETTER E WITH DIAERESIS" → "e": the Unicode name carries the base letter
    /// of every Latin letter (ë, ł, ø, ß as "SHARP S", ı as "DOTLESS I").
    static func latinBase(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        guard let name = s.properties.name, name.hasPrefix("LATIN ") else { return nil }
        let words = name.split(separator: " ")
        guard let letter = words.firstIndex(of: "LETTER") else { return nil }
        let end = words.firstIndex(of: "WITH") ?? words.endIndex
        guard letter + 1 < end, let base = words[(letter + 1)..<end].last(where: { $0.count == 1 }),
              let c = base.unicodeScalars.first, c.isASCII else { return nil }
        let small = words.contains("SMALL")
        return small ? Unicode.Scalar(c.value | 0x20)! : c
    }

    static let symbols: [Unicode.Scalar: Unicode.Scalar] = [
        "─": "-", "━": "-", "═": "=", "│": "|", "┃": "|", "║": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "╭": "+", "╮": "+", "╰": "+", "╯": "+",
        "█": "#", "▀": "\"", "▄": "_", "▌": "|", "▐": "|", "░": ":", "▒": ":", "▓": "#",
        "—": "-", "–": "-", "−": "-", "‐": "-", "·": ".", "•": "*", "●": "*", "○": "o", "◆": "*", "■": "#", "★": "*", "☆": "*",
        "…": ".", "×": "x", "↑": "^", "↓": "v", "→": ">", "←": "<", "▶": ">", "◀": "<", "▲": "^", "▼": "v",
        "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "′": "'", "″": "\"", "«": "\"", "»": "\"",
        "✓": "v", "✔": "v", "↻": "@", "⏱": "@", "⏸": "=", "\u{00A0}": " ", "€": "E", "°": "o",
        "Æ": "A", "æ": "a", "Œ": "O", "œ": "o", "ß": "s", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Þ": "T", "þ": "t",
    ]
}
