/// How the SSH room is opened: where it listens, the code, what each connection runs.
public struct SSHRoomConfig: Sendable {
    /// The address to listen on (the LAN address, or 127.0.0.1 for a room on this machine only).
    public var host: String
    public var port: Int
    /// nil: an open room, nobody is asked for a code.
    public var code: RoomCode?
    /// The store folder: the host key and the log live in `<store>/.room/`.
    public var store: String
    /// The session participants join.
    public var session: String
    /// The program each connection runs (this binary) and its arguments before the session.
    public var executable: String = "/proc/self/exe"
    /// Extra arguments for `join` (e.g. `--workshops DIR` the facilitator was given).
    public var extraArguments: [String] = []
    /// LANG for a client that sends none (Windows' ssh sends none): the facilitator's language.
    public var fallbackLang: String = "C.UTF-8"
    /// The address shown in the join line, when it differs from `host` (listening on 0.0.0.0).
    public var shownHost: String?
    public var limits = AttemptLimiter.Limits()
    /// Time for the version and key exchange, until the client asks to log in.
    public var handshakeGraceMs: Int64 = 10_000
    /// Time to type the code (sshd's LoginGraceTime).
    public var loginGraceMs: Int64 = 60_000
    /// Time after the code to ask for a terminal (an `ssh -N` sits idle otherwise).
    public var sessionGraceMs: Int64 = 15_000
    /// A participant who types nothing this long is disconnected politely.
    public var idleMs: Int64 = 45 * 60_000
    /// The longest a code check waits for its turn in the room's budget before the client is
    /// told to come back later (the code is then not checked).
    public var maxCheckWaitMs: Int64 = 10_000
    /// Wrong codes on one connection before it is closed.
    public var wrongCodesPerConnection = 3

    public init(host: String, port: Int, code: RoomCode?, store: String, session: String) {
        self.host = host
        self.port = port
        self.code = code
        self.store = store
        self.session = session
    }

    /// The line people type.
    public func joinCommand(port actualPort: Int) -> String {
        "ssh -p \(actualPort) zaal@\(shownHost ?? LANAddress.shown(host))"
    }
}
