/// How many terminal columns a character takes: 0 (combining, control), 1, or 2 (East
/// Asian wide, most emoji). Control characters never reach the screen: they show as "·".
public enum DisplayWidth {
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 }  // shown as a placeholder
        if isZeroWidth(v) { return 0 }
        if isWide(v) || ch.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    public static func of(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars {
            guard isSimple(u.value) else { return s.reduce(0) { $0 + of($1) } }
            n += 1
        }
        return n
    }

    /// A scalar that is a whole character of one column whatever comes before it: nearly
    /// everything typed in Dutch or English, and the marks the screens use. When every scalar
    /// of a text is simple, it is drawn and measured scalar by scalar, without the grapheme
    /// breaking that a per-Character walk costs on every keystroke. A control character is
    /// simple too (it shows as "·"), except CR, which joins a following LF into one character.
    @inline(__always)
    static func isSimple(_ v: UInt32) -> Bool {
        v < 0x300 ? v != 0x0D : (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x2190...0x27BF).contains(v)
    }

    /// The scalar to draw for a character. Precomposed forms are used where they exist
    /// ("e" + combining diaeresis shows as "ë"); control characters become "·".
    public static func printable(_ ch: Character) -> Unicode.Scalar {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return " " }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return "·" }
        if scalars.count > 1, let composed = String(ch).precomposedSingleScalar { return composed }
        return first
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2060...0x2069).contains(v) || v == 0xFEFF || (0xFE00...0xFE0F).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}

extension String {
    /// The single precomposed scalar for a short combining sequence, if Unicode has one.
    var precomposedSingleScalar: Unicode.Scalar? {
        let table: [String: Unicode.Scalar] = [
            "e\u{308}": "ë", "i\u{308}": "ï", "o\u{308}": "ö", "u\u{308}": "ü", "a\u{308}": "ä",
            "e\u{301}": "é", "e\u{300}": "è", "a\u{301}": "á", "o\u{301}": "ó", "i\u{301}": "í", "u\u{301}": "ú",
            "E\u{308}": "Ë", "I\u{308}": "Ï", "O\u{308}": "Ö", "U\u{308}": "Ü", "E\u{301}": "É",
        ]
        return table[self]
    }
}
