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
        case 0xAB70...0xABBF:
            // Cherokee small letters look as their capitals do.
            return fold(Unicode.Scalar(0x13A0 + v - 0xAB70)!)
        default:
            if let latin = table[v] { return Array(latin.unicodeScalars) }
            return [u]
        }
    }

    /// Characters that print as nothing but are neither spaces nor ignorable (the Braille
    /// blank): a name compares as if they were spaces.
    static func looksBlank(_ u: Unicode.Scalar) -> Bool { u.value == 0x2800 }

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
        // Latin letters that print as another Latin letter (small capitals among them).
        let latin: [(UInt32, String)] = [
            (0x0131, "i"), (0x0237, "j"), (0x0269, "i"), (0x026A, "I"), (0x1D00, "A"), (0x0251, "a"), (0x0261, "g"),
            (0x1D04, "c"), (0x1D0F, "o"), (0x1D1C, "u"), (0x1D20, "v"), (0x1D21, "w"), (0x1D22, "z"), (0xA731, "s"),
        ]
        // Cherokee capitals that are Latin capitals in every font.
        let cherokee: [(UInt32, String)] = [
            (0x13A0, "D"), (0x13A1, "R"), (0x13A2, "T"), (0x13A9, "Y"), (0x13AA, "A"), (0x13AB, "J"), (0x13AC, "E"),
            (0x13B3, "W"), (0x13B7, "M"), (0x13BB, "H"), (0x13C0, "G"), (0x13C2, "h"), (0x13C3, "Z"), (0x13CF, "b"),
            (0x13D2, "R"), (0x13D4, "W"), (0x13D5, "S"), (0x13D9, "V"), (0x13DA, "S"), (0x13DE, "L"), (0x13DF, "C"),
            (0x13E2, "P"), (0x13E6, "K"), (0x13F4, "B"),
        ]
        // Lisu letters drawn as Latin capitals.
        let lisu: [(UInt32, String)] = [
            (0xA4D0, "B"), (0xA4D1, "P"), (0xA4D2, "d"), (0xA4D3, "D"), (0xA4D4, "T"), (0xA4D6, "G"), (0xA4D7, "K"),
            (0xA4D9, "J"), (0xA4DA, "C"), (0xA4DC, "Z"), (0xA4DD, "F"), (0xA4DF, "M"), (0xA4E0, "N"), (0xA4E1, "L"),
            (0xA4E2, "S"), (0xA4E3, "R"), (0xA4E6, "V"), (0xA4E7, "H"), (0xA4EA, "W"), (0xA4EB, "X"), (0xA4EC, "Y"),
            (0xA4EE, "A"), (0xA4F0, "E"), (0xA4F2, "I"), (0xA4F3, "O"), (0xA4F4, "U"),
        ]
        // Coptic, capital and small.
        let coptic: [(UInt32, String)] = [
            (0x2C80, "A"), (0x2C81, "a"), (0x2C82, "B"), (0x2C8C, "Z"), (0x2C8E, "H"), (0x2C92, "I"), (0x2C93, "i"),
            (0x2C94, "K"), (0x2C95, "k"), (0x2C98, "M"), (0x2C9A, "N"), (0x2C9E, "O"), (0x2C9F, "o"), (0x2CA2, "P"),
            (0x2CA3, "p"), (0x2CA4, "C"), (0x2CA5, "c"), (0x2CA6, "T"), (0x2CA8, "Y"), (0x2CAC, "X"), (0x2CAD, "x"),
        ]
        // Armenian letters that pass for Latin ones.
        let armenian: [(UInt32, String)] = [
            (0x0578, "n"), (0x057D, "u"), (0x0585, "o"), (0x0555, "O"), (0x054D, "U"), (0x054F, "S"), (0x0570, "h"),
            (0x0566, "q"), (0x0581, "g"),
        ]
        for (k, v) in cyrillic + greek + latin + cherokee + lisu + coptic + armenian { t[k] = v }
        return t
    }()
}
