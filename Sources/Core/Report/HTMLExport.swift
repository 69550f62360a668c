/// The report as one self-contained, printable HTML file: inline CSS, no scripts, no
/// external assets. Every text is escaped, so typed markup shows as text.
public enum HTMLExport {
    public static func render(_ report: Report) -> String {
        let doc = ReportDocument(report)
        var out = "<!DOCTYPE html>\n<html lang=\"\(report.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>" + escape(doc.title) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n"
        out += "<h1>" + escape(doc.title) + "</h1>\n"
        let t = ReportStrings(report.language)
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                let h = "h\(min(6, level + 1))"
                out += "<\(h)>" + escape(text) + "</\(h)>\n"
            case .paragraph(let text):
                out += "<p>" + multiline(text) + "</p>\n"
            case .lead(let label, let text):
                out += "<p class=\"lead\"><span class=\"label\">" + escape(label) + "</span> " + multiline(text) + "</p>\n"
            case .remark(let text):
                out += "<p class=\"remark\">" + escape(text) + "</p>\n"
            case .list(let items):
                out += "<ul>\n"
                for i in items { out += "<li>" + item(i) + "</li>\n" }
                out += "</ul>\n"
            case .table(let table):
                out += self.table(table, t)
            case .pageBreak:
                out += "<hr class=\"page-break\">\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    static func item(_ i: ReportDocument.Item) -> String {
        var out = multiline(i.text)
        if let note = i.note { out += " <span class=\"note\">" + escape(note) + "</span>" }
        if !i.marks.isEmpty {
            out += " <span class=\"marks\">"
            if let label = i.marksLabel { out += escape(label) + " " }
            // One element per scenario: a name may hold a comma, a mark never runs into the next.
            out += i.marks.map { "<span class=\"scenario\">" + escape($0) + "</span>" }.joined(separator: " ")
            out += "</span>"
        }
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
}
