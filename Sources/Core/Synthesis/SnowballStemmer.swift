import CStemmer

/// Snowball's Dutch and English stemmers (libstemmer). A Snowball stemmer keeps state
/// between calls, so an instance belongs to one computation and is never shared between
/// threads; it remembers the stems it made, because insights repeat their words.
final class SnowballStemmer {
    private let dutch: OpaquePointer?
    private let english: OpaquePointer?
    private var known: [Language: [String: String]] = [.nl: [:], .en: [:]]

    init() {
        dutch = sb_stemmer_new("dutch", "UTF_8")
        english = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        sb_stemmer_delete(dutch)
        sb_stemmer_delete(english)
    }

    /// The stem of a folded word (lowercase, no accents). A doubled final consonant is made
    /// single, as Snowball does only for some ("modellen" → "modell" → "model"), so that
    /// plural and singular meet.
    func stem(_ word: String, _ language: Language) -> String {
        if let s = known[language]?[word] { return s }
        let stemmer: OpaquePointer?
        switch language {
        case .nl: stemmer = dutch
        case .en: stemmer = english
        }
        var raw = word
        var out: [UInt8] = raw.withUTF8 { buffer -> [UInt8] in
            guard let stemmer, let base = buffer.baseAddress,
                let p = sb_stemmer_stem(stemmer, base, Int32(buffer.count))
            else { return Array(buffer) }
            return Array(UnsafeBufferPointer(start: p, count: Int(sb_stemmer_length(stemmer))))
        }
        if out.count > 3, let last = out.last, out[out.count - 2] == last, Self.isConsonant(last) { out.removeLast() }
        let s = String(decoding: out, as: UTF8.self)
        known[language]?[word] = s
        return s
    }

    static func isConsonant(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) && !"aeiouy".utf8.contains(b)
    }
}
