/// What a screen reports: a key, a new size.
public enum ScreenEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
}

/// Where the runtime draws and reads: the real terminal (Terminal's ncurses screen) or, in
/// tests, a screen in memory that records frames and plays keys.
public protocol Screen: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// The terminal can only show ASCII (no UTF-8 locale): said once on the first frame.
    var asciiOnly: Bool { get }
    /// A descriptor that becomes readable when a key is waiting (nil: ask `read` instead).
    var inputDescriptor: Int32? { get }
    func draw(_ buffer: CellBuffer)
    /// The next event, waiting at most `timeoutMs`.
    func read(timeoutMs: Int32) -> ScreenEvent?
    /// A signal that arrived since the last call (SIGINT, SIGTERM, SIGHUP), as its number.
    func takeSignal() -> Int32?
    /// Ctrl-C and Ctrl-Z as keys rather than signals (a participant's screen asks first).
    func takeControlKeys()
    func stop()
}
