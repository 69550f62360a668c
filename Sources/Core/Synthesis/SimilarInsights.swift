/// Proposes groups of similar insights across target groups, offline and deterministic.
/// Each insight becomes a vector of Snowball stems and glossary concepts weighted by how
/// rare they are among the insights compared (`InsightFeatures`); two insights are alike by
/// the cosine of their vectors, where a word against its negation ("digitaal" / "niet-digitaal")
/// counts against them, and a likeness must rest on a glossary concept or on two words.
/// Groups are made by average linkage (`AverageLinkage`): every member is alike to the
/// proposal as a whole, a proposal holds at most one insight of each session and reaches
/// two or more target groups.
/// Every proposal says which words and concepts it rests on and how strong it is, so an
/// organiser can see why and accept or reject it. Method and thresholds: docs/GROUPING.md.
public enum SimilarInsights {
    public struct Proposal: Equatable, Sendable {
        public var items: [SynthesisItem]
        /// The shared words, as first written, strongest first.
        public var words: [String]
        public var perspectives: [PerspectiveKey]
        /// The ids of the workshop glossary's concepts the proposal rests on, strongest first.
        public var concepts: [String] = []
        /// Their labels, in the same order.
        public var conceptLabels: [LocalizedText] = []
        /// How alike the members are, 0…1 (the average similarity of members to the whole).
        public var strength: Double = 0

        public init(items: [SynthesisItem], words: [String], perspectives: [PerspectiveKey]) {
            self.items = items
            self.words = words
            self.perspectives = perspectives
        }

        /// Stable across runs and machines: made from the members alone, so a decision on a
        /// proposal (accepted, rejected) finds it again.
        public var id: String { Self.id(of: items.map(\.ref)) }

        /// "p" and 12 hex digits of FNV-1a over the sorted members ("session/entry").
        public static func id(of refs: [EntryRef]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for ref in refs.sorted() {
                for byte in (ref.sessionId + "/" + ref.entryId + "\n").utf8 {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            let hex = String(hash, radix: 16)
            return "p" + String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
        }
    }

    /// The average cosine similarity a proposal's members need, to each other and to the
    /// whole. Chosen in the middle of the range where the dev set's results are flat
    /// (0.10–0.14), not at its best point: see docs/GROUPING.md.
    public static let threshold = 0.12

    /// Groups of alike insights of two or more target groups, in the order of their first
    /// insight in `items`; an insight belongs to at most one proposal. `except` are left out
    /// (already grouped by the organiser). `glossary` is the workshop's.
    public static func propose(
        _ items: [SynthesisItem], except: Set<EntryRef> = [], glossary: [Workshop.Concept] = []
    ) -> [Proposal] {
        let list = items.filter { !except.contains($0.ref) }
        // One insight per session: two sessions of one target group may both say it, and
        // such a proposal is kept when it also reaches another target group.
        let sessions = list.map { SessionOfGroup(perspective: $0.perspective, session: $0.ref.sessionId) }
        let found = groups(texts: list.map(\.entry.text), groups: sessions, glossary: glossary)
        return found.compactMap { g in
            var perspectives: [PerspectiveKey] = []
            for i in g.members where !perspectives.contains(list[i].perspective) {
                perspectives.append(list[i].perspective)
            }
            guard perspectives.count > 1 else { return nil }
            var p = Proposal(items: g.members.map { list[$0] }, words: g.words, perspectives: perspectives)
            p.concepts = g.concepts.map { glossary[$0].id }
            p.conceptLabels = g.concepts.map { glossary[$0].label }
            p.strength = g.strength
            return p
        }
    }

    struct SessionOfGroup: Hashable {
        var perspective: PerspectiveKey
        var session: String
    }

    /// A group found among texts: member indices (ascending), the shared words as written,
    /// the glossary concepts (indices) it rests on, and its strength.
    public struct Group: Equatable, Sendable {
        public var members: [Int]
        public var words: [String]
        public var concepts: [Int]
        public var strength: Double
    }

    /// The method on plain texts, each with the key of what is never grouped with itself (a
    /// target group; `propose` uses the session within its target group): what
    /// `propose` runs, and what the dev-set test and `make bench` measure. Groups come in
    /// the order of their first member. `threshold` is for measuring how stable results are.
    public static func groups<G: Hashable>(
        texts: [String], groups: [G], glossary: [Workshop.Concept] = [], threshold: Double = SimilarInsights.threshold
    ) -> [Group] {
        guard texts.count > 1 else { return [] }
        let space = InsightFeatures(texts: texts, glossary: glossary)
        var index: [G: Int] = [:]
        let group = groups.map { key in
            if let g = index[key] { return g }
            index[key] = index.count
            return index.count - 1
        }
        let edges = similarities(space, group: group, threshold: threshold)
        let linkage = AverageLinkage(edges: edges, group: group, threshold: threshold)
        var out: [Group] = []
        for cluster in linkage.clusters() {
            let members = linkage.tightened(cluster)
            guard members.count > 1 else { continue }
            out.append(reasons(members, space: space, linkage: linkage))
        }
        return out.sorted { $0.members[0] < $1.members[0] }
    }

    /// The similarity of the pairs of insights of different groups that are alike enough to
    /// matter; pairs found through an inverted index on their features, not all pairs.
    static func similarities(_ space: InsightFeatures, group: [Int], threshold: Double) -> [[Int: Double]] {
        let n = space.vectors.count
        var postings: [Int: [(item: Int, weight: Double)]] = [:]
        for (i, v) in space.vectors.enumerated() {
            for f in v { postings[f.feature, default: []].append((i, f.weight)) }
        }
        var near = [[(item: Int, similarity: Double)]](repeating: [], count: n)
        var alike = [Double](repeating: 0, count: n)
        var opposed = [Double](repeating: 0, count: n)
        var shared = [Int](repeating: 0, count: n)
        var viaConcept = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for i in 0..<n {
            for f in space.vectors[i] {
                for p in postings[f.feature] ?? [] where p.item > i && group[p.item] != group[i] {
                    if shared[p.item] == 0 && opposed[p.item] == 0 { touched.append(p.item) }
                    alike[p.item] += f.weight * p.weight
                    shared[p.item] += 1
                    if space.concept[f.feature / 2] != nil { viaConcept[p.item] = true }
                }
                for p in postings[f.feature ^ 1] ?? [] where p.item > i && group[p.item] != group[i] {
                    if shared[p.item] == 0 && opposed[p.item] == 0 { touched.append(p.item) }
                    opposed[p.item] += f.weight * p.weight
                }
            }
            for j in touched {
                // One shared word is too thin to rest a likeness on; one shared concept is not.
                let evidence = viaConcept[j] || shared[j] >= 2
                let s = (evidence ? alike[j] : 0) - opposed[j]
                // A pair less than half as alike as a proposal must be counts as unrelated:
                // it could never hold a proposal together, and leaving it out keeps the graph
                // small (5,000 insights in well under a second).
                if s >= threshold / 2 {
                    near[i].append((j, s))
                    near[j].append((i, s))
                }
                (alike[j], opposed[j], shared[j], viaConcept[j]) = (0, 0, 0, false)
            }
            touched.removeAll(keepingCapacity: true)
        }
        // Each insight keeps its `neighbours` most alike (and is kept by theirs): a proposal
        // holds one insight per target group, so its members are among each other's closest,
        // and the clustering stays fast when thousands of insights say much the same.
        func better(_ a: (item: Int, similarity: Double), _ b: (item: Int, similarity: Double)) -> Bool {
            a.similarity != b.similarity ? a.similarity > b.similarity : a.item < b.item
        }
        var edges = [[Int: Double]](repeating: [:], count: n)
        for i in 0..<n {
            var list = near[i]
            if list.count > neighbours {
                // The best few by selection: most candidates lose to the current last at once.
                var top = list.prefix(neighbours).sorted(by: better)
                for e in list.dropFirst(neighbours) where better(e, top[top.count - 1]) {
                    top.insert(e, at: top.firstIndex { better(e, $0) } ?? top.count - 1)
                    top.removeLast()
                }
                list = top
            }
            for e in list {
                edges[i][e.item] = e.similarity
                edges[e.item][i] = e.similarity
            }
        }
        return edges
    }

    /// How many of its most alike insights each insight is compared with when proposals are made.
    static let neighbours = 20

    static func reasons(_ members: [Int], space: InsightFeatures, linkage: AverageLinkage) -> Group {
        // The reasons: features two or more members hold (a shared negation too: "zonder
        // boete" and "geen terugvordering"), by their total weight.
        var weight: [Int: Double] = [:]
        var holders: [Int: Int] = [:]
        for i in members {
            for f in space.vectors[i] {
                weight[f.feature, default: 0] += f.weight
                holders[f.feature, default: 0] += 1
            }
        }
        let shared = holders.filter { $0.value > 1 }.keys.sorted {
            weight[$0]! != weight[$1]! ? weight[$0]! > weight[$1]! : $0 < $1
        }
        let likeness = members.map { linkage.likeness($0, in: members) }
        var words: [String] = []
        var concepts: [Int] = []
        for f in shared {
            if let c = space.concept[f / 2] {
                if !concepts.contains(c) { concepts.append(c) }
            } else if !words.contains(space.names[f / 2]) {
                words.append(space.names[f / 2])
            }
        }
        return Group(
            members: members, words: words, concepts: concepts,
            strength: min(1, max(0, likeness.reduce(0, +) / Double(likeness.count))))
    }
}
