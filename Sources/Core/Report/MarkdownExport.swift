/// The report as Markdown (CommonMark with GitHub tables). User text is escaped so that
/// whatever was typed renders as that text, never as markup, links or HTML.
public enum MarkdownExport {
    public static func render(_ report: Report) -> String {
        let doc = ReportDocument(report)
        var out = "# " + inline(doc.title) + "\n\n_" + inline(doc.subtitle) + "_\n"
        let t = ReportStrings(report.language)
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                out += "\n" + String(repeating: "#", count: min(6, level + 1)) + " " + inline(text) + "\n"
            case .paragraph(let text):
                out += "\n" + multiline(text, indent: "") + "\n"
            case .lead(let label, let text):
                out += "\n**" + inline(label) + ":** " + multiline(text, indent: "") + "\n"
            case .remark(let text):
                out += "\n_" + inline(text) + "_\n"
            case .list(let items):
                out += "\n"
                for i in items { out += "- " + item(i) + "\n" }
            case .table(let table):
                out += "\n" + self.table(table)
            case .pageBreak:
                // A rule: the page ends here in print; Markdown readers see a divider.
                out += "\n---\n"
            case .figure(let f):
                out += figure(f)
            case .contents(let headings):
                out += "\n**" + inline(t.contents) + "**\n\n"
                for (i, h) in headings.enumerated() { out += "\(i + 1). " + inline(h) + "\n" }
            case .concept(let text):
                out += "\n> **" + inline(text) + "**\n"
            }
        }
        return out
    }

    /// A figure as a table where one says the same; the vote bars repeat the list above them.
    static func figure(_ f: ReportDocument.Figure) -> String {
        switch f {
        case .quadrant(let q, let caption):
            func cell(_ x: Int, _ y: Int) -> String {
                guard let c = q.cells.first(where: { $0.x == x && $0.y == y }) else { return "" }
                return "**" + inline(c.title) + "**" + c.lines.map { "<br>" + inline($0) }.joined()
            }
            var out = "\n_" + inline(caption) + "_\n\n"
            out += "| " + inline(q.yTitle) + " ↓ · " + inline(q.xTitle) + " → | " + inline(q.xPoles.first ?? "") + " | " + inline(q.xPoles.last ?? "") + " |\n"
            out += "| --- | --- | --- |\n"
            out += "| " + inline(q.yPoles.last ?? "") + " | " + cell(0, 1) + " | " + cell(1, 1) + " |\n"
            out += "| " + inline(q.yPoles.first ?? "") + " | " + cell(0, 0) + " | " + cell(1, 0) + " |\n"
            return out
        case .heatmap(let rows, let columns, let values, let caption):
            var out = "\n_" + inline(caption) + "_\n\n| | " + columns.map(inline).joined(separator: " | ") + " |\n"
            out += "| --- |" + String(repeating: " ---: |", count: columns.count) + "\n"
            for (i, r) in rows.enumerated() { out += "| " + inline(r) + " | " + values[i].map(String.init).joined(separator: " | ") + " |\n" }
            return out
        case .bars:
            return ""
        }
    }

    static func item(_ i: ReportDocument.Item) -> String {
        var out = multiline(i.text, indent: "  ")
        var tail: [String] = []
        if let note = i.note { tail.append("_" + inline(note) + "_") }
        if !i.marks.isEmpty { tail.append(marks(i.marks, label: i.marksLabel)) }
        if !tail.isEmpty { out += " — " + tail.joined(separator: " · ") }
        return out
    }

    /// Scenario names as separate marks, each behind its own ■: a comma inside a name
    /// cannot be mistaken for the end of one.
    static func marks(_ names: [String], label: String?) -> String {
        let list = names.map { "■ " + inline($0) }.joined(separator: " ")
        return label.map { "_" + inline($0) + "_ " + list } ?? list
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

}

extension String {
    /// Tabs as spaces: a tab could start an indented code block.
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
