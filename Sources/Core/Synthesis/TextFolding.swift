/// Case- and diacritics-insensitive text for search and exact-match grouping, without
/// Foundation: Core has no Unicode normalisation, so Latin letters with diacritics are
/// mapped by a compact table (Latin-1 Supplement and Latin Extended-A), and any
/// combining marks (decomposed input) are dropped by their combining class.
public enum TextFolding {
    /// Lowercased, diacritics removed, runs of whitespace collapsed to one space, trimmed.
    /// Works on UTF-8 bytes with a fast path for ASCII — nearly all of every text — because
    /// review folds every entry of every session: 100,000 texts took seconds per scalar.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ bytes: some Sequence<UInt8>) {
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: bytes)
        }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    pendingSpace = !out.isEmpty
                } else {
                    emit(CollectionOfOne((0x41...0x5A).contains(b) ? b + 32 : b))
                }
                continue
            }
            if scalar.properties.canonicalCombiningClass != .notReordered { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if let base = table[v] {
                emit(base.utf8)
            } else {
                emit(String(scalar).lowercased().utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when every word of `query` occurs in `text`, both folded. An empty query matches.
    public static func matches(query: String, text: String) -> Bool {
        let words = fold(query).split(separator: " ")
        if words.isEmpty { return true }
        let folded = fold(text)
        return words.allSatisfy { folded.contains($0) }
    }

    /// Code point → folded lowercase replacement.
    private static let table: [UInt32: String] = {
        var t: [UInt32: String] = [:]
        // Latin-1 Supplement, U+00C0…U+00FF, in order; "" means "keep lowercased as is".
        let latin1: [String] = [
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // F0
        ]
        for (i, s) in latin1.enumerated() where !s.isEmpty { t[0xC0 + UInt32(i)] = s }
        // Latin Extended-A, U+0100…U+017F: mostly upper/lower pairs of one base letter.
        let extA: [String] = [
            "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // 100
            "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // 110
            "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // 120
            "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 130
            "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // 140
            "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 150
            "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // 160
            "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // 170
        ]
        for (i, s) in extA.enumerated() { t[0x100 + UInt32(i)] = s }
        return t
    }()
}
