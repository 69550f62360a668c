/// An in-memory screen. Drawing clips to the buffer, so views never have to check bounds.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text input), or nil to hide it.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: CellBuffer, b: CellBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x
            && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && y >= 0 && x < width && y < height) ? cells[y * width + x] : .blank }
        set { if x >= 0 && y >= 0 && x < width && y < height { cells[y * width + x] = newValue } }
    }

    /// Writes `text` from (x, y), at most `maxWidth` columns; returns the columns used.
    /// Wide characters take two columns; zero-width ones are dropped (see `DisplayWidth`).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0 && y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        if text.unicodeScalars.allSatisfy({ DisplayWidth.isSimple($0.value) }) {
            let row = y * width
            for u in text.unicodeScalars {
                if col >= limit { break }
                let v = u.value
                if col >= 0 { cells[row + col] = Cell(char: v < 0x20 || (0x7F..<0xA0).contains(v) ? "·" : u, style: style) }
                col += 1
            }
            return col - x
        }
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                self[col, y] = Cell(char: DisplayWidth.printable(ch), style: style)
                if w == 2 { self[col + 1, y] = Cell(char: "\u{0}", style: style) }
            }
            col += w
        }
        return col - x
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain, char: Unicode.Scalar = " ") {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { self[col, row] = Cell(char: char, style: style) }
        }
    }

    /// The screen as text, one line per row, trailing spaces trimmed: what tests compare.
    public var text: String { lines.joined(separator: "\n") }

    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if c.char != "\u{0}" { line.unicodeScalars.append(c.char) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
