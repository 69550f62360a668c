/// The report's figures as data; HTML draws them as inline SVG (so the PDF has them too),
/// Markdown as a table or not at all when the text beside it says the same.
extension ReportDocument {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var group: String
        /// Shares (0…1) of the participants' and of the room's votes; nil: none cast.
        public var people: Double?
        public var room: Double?
    }

    public struct QuadrantCell: Equatable, Sendable {
        public var title: String
        /// 0 or 1 along each axis: (x: technology, y: means), the first pole being 0.
        public var x: Int
        public var y: Int
        public var lines: [String]
    }

    public struct Quadrant: Equatable, Sendable {
        public var xTitle: String
        public var xPoles: [String]
        public var yTitle: String
        public var yPoles: [String]
        public var cells: [QuadrantCell]
    }

    public enum Figure: Equatable, Sendable {
        /// The 2×2 of the scenarios, with a few lines in each quadrant.
        case quadrant(Quadrant, caption: String)
        /// Counts per row × column, darker for more.
        case heatmap(rows: [String], columns: [String], values: [[Int]], caption: String)
        /// Vote shares per insight.
        case bars([Bar], caption: String)

        public var caption: String {
            switch self {
            case .quadrant(_, let c), .heatmap(_, _, _, let c), .bars(_, let c): return c
            }
        }
    }
}

extension PartBuilder {
    /// The scenarios on their two axes; `lines` gives what to print in each quadrant.
    func quadrant(lines: (Workshop.Scenario) -> [String]) -> ReportDocument.Quadrant? {
        guard w.axes.count == 2 else { return nil }
        let (yAxis, xAxis) = (w.axes[0], w.axes[1])
        let cells: [ReportDocument.QuadrantCell] = w.scenarios.compactMap { s in
            guard let x = xAxis.poles.firstIndex(where: { $0.id == s.position[xAxis.id] }),
                let y = yAxis.poles.firstIndex(where: { $0.id == s.position[yAxis.id] })
            else { return nil }
            return .init(title: scenarioTitle(s.id), x: x, y: y, lines: lines(s))
        }
        return .init(
            xTitle: xAxis.title[l], xPoles: xAxis.poles.map { $0.label[l] }, yTitle: yAxis.title[l], yPoles: yAxis.poles.map { $0.label[l] },
            cells: cells)
    }
}
