/// What the screen is made of: a grid of cells, each one character with a style.
/// Views draw into a `CellBuffer`; tests read it as text; the Terminal layer copies it into
/// ncurses. Colours are roles, not RGB: the theme decides what a role looks like.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case text, dim, accent, highlight, good, warn, bad, inverse, frame
}

public struct Style: Equatable, Hashable, Sendable {
    public var color: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ color: ColorRole = .text, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

public struct Cell: Equatable, Sendable {
    /// One grapheme's first scalar; a wide character's second column holds `continuation`.
    public var char: Unicode.Scalar
    public var style: Style

    public static let blank = Cell(char: " ", style: .plain)
    /// The right half of a double-width character: drawn by the left half.
    public static let continuation = Cell(char: "\u{0}", style: .plain)
}
