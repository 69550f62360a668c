/// The report's tables in GitHub Markdown: the matrix (numbers, right-aligned), the
/// insight × scenario grid (■ centred, koersvast rows in bold) and plain tables.
extension MarkdownExport {
    static func table(_ t: ReportDocument.Table) -> String {
        // Markdown cannot leave the header out: a headerless table (the colophon) gets empty cells.
        let header = t.header.isEmpty ? Array(repeating: "", count: t.rows.first?.cells.count ?? 1) : t.header
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { i in
            guard i > 0 else { return " --- |" }
            switch t.kind {
            case .matrix: return " ---: |"
            case .grid: return i == header.count - 1 ? " --- |" : " :---: |"
            case .plain: return " --- |"
            }
        }.joined() + "\n"
        for row in t.rows {
            let cells = row.cells.enumerated().map { i, c -> String in
                let text = cell(c.text)
                // Only a grid marks rows; bold the insight so a koersvast row stands out
                // without colour (Markdown has none).
                return row.marked && i == 0 && !text.isEmpty ? "**" + text + "**" : text
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// One line; trailing blanks dropped so a bold marker can close right after the text.
    static func cell(_ text: String) -> String {
        var line = text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
        while line.last?.isWhitespace == true { line.removeLast() }
        return inline(line)
    }
}
