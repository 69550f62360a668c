import CNcurses
import Core
import TUI

#if canImport(Glibc)
import Glibc
#endif

/// What the terminal reports: a key, a new size, or nothing before the timeout.
public typealias TerminalEvent = ScreenEvent

public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
    public var nl: String
}

/// The only place that talks to ncurses: start and restore the terminal, read keys as
/// messages, and copy a `CellBuffer` to the screen (ncurses sends only what changed).
public final class TerminalScreen: Screen {
    private var screen: OpaquePointer?
    private var colours = false
    private let theme: Theme
    public private(set) var width = 0
    /// The screen buffer is never made larger than this, whatever size a terminal claims.
    public static let maxWidth = 500
    public static let maxHeight = 200
    public private(set) var height = 0
    private var active = false
    /// True when the system has no UTF-8 locale: the screen shows ASCII (é as e) and keys
    /// are decoded from UTF-8 here, so what people type is still kept whole.
    public let asciiOnly: Bool

    /// Starts curses. A terminal that curses does not know (`TERM=dumb`, unset, unknown)
    /// is a clear error, never a crash: `newterm` returns nil where `initscr` would exit.
    public init(theme: Theme) throws(TerminalError) {
        self.theme = theme
        asciiOnly = !Charset.start()
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty, term != "dumb" else {
            let shown = TerminalText.safe(getenv("TERM").map { String(cString: $0) } ?? "", keepLineBreaks: false)
            throw TerminalError(
                description: "this terminal (TERM=\(shown)) cannot show the screen; use a terminal such as xterm, tmux or the Linux console",
                nl: "deze terminal (TERM=\(shown)) kan het scherm niet tonen; gebruik een terminal zoals xterm, tmux of de Linux-console")
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError(
                description: "the screen needs a terminal: standard input and output must not be redirected",
                nl: "het scherm heeft een terminal nodig: standaardinvoer en -uitvoer mogen niet omgeleid zijn")
        }
        guard let s = newterm(nil, pf_stdout(), pf_stdin()) else {
            let shown = TerminalText.quoted(term)
            throw TerminalError(
                description: "unknown terminal type \(shown); set TERM to one this system knows (xterm-256color, tmux-256color)",
                nl: "onbekend terminaltype \(shown); zet TERM op een type dat dit systeem kent (xterm-256color, tmux-256color)")
        }
        screen = s
        set_term(s)
        active = true
        cbreak()
        noecho()
        nonl()
        keypad(pf_stdscr(), true)
        if asciiOnly { meta(pf_stdscr(), true) }
        set_escdelay(25)
        wtimeout(pf_stdscr(), 50)
        curs_set(0)
        if theme != .mono && has_colors() {
            start_color()
            use_default_colors()
            colours = true
            Palette.install(theme)
        }
        width = min(Int(pf_cols()), Self.maxWidth)
        height = min(Int(pf_lines()), Self.maxHeight)
    }

    /// Ctrl-C, Ctrl-Z and Ctrl-\\ arrive as keys instead of signals: a participant's screen asks
    /// before it ends and undoes with Ctrl-Z, instead of being stopped or suspended by one key.
    public func takeControlKeys() {
        guard active else { return }
        raw()
    }

    public var inputDescriptor: Int32? { 0 }
    public func takeSignal() -> Int32? { Signals.take() }

    deinit { stop() }

    /// Restores the terminal: cursor visible, normal mode. Safe to call more than once.
    public func stop() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// Waits up to `timeoutMs` for a key. Wide characters (ë, é) arrive as one key.
    public func read(timeoutMs: Int32) -> TerminalEvent? {
        wtimeout(pf_stdscr(), timeoutMs)
        if asciiOnly { return readBytes() }
        var ch: wint_t = 0
        let r = wget_wch(pf_stdscr(), &ch)
        if r == ERR { return nil }
        if r == pf_key_code_yes() {
            if Int32(ch) == KEY_RESIZE {
                width = min(Int(pf_cols()), Self.maxWidth)
                height = min(Int(pf_lines()), Self.maxHeight)
                return .resize(width: width, height: height)
            }
            return KeyMap.code(Int32(ch)).map { .key($0) }
        }
        guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
        if scalar == "\u{1B}" { return .key(readEscape()) }
        return KeyMap.character(scalar).map { .key($0) }
    }

    /// Without a UTF-8 locale ncurses hands over bytes: a UTF-8 sequence becomes one key here.
    private func readBytes() -> TerminalEvent? {
        let c = wgetch(pf_stdscr())
        if c == ERR { return nil }
        if c == KEY_RESIZE {
            width = min(Int(pf_cols()), Self.maxWidth)
            height = min(Int(pf_lines()), Self.maxHeight)
            return .resize(width: width, height: height)
        }
        if c > 255 { return KeyMap.code(c).map { .key($0) } }
        var bytes = [UInt8(c)]
        let more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0
        if more > 0 {
            wtimeout(pf_stdscr(), 20)
            for _ in 0..<more {
                let next = wgetch(pf_stdscr())
                guard next >= 0x80 && next < 0xC0 else {
                    if next != ERR { ungetch(next) }
                    break
                }
                bytes.append(UInt8(next))
            }
        }
        // An invalid sequence becomes U+FFFD, which shows as "?": never silently nothing.
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return nil }
        if scalar == "\u{1B}" { return .key(readEscape()) }
        return KeyMap.character(scalar).map { .key($0) }
    }

    /// After ESC: Alt+key arrives as ESC then the key; ESC alone times out.
    private func readEscape() -> Key {
        wtimeout(pf_stdscr(), 0)
        var ch: wint_t = 0
        let r = wget_wch(pf_stdscr(), &ch)
        if r == OK, let s = Unicode.Scalar(UInt32(ch)), s == "\r" || s == "\n" { return .char("\n") }  // Alt-Enter: new line
        if r != ERR { ungetch(Int32(ch)) }
        return .escape
    }

    /// Copies the buffer to the terminal and shows it.
    public func draw(_ buffer: CellBuffer) {
        let w = min(width, buffer.width)
        let h = min(height, buffer.height)
        for y in 0..<h {
            for x in 0..<w {
                let cell = buffer[x, y]
                if cell.char == "\u{0}" && !asciiOnly { continue }  // right half of a wide character (ASCII: "? ")
                let (attrs, pair) = Palette.attributes(cell.style, theme: theme, colours: colours)
                let char = asciiOnly ? (cell.char == "\u{0}" ? " " : ASCIIFold.fold(cell.char)) : cell.char
                _ = pf_put_cell(Int32(y), Int32(x), wchar_t(bitPattern: char.value), attrs, pair)
            }
        }
        if let c = buffer.cursor {
            curs_set(1)
            wmove(pf_stdscr(), Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(pf_stdscr())
        doupdate()
    }
}
