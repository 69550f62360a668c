/// Text on its way to a terminal. `TextPolicy` cleans what people type before it is
/// saved; this is the last line of defence for everything printed, whatever its origin —
/// a hand-edited journal, a workshop file, an argument echoed in an error. Nothing that a
/// terminal would act on gets through: ESC and the other C0 controls, DEL, the C1 controls
/// (U+0080–U+009F; U+009B is a one-byte CSI on some terminals), bidirectional overrides and
/// isolates, and line or paragraph separators. Each is shown visibly as `\u{1B}`, so a
/// reader sees that something was there and a damage message still says what.
public enum TerminalText {
    /// `text` with every unsafe scalar escaped. Newlines (and tabs) are kept when
    /// `keepLineBreaks` is set — they are how a printer separates its own lines.
    /// A CR is kept only as the first half of a CRLF line break (a CSV's), never alone,
    /// where it would send the cursor back over what was printed.
    public static func safe(_ text: String, keepLineBreaks: Bool = true) -> String {
        // Nearly every line is plain: answer without building a new string.
        if text.unicodeScalars.allSatisfy({ isSafe($0, keepLineBreaks: keepLineBreaks) }) { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            let crlf = keepLineBreaks && u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
            if crlf || isSafe(u, keepLineBreaks: keepLineBreaks) {
                out.append(u)
            } else {
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// A value quoted inside a one-line message: in double quotes, every unsafe scalar and
    /// any line break escaped, and cut after `limit` characters so that a megabyte-long
    /// bad value does not become a megabyte-long message.
    public static func quoted(_ value: String, limit: Int = 80) -> String {
        let cut = value.count > limit ? String(value.prefix(limit)) + "…" : value
        return "\"" + safe(cut, keepLineBreaks: false) + "\""
    }

    /// True when `u` may reach a terminal as it is.
    public static func isSafe(_ u: Unicode.Scalar, keepLineBreaks: Bool = true) -> Bool {
        switch u.value {
        case 0x0A, 0x09: return keepLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return false
        // U+FEFF (a CSV's byte-order mark) is invisible and harmless; it stays.
        case 0x2028, 0x2029, 0xFFF9...0xFFFB: return false
        default: return true
        }
    }

    /// True when a file's text holds anything `TextPolicy` would not let someone type:
    /// the check that makes a workshop file with control characters fail validation.
    public static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { !TextPolicy.keep($0) || $0 == "\r" }
    }
}
