/// The report's figures as inline SVG: no scripts, no external files, text escaped, so a
/// browser and Chromium's PDF print draw them alike.
extension HTMLExport {
    static func figure(_ f: ReportDocument.Figure) -> String {
        let svg: String
        switch f {
        case .quadrant(let q, _): svg = quadrant(q)
        case .heatmap(let rows, let columns, let values, _): svg = heatmap(rows: rows, columns: columns, values: values)
        case .bars(let bars, _): svg = self.bars(bars)
        }
        return "<figure>\n" + svg + "<figcaption>" + escape(f.caption) + "</figcaption>\n</figure>\n"
    }

    static func text(_ x: Int, _ y: Int, _ s: String, size: Int = 12, anchor: String = "start", weight: String = "normal", fill: String = "#1a1a1a") -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\">" + escape(s) + "</text>"
    }

    /// Text cut to `n` characters with an ellipsis: SVG does not wrap.
    static func cut(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    /// The 2×2: technology from left (held back) to right (embraced), means from bottom
    /// (scarce) to top (ample), each quadrant with its title and lines.
    static func quadrant(_ q: ReportDocument.Quadrant) -> String {
        let (w, h, left, top, cell) = (660, 500, 80, 20, 280)
        var out = "<svg class=\"quadrant\" viewBox=\"0 0 \(w) \(h)\" width=\"100%\" role=\"img\">\n"
        for c in q.cells {
            let x = left + c.x * cell
            let y = top + (1 - c.y) * cell * 3 / 4
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 6)\" height=\"\(cell * 3 / 4 - 6)\" rx=\"6\" fill=\"#eef3f9\" stroke=\"#8aa4c4\"/>"
            out += text(x + 10, y + 22, cut(c.title, 38), size: 14, weight: "bold", fill: "#154273")
            for (i, line) in c.lines.prefix(8).enumerated() { out += text(x + 10, y + 42 + i * 16, cut(line, 44), size: 11) }
            out += "\n"
        }
        let axisY = top + cell * 3 / 2
        out += "<line x1=\"\(left)\" y1=\"\(axisY + 4)\" x2=\"\(left + 2 * cell - 6)\" y2=\"\(axisY + 4)\" stroke=\"#154273\" stroke-width=\"2\"/>"
        out += text(left, axisY + 22, cut(q.xPoles.first ?? "", 30), size: 11)
        out += text(left + 2 * cell - 6, axisY + 22, cut(q.xPoles.last ?? "", 30), size: 11, anchor: "end")
        out += text(left + cell, axisY + 40, cut(q.xTitle, 70), size: 12, anchor: "middle", weight: "bold")
        out += "<line x1=\"\(left - 8)\" y1=\"\(top)\" x2=\"\(left - 8)\" y2=\"\(axisY - 2)\" stroke=\"#154273\" stroke-width=\"2\"/>"
        let midY = top + cell * 3 / 4
        // The axis title and its poles on separate lines beside the axis, so they never overlap.
        out += "<g transform=\"rotate(-90 \(left - 40) \(midY))\">" + text(left - 40, midY, cut(q.yTitle, 60), size: 12, anchor: "middle", weight: "bold") + "</g>"
        out += "<g transform=\"rotate(-90 \(left - 16) \(midY))\">"
            + text(left - 16 - cell * 3 / 4 + 10, midY, cut(q.yPoles.first ?? "", 24), size: 11)
            + text(left - 16 + cell * 3 / 4 - 10, midY, cut(q.yPoles.last ?? "", 24), size: 11, anchor: "end") + "</g>\n"
        return out + "</svg>\n"
    }

    /// Counts per row × column; the darkest cell is the largest count.
    static func heatmap(rows: [String], columns: [String], values: [[Int]]) -> String {
        let (label, cw, ch, head) = (200, 125, 30, 50)
        let w = label + cw * columns.count + 10
        let h = head + ch * rows.count + 10
        let top = max(1, values.flatMap { $0 }.max() ?? 1)
        var out = "<svg class=\"heatmap\" viewBox=\"0 0 \(w) \(h)\" width=\"100%\" role=\"img\">\n"
        for (j, c) in columns.enumerated() { out += text(label + j * cw + cw / 2, head - 12, cut(c, 20), size: 10, anchor: "middle", weight: "bold") }
        out += "\n"
        for (i, r) in rows.enumerated() {
            let y = head + i * ch
            out += text(label - 8, y + ch / 2 + 4, cut(r, 30), size: 12, anchor: "end")
            for j in columns.indices {
                let v = j < values[i].count ? values[i][j] : 0
                // From near white to the report's blue, by share of the largest count.
                let k = Double(v) / Double(top)
                let colour = "rgb(\(Int(243 - k * 222)),\(Int(246 - k * 180)),\(Int(250 - k * 135)))"
                out += "<rect x=\"\(label + j * cw)\" y=\"\(y)\" width=\"\(cw - 2)\" height=\"\(ch - 2)\" fill=\"\(colour)\"/>"
                out += text(label + j * cw + cw / 2, y + ch / 2 + 4, String(v), size: 12, anchor: "middle", weight: "bold", fill: k > 0.55 ? "#ffffff" : "#1a1a1a")
            }
            out += "\n"
        }
        return out + "</svg>\n"
    }

    /// One row per insight: ● participants' share (dark) and ○ the room's (light), apart.
    static func bars(_ bars: [ReportDocument.Bar]) -> String {
        let (label, bw, rh) = (330, 300, 34)
        let w = label + bw + 60
        let h = rh * bars.count + 10
        var out = "<svg class=\"bars\" viewBox=\"0 0 \(w) \(h)\" width=\"100%\" role=\"img\">\n"
        for (i, b) in bars.enumerated() {
            let y = i * rh + 4
            out += text(label - 8, y + 12, cut(b.label, 52), size: 11, anchor: "end")
            out += text(label - 8, y + 26, cut(b.group, 52), size: 9, anchor: "end", fill: "#555555")
            if let p = b.people {
                out += "<rect x=\"\(label)\" y=\"\(y + 2)\" width=\"\(max(1, Int(p * Double(bw))))\" height=\"12\" fill=\"#154273\"/>"
                out += text(label + Int(p * Double(bw)) + 6, y + 12, "● \(Int((p * 100).rounded()))%", size: 10)
            }
            if let r = b.room {
                out += "<rect x=\"\(label)\" y=\"\(y + 16)\" width=\"\(max(1, Int(r * Double(bw))))\" height=\"12\" fill=\"#ffffff\" stroke=\"#154273\"/>"
                out += text(label + Int(r * Double(bw)) + 6, y + 26, "○ \(Int((r * 100).rounded()))%", size: 10)
            }
            out += "\n"
        }
        return out + "</svg>\n"
    }
}
