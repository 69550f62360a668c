import Core

/// A one-field text editor that works in Characters, not bytes: the cursor moves over "ë"
/// in one step, Backspace removes a whole "é" (or an emoji with its modifiers), and pasted
/// text arrives as many key presses that simply insert.
public struct TextInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public var limit: Int
    public var multiline: Bool

    public init(_ text: String = "", limit: Int = 2000, multiline: Bool = true) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
        self.multiline = multiline
    }

    public var text: String { String(characters) }
    private var scalarCount: Int { characters.reduce(0) { $0 + $1.unicodeScalars.count } }
    private var byteCount: Int { characters.reduce(0) { $0 + $1.utf8.count } }

    /// Handles an editing key; returns false for keys it does not use (Enter, Esc, Tab…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            if c == "\n" || c == "\r" { return insert(multiline ? "\n" : " ") }
            return insert(c)
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"): characters.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("w"):
            var i = cursor
            while i > 0 && characters[i - 1] == " " { i -= 1 }
            while i > 0 && characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor)
            cursor = i
        default:
            return false
        }
        return true
    }

    /// Characters typed or pasted past the limit and dropped since the field was last cleared:
    /// a screen shows `cutNotice` while it is above zero, so a long paste is never cut silently.
    public private(set) var dropped = 0

    /// "Cut: N characters did not fit", in the interface language.
    public func cutNotice(_ l: Language) -> String? {
        guard dropped > 0 else { return nil }
        return l == .nl
            ? "Ingekort: \(dropped) tekens pasten niet (hoogstens \(limit) tekens)."
            : "Cut: \(dropped) characters did not fit (at most \(limit) characters)."
    }

    private mutating func insert(_ c: Character) -> Bool {
        // Characters as the eye counts them, and the scalars and bytes behind them (a letter
        // with thousands of combining marks is one character).
        guard characters.count < limit, scalarCount + c.unicodeScalars.count <= TextPolicy.maxScalars,
            byteCount + c.utf8.count <= TextPolicy.maxBytes
        else {
            dropped += 1
            return true
        }
        // Tabs and other control characters are typed data, shown safely; keep them as a space.
        let ch: Character = (c.unicodeScalars.first.map { $0.value < 0x20 && c != "\n" } ?? false) ? " " : c
        characters.insert(ch, at: cursor)
        cursor += 1
        return true
    }

    /// The text wrapped at word boundaries to `width` columns, and where the cursor falls.
    public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
        guard width > 1 else { return ([], 0, 0) }
        let limit = width - 1  // keep a column for the cursor at the end of a full line
        // Greedy word wrap over character indices: each line is a range of `characters`.
        var ranges: [Range<Int>] = []
        var start = 0
        var col = 0
        var lastSpace: Int?
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                ranges.append(start..<i)
                start = i + 1
                col = 0
                lastSpace = nil
                i += 1
                continue
            }
            let w = max(1, DisplayWidth.of(c))
            if col + w > limit {
                if let space = lastSpace, space > start {
                    ranges.append(start..<(space + 1))
                    start = space + 1
                } else {
                    ranges.append(start..<i)
                    start = i
                }
                col = characters[start..<i].reduce(0) { $0 + max(1, DisplayWidth.of($1)) }
                lastSpace = nil
                continue
            }
            if c == " " { lastSpace = i }
            col += w
            i += 1
        }
        ranges.append(start..<characters.count)
        var cursorRow = ranges.count - 1
        for (row, r) in ranges.enumerated() where cursor < r.upperBound || (cursor == r.upperBound && row == ranges.count - 1) {
            cursorRow = row
            break
        }
        // A cursor exactly at a wrap point belongs to the start of the next line.
        let r = ranges[cursorRow]
        let column = characters[r.lowerBound..<min(cursor, r.upperBound)].reduce(0) { $0 + max(1, DisplayWidth.of($1)) }
        let lines = ranges.map { String(characters[$0]).replacingNewlines() }
        return (lines, cursorRow, column)
    }
}

extension String {
    fileprivate func replacingNewlines() -> String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }
}
