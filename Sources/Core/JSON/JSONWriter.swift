/// Writes JSON compactly (one line, for journals) or indented (for files people read).
/// Strings are escaped so that the output is always valid, whatever was typed.
public enum JSONWriter {
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(value, into: &out, indent: nil, level: 0)
        return out
    }

    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: "  ", level: 0)
        out.append("\n")
        return out
    }

    static func write(_ value: JSONValue, into out: inout String, indent: String?, level: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(formatNumber(n))
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append("]")
        case .object(let o):
            if o.isEmpty { out.append("{}"); return }
            out.append("{")
            for (i, pair) in o.pairs.enumerated() {
                if i > 0 { out.append(",") }
                newline(&out, indent, level + 1)
                writeString(pair.key, into: &out)
                out.append(indent == nil ? ":" : ": ")
                write(pair.value, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append("}")
        }
    }

    static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out.append("\n")
        for _ in 0..<level { out.append(indent) }
    }

    static func formatNumber(_ n: Double) -> String {
        if n.rounded() == n, abs(n) < 9.0e15 { return String(Int64(n)) }
        return n.isFinite ? "\(n)" : "null"
    }

    static let hex: [Character] = Array("0123456789abcdef")

    public static func writeString(_ s: String, into out: inout String) {
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            default:
                // C1 and bidi controls too: the JSON stays valid and is safe on a terminal.
                if u.value < 0x20 || (u.value >= 0x7F && !TerminalText.isSafe(u)) {
                    let v = Int(u.value)
                    out.append("\\u")
                    out.append(hex[(v >> 12) & 0xF])
                    out.append(hex[(v >> 8) & 0xF])
                    out.append(hex[(v >> 4) & 0xF])
                    out.append(hex[v & 0xF])
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append("\"")
    }
}
