/// What each insight of a set says, as weighted features: Snowball stems of its content words
/// (Dutch or English, decided per text), glossary concepts for the words a content editor
/// listed, the head of a Dutch compound when that head is a word of its own, and a mark on a
/// word that follows a negation. Weights are idf over the insights compared, so a word most
/// insights use says little; each insight's vector has length 1 (cosine similarity).
struct InsightFeatures {
    /// Feature ids are even for a plain feature and odd for its negation (`id ^ 1`).
    var vectors: [[(feature: Int, weight: Double)]]
    /// Per plain feature (id / 2): the word as first written, or the concept's index.
    var names: [String]
    var concept: [Int?]

    /// A token of a text: its stem (or concept), whether a negation precedes it, as written.
    struct Token {
        var stem: String
        var concept: Int?
        var negated: Bool
        var word: String
    }

    init(texts: [String], glossary: [Workshop.Concept]) {
        let stemmer = SnowballStemmer()
        let index = Glossary(glossary, stemmer: stemmer)
        let tokenised = texts.map { Self.tokens($0, stemmer: stemmer, glossary: index) }
        var vocabulary = index.stems
        for list in tokenised { for t in list where t.concept == nil { vocabulary.insert(t.stem) } }
        var ids: [String: Int] = [:]
        var names: [String] = []
        var concept: [Int?] = []
        // A head met inside a compound before it is met on its own has only its stem as a
        // name; the word as written replaces it when it comes.
        var unwritten: Set<Int> = []
        func id(_ key: String, name: String, concept c: Int?, written: Bool = true) -> Int {
            if let known = ids[key] {
                if written, unwritten.remove(known) != nil { names[known] = name }
                return known
            }
            if !written { unwritten.insert(names.count) }
            ids[key] = names.count
            names.append(name)
            concept.append(c)
            return names.count - 1
        }
        var heads: [String: String?] = [:]
        var features: [[Int]] = []
        for list in tokenised {
            var mine: [Int] = []
            for t in list {
                var plain: [Int] = []
                if let c = t.concept {
                    plain.append(id("#" + glossary[c].id, name: glossary[c].id, concept: c))
                } else {
                    plain.append(id(t.stem, name: t.word, concept: nil))
                    if heads[t.stem] == nil { heads[t.stem] = Self.head(of: t.stem, vocabulary: vocabulary) }
                    if let h = heads[t.stem] ?? nil {
                        if let c = index.concept(ofStem: h) {
                            plain.append(id("#" + glossary[c].id, name: glossary[c].id, concept: c))
                        } else {
                            plain.append(id(h, name: h, concept: nil, written: false))
                        }
                    }
                }
                for p in plain {
                    let f = p * 2 + (t.negated ? 1 : 0)
                    if !mine.contains(f) { mine.append(f) }
                }
            }
            features.append(mine.sorted())
        }
        var df = [Int](repeating: 0, count: names.count * 2)
        for list in features { for f in list { df[f] += 1 } }
        let n = Double(texts.count)
        vectors = features.map { list in
            // Smoothed idf: never zero, so two insights alone can still meet.
            let raw = list.map { (feature: $0, weight: (1 + n / Double(df[$0])).logarithm) }
            let norm = raw.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            return norm > 0 ? raw.map { (feature: $0.feature, weight: $0.weight / norm) } : raw
        }
        self.names = names
        self.concept = concept
    }

    /// The content words of a folded text in order, stemmed in the text's language.
    static func tokens(_ text: String, stemmer: SnowballStemmer, glossary: Glossary) -> [Token] {
        let words = words(of: text)
        let language = language(of: words)
        var out: [Token] = []
        var negate = false
        for w in words {
            if StopWords.negations.contains(w) {
                negate = true
                continue
            }
            guard w.utf8.count >= 2, !StopWords.contains(w), !w.allSatisfy(\.isNumber) else { continue }
            let stem = stemmer.stem(w, language)
            out.append(Token(stem: stem, concept: glossary.concept(of: w, stem: stem), negated: negate, word: w))
            negate = false
        }
        return out
    }

    /// Folded words: lowercase without accents, split at anything that is not a letter or digit
    /// ("niet-digitale" is two words, so the negation marks "digitale").
    static func words(of text: String) -> [String] {
        TextFolding.fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// English when more of the words are English stop words than Dutch ones, else Dutch (the
    /// workshops are Dutch; a short text without stop words is read as Dutch).
    static func language(of words: [String]) -> Language {
        var nl = 0
        var en = 0
        for w in words {
            if StopWords.dutch.contains(w) { nl += 1 }
            if StopWords.english.contains(w) { en += 1 }
        }
        return en > nl ? .en : .nl
    }

    /// The head of a Dutch compound: the longest proper ending of at least five letters that is
    /// itself a word among the texts or in the glossary ("bedrijfsgegeven" → "gegeven"). A head
    /// of five letters also needs its first part to be a word ("boekh|ouder" is no compound).
    static func head(of stem: String, vocabulary: Set<String>) -> String? {
        let letters = Array(stem.utf8)
        guard letters.count >= 8 else { return nil }
        for cut in 3...(letters.count - 5) {
            let head = String(decoding: letters[cut...], as: UTF8.self)
            guard vocabulary.contains(head) else { continue }
            if letters.count - cut >= 6 { return head }
            var first = Array(letters[..<cut])
            if vocabulary.contains(String(decoding: first, as: UTF8.self)) { return head }
            // A linking "s" or "e" between the parts ("bedrijf-s-gegevens").
            if let last = first.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "e") {
                first.removeLast()
                if vocabulary.contains(String(decoding: first, as: UTF8.self)) { return head }
            }
        }
        return nil
    }
}

/// The glossary's words by their folded form and by their Dutch and English stems.
struct Glossary {
    private var byKey: [String: (concept: Int, length: Int)] = [:]
    private(set) var stems: Set<String> = []

    init(_ concepts: [Workshop.Concept], stemmer: SnowballStemmer) {
        for (c, concept) in concepts.enumerated() {
            for word in concept.words {
                let folded = TextFolding.fold(word)
                for key in [folded, stemmer.stem(folded, .nl), stemmer.stem(folded, .en)] where byKey[key] == nil {
                    byKey[key] = (c, folded.count)
                    stems.insert(key)
                }
            }
        }
    }

    /// The concept of a word as written, or of its stem when the word is no shorter than the
    /// glossary's word less an inflection (Snowball cuts "openbaar" to "open", which must not
    /// meet "openheid").
    func concept(of word: String, stem: String) -> Int? {
        if let hit = byKey[word] { return hit.concept }
        if let hit = byKey[stem], word.count >= hit.length - 2 { return hit.concept }
        return nil
    }

    func concept(ofStem stem: String) -> Int? { byKey[stem]?.concept }
}

extension Double {
    /// Natural logarithm without Foundation: ln(x) = 2 atanh((x-1)/(x+1)), after scaling x
    /// into [0.5, 1] by powers of two.
    var logarithm: Double {
        guard self > 0 else { return -Double.infinity }
        let e = Double(exponent + 1)
        let m = significand / 2
        let y = (m - 1) / (m + 1)
        var term = y
        var sum = 0.0
        var k = 1.0
        while abs(term) > 1e-17 {
            sum += term / k
            term *= y * y
            k += 2
        }
        return 2 * sum + e * 0.693_147_180_559_945_3
    }
}
