import Core

/// The trends grouped as the study groups them: the trend above the categories on top,
/// then each category (Mensen, Middelen, Technologie) with its trends in number order.
enum TrendWall {
    struct Line: Equatable {
        var header: Bool
        var number: Int
        var text: String
    }

    /// The trends above the categories (trend 0: the study's overview puts it on top).
    static func above(_ w: Workshop, _ l: Language) -> [Line] {
        let known = Set(w.trendCategories.map(\.id))
        return w.trends.filter { $0.category.map { !known.contains($0) } ?? true }
            .map { Line(header: false, number: $0.number, text: $0.title[l]) }
    }

    /// One block of lines per category, headed by its title.
    static func blocks(_ w: Workshop, _ l: Language) -> [[Line]] {
        w.trendCategories.compactMap { c in
            let list = w.trends.filter { $0.category == c.id }
            guard !list.isEmpty else { return nil }
            return [Line(header: true, number: 0, text: c.title[l])]
                + list.map { Line(header: false, number: $0.number, text: $0.title[l]) }
        }
    }

    /// The blocks in at most `columns` columns, in order, never splitting a block: one per
    /// column when they fit, else filled up to an even share each.
    static func columns(_ blocks: [[Line]], columns: Int) -> [[Line]] {
        guard blocks.count > columns else { return blocks }
        let target = (blocks.reduce(0) { $0 + $1.count } + columns - 1) / max(1, columns)
        var out: [[Line]] = [[]]
        for (i, block) in blocks.enumerated() {
            let left = blocks.count - i
            let free = columns - out.count
            if !out[out.count - 1].isEmpty, free > 0, out[out.count - 1].count + block.count > target || left <= free {
                out.append([])
            }
            out[out.count - 1] += block
        }
        return out
    }
}
