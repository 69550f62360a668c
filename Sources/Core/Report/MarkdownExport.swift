/// The report as Markdown (CommonMark with GitHub tables). User text is escaped so that
/// whatever was typed renders as that text, never as markup, links or HTML.
public enum MarkdownExport {
    public static func render(_ report: Report) -> String {
        let doc = ReportDocument(report)
        var out = "# " + inline(doc.title) + "\n"
        for block in doc.blocks {
            out += "\n"
            switch block {
            case .heading(let level, let text):
                out += String(repeating: "#", count: min(6, level + 1)) + " " + inline(text) + "\n"
            case .paragraph(let text):
                out += multiline(text, indent: "") + "\n"
            case .remark(let text):
                out += "_" + inline(text) + "_\n"
            case .list(let items):
                for i in items {
                    out += "- " + multiline(i.text, indent: "  ")
                    if let note = i.note { out += " — _" + inline(note) + "_" }
                    out += "\n"
                }
            case .table(let header, let rows):
                out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
                for row in rows { out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n" }
            }
        }
        return out
    }

    /// Escapes one line of user text: every ASCII punctuation mark CommonMark could read
    /// as markup gets a backslash (always allowed), and a line start that could open a
    /// list or heading is escaped too.
    public static func inline(_ text: String) -> String {
        // Leading spaces could turn a line into a code block.
        let line = text.drop { $0 == " " }
        var out = ""
        var leadingDigits = true
        for (i, ch) in line.enumerated() {
            if "\\`*_{}[]<>()#!|~&".contains(ch) {
                out.append("\\")
            } else if i == 0 && "-+=".contains(ch) {
                out.append("\\")
            } else if leadingDigits && i > 0 && ch == "." {
                out.append("\\")  // "1." would open an ordered list
            }
            if !ch.isASCII || !ch.isNumber { leadingDigits = false }
            out.append(ch)
        }
        return out
    }

    /// Multi-line user text: each line escaped, joined by hard line breaks, continuation
    /// lines indented to stay inside a list item.
    static func multiline(_ text: String, indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { inline(String($0).replacingTabs()) }
            .joined(separator: "\\\n" + indent)
    }

    static func cell(_ text: String) -> String {
        inline(text.split(whereSeparator: { $0 == "\n" }).joined(separator: " "))
    }
}

extension String {
    /// Tabs as spaces: a tab could start an indented code block.
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
