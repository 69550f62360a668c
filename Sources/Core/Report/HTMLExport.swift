/// The report as one self-contained, printable HTML file: inline CSS, no scripts, no
/// external assets. Every text is escaped, so typed markup shows as text.
public enum HTMLExport {
    public static func render(_ report: Report) -> String {
        let doc = ReportDocument(report)
        var out = "<!DOCTYPE html>\n<html lang=\"\(report.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>" + escape(doc.title) + "</title>\n<style>\n" + css + pageCSS(doc, report.language) + "</style>\n</head>\n<body>\n"
        out += "<h1>" + escape(doc.title) + "</h1>\n"
        out += "<p class=\"subtitle\">" + escape(doc.subtitle) + "</p>\n"
        let t = ReportStrings(report.language)
        // Each heading in the contents gets an anchor, so the contents list links to it (and
        // the printed PDF keeps the links).
        var section = 0
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                let h = "h\(min(6, level + 1))"
                if level <= doc.contentsLevel {
                    section += 1
                    out += "<\(h) id=\"s\(section)\">" + escape(text) + "</\(h)>\n"
                } else {
                    out += "<\(h)>" + escape(text) + "</\(h)>\n"
                }
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
            case .figure(let f):
                out += figure(f)
            case .contents(let headings):
                out += "<nav class=\"contents\"><h2>" + escape(t.contents) + "</h2>\n<ol>\n"
                let pages = report.options.contentsPages
                for (i, h) in headings.enumerated() {
                    let page = i < pages.count && pages[i] > 0 ? "<span class=\"page\">\(pages[i])</span>" : ""
                    out += "<li><a href=\"#s\(i + 1)\"><span class=\"title\">" + escape(h) + "</span>" + page
                        + "</a></li>\n"
                }
                out += "</ol></nav>\n"
            case .concept(let text):
                out += "<p class=\"concept\">" + escape(text) + "</p>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The printed page: a running header, "concept" while the findings are not written,
    /// and page numbers, in the page's margin boxes (Chromium prints these).
    static func pageCSS(_ doc: ReportDocument, _ l: Language) -> String {
        let t = ReportStrings(l)
        let font = "font-family: \"DejaVu Sans\", sans-serif;"
        var out = "@page {\n  @top-left { content: \(cssString(doc.runningHeader)); \(font) font-size: 8pt; color: #555; }\n"
        if doc.isConcept { out += "  @top-right { content: \(cssString(t.concept.uppercased())); \(font) font-size: 9pt; font-weight: bold; color: #b00020; }\n" }
        out += "  @bottom-right { content: \(cssString(t.s("pagina ", "page "))) counter(page) \(cssString(t.s(" van ", " of "))) counter(pages); \(font) font-size: 8pt; color: #555; }\n"
        out += "}\n"
        return out
    }

    /// A CSS string: quotes and backslashes escaped, and `<` too, so no text can end the
    /// style element.
    public static func cssString(_ text: String) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(u.value, radix: 16) + " "
            case _ where u.value < 0x20 || u.value == 0x7F: out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
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
