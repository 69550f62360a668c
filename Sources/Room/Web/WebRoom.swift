import Core
import Dispatch
import Foundation
import Hummingbird
import Logging
import NIOCore
import Store
import Synchronization

/// The participant page of one open room, served from the facilitator's process. Start it
/// with `start`, show `address` and its QR code on the projector, `stop` it when the room or
/// the session closes: every socket ends then.
public final class WebRoom: Sendable {
    /// The web room's limits: TCP connections (page loads and sockets) in total and per address,
    /// and those still sending their request head. A phone opens a few at once (page, socket, a
    /// reload), so the per-address cap is above the SSH room's. The total fits the process's
    /// descriptors (DescriptorBudget), shared with the SSH room.
    public static func limits(total: Int = 300, perAddress: Int = 24) -> AttemptLimiter.Limits {
        var l = AttemptLimiter.Limits()
        l.total = DescriptorBudget.shared.cap(total, perConnection: 1)
        l.perAddress = perAddress
        l.unauthenticated = max(1, l.total / 3)
        l.unauthenticatedPerAddress = min(8, perAddress)
        return l
    }

    public let host: String
    /// The port listened on (the one asked for, or the one the system chose for 0).
    public let port: Int
    let hub: WebHub
    private let server: Task<Void, Never>
    private let watcher: HubWatcher
    private let published: PeopleBox
    private let stopped = Atomic<Bool>(false)

    /// The door's limiter: under attack or not.
    let limiter: WebLimiter
    /// "https" with `--web-tls`, else "http".
    public let scheme: String

    private init(
        host: String, port: Int, hub: WebHub, server: Task<Void, Never>, watcher: HubWatcher, published: PeopleBox,
        limiter: WebLimiter, scheme: String
    ) {
        self.limiter = limiter
        self.scheme = scheme
        self.host = host
        self.port = port
        self.hub = hub
        self.server = server
        self.watcher = watcher
        self.published = published
    }

    /// Opens the session for web participants and listens on `host:port`. `code` is the room
    /// code (nil: an open room). Throws a one-line reason when the session cannot be joined or
    /// the port cannot be listened on.
    public static func start(
        storeRoot: String, sessionId: String, workshops: [Workshop], host: String, port: Int, code: RoomCode?,
        limits: AttemptLimiter.Limits = WebRoom.limits(), tls: WebTLS? = nil
    ) throws -> WebRoom {
        // A certificate that cannot be used is said before anything opens.
        let context = try tls?.context()
        let published = PeopleBox()
        let hub = try WebHub(storeRoot: storeRoot, sessionId: sessionId, workshops: workshops, published: published)
        // The SSH room's log: one place says what happened at the room's doors.
        let log = RoomLog(path: RoomFiles.folder(store: storeRoot) + "/log")
        var web = WebServer(hub: hub, code: code, limiter: WebLimiter(limits: limits, log: log))
        web.tls = context
        let outcome = StartOutcome()
        var logger = Logger(label: "perspectief.web")
        // The facilitator's terminal belongs to the TUI: the server says nothing on it.
        logger.logLevel = .critical
        let app = Application(
            router: web.router(), server: web.serverBuilder(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in outcome.finish(.success(channel.localAddress?.port ?? port)) },
            logger: logger)
        let server = Task {
            do { try await app.run() } catch { outcome.finish(.failure(error)) }
            outcome.finish(.failure(StoreError("the web server stopped", nl: "de webserver is gestopt")))
        }
        let bound: Int
        switch outcome.wait() {
        case .success(let p): bound = p
        case .failure(let error):
            server.cancel()
            let stopHub = DispatchSemaphore(value: 0)
            Task { await hub.stop(); stopHub.signal() }
            stopHub.wait()
            throw StoreError("cannot serve the participant page on \(host):\(port): \(Self.reason(error))", nl: "kan de deelnemerspagina niet aanbieden op \(host):\(port): \(Self.reason(error))")
        }
        let watcher = HubWatcher()
        watcher.start(folder: storeRoot + "/" + sessionId, hub: hub)
        return WebRoom(
            host: host, port: bound, hub: hub, server: server, watcher: watcher, published: published,
            limiter: web.limiter, scheme: context == nil ? "http" : "https")
    }

    static func reason(_ error: Error) -> String {
        guard let io = error as? IOError else { return "\(error)" }
        switch io.errnoCode {
        case EADDRINUSE: return "the port is already in use"
        case EACCES: return "no permission to listen on that port"
        case EADDRNOTAVAIL: return "this machine has no such address"
        default: return String(cString: strerror(io.errnoCode))
        }
    }

    /// Whether wrong codes arrive at the page's door faster than people mistype.
    public var underAttack: Bool { limiter.underAttack }

    /// Who joined from a phone, oldest first (for the projector's room panel).
    public var people: [WebPerson] { published.value }

    /// The address to show and to put in the QR code, e.g. http://192.168.1.20:8080.
    public func address(shownHost: String? = nil) -> String { "\(scheme)://\(shownHost ?? host):\(port)" }

    /// The link in the QR code: the address with the room's code in its fragment
    /// (http://192.168.1.20:8080/#4821). A browser never sends a fragment to the server, so the
    /// code is in no request and no log, and a phone that scans it joins with its name only.
    public static func joinLink(_ address: String, code: RoomCode?) -> String {
        code.map { address + "/#" + $0.digits } ?? address
    }

    /// Ends one phone's sockets and name; their page asks for the code again.
    public func disconnect(_ personId: String) {
        let done = DispatchSemaphore(value: 0)
        let hub = hub
        Task {
            await hub.disconnect(personId: personId)
            done.signal()
        }
        done.wait()
    }

    /// Nobody new joins from a phone; those with a name stay.
    public func stopJoins() {
        let done = DispatchSemaphore(value: 0)
        let hub = hub
        Task {
            await hub.stopJoins()
            done.signal()
        }
        done.wait()
    }

    /// Ends every socket, lets go of every name, stops listening. Safe to call twice.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        watcher.stop()
        let done = DispatchSemaphore(value: 0)
        let server = server
        let hub = hub
        Task {
            await hub.stop()
            server.cancel()
            _ = await server.value
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }
}

/// The outcome of starting, handed from the server's task to the caller waiting for it.
final class StartOutcome: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<Int, any Error>?>(nil)

    func finish(_ r: Result<Int, any Error>) {
        let first = result.withLock { result -> Bool in
            guard result == nil else { return false }
            result = r
            return true
        }
        if first { semaphore.signal() }
    }

    func wait() -> Result<Int, any Error> {
        semaphore.wait()
        return result.withLock { $0! }
    }
}

/// The people list as last published by the hub, readable from any thread without waiting.
final class PeopleBox: Sendable {
    private let people = Mutex<[WebPerson]>([])
    var value: [WebPerson] { people.withLock { $0 } }
    func set(_ p: [WebPerson]) { people.withLock { $0 = p } }
}

/// Watches the session folder on a thread of its own (a blocking poll must not hold one of the
/// few cooperative threads) and hands each change to the hub, which pushes it to the pages.
final class HubWatcher: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let ended = DispatchSemaphore(value: 0)

    func start(folder: String, hub: WebHub) {
        let thread = Thread { [self] in
            let watcher = FolderWatcher(path: folder)
            var lastSweep = Date().timeIntervalSince1970
            while !stopping.load(ordering: .acquiring) {
                let changed = watcher.waitForChange(timeoutMs: 200)
                let now = Date().timeIntervalSince1970
                let sweep = now - lastSweep > 5
                if sweep { lastSweep = now }
                guard changed || sweep else { continue }
                let done = DispatchSemaphore(value: 0)
                Task {
                    if changed { await hub.refresh() }
                    if sweep { await hub.sweep() }
                    done.signal()
                }
                done.wait()
            }
            ended.signal()
        }
        thread.name = "perspectief web watcher"
        thread.start()
    }

    func stop() {
        stopping.store(true, ordering: .releasing)
        _ = ended.wait(timeout: .now() + 2)
    }
}
