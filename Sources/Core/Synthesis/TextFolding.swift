/// Case- and diacritics-insensitive text for search and exact-match grouping, without
/// Foundation: Core has no Unicode normalisation, so Latin letters with diacritics are
/// mapped by a compact table (Latin-1 Supplement and Latin Extended-A), and any
/// combining marks (decomposed input) are dropped by their combining class.
public enum TextFolding {
    /// Lowercased, diacritics removed, runs of whitespace collapsed to one space, trimmed.
    /// Works on the UTF-8 bytes, with ASCII — nearly all of every text — and Latin letters
    /// handled without touching Unicode properties, because review folds every entry of
    /// every session: a hundred thousand texts at a time.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { fold(utf8: $0) }
    }

    private static func fold(utf8 src: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(src.count)
        var pendingSpace = false
        var i = 0
        while i < src.count {
            let b = src[i]
            if b < 0x80 {
                i += 1
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append((0x41...0x5A).contains(b) ? b + 32 : b)
                continue
            }
            // A valid String's UTF-8: the lead byte says how long the sequence is.
            let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            var v = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length { v = v << 6 | UInt32(src[i + k] & 0x3F) }
            i += length
            if v >= latinStart && v < latinStart + UInt32(latin.count), !latin[Int(v - latinStart)].isEmpty {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out += latin[Int(v - latinStart)]
                continue
            }
            let scalar = Unicode.Scalar(v)!
            if scalar.properties.canonicalCombiningClass != .notReordered { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out += String(scalar).lowercased().utf8
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

    /// Code points from U+00C0 on → folded lowercase bytes; empty: no table entry.
    private static let latinStart: UInt32 = 0xC0
    private static let latin: [[UInt8]] = {
        var t = [[UInt8]](repeating: [], count: 0x180 - 0xC0)
        // Latin-1 Supplement, U+00C0…U+00FF, in order; "" means "keep lowercased as is".
        let latin1: [String] = [
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // F0
        ]
        for (i, s) in latin1.enumerated() { t[i] = Array(s.utf8) }
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
        for (i, s) in extA.enumerated() { t[0x100 - 0xC0 + i] = Array(s.utf8) }
        return t
    }()
}
