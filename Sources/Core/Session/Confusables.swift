/// Letters of other scripts (and of wide and mathematical forms) that look like Latin ones,
/// folded to the Latin letter: "Аnna" with a Cyrillic А is the same name as "Anna".
/// A subset of Unicode's confusables list: the letters that print identically in the fonts of
/// terminals and phones, which is what lets one person pass for another.
enum Confusables {
    static func fold(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = u.value
        switch v {
        case 0xFF01...0xFF5E:
            // Fullwidth ASCII.
            return [Unicode.Scalar(v - 0xFF01 + 0x21)!]
        case 0x1D400...0x1D6A3:
            // Mathematical bold, italic, script, … letters: 52 per alphabet, A–Z then a–z.
            let i = (v - 0x1D400) % 52
            return [Unicode.Scalar(i < 26 ? 0x41 + i : 0x61 + i - 26)!]
        case 0x1D7CE...0x1D7FF:
            // Mathematical digits: 10 per style.
            return [Unicode.Scalar(0x30 + (v - 0x1D7CE) % 10)!]
        default:
            if let latin = table[v] { return Array(latin.unicodeScalars) }
            return [u]
        }
    }

    static let table: [UInt32: String] = {
        var t: [UInt32: String] = [:]
        // Cyrillic, capital and small.
        let cyrillic: [(UInt32, String)] = [
            (0x0410, "A"), (0x0430, "a"), (0x0412, "B"), (0x0432, "b"), (0x0415, "E"), (0x0435, "e"),
            (0x0401, "E\u{308}"), (0x0451, "e\u{308}"), (0x041A, "K"), (0x043A, "k"), (0x041C, "M"), (0x043C, "m"),
            (0x041D, "H"), (0x043D, "h"), (0x041E, "O"), (0x043E, "o"), (0x0420, "P"), (0x0440, "p"),
            (0x0421, "C"), (0x0441, "c"), (0x0422, "T"), (0x0442, "t"), (0x0423, "Y"), (0x0443, "y"),
            (0x0425, "X"), (0x0445, "x"), (0x0405, "S"), (0x0455, "s"), (0x0406, "I"), (0x0456, "i"),
            (0x0407, "I\u{308}"), (0x0457, "i\u{308}"), (0x0408, "J"), (0x0458, "j"), (0x051A, "Q"), (0x051B, "q"),
            (0x051C, "W"), (0x051D, "w"), (0x04BA, "H"), (0x04BB, "h"), (0x04AE, "Y"), (0x04AF, "y"),
            (0x04C0, "l"), (0x04CF, "l"), (0x0417, "3"), (0x0431, "6"),
        ]
        // Greek, capital and small.
        let greek: [(UInt32, String)] = [
            (0x0391, "A"), (0x03B1, "a"), (0x0392, "B"), (0x03B2, "b"), (0x0395, "E"), (0x03B5, "e"),
            (0x0396, "Z"), (0x0397, "H"), (0x0399, "I"), (0x03B9, "i"), (0x039A, "K"), (0x03BA, "k"),
            (0x039C, "M"), (0x039D, "N"), (0x03BD, "v"), (0x039F, "O"), (0x03BF, "o"), (0x03A1, "P"),
            (0x03C1, "p"), (0x03A4, "T"), (0x03C4, "t"), (0x03A5, "Y"), (0x03C5, "u"), (0x03A7, "X"),
            (0x03C7, "x"), (0x03F2, "c"), (0x03F9, "C"), (0x037F, "J"), (0x03F3, "j"),
        ]
        // Latin letters that print as another Latin letter.
        let latin: [(UInt32, String)] = [(0x0131, "i"), (0x0237, "j"), (0x0269, "i"), (0x026A, "I"), (0x1D00, "A")]
        for (k, v) in cyrillic + greek + latin { t[k] = v }
        return t
    }()
}
