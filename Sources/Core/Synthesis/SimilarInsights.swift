/// Proposes groups of similar insights across target groups, offline and deterministic: two
/// insights are alike when they share at least two content words after a light stemming
/// of Dutch and English ("uitvragen", "uitvraag" and "vraag" meet in "vrag"). Every proposal
/// says which words it rests on, so an organiser can see why and accept or reject it.
public enum SimilarInsights {
    public struct Proposal: Equatable, Sendable {
        public var items: [SynthesisItem]
        /// The shared words, as first written, in the order first met.
        public var words: [String]
        public var perspectives: [PerspectiveKey]
        /// The workshop glossary's concepts (their labels) the proposal rests on.
        public var concepts: [String] = []
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

    /// Content words of `text`, each as (stem, the word as written).
    public static func stems(_ text: String) -> [(stem: String, word: String)] {
        var out: [(String, String)] = []
        var seen: Set<String> = []
        for raw in TextFolding.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let word = String(raw)
            guard word.count >= 3, !stopWords.contains(word) else { continue }
            let s = stem(word)
            guard s.count >= 3, seen.insert(s).inserted else { continue }
            out.append((s, word))
        }
        return out
    }

    /// Two stems meet when equal, or when one ends in the other and that is at least four
    /// letters: Dutch compounds keep their head at the end ("uitvraag" → "vraag").
    static func meet(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 4 && long.hasSuffix(short)
    }

    /// The words two texts share (by stem), as written in the first.
    public static func shared(_ a: [(stem: String, word: String)], _ b: [(stem: String, word: String)]) -> [String] {
        a.filter { x in b.contains { meet(x.stem, $0.stem) } }.map(\.word)
    }

    public static let minimumShared = 2
    static let commonWord = 400

    /// Single-linkage groups of `items` (in their given order) that span two or more
    /// perspectives; an item belongs to at most one proposal. `except` are left out (already
    /// grouped by the organiser).
    public static func propose(_ items: [SynthesisItem], except: Set<EntryRef> = []) -> [Proposal] {
        let list = items.filter { !except.contains($0.ref) }
        let words = list.map { stems($0.entry.text) }
        var parent = Array(list.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        // Only pairs that can meet are compared: two stems meet only when they end in the same
        // four letters (or are equal and shorter), so an index on that ending finds them
        // without comparing every insight with every other.
        var postings: [String: [Int]] = [:]
        for (i, w) in words.enumerated() {
            for key in Set(w.map { $0.stem.count >= 4 ? String($0.stem.suffix(4)) : $0.stem }) { postings[key, default: []].append(i) }
        }
        var candidates: [Int: Set<Int>] = [:]
        // A word in more than `commonWord` insights says little about likeness and would make
        // the comparison quadratic again; pairs still meet through their other words.
        for posting in postings.values where posting.count > 1 && posting.count <= commonWord {
            for (n, i) in posting.enumerated() { for j in posting[(n + 1)...] { candidates[i, default: []].insert(j) } }
        }
        var why: [Int: [String]] = [:]
        for i in list.indices {
            for j in (candidates[i] ?? []).sorted() where list[i].perspective != list[j].perspective {
                let common = shared(words[i], words[j])
                guard common.count >= minimumShared else { continue }
                let (ri, rj) = (root(i), root(j))
                if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
                let r = min(ri, rj)
                var known = why[r] ?? []
                for w in common where !known.contains(w) { known.append(w) }
                why[r] = known
            }
        }
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in list.indices {
            let r = root(i)
            if members[r] == nil { order.append(r) }
            members[r, default: []].append(i)
        }
        var out: [Proposal] = []
        for r in order {
            let m = members[r]!
            var ps: [PerspectiveKey] = []
            for i in m where !ps.contains(list[i].perspective) { ps.append(list[i].perspective) }
            guard ps.count >= 2 else { continue }
            // Words merged under other roots on the way belong here too.
            var w: [String] = []
            for i in m { for x in why[i] ?? [] where !w.contains(x) { w.append(x) } }
            out.append(Proposal(items: m.map { list[$0] }, words: w, perspectives: ps))
        }
        return out
    }

    /// A light stemmer: plural and verb endings of Dutch and English, then a doubled final
    /// consonant or vowel made single ("vragen" → "vrag", "vraag" → "vrag").
    public static func stem(_ word: String) -> String {
        var w = Array(word)
        func ends(_ s: String) -> Bool { w.count > s.count + 2 && w.suffix(s.count).elementsEqual(s) }
        for suffix in ["heden", "heid", "ingen", "ing", "ische", "isch", "lijke", "lijk", "tion", "ies", "ers", "ens", "en", "es", "ed", "ly", "e", "s"] where ends(suffix) {
            w.removeLast(suffix.count)
            break
        }
        if w.count >= 3, let last = w.last, w[w.count - 2] == last, !"aeiou".contains(last) { w.removeLast() }
        if w.count >= 4, let last = w.last, !"aeiou".contains(last) {
            let v = w[w.count - 2]
            if "aeou".contains(v), w[w.count - 3] == v { w.remove(at: w.count - 2) }
        }
        return String(w)
    }

    /// Words that carry no content in either language (folded: no accents).
    static let stopWords: Set<String> = [
        "aan", "als", "bij", "dan", "dat", "die", "dit", "door", "een", "eens", "elk", "elke", "geen", "hen", "het", "hun", "ieder",
        "iets", "maar", "meer", "met", "naar", "niet", "nog", "ook", "over", "tot", "uit", "van", "veel", "voor", "wat", "wel", "wie",
        "worden", "wordt", "zijn", "zich", "zij", "zonder", "zoals", "moet", "moeten", "kan", "kunnen", "heeft", "hebben", "onze", "ons",
        "alle", "alles", "altijd", "steeds", "hoe", "waar", "daar", "hier", "dus", "want", "omdat", "zodat", "nodig", "goed", "mensen",
        "the", "and", "for", "with", "that", "this", "are", "was", "not", "but", "all", "can", "has", "have", "from", "they", "their",
        "them", "who", "what", "when", "where", "more", "must", "should", "into", "only", "also", "any", "each", "every", "our", "people",
    ]
}
