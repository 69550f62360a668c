/// Reads the outline (bookmarks) of a PDF that Chromium printed with its document outline:
/// each heading's title and the page it is on, in document order. The report's first print
/// tells the contents list its page numbers; the second print carries them.
///
/// Chromium (Skia) writes plain objects, no object streams, so a small scanner suffices. A
/// PDF it cannot follow gives an empty outline: the contents then go without page numbers.
public enum PDFOutline {
    public struct Item: Equatable, Sendable {
        public var title: String
        /// 1-based.
        public var page: Int
        public init(title: String, page: Int) {
            self.title = title
            self.page = page
        }
    }

    public static func items(_ pdf: [UInt8]) -> [Item] {
        let objects = objectTexts(pdf)
        guard let root = lastRef(after: "/Root", in: trailerText(pdf)), let catalog = objects[root],
            let pagesRoot = ref(after: "/Pages", in: catalog)
        else { return [] }
        var pages: [Int: Int] = [:]
        var seen: Set<Int> = []
        var order = 0
        func walkPages(_ n: Int) {
            guard seen.insert(n).inserted, let text = objects[n] else { return }
            if let kids = refs(inArrayAfter: "/Kids", in: text) {
                for k in kids { walkPages(k) }
            } else {
                order += 1
                pages[n] = order
            }
        }
        walkPages(pagesRoot)
        guard let outlines = ref(after: "/Outlines", in: catalog), let top = objects[outlines] else { return [] }
        var out: [Item] = []
        var visited: Set<Int> = []
        // Pre-order: an item, its children, then the next; that is the headings' order.
        func walk(_ first: Int?) {
            var next = first
            while let n = next, visited.insert(n).inserted, let text = objects[n] {
                let page = refs(inArrayAfter: "/Dest", in: text)?.first.flatMap { pages[$0] }
                if let page, let title = title(in: text) {
                    out.append(Item(title: title, page: page))
                }
                walk(ref(after: "/First", in: text))
                next = ref(after: "/Next", in: text)
            }
        }
        walk(ref(after: "/First", in: top))
        return out
    }

    /// The page of each heading in `headings` (document order), 0 where not found: each is
    /// looked for after the previous one found, so a heading text that repeats is not mixed up.
    public static func pages(of headings: [String], in items: [Item]) -> [Int] {
        var from = 0
        return headings.map { h in
            let want = normalised(h)
            guard let i = items[from...].firstIndex(where: { normalised($0.title) == want }) else { return 0 }
            from = i + 1
            return items[i].page
        }
    }

    static func normalised(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: - Scanning

    /// Each "N 0 obj" with its dictionary, up to its stream or its end, as Latin-1 text.
    static func objectTexts(_ b: [UInt8]) -> [Int: String] {
        var out: [Int: String] = [:]
        let marker = Array(" 0 obj".utf8)
        var i = 0
        while i + marker.count <= b.count {
            guard b[i] == marker[0], Array(b[i..<i + marker.count]) == marker else {
                i += 1
                continue
            }
            var s = i
            while s > 0, b[s - 1] >= 0x30, b[s - 1] <= 0x39 { s -= 1 }
            let start = i + marker.count
            guard s < i, let n = Int(String(decoding: b[s..<i], as: UTF8.self)) else {
                i = start
                continue
            }
            var end = start
            while end < b.count, !has(b, "endobj", at: end), !has(b, "stream", at: end) { end += 1 }
            out[n] = String(b[start..<end].map { Character(Unicode.Scalar($0)) })
            i = end
        }
        return out
    }

    static func has(_ b: [UInt8], _ word: String, at i: Int) -> Bool {
        let w = Array(word.utf8)
        return i + w.count <= b.count && Array(b[i..<i + w.count]) == w
    }

    static func trailerText(_ b: [UInt8]) -> String {
        String(b.suffix(4096).map { Character(Unicode.Scalar($0)) })
    }

    /// "KEY N 0 R": N.
    static func ref(after key: String, in text: String) -> Int? {
        guard let r = text.range(of: key + " ") ?? text.range(of: key) else { return nil }
        return leadingRefs(text[r.upperBound...], max: 1).first
    }

    static func lastRef(after key: String, in text: String) -> Int? {
        guard let r = text.range(of: key, options: .backwards) else { return nil }
        return leadingRefs(text[r.upperBound...], max: 1).first
    }

    /// "KEY [N 0 R M 0 R …]": the object numbers in the array.
    static func refs(inArrayAfter key: String, in text: String) -> [Int]? {
        guard let r = text.range(of: key) else { return nil }
        let rest = text[r.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
        return leadingRefs(rest[rest.index(after: rest.startIndex)..<close], max: .max)
    }

    static func leadingRefs(_ s: Substring, max: Int) -> [Int] {
        let words = s.split(whereSeparator: { $0.isWhitespace || "/>[".contains($0) })
        var out: [Int] = []
        var i = 0
        while i + 2 < words.count, out.count < max {
            guard let n = Int(words[i]), Int(words[i + 1]) != nil, words[i + 2] == "R" else { break }
            out.append(n)
            i += 3
        }
        return out
    }

    /// "/Title (literal)" or "/Title <FEFF…>" (UTF-16BE), decoded.
    static func title(in text: String) -> String? {
        guard let r = text.range(of: "/Title") else { return nil }
        let rest = text[r.upperBound...].drop { $0 == " " || $0 == "\n" }
        if rest.first == "<" {
            let hex = rest.dropFirst().prefix { $0 != ">" }.filter { $0.isHexDigit }
            var bytes: [UInt8] = []
            var it = hex.makeIterator()
            while let a = it.next(), let b = it.next(), let v = UInt8(String([a, b]), radix: 16) { bytes.append(v) }
            if bytes.starts(with: [0xFE, 0xFF]) {
                var units: [UInt16] = []
                var k = 2
                while k + 1 < bytes.count {
                    units.append(UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
                    k += 2
                }
                return String(decoding: units, as: UTF16.self)
            }
            return String(bytes.map { Character(Unicode.Scalar($0)) })
        }
        guard rest.first == "(" else { return nil }
        var out: [UInt8] = []
        var depth = 0
        let chars = Array(rest.unicodeScalars.dropFirst())
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                let n = chars[i + 1]
                switch n {
                case "n": out.append(10)
                case "r": out.append(13)
                case "t": out.append(9)
                case "0"..."7":
                    var digits = ""
                    var j = i + 1
                    while j < chars.count, j < i + 4, ("0"..."7").contains(chars[j]) {
                        digits.unicodeScalars.append(chars[j])
                        j += 1
                    }
                    out.append(UInt8(Int(digits, radix: 8).map { $0 & 0xFF } ?? 0))
                    i = j
                    continue
                default: out.append(UInt8(truncatingIfNeeded: n.value))
                }
                i += 2
                continue
            }
            if c == "(" { depth += 1 }
            if c == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            out.append(UInt8(truncatingIfNeeded: c.value))
            i += 1
        }
        // Skia writes ASCII titles literally; anything else as UTF-16.
        return String(decoding: out, as: UTF8.self)
    }
}
