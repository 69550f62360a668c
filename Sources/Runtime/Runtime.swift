import Application
import Core
import Foundation
import Store
import TUI

#if canImport(Glibc)
import Glibc
#endif

/// The loop every screen runs on: keys, resizes, ticks, signals, room news and "the session
/// folder changed" become messages for the pure program; its effects are carried out here,
/// against the store, and what the store saved comes back as the new state. Nothing is shown
/// before it is durable, and nothing but `update` changes what is shown. The executable builds
/// one and runs it on the terminal; tests run it on a screen in memory against a real store.
public final class Runtime {
    public let store: SessionStore
    public let workshops: [Workshop]
    /// What the screen shows; changed only by `TUI.update` (through `send`).
    public private(set) var app: AppState
    var handle: SessionHandle?
    var watcher: FolderWatcher?
    var actor: Actor = .facilitator(nil)
    public internal(set) var running = true
    /// Review: what is still to load, the cache for next time, and the look for changes.
    var reviewLoading: ReviewLoading?
    var lastReviewScan: Int64 = 0
    /// A participant's claim on their name in the session (released when the process ends).
    var presence: Presence?
    /// The room participants join with ssh (open while `room?.isOpen`), and how to open it.
    var room: RoomControl?
    public var roomOptions = RoomOptions()
    /// In `perspectief desk`: the link to the projector's room (DeskLink.swift).
    var desk: DeskLink?
    /// A participant's screen takes Ctrl-C and Ctrl-Z as keys (it asks before leaving).
    public var controlKeysAsKeys = false
    /// The sync to the event database in a few words for the header (`run --sync`); nil: none.
    public var syncStatus: (() -> String)?
    /// The clock, in wall-clock milliseconds (tests move it by hand).
    public var clock: @Sendable () -> Int64 = Runtime.now
    var lastDrawnSecond: Int64 = -1
    /// A participant looks for the facilitator's reason to send them away (SentAway.swift).
    var lastByeCheck: Int64 = 0
    /// Connections the desk asked to end, each with when (a moment after its reason was left).
    var pendingDisconnects: [(id: String, at: Int64)] = []
    var dirty = true

    /// `listings` is false when a session is opened straight away: the home screen's list
    /// (which reads every saved session) is then made only when the facilitator goes there.
    public init(store: SessionStore, workshops: [Workshop], language: Language, theme: Theme, listings: Bool, route: Route? = nil) {
        self.store = store
        self.workshops = workshops
        app = AppState(
            workshops: workshops, listings: listings ? store.listings() : [], language: language, theme: theme, width: 80, height: 24,
            now: Runtime.now(), idPrefix: String(UInt32.random(in: 0...UInt32.max), radix: 36) + "-")
        app.utcOffsetMs = Int64(TimeZone.current.secondsFromGMT()) * 1000
        if let route { app.route = route }
    }

    @Sendable public static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// Runs until the program quits or a signal ends it; the screen is stopped on the way out.
    public func run(on screen: Screen) {
        defer {
            room?.close()
            screen.stop()
            handle?.close()
        }
        if controlKeysAsKeys { screen.takeControlKeys() }
        send(.resize(width: screen.width, height: screen.height))
        if screen.asciiOnly { send(.notice(Notice(kind: .info, text: S.asciiOnly[app.language]))) }
        while running { step(screen) }
    }

    /// One turn of the loop: at most one wait for input (`waitMs`), then everything that
    /// arrived is handled before the next frame is drawn.
    public func step(_ screen: Screen, waitMs: Int32 = 250) {
        if let signal = screen.takeSignal(), signal != SIGWINCH {
            // Everything on screen is already saved: restore the terminal and go.
            running = false
            return
        }
        let now = clock()
        if now / 1000 != lastDrawnSecond {
            app.syncStatus = syncStatus?()
            send(.tick(now: now))
            lastDrawnSecond = now / 1000
            dirty = true
        }
        if pollRoom() { dirty = true }
        if dirty {
            screen.draw(TUI.view(app))
            dirty = false
        }
        var fds: [pollfd] = []
        if let fd = screen.inputDescriptor { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        let watching = watcher?.usesInotify == true
        if let w = watcher, watching { fds.append(pollfd(fd: w.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
        let wait = reviewLoading?.done ?? true ? waitMs : 0
        if !fds.isEmpty {
            if poll(&fds, nfds_t(fds.count), Int32(wait)) < 0 && errno != EINTR { running = false; return }
        }
        // Keys (a paste is many keys: take them all before drawing), and resizes.
        var first = screen.inputDescriptor == nil ? wait : 0
        while let event = screen.read(timeoutMs: first) {
            first = 0
            switch event {
            case .key(let key): send(.key(key))
            case .resize(let w, let h): send(.resize(width: w, height: h))
            }
            dirty = true
            if !running { return }
        }
        loadReview(now: now)
        if let w = watcher {
            let changed = watching ? (fds.last.map { $0.revents & Int16(POLLIN) != 0 } ?? false) : w.checkPolled()
            if changed {
                w.drain()
                refreshSession()
                dirty = true
            }
        }
    }

    /// Sessions load in chunks between keystrokes, newest first, so a store of a thousand
    /// sessions never freezes the screen; once all is read, sessions written elsewhere come in
    /// again (a scan every 2 s tells which) and the cache is saved for next time.
    func loadReview(now: Int64) {
        guard var loading = reviewLoading else { return }
        if loading.done, case .review = app.route, now - lastReviewScan >= 2000 {
            lastReviewScan = now
            let removed = loading.rescan().removed
            if !removed.isEmpty { send(.reviewRemoved(removed)); dirty = true }
        }
        if !loading.done {
            let chunk = loading.next(64).map { ReviewRecord($0, workshops: workshops) }
            send(.reviewLoaded(chunk, remaining: loading.pending.count))
            dirty = true
        }
        loading.saveIfChanged()
        reviewLoading = loading
    }

    /// The first frame comes at once with what the cache still knows; the rest loads in the loop.
    public func startReview() -> ReviewState {
        let loading = ReviewLoading(store: store)
        var review = ReviewState(records: [])
        review.add(loading.listed.map(ReviewRecord.init(listed:)), remaining: loading.pending.count)
        reviewLoading = loading
        let journal = try? GroupJournal(store: store)
        review.groups = journal?.groups ?? []
        review.decisions = journal?.decisions ?? OrganiserDecisions()
        review.summary = (try? SummaryJournal(store: store))?.current()
        return review
    }

    public func send(_ msg: Msg) {
        for effect in TUI.update(&app, msg) { carryOut(effect) }
        dirty = true
    }
}

/// Why the runtime could not do what was asked before the screen started: one line, both languages.
public struct RuntimeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: LocalizedText
    public init(_ reason: LocalizedText) { self.reason = reason }
    public init(_ error: StoreError) { reason = LocalizedText(nl: error.message(in: .nl), en: error.message) }
    public var description: String { reason.en }
}
