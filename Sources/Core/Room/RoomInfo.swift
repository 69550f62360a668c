/// What the projector shows about an open room: how to join, the code, the host key, and
/// who is connected. Pure data: the room servers (SSH, web) fill it, the TUI draws it.
public struct RoomInfo: Equatable, Sendable {
    /// The exact line to type, e.g. "ssh -p 2222 zaal@192.168.1.20".
    public var sshCommand: String?
    /// e.g. "http://192.168.1.20:8080": filled by the web server.
    public var webAddress: String?
    /// QR modules of `webAddress` (true = dark): filled by the web server.
    public var qr: [[Bool]]?
    /// nil: an open room (no code asked).
    public var code: String?
    /// "SHA256:…" of the SSH host key, so people can compare it with what ssh shows.
    public var fingerprint: String?
    /// Connected now, oldest first.
    public var people: [RoomPerson]
    /// Whether the join panel is shown on the projector.
    public var visible: Bool
    /// Why the room could not open (port taken, …), shown instead of the join line.
    public var problem: String?
    /// Every other address the room listens on ("172.17.0.1 (docker0)"), for the `?` help.
    public var otherAddresses: [String] = []
    /// When the room opened (ms since 1970): nobody in after two minutes brings advice.
    public var openedAt: Int64? = nil
    /// The facilitator stopped new joins; those inside stay.
    public var joinsStopped: Bool
    /// Wrong codes arrive at the door faster than people mistype: someone is guessing.
    public var doorUnderAttack: Bool = false
    /// People the room holds who are not connected now (a phone asleep, a page never opened):
    /// with `people`, everyone the room holds; the desk lists and removes them.
    public var absent: [RoomPerson] = []

    public init(
        sshCommand: String? = nil, webAddress: String? = nil, qr: [[Bool]]? = nil, code: String? = nil,
        fingerprint: String? = nil, people: [RoomPerson] = [], visible: Bool = true, problem: String? = nil,
        joinsStopped: Bool = false,
        doorUnderAttack: Bool = false
    ) {
        self.joinsStopped = joinsStopped
        self.doorUnderAttack = doorUnderAttack
        self.sshCommand = sshCommand
        self.webAddress = webAddress
        self.qr = qr
        self.code = code
        self.fingerprint = fingerprint
        self.people = people
        self.visible = visible
        self.problem = problem
    }
}

/// One connection in the room.
public struct RoomPerson: Equatable, Sendable {
    public enum Via: String, Sendable { case ssh, web }
    /// The server's own id for the connection (to disconnect it).
    public var id: String
    /// The name they joined with, once known.
    public var name: String?
    /// Connected since (ms since 1970).
    public var since: Int64
    public var via: Via
    /// The peer's address, e.g. "192.168.1.31".
    public var address: String

    public init(id: String, name: String? = nil, since: Int64, via: Via, address: String) {
        self.id = id
        self.name = name
        self.since = since
        self.via = via
        self.address = address
    }
}

/// What the facilitator's desk (another process) asks of the room, which lives in the
/// projector's process: the servers and their sockets cannot be handed over.
public enum RoomRequest: String, Equatable, Sendable, CaseIterable {
    case open, close, stopJoins, showPanel, hidePanel
}
