/// What typed text may contain. Applied at the engine's door, so the store, the screen and
/// every export only ever see clean text: anything may be typed in any script, but control
/// characters (except newline and tab), escape sequences and bidirectional overrides are
/// stripped — they could repaint a terminal or reverse text on the projector.
public enum TextPolicy {
    public static let maxCharacters = 2000
    /// Unicode scalars and UTF-8 bytes: 2,000 characters as the eye counts them may hide
    /// thousands of combining marks each; these bound what an entry costs to store and draw.
    public static let maxScalars = 6000
    public static let maxBytes = 16000

    /// Whether cleaned `text` is within every limit.
    public static func fits(_ text: String) -> Bool {
        text.utf8.count <= maxBytes && text.unicodeScalars.count <= maxScalars && text.count <= maxCharacters
    }

    /// Why a saved change (from a pack) holds text a participant could not have typed, or nil.
    public static func packRefusal(_ change: Change) -> String? {
        let text: String
        switch change {
        case .entryAdded(let e): text = e.text
        case .entryEdited(_, let t): text = t
        default: return nil
        }
        if !fits(text) { return "an entry's text is longer than \(maxCharacters) characters (or \(maxBytes) bytes)" }
        if clean(text) != text { return "an entry's text holds control characters or escape sequences" }
        return nil
    }

    /// Combining marks one character may carry: scripts stack a few; thousands (a "Zalgo"
    /// paste) only make every redraw break graphemes for nothing. Further marks are dropped.
    public static let maxMarksPerCharacter = 5

    public static func clean(_ text: String) -> String {
        // Text read back from a file was cleaned when typed: check before rebuilding it.
        if text.unicodeScalars.allSatisfy({ keep($0) && $0 != "\r" }) && marksWithinBound(text) { return trimmed(text) }
        var scalars = String.UnicodeScalarView()
        var it = text.unicodeScalars.makeIterator()
        var marks = 0
        while let u = it.next() {
            if u == "\u{1B}" {
                // Drop a whole CSI/OSC escape sequence, not just the ESC byte.
                skipEscape(&it)
                continue
            }
            guard keep(u) else { continue }
            if isMark(u) {
                marks += 1
                if marks > maxMarksPerCharacter { continue }
            } else {
                marks = 0
            }
            scalars.append(u)
        }
        var s = String(scalars)
        s = s.replacingCRLF()
        return String(s.trimmingSpaces)
    }

    static func isMark(_ u: Unicode.Scalar) -> Bool {
        guard u.value >= 0x300 else { return false }
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// No run of more than `maxMarksPerCharacter` combining marks.
    static func marksWithinBound(_ text: String) -> Bool {
        var marks = 0
        for u in text.unicodeScalars {
            if isMark(u) {
                marks += 1
                if marks > maxMarksPerCharacter { return false }
            } else {
                marks = 0
            }
        }
        return true
    }

    static func keep(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A: return true
        case 0x0D: return true  // normalised to \n below
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return false
        case 0xFFF9...0xFFFB, 0xFEFF: return false
        default: return true
        }
    }

    /// `text` itself when there is nothing to trim: no copy for the common case on load.
    static func trimmed(_ text: String) -> String {
        guard let f = text.unicodeScalars.first, let l = text.unicodeScalars.last else { return text }
        if !f.properties.isWhitespace && !l.properties.isWhitespace { return text }
        return String(text.trimmingSpaces)
    }

    static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) {
        guard let next = it.next() else { return }
        switch next {
        case "[":
            // CSI: parameters then one final byte in 0x40–0x7E.
            while let u = it.next(), !(0x40...0x7E).contains(u.value) {}
        case "]", "P", "_", "^":
            // OSC/DCS/APC/PM: up to BEL or ESC \.
            while let u = it.next() {
                if u == "\u{07}" { break }
                if u == "\u{1B}" { _ = it.next(); break }
            }
        default:
            break  // a two-character escape: ESC plus one
        }
    }

    /// Single-line forms (names, titles): newlines and tabs become spaces.
    public static func cleanLine(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { keep($0) && $0 != "\r" && $0 != "\n" && $0 != "\t" }
        if plain && marksWithinBound(text) {
            return trimmed(text)
        }
        return clean(text).split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

extension String {
    func replacingCRLF() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in unicodeScalars {
            if u == "\r" { out.append("\n"); previousCR = true; continue }
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(u)
        }
        return String(out)
    }
}
