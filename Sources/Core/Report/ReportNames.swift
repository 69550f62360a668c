/// Names that slip past `--no-names`: every known name (participants, authors, facilitators,
/// the organiser) found inside an entry's own text, and their replacement by "[naam]".
public struct NameInText: Equatable, Sendable {
    public var ref: EntryRef
    public var name: String
}

enum KnownNames {
    /// Every name the sessions and the summary know. A full name is searched whole and by its
    /// first word (people write "Ingrid", not "Ingrid de Vries"); a lone surname is not, as
    /// many are words too ("Bakker", "Vos").
    static func collect(_ sessions: [SessionInput], organiser: String?) -> [String] {
        var full: [String] = []
        for s in sessions {
            full += s.state.participants.values.compactMap(\.name)
            full += s.state.entries.compactMap(\.author)
            if let f = s.state.setup.facilitator { full.append(f) }
        }
        if let organiser { full.append(organiser) }
        var out: Set<String> = []
        for name in full {
            let words = name.split(whereSeparator: { $0 == " " }).map(String.init)
            guard let first = words.first else { continue }
            if words.count > 1 { out.insert(words.joined(separator: " ")) }
            // One letter or a lowercase word is no name to look for.
            if first.count >= 2, first.first?.isUppercase == true { out.insert(first) }
        }
        // Longest first, so a full name is replaced before its first word.
        return out.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// The ranges of `name` in `text` as a whole word, case as written.
    static func ranges(of name: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        let needle = Array(name)
        while from < text.endIndex {
            guard let r = find(needle, in: text, from: from) else { break }
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !isWordCharacter(before), !isWordCharacter(after) { out.append(r) }
            from = text.index(after: r.lowerBound)
        }
        return out
    }

    static func find(_ needle: [Character], in text: String, from: String.Index) -> Range<String.Index>? {
        var i = from
        while i < text.endIndex {
            var j = i
            var k = 0
            while k < needle.count, j < text.endIndex, text[j] == needle[k] {
                j = text.index(after: j)
                k += 1
            }
            if k == needle.count { return i..<j }
            i = text.index(after: i)
        }
        return nil
    }

    static func isWordCharacter(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }

    static func found(_ names: [String], in text: String) -> [String] {
        names.filter { !ranges(of: $0, in: text).isEmpty }
    }

    static func redact(_ names: [String], in text: String, with mark: String) -> String {
        var out = text
        for name in names {
            for r in ranges(of: name, in: out).reversed() { out.replaceSubrange(r, with: mark) }
        }
        return out
    }
}
