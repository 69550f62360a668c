/// Average-linkage clustering over a sparse similarity graph, with a threshold and two
/// cannot-link rules: two clusters merge only when the average similarity over every pair
/// of their members is at least `threshold`, every such pair has something in common (a
/// positive similarity), and they hold no two items of one group. A member therefore joins
/// the whole, never one neighbour (no chaining). Deterministic: the best pair first, ties
/// by the lowest item indices.
struct AverageLinkage {
    /// Per item, its similarity to the items it has an edge with; a missing edge means the
    /// two are unrelated (nothing in common, or too little to count).
    var edges: [[Int: Double]]
    /// Per item, the index of its group.
    var group: [Int]
    var threshold: Double

    func clusters() -> [[Int]] {
        let n = group.count
        var members: [[Int]] = (0..<n).map { [$0] }
        var groups: [Set<Int>] = group.map { [$0] }
        var links = edges
        // Per pair of clusters, how many of their member pairs are alike at all.
        var related: [[Int: Int]] = edges.map { $0.mapValues { _ in 1 } }
        var alive = [Bool](repeating: true, count: n)
        var version = [Int](repeating: 0, count: n)
        // Each cluster keeps only its best merge in the heap (average linkage never makes a
        // merged cluster more alike to a third than the better of its parts), so the heap
        // stays as small as the number of clusters.
        var heap = Heap()
        func pushBest(_ a: Int) {
            var best: Heap.Entry?
            for (c, sum) in links[a] where alive[c] {
                let pairs = members[a].count * members[c].count
                guard related[a][c] == pairs, groups[a].isDisjoint(with: groups[c]) else { continue }
                let average = sum / Double(pairs)
                guard average >= threshold else { continue }
                let (x, y) = (min(a, c), max(a, c))
                let entry = Heap.Entry(
                    average: average, a: x, b: y, versionA: version[x], versionB: version[y], owner: a)
                if best.map({ entry.before($0) }) ?? true { best = entry }
            }
            if let best { heap.push(best) }
        }
        for a in 0..<n { pushBest(a) }
        while let top = heap.pop() {
            guard alive[top.owner] else { continue }
            let (a, b) = (top.a, top.b)
            guard alive[a], alive[b], version[a] == top.versionA, version[b] == top.versionB else {
                pushBest(top.owner)
                continue
            }
            // b joins a: a keeps the lower index, so the order stays that of the input.
            members[a] += members[b]
            groups[a].formUnion(groups[b])
            alive[b] = false
            version[a] += 1
            links[a][b] = nil
            related[a][b] = nil
            for (c, s) in links[b] where c != a {
                links[a][c, default: 0] += s
                links[c][a, default: 0] += s
                links[c][b] = nil
            }
            for (c, k) in related[b] where c != a {
                related[a][c, default: 0] += k
                related[c][a, default: 0] += k
                related[c][b] = nil
            }
            links[b] = [:]
            related[b] = [:]
            // Groups only grow and an unrelated pair stays unrelated: a neighbour that shares a
            // group with a, or holds a member unrelated to one of a's, can never join it.
            for c in Array(links[a].keys)
            where !groups[a].isDisjoint(with: groups[c]) || related[a][c] != members[a].count * members[c].count {
                links[a][c] = nil
                links[c][a] = nil
                related[a][c] = nil
                related[c][a] = nil
            }
            pushBest(a)
        }
        return (0..<n).filter { alive[$0] && members[$0].count > 1 }.map { members[$0].sorted() }
    }

    /// The average similarity of `i` to the other members.
    func likeness(_ i: Int, in members: [Int]) -> Double {
        let others = members.filter { $0 != i }
        guard !others.isEmpty else { return 0 }
        return others.reduce(0) { $0 + (edges[i][$1] ?? 0) } / Double(others.count)
    }

    /// Drops, one by one, the member least alike to the rest while it is below the threshold:
    /// every member of what remains is alike to the proposal as a whole.
    func tightened(_ cluster: [Int]) -> [Int] {
        var c = cluster
        while c.count > 2 {
            let scored = c.map { (likeness($0, in: c), $0) }
            guard let worst = scored.min(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }),
                worst.0 < threshold
            else { break }
            c.removeAll { $0 == worst.1 }
        }
        if c.count == 2, (edges[c[0]][c[1]] ?? 0) < threshold { return [] }
        return c
    }
}

/// A binary max-heap of candidate merges: the highest average first, ties by lowest indices.
struct Heap {
    struct Entry {
        var average: Double
        var a: Int
        var b: Int
        var versionA: Int
        var versionB: Int
        /// The cluster whose best merge this is: its best is found again when this is stale.
        var owner: Int

        func before(_ o: Entry) -> Bool {
            if average != o.average { return average > o.average }
            if a != o.a { return a < o.a }
            return b < o.b
        }
    }

    private var items: [Entry] = []

    mutating func push(_ e: Entry) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].before(items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var i = 0
        while true {
            let (l, r) = (2 * i + 1, 2 * i + 2)
            var best = i
            if l < items.count, items[l].before(items[best]) { best = l }
            if r < items.count, items[r].before(items[best]) { best = r }
            if best == i { break }
            items.swapAt(i, best)
            i = best
        }
        return first
    }
}
