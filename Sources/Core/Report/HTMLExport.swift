/// The report as one self-contained, printable HTML file: inline CSS, no scripts, no
/// external assets. Every text is escaped, so typed markup shows as text.
public enum HTMLExport {
    public static func render(_ report: Report) -> String {
        let doc = ReportDocument(report)
        var out = "<!DOCTYPE html>\n<html lang=\"\(report.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>" + escape(doc.title) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n"
        out += "<h1>" + escape(doc.title) + "</h1>\n"
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                let h = "h\(min(6, level + 1))"
                out += "<\(h)>" + escape(text) + "</\(h)>\n"
            case .paragraph(let text):
                out += "<p>" + multiline(text) + "</p>\n"
            case .remark(let text):
                out += "<p class=\"remark\">" + escape(text) + "</p>\n"
            case .list(let items):
                out += "<ul>\n"
                for i in items {
                    out += "<li>" + multiline(i.text)
                    if let note = i.note { out += " <span class=\"note\">" + escape(note) + "</span>" }
                    out += "</li>\n"
                }
                out += "</ul>\n"
            case .table(let header, let rows):
                out += "<table class=\"matrix\">\n<thead><tr>"
                out += header.map { "<th>" + escape($0) + "</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out += "<tr>"
                    for (i, c) in row.enumerated() {
                        if i == 0 { out += "<th>" + escape(c.text) + "</th>"; continue }
                        out += "<td><span class=\"count\">" + escape(c.text) + "</span>"
                        if !c.items.isEmpty {
                            out += "<ol>" + c.items.map { "<li>" + multiline($0) + "</li>" }.joined() + "</ol>"
                        }
                        out += "</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// Escapes text for element content and quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func multiline(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    static let css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
        h1 { font-size: 1.7em; border-bottom: 2px solid #154273; padding-bottom: .2em; color: #154273; }
        h2 { font-size: 1.35em; margin-top: 1.6em; color: #154273; }
        h3 { font-size: 1.15em; margin-top: 1.2em; }
        h4, h5, h6 { font-size: 1em; margin: .9em 0 .3em; }
        ul { padding-left: 1.3em; }
        li { margin: .2em 0; }
        .note { color: #555; font-size: .9em; }
        .note::before { content: "— "; }
        .remark { font-style: italic; color: #555; }
        table.matrix { border-collapse: collapse; width: 100%; margin: .5em 0; font-size: .92em; }
        table.matrix th, table.matrix td { border: 1px solid #999; padding: .35em .5em; vertical-align: top; text-align: left; }
        table.matrix thead th { background: #e8eef5; }
        table.matrix .count { font-weight: bold; font-size: 1.1em; }
        table.matrix ol { margin: .3em 0 0; padding-left: 1.2em; font-size: .9em; }
        @media print {
          body { max-width: none; margin: 0; font-size: 10.5pt; }
          h2 { break-before: page; }
          h2:first-of-type { break-before: auto; }
          table.matrix, li { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
        }

        """
}
