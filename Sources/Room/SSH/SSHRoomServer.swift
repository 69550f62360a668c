import Core
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The room's SSH server: plain `ssh -p PORT zaal@HOST` and the room code give a participant
/// view of the session on a pty of its own. Thread-safe: the facilitator's loop reads
/// `snapshot()` each tick and may `disconnect` or `shutdown` from its own thread.
public final class SSHRoomServer: Sendable {
    public let config: SSHRoomConfig
    public let hostKey: HostKey
    let group: MultiThreadedEventLoopGroup
    let listener: Mutex<Channel?> = Mutex(nil)
    /// IPv4 beside `::` where the system keeps IPv6 sockets IPv6-only (bindv6only=1).
    let listener4: Mutex<Channel?> = Mutex(nil)
    let peers: Mutex<[Int: Peer]> = Mutex([:])
    let limiter: Mutex<AttemptLimiter>
    let nextId = Atomic<Int>(1)
    let logPath: String
    let roomLog: RoomLog
    /// "SHA256:…" of the host key, worked out once.
    public let fingerprint: String
    /// The port actually listened on (0 in the config picks a free one).
    public let port: Atomic<Int> = Atomic(0)
    /// Set when the room closes: each participant's connection then says how to come back.
    let closing = Atomic<Bool>(false)
    /// New connections are no longer accepted (`stopListening`).
    public let joinsStopped = Atomic<Bool>(false)
    /// The minute the log last said the door is under attack.
    let attackLogged = Atomic<Int64>(-1)

    /// One TCP connection, as the registry knows it.
    struct Peer {
        let id: Int
        let address: String
        let since: Int64
        let channel: Channel
        var authenticated = false
        /// The client got as far as asking to log in (version and key exchange done).
        var authStarted = false
        /// No longer counted by the limiter (evicted to make way).
        var released = false
        /// Past the SSH login, which lets anyone in: the code is asked inside (CodePrompt).
        var admitted = false
        var sessionOpened = false
        var name: String?
        var pid: pid_t?
        var term: String?
        var cols = 0
        var rows = 0
        var outcome: String?
        var wrongCodes = 0
        var wrongRejoins = 0
    }

    public init(config: SSHRoomConfig, hostKey: HostKey) {
        self.config = config
        self.hostKey = hostKey
        fingerprint = hostKey.fingerprint
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var limits = config.limits
        // A connection costs its socket, the pty's master and the announce pipe.
        limits.total = DescriptorBudget.shared.cap(limits.total, perConnection: 3)
        limiter = Mutex(AttemptLimiter(limits: limits))
        logPath = RoomFiles.folder(store: config.store) + "/log"
        roomLog = RoomLog(path: logPath)
    }

    /// Reads or makes the host key in the store and opens the server.
    public static func open(_ config: SSHRoomConfig) throws(RoomError) -> SSHRoomServer {
        let key = try HostKey.loadOrCreate(at: RoomFiles.folder(store: config.store) + "/host_ed25519")
        let server = SSHRoomServer(config: config, hostKey: key)
        try server.start()
        return server
    }

    func start() throws(RoomError) {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            // TCP_NODELAY at the TCP level: `socketOption(.tcp_nodelay)` would set SOL_SOCKET's
            // option 1, SO_DEBUG, which only root may set, and every other user's room closed
            // each connection before its banner (found by make package-test's facilitator).
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in accept(channel) }
        do {
            let ch: Channel
            do {
                ch = try bootstrap.bind(host: config.host, port: config.port).wait()
            } catch where config.host == "::" {
                // A kernel without IPv6: every IPv4 interface still.
                ch = try bootstrap.bind(host: "0.0.0.0", port: config.port).wait()
            }
            let bound = ch.localAddress?.port ?? config.port
            port.store(bound, ordering: .relaxed)
            listener.withLock { $0 = ch }
            if config.host == "::", ch.localAddress?.protocol == .inet6 {
                // Usually `::` is dual-stack and this bind is refused (the port is taken by it);
                // where IPv6 sockets are IPv6-only it gives the IPv4 half.
                let v4 = try? bootstrap.bind(host: "0.0.0.0", port: bound).wait()
                listener4.withLock { $0 = v4 }
            }
        } catch {
            try? group.syncShutdownGracefully()
            throw RoomError("cannot open the room on \(config.host) port \(config.port): \(error)", nl: "kan de zaal niet openen op \(config.host) poort \(config.port): \(error)")
        }
    }

    /// What the projector shows now.
    public func info(visible: Bool = true) -> RoomInfo {
        RoomInfo(
            sshCommand: config.joinCommand(port: port.load(ordering: .relaxed)), code: config.code?.grouped,
            fingerprint: fingerprint, people: snapshot(), visible: visible,
            joinsStopped: joinsStopped.load(ordering: .relaxed),
            doorUnderAttack: underAttack)
    }

    /// Who is in the room: every connection past the code, oldest first.
    public func snapshot() -> [RoomPerson] {
        peers.withLock { peers in
            peers.values.filter(\.authenticated).sorted { $0.id < $1.id }.map {
                RoomPerson(id: "ssh-\($0.id)", name: $0.name, since: $0.since, via: .ssh, address: $0.address)
            }
        }
    }

    /// Ends one connection (the facilitator's choice); its participant view is told to stop.
    public func disconnect(_ personId: String) {
        guard personId.hasPrefix("ssh-"), let id = Int(personId.dropFirst(4)) else { return }
        let channel: Channel? = peers.withLock {
            $0[id]?.outcome = "disconnected by the facilitator"
            return $0[id]?.channel
        }
        channel?.close(promise: nil)
    }

    /// Stops listening for new connections; those inside stay connected.
    public func stopListening() {
        let main = listener.withLock { l in
            defer { l = nil }
            return l
        }
        let v4 = listener4.withLock { l in
            defer { l = nil }
            return l
        }
        for c in [main, v4] { try? c?.close().wait() }
        joinsStopped.store(true, ordering: .relaxed)
    }

    /// Stops listening, ends every connection and every child: SIGHUP, then SIGKILL after a
    /// short grace. Blocks the caller (the facilitator's loop is done by then).
    public func shutdown(graceMs: Int = 1500) {
        let l = listener.withLock { l in
            defer { l = nil }
            return l
        }
        try? l?.close().wait()
        let l4 = listener4.withLock { l in
            defer { l = nil }
            return l
        }
        try? l4?.close().wait()
        closing.store(true, ordering: .releasing)
        let open = peers.withLock { peers in
            for k in peers.keys where peers[k]?.outcome == nil { peers[k]?.outcome = "room closed" }
            return Array(peers.values)
        }
        // The views end first (SIGHUP), so each connection can still say goodbye and how to come
        // back after its screen is restored; then the connections close.
        for p in open {
            if let pid = p.pid { PtyChild.signal(pid, SIGHUP) } else { p.channel.close(promise: nil) }
        }
        var waited = 0
        while waited < graceMs, peers.withLock({ peers in open.contains { peers[$0.id] != nil } }) {
            usleep(10_000)
            waited += 10
        }
        for p in open { p.channel.close(promise: nil) }
        var children = open.compactMap(\.pid)
        children.removeAll { PtyChild.reap($0) != nil }
        for pid in children {
            PtyChild.signal(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        try? group.syncShutdownGracefully()
        roomLog.flush()
    }

    // MARK: Connections
    func accept(_ channel: Channel) -> EventLoopFuture<Void> {
        let address = channel.remoteAddress?.ipAddress ?? "?"
        let now = Clock.nowMs()
        var refusal: AttemptLimiter.Refusal? = DescriptorBudget.shared.hasRoom() ? nil : .full
        if refusal == nil { refusal = limiter.withLock { $0.admit(address, now: now) } }
        // A full pool of connections not yet past the code, the address's own or the room's:
        // one of them makes way (the oldest of the address holding most), so parked
        // connections at the code prompt never keep a participant out.
        var tries = 0
        while let r = refusal, r == .tooManyWaiting || r == .tooManyWaitingFromAddress || r == .full, tries < 3,
            evictOldestWaiting(from: r == .tooManyWaitingFromAddress ? address : nil)
        {
            tries += 1
            refusal = limiter.withLock { $0.admit(address, now: now) }
        }
        if let refusal {
            roomLog.refused(address: address, reason: "\(refusal)".split(separator: "(").first.map(String.init) ?? "refused", nowMs: now)
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededVoidFuture()
        }
        let id = nextId.wrappingAdd(1, ordering: .relaxed).oldValue
        peers.withLock { $0[id] = Peer(id: id, address: address, since: now, channel: channel) }
        let delegate = CodeDelegate(server: self, id: id, address: address, channel: channel)
        channel.closeFuture.whenComplete { [self] _ in finished(id) }
        // No version and key exchange in time (a machine's work: seconds), then no code in
        // time (a person's: a minute), as sshd's LoginGraceTime.
        channel.eventLoop.scheduleTask(in: .milliseconds(config.handshakeGraceMs)) { [self] in
            if peers.withLock({ $0[id].map { !$0.authStarted } ?? false }) {
                setOutcome(id, "no handshake in time")
                channel.close(promise: nil)
            }
        }
        channel.eventLoop.scheduleTask(in: .milliseconds(config.loginGraceMs)) { [self] in
            if peers.withLock({ $0[id].map { !$0.authenticated } ?? false }) {
                setOutcome(id, "no code in time")
                channel.close(promise: nil)
            }
        }
        return channel.eventLoop.makeCompletedFuture {
            var serverConfig = SSHServerConfiguration(hostKeys: [hostKey.sshKey], userAuthDelegate: delegate)
            serverConfig.maxAuthAttempts = config.wrongCodesPerConnection + 3
            let handler = NIOSSHHandler(
                role: .server(serverConfig), allocator: channel.allocator,
                inboundChildChannelInitializer: { [self] child, type in openChannel(child, type: type, peer: id, address: address) })
            try channel.pipeline.syncOperations.addHandler(handler)
            try channel.pipeline.syncOperations.addHandler(CloseOnError())
        }
    }

    /// Only one session channel per connection; every forwarding channel is refused.
    func openChannel(_ child: Channel, type: SSHChannelType, peer id: Int, address: String) -> EventLoopFuture<Void> {
        guard case .session = type else { return child.eventLoop.makeFailedFuture(RoomError("no forwarding in a room", nl: "geen doorsturen in een zaal")) }
        let first = peers.withLock { peers -> Bool in
            guard var p = peers[id], p.admitted, !p.sessionOpened else { return false }
            p.sessionOpened = true
            peers[id] = p
            return true
        }
        guard first else { return child.eventLoop.makeFailedFuture(RoomError("one session per connection", nl: "één sessie per verbinding")) }
        return child.eventLoop.makeCompletedFuture {
            try child.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            try child.pipeline.syncOperations.addHandler(SessionHandler(server: self, peer: id, address: address))
        }
    }

    /// Past the SSH login: a session channel may open; the code is asked in it.
    func admitted(_ id: Int) { update(id) { $0.admitted = true } }

    func isAuthenticated(_ id: Int) -> Bool { peers.withLock { $0[id]?.authenticated ?? false } }

    /// Past the code: the login grace ends; a session must now be asked for soon.
    func authenticated(_ id: Int, address: String) {
        limiter.withLock { $0.authenticated(address, now: Clock.nowMs()) }
        guard let channel = peers.withLock({ p -> Channel? in
            p[id]?.authenticated = true
            return p[id]?.channel
        }) else { return }
        channel.eventLoop.scheduleTask(in: .milliseconds(config.sessionGraceMs)) { [self] in
            if peers.withLock({ $0[id].map { !$0.sessionOpened } ?? false }) {
                setOutcome(id, "no terminal asked for")
                channel.close(promise: nil)
            }
        }
    }

    /// The room's pool of connections not yet past the code is full: one of them makes way —
    /// from `address` if given, else from the address holding most such connections; the
    /// oldest of those (sshd's MaxStartups drops new ones instead, which lets silent or parked
    /// connections keep a real person out).
    func evictOldestWaiting(from address: String? = nil) -> Bool {
        let victim: Peer? = peers.withLock { peers in
            let waiting = peers.values.filter { p in
                !p.authenticated && !p.released
                    && address.map { AttemptLimiter.key($0) == AttemptLimiter.key(p.address) } ?? true
            }
            var held: [String: Int] = [:]
            for p in waiting { held[AttemptLimiter.key(p.address), default: 0] += 1 }
            let most = held.values.max() ?? 0
            let fromMost = waiting.filter { held[AttemptLimiter.key($0.address)] == most }
            guard let p = fromMost.min(by: { $0.id < $1.id }) else { return nil }
            peers[p.id]?.released = true
            if peers[p.id]?.outcome == nil { peers[p.id]?.outcome = "made way: not past the code" }
            return p
        }
        guard let victim else { return false }
        limiter.withLock { $0.closed(victim.address, wasWaiting: true) }
        victim.channel.close(promise: nil)
        return true
    }

    /// Whether wrong codes arrive at this door faster than people mistype.
    public var underAttack: Bool { limiter.withLock { $0.underAttack(now: Clock.nowMs()) } }

    /// Says once a minute in the log that the door is under attack.
    func noteAttack() {
        let now = Clock.nowMs()
        let minute = now / 60_000
        let say = limiter.withLock { $0.underAttack(now: now) }
            && attackLogged.exchange(minute, ordering: .relaxed) != minute
        guard say else { return }
        let most = config.limits.attackPerMinute
        roomLog.write("\(ISOTime.format(ms: now)) ssh door under attack: more than \(most) wrong codes a minute")
    }

    /// A wrong rejoin code typed in a participant view (its join screen said so): counted
    /// against the address as the phone page counts it; a few end the connection.
    func wrongRejoin(_ id: Int, address: String) -> Int {
        limiter.withLock { $0.wrongRejoin(address, now: Clock.nowMs()) }
        noteAttack()
        var count = 0
        update(id) {
            $0.wrongRejoins += 1
            count = $0.wrongRejoins
        }
        return count
    }

    /// The client asked to log in: its handshake is done.
    func authStarted(_ id: Int) { update(id) { $0.authStarted = true } }

    func finished(_ id: Int) {
        guard let p = peers.withLock({ $0.removeValue(forKey: id) }) else { return }
        if !p.released { limiter.withLock { $0.closed(p.address, wasWaiting: !p.authenticated) } }
        // A connection that never got as far as typing a code (a flood's) is counted per address
        // and minute, as refusals are: the log keeps hours, not a minute, under a flood.
        // ("No code in time" is still a line: the login grace lets at most the pool's size a minute.)
        let early = p.outcome == nil || p.outcome == "no handshake in time" || p.outcome?.hasPrefix("made way") == true
        if !p.authenticated && p.wrongCodes == 0 && p.wrongRejoins == 0 && early {
            roomLog.refused(address: p.address, reason: p.outcome ?? "left before the code", nowMs: Clock.nowMs())
            return
        }
        log(
            address: p.address, term: p.term, cols: p.cols, rows: p.rows, durationMs: Clock.nowMs() - p.since,
            outcome: p.outcome ?? (p.authenticated ? "client gone" : p.wrongCodes > 0 ? "wrong code \(p.wrongCodes)x" : "left before the code"))
    }

    func update(_ id: Int, _ change: (inout Peer) -> Void) {
        peers.withLock { peers in
            if var p = peers[id] {
                change(&p)
                peers[id] = p
            }
        }
    }

    func setOutcome(_ id: Int, _ outcome: String) {
        update(id) { if $0.outcome == nil { $0.outcome = outcome } }
    }

    func log(address: String, term: String?, cols: Int, rows: Int, durationMs: Int64, outcome: String) {
        let line = [
            ISOTime.format(ms: Clock.nowMs()), "ssh", address, "TERM=\(term.map { Printable.clean($0, max: 40) } ?? "-")", "\(cols)x\(rows)",
            String(format1: Double(durationMs) / 1000) + "s", outcome,
        ].joined(separator: " ")
        roomLog.write(line)
    }
}

/// Garbage bytes or a broken client: that connection is closed, the room goes on.
final class CloseOnError: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
}

enum Clock {
    static func nowMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

/// Text from a client (a TERM, a name) made safe for a log line or a screen.
enum Printable {
    static func clean(_ s: String, max: Int) -> String {
        String(TextPolicy.cleanLine(s).prefix(max))
    }
}

extension String {
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
