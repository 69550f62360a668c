/// The report's tables in HTML: the matrix (counts with the most-voted implications and
/// "+N more"), the insight × scenario grid (■, koersvast rows shaded) and plain tables.
extension HTMLExport {
    static func table(_ table: ReportDocument.Table, _ t: ReportStrings) -> String {
        var out = "<table class=\"\(table.kind.rawValue)\(table.small ? " small" : "")\">\n"
        // A table of labelled rows (the colophon) has no header: "Onderdeel / Gegevens" says nothing.
        if !table.header.isEmpty {
            out += "<thead><tr>" + table.header.map { "<th>" + escape($0) + "</th>" }.joined() + "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in table.rows {
            out += row.marked ? "<tr class=\"koersvast\">" : "<tr>"
            for (i, c) in row.cells.enumerated() {
                if i == 0 {
                    out += "<th>" + multiline(c.text) + "</th>"
                    continue
                }
                switch table.kind {
                case .matrix:
                    out += "<td><span class=\"count\">" + escape(c.text) + "</span>"
                    if !c.items.isEmpty {
                        out += "<ol>" + c.items.map { "<li>" + multiline($0) + "</li>" }.joined() + "</ol>"
                    }
                    if c.more > 0 { out += "<span class=\"more\">" + escape(t.moreInCell(c.more)) + "</span>" }
                    out += "</td>"
                case .grid:
                    let last = i == row.cells.count - 1
                    out += last ? "<td class=\"robustness\">" + escape(c.text) + "</td>" : "<td class=\"mark\">" + escape(c.text) + "</td>"
                case .plain:
                    out += "<td>" + multiline(c.text) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
