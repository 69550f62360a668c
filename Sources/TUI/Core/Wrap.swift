/// Word wrapping by display columns. Text typed by anyone is data: tabs become spaces,
/// other control characters are shown as "·" by `DisplayWidth`, and a word longer than
/// the line is broken, so nothing ever runs past its box.
public enum Wrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.replacingTabs().split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                var ww = DisplayWidth.of(w)
                if lineWidth > 0 && lineWidth + 1 + ww <= width {
                    line += " " + w
                    lineWidth += 1 + ww
                    continue
                }
                if lineWidth > 0 { out.append(line); line = ""; lineWidth = 0 }
                while ww > width {
                    let (head, rest) = split(w, at: width)
                    out.append(head)
                    w = rest
                    ww = DisplayWidth.of(w)
                }
                line = w
                lineWidth = ww
            }
            out.append(line)
        }
        return out
    }

    /// The first `width` columns of `text` on one line, with "…" when cut.
    public static func clip(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let flat = text.replacingTabs().split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
        if DisplayWidth.of(flat) <= width { return flat }
        return split(flat, at: max(0, width - 1)).0 + "…"
    }

    static func split(_ s: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = s.startIndex
        while index < s.endIndex {
            let w = DisplayWidth.of(s[index])
            if used + w > width { break }
            head.append(s[index])
            used += w
            index = s.index(after: index)
        }
        if head.isEmpty && index < s.endIndex {  // a wide character in a one-column box
            head.append(s[index])
            index = s.index(after: index)
        }
        return (head, String(s[index...]))
    }
}

extension StringProtocol {
    func replacingTabs() -> String {
        guard utf8.contains(0x09) else { return String(self) }
        return String(self).split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
