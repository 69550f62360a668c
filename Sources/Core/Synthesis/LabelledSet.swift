/// A labelled set of insights to measure the grouping proposals against: a TSV with the
/// columns `perspective`, `theme`, `text` (a header first; theme `-` belongs with nothing),
/// as in `Tests/Fixtures/grouping-dev.tsv`. Scored pairwise: a pair is predicted when both
/// insights are in one proposal, true when both carry the same theme.
public struct LabelledSet: Sendable {
    public struct Row: Equatable, Sendable {
        public var perspective: String
        /// nil for `-`: belongs with nothing.
        public var theme: String?
        public var text: String
    }

    public struct Score: Equatable, Sendable {
        public var predicted: Int
        public var correct: Int
        public var truePairs: Int
        public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
        public var recall: Double { truePairs == 0 ? 1 : Double(correct) / Double(truePairs) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public var rows: [Row]

    /// The rows of a TSV text; a row without three columns is a one-line reason.
    public init(tsv: String) throws(LabelledSetError) {
        var rows: [Row] = []
        for (n, line) in tsv.split(separator: "\n", omittingEmptySubsequences: true).enumerated().dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 3 else { throw LabelledSetError(line: n + 1, cells: cells.count) }
            rows.append(Row(perspective: cells[0], theme: cells[1] == "-" ? nil : cells[1], text: cells[2]))
        }
        self.rows = rows
    }

    /// The method's proposals on these rows, with their score.
    public func propose(
        glossary: [Workshop.Concept], threshold: Double = SimilarInsights.threshold
    ) -> (groups: [SimilarInsights.Group], score: Score) {
        let texts = rows.map(\.text)
        let groups = SimilarInsights.groups(
            texts: texts, groups: rows.map(\.perspective), glossary: glossary, threshold: threshold)
        return (groups, score(groups.map(\.members)))
    }

    public func score(_ proposals: [[Int]]) -> Score {
        var predicted = 0
        var correct = 0
        for members in proposals {
            for (k, i) in members.enumerated() {
                for j in members[(k + 1)...] {
                    predicted += 1
                    if let t = rows[i].theme, t == rows[j].theme { correct += 1 }
                }
            }
        }
        var truePairs = 0
        for i in rows.indices {
            for j in rows.indices where j > i {
                if let t = rows[i].theme, t == rows[j].theme { truePairs += 1 }
            }
        }
        return Score(predicted: predicted, correct: correct, truePairs: truePairs)
    }
}

public struct LabelledSetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var cells: Int
    public var description: String { "line \(line): \(cells) columns, not 3 (perspective, theme, text)" }
}
