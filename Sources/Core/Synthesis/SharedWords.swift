/// Shared content words of two texts, by their Snowball stems: what the report's main
/// messages section compares (a message with an insight). The grouping proposals use the
/// weighted comparison of `SimilarInsights.propose` instead.
extension SimilarInsights {
    /// Content words of `text`, each as (stem, the word as written), each stem once.
    public static func stems(_ text: String) -> [(stem: String, word: String)] {
        let stemmer = SnowballStemmer()
        var out: [(String, String)] = []
        var seen: Set<String> = []
        let none = Glossary([], stemmer: stemmer)
        for t in InsightFeatures.tokens(text, stemmer: stemmer, glossary: none) where t.stem.count >= 3 {
            if seen.insert(t.stem).inserted { out.append((t.stem, t.word)) }
        }
        return out
    }

    /// The Snowball stem of one folded word ("uitvragen" → "uitvrag").
    public static func stem(_ word: String, language: Language = .nl) -> String {
        SnowballStemmer().stem(TextFolding.fold(word), language)
    }

    /// Two stems meet when equal, or when one is the other's compound head of at least five
    /// letters ("bedrijfsgegeven" → "gegeven").
    static func meet(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 5 && long.hasSuffix(short)
    }

    /// The words two texts share (by stem), as written in the first.
    public static func shared(_ a: [(stem: String, word: String)], _ b: [(stem: String, word: String)]) -> [String] {
        a.filter { x in b.contains { meet(x.stem, $0.stem) } }.map(\.word)
    }

    public static let minimumShared = 2
}
