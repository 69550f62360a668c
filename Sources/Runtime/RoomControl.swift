import Application
import CRoom
import Core
import Foundation
import Room
import Store
import Synchronization
import TUI

#if canImport(Glibc)
import Glibc
#endif

/// How the facilitator asked for the room (`--room`, `--port`, `--code`/`--open`, `--listen`).
public struct RoomOptions: Sendable {
    public var port = 2222
    public var code: RoomCode?
    public var open = false
    public var listen: String?
    /// The `--workshops` folders, passed on to each participant view.
    public var workshopDirs: [String] = []
    /// The participant page's port (`--web-port`); nil with `--no-web`.
    public var webPort: Int? = 8080
    /// HTTPS for the phone page (`--web-tls CERT KEY`).
    public var webTLS: WebTLS? = nil

    public init(port: Int = 2222, code: RoomCode? = nil, open: Bool = false, listen: String? = nil, workshopDirs: [String] = [], webPort: Int? = 8080) {
        self.port = port
        self.code = code
        self.open = open
        self.listen = listen
        self.workshopDirs = workshopDirs
        self.webPort = webPort
    }
}

/// The room inside the facilitator's process: opens the SSH server for the session on screen,
/// gives the loop a fresh `RoomInfo` each tick, and ends every participant's connection and
/// process when the room closes or the facilitator stops.
final class RoomControl {
    let options: RoomOptions
    let store: String
    let language: Language
    private(set) var server: SSHRoomServer?
    /// The participant page for phones, beside the SSH server.
    private(set) var web: WebRoom?
    private var webAddress: String?
    private var webQR: [[Bool]]?
    /// The workshops installed here: the web room runs the session's engine itself.
    var workshops: [Workshop] = []
    private(set) var session: String?
    /// The session's code (RoomCodeFile): given, kept from an earlier run, or made up once;
    /// nil in an open room.
    private(set) var code: RoomCode?
    /// What the loop last sent into the TUI, to send only changes.
    private var lastSent: RoomInfo?
    /// Shown on the projector, or hidden by the facilitator (key `i`).
    private let visible = Mutex(true)
    private var otherAddresses: [String] = []
    /// Where the desk reads this room's state and leaves its requests.
    private var link: RoomLink?
    private var openedAt: Int64?

    init(options: RoomOptions, store: String, language: Language) {
        self.options = options
        self.store = store
        self.language = language
    }

    var isOpen: Bool { server != nil }

    /// Opens the room for `session`; a second call for another session moves it there.
    func open(session: String) throws(RoomError) {
        if server != nil && self.session == session { return }
        close()
        code = options.open ? nil : RoomCodeFile.code(store: store, session: session, given: options.code)
        // Every interface (IPv4 and IPv6) unless --listen narrows it; the join line shows
        // the address on the default route, the help lists the others.
        let found = LANAddress.find()
        let lan = found.shown
        let listen = options.listen ?? "::"
        var config = SSHRoomConfig(host: listen, port: options.port, code: code, store: store, session: session)
        if LANAddress.isWildcard(listen) {
            config.shownHost = lan
            otherAddresses = found.others
        } else {
            otherAddresses = []
        }
        openedAt = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        config.extraArguments = options.workshopDirs.flatMap { ["--workshops", $0] }
        // This very binary, by its real path, so `ps` shows what each connection runs.
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), exe.hasPrefix("/") {
            config.executable = exe
        }
        config.fallbackLang = language == .nl ? "nl_NL.UTF-8" : "C.UTF-8"
        // Tests: the idle disconnect and the login grace without waiting 45 minutes or one.
        let env = ProcessInfo.processInfo.environment
        if let ms = env["PERSPECTIEF_ROOM_IDLE_MS"].flatMap({ Int64($0) }), ms > 0 { config.idleMs = ms }
        if let ms = env["PERSPECTIEF_ROOM_GRACE_MS"].flatMap({ Int64($0) }), ms > 0 { config.loginGraceMs = ms }
        server = try SSHRoomServer.open(config)
        self.session = session
        var link = RoomLink(store: store, session: session)
        let opened = try? SessionStore(root: store, create: false).open(session, readOnly: true)
        link.anonymous = opened?.state.setup.anonymous ?? true
        opened?.close()
        // What a projector killed before left behind (names included) goes at once.
        link.publish(nil)
        self.link = link
        if let webPort = options.webPort {
            do {
                let w = try WebRoom.start(
                    storeRoot: store, sessionId: session, workshops: workshops, host: listen, port: webPort, code: code,
                    tls: options.webTLS)
                web = w
                let address = w.address(shownHost: config.shownHost ?? LANAddress.shown(listen))
                webAddress = address
                webQR = QRCode.modules(WebRoom.joinLink(address, code: code))
            } catch {
                close()
                throw RoomError("\(error) (another port: --web-port, no page for phones: --no-web)", nl: "\(error) (andere poort: --web-port, geen pagina voor telefoons: --no-web)")
            }
        }
    }

    /// Ends every connection and child, stops listening.
    func close() {
        link?.publish(nil)
        link = nil
        web?.stop()
        web = nil
        webAddress = nil
        webQR = nil
        server?.shutdown()
        server = nil
        session = nil
    }

    func setVisible(_ on: Bool) { visible.withLock { $0 = on } }

    /// Those inside stay; nobody new gets a name. The room keeps listening and answering:
    /// someone who drops comes back with their name and rejoin code, and a newcomer is told
    /// in words (each participant view reads `joinsStopped` from the room's status file).
    func stopJoins() {
        server?.joinsStopped.store(true, ordering: .relaxed)
        web?.stopJoins()
    }

    func disconnect(_ id: String) {
        if id.hasPrefix("web-") { web?.disconnect(id) } else { server?.disconnect(id) }
    }

    /// The room's state if it changed since the last call (`.some(nil)`: it just closed).
    func changedInfo() -> RoomInfo?? {
        var now = server.map { $0.info(visible: visible.withLock { $0 }) }
        now?.otherAddresses = otherAddresses
        now?.openedAt = openedAt
        if let web, var info = now {
            info.webAddress = webAddress
            info.qr = webQR
            let everyone = web.people
            let phones = everyone.filter(\.connected).map {
                RoomPerson(id: $0.id, name: $0.name, since: $0.since, via: .web, address: $0.address)
            }
            info.people = (info.people + phones).sorted { $0.since < $1.since }
            // Phones without a socket (asleep, or made up and never there) are still held:
            // the desk lists them so the facilitator can remove any of them.
            info.absent = everyone.filter { !$0.connected }.map {
                RoomPerson(id: $0.id, name: $0.name, since: $0.since, via: .web, address: $0.address)
            }
            info.doorUnderAttack = info.doorUnderAttack || web.underAttack
            now = info
        }
        if now == lastSent { return .none }
        lastSent = now
        // The desk (another process) sees the room through this file.
        link?.publish(now)
        return .some(now)
    }
}

/// The participant side of a room connection: a `join` started by the room's server dies
/// with it (even after kill -9 of the facilitator), and tells the server the name it joined
/// with, for the facilitator's list.
public enum RoomChild {
    /// The room's server process, when this process is one of its participant views.
    static let parent: pid_t? = ProcessInfo.processInfo.environment["PERSPECTIEF_ROOM_PARENT"].flatMap { pid_t($0) }

    /// Called first thing in `join`: the death signal cannot be given through posix_spawn.
    public static func bindToParent() {
        guard let parent else { return }
        _ = croom_set_parent_death_signal(SIGHUP)
        // The parent may have died before the line above: then nobody is left to serve us.
        if getppid() != parent { exit(0) }
    }

    /// After "stop new joins" only names the session knows come in (with their proof, which
    /// Joining asks for); anyone else is told so. Only in a view the room started.
    static func admits(_ h: SessionHandle, name: String, store: String) throws(Joining.Refused) {
        guard parent != nil, RoomLink(store: store, session: h.id).status()?.joinsStopped == true else { return }
        guard case .success(let clean) = ParticipantName.check(name), let key = try? h.participantKey(for: clean),
            h.state.participants[key] != nil
        else { throw Joining.Refused(noNewcomers) }
    }

    public static let noNewcomers = LocalizedText(
        nl: "De zaal neemt geen nieuwe deelnemers meer aan. Deed je al mee? Gebruik dezelfde naam en je terugkomcode.",
        en: "The room takes no new participants. Did you take part already? Use the same name and your rejoin code.")

    /// The name this participant joined with, on the pipe the server reads (fd 3).
    public static func announce(_ name: String) {
        guard parent != nil else { return }
        let bytes = Array((name.replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(3, $0.baseAddress, $0.count) }
    }

    /// A wrong rejoin code was typed on this join screen: the server counts it for the address.
    public static func announceWrongRejoin() {
        guard parent != nil else { return }
        let bytes = Array((RoomAnnounce.wrongRejoin + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(3, $0.baseAddress, $0.count) }
    }
}

/// The room's part of the facilitator's loop, kept here so the loop itself stays small.
extension Runtime {
    /// Opens (or moves) the room to the session on screen; a failure is a notice, not a crash.
    public func openRoom() throws(RoomError) {
        guard let id = handle?.id else { return }
        let control = room ?? RoomControl(options: roomOptions, store: store.root, language: app.language)
        control.workshops = workshops
        room = control
        try control.open(session: id)
    }

    func roomEffect(_ effect: Effect) {
        switch effect {
        case .openRoom:
            do { try openRoom() } catch { send(.room(RoomInfo(problem: app.language == .nl ? error.nl : error.description))) }
        case .closeRoom: room?.close()
        case .setRoomVisible(let on): room?.setVisible(on)
        case .disconnect(let id): room?.disconnect(id)
        case .stopJoins: room?.stopJoins()
        case .roomRequest(let r): desk?.link.request(r)
        default: break
        }
    }

    /// Sends the room's state into the TUI when it changed; true when it did.
    func pollRoom() -> Bool {
        if let desk { return desk.poll(self) }
        checkSentAway()
        let asked = takeDeskRequests()
        takeDeskDisconnects()
        guard let room, let change = room.changedInfo() else { return asked }
        send(.room(change))
        return true
    }
}
