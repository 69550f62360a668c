/// The largest terminal a participant gets: a client may claim any size (10000×10000 at
/// connect or by a resize), and the participant view allocates a screen buffer of that size.
/// Clamped before anything is allocated; nobody reads a wider or taller terminal anyway.
enum TerminalSize {
    static let maxCols = 500
    static let maxRows = 200

    static func clampCols(_ c: Int) -> Int { min(max(c, 1), maxCols) }
    static func clampRows(_ r: Int) -> Int { min(max(r, 1), maxRows) }
}
