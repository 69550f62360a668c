import Core
import Foundation
import Store
import TUI
import Terminal

#if canImport(Glibc)
import Glibc
#endif

/// The interactive loop: keys, resizes, ticks, signals and "the session folder changed"
/// become messages for the pure program; its effects are carried out here, against the
/// store, and what the store saved comes back as the new state. Nothing is shown before it
/// is durable.
final class Interactive {
    let store: SessionStore
    let workshops: [Workshop]
    var app: AppState
    var handle: SessionHandle?
    var watcher: FolderWatcher?
    var actor: Actor = .facilitator(nil)
    var running = true
    /// Review: what is still to load, the cache for next time, and the look for changes.
    var reviewLoading: ReviewLoading?
    /// A participant's claim on their name in the session (released when the process ends).
    var presence: Presence?
    /// The room participants join with ssh (open while `room?.isOpen`), and how to open it.
    var room: RoomControl?
    var roomOptions = RoomOptions()
    /// The sync to the event database, in a few words for the header (`run --sync`); nil: none.
    var syncStatus: (() -> String)?

    /// `listings` is false when a session is opened straight away: the home screen's list
    /// (which reads every saved session) is then made only when the facilitator goes there.
    init(store: SessionStore, workshops: [Workshop], language: Language, theme: Theme, listings: Bool) {
        self.store = store
        self.workshops = workshops
        app = AppState(
            workshops: workshops, listings: listings ? store.listings() : [], language: language, theme: theme, width: 80, height: 24,
            now: Interactive.now(), idPrefix: String(UInt32.random(in: 0...UInt32.max), radix: 36) + "-")
        app.utcOffsetMs = Int64(TimeZone.current.secondsFromGMT()) * 1000
    }

    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    // MARK: Entry points

    static func facilitator(
        store: StoreOptions, workshops: WorkshopOptions, session: String?, lang: String?, theme: String?, room: RoomOptions? = nil,
        openRoom: Bool = false, syncStatus: (() -> String)? = nil
    ) throws {
        let env = ProcessInfo.processInfo.environment
        let catalog = workshops.catalog()
        guard !catalog.workshops.isEmpty else {
            throw Messages.noWorkshops(catalog.problems.first.map { ": \($0.problems.first?.description ?? "")" } ?? "")
        }
        let loop = Interactive(store: try store.open(forWriting: true), workshops: catalog.workshops, language: Output.language(lang), theme: Theme.choose(flag: theme, environment: env), listings: session == nil)
        if let session {
            // Open before the screen starts, so a bad id is a plain one-line error.
            try loop.open(session, failIfReadOnly: true)
        }
        loop.roomOptions = room ?? RoomOptions(workshopDirs: workshops.workshops)
        loop.syncStatus = syncStatus
        if openRoom {
            // A room that cannot open (port taken) is one line on the command line.
            do { try loop.openRoom() } catch { throw CLIError(error.description, nl: error.nl) }
        }
        try loop.run()
    }

    static func participant(store: StoreOptions, workshops: WorkshopOptions, session: String?, name: String?, lang: String?, theme: String?) throws {
        RoomChild.bindToParent()
        let env = ProcessInfo.processInfo.environment
        // Everything is checked before anything is written: a name, the session, a terminal
        // (the session first: a mistyped id is the likelier problem, and says so).
        if let name, TextPolicy.cleanLine(name).isEmpty { throw Messages.emptyName }
        let loop = Interactive(
            store: try store.open(forWriting: true), workshops: workshops.catalog().workshops, language: Output.language(lang),
            theme: Theme.choose(flag: theme, environment: env), listings: session == nil)
        loop.app.route = .join(JoinState(sessionId: session, name: name))
        if let session {
            // Problems with the session are one line on the command line, before any screen.
            let h: SessionHandle
            do { h = try loop.store.open(session, readOnly: true) } catch { throw CLIError(error) }
            try loop.joinable(h)
            if let problem = terminalProblem() { throw problem }
            if let name { try loop.join(session, name: name) }
        } else if let problem = terminalProblem() {
            throw problem
        }
        try loop.run()
    }

    /// The screen's own checks, made before a join writes anything (an event, a presence
    /// lock) that a refused screen would leave behind.
    static func terminalProblem() -> CLIError? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            return CLIError(
                "this terminal (TERM=\(TerminalText.safe(term, keepLineBreaks: false))) cannot show the screen; use a terminal such as xterm, tmux or the Linux console",
                nl: "deze terminal (TERM=\(TerminalText.safe(term, keepLineBreaks: false))) kan het scherm niet tonen; gebruik een terminal zoals xterm, tmux of de Linux-console")
        }
        return isatty(0) == 1 && isatty(1) == 1 ? nil : Messages.needsTerminal
    }

    static func review(store: StoreOptions, workshops: WorkshopOptions, lang: String?, theme: String?) throws {
        let env = ProcessInfo.processInfo.environment
        let catalog = workshops.catalog().workshops
        let loop = Interactive(
            store: try store.open(), workshops: catalog, language: Output.language(lang),
            theme: Theme.choose(flag: theme, environment: env), listings: false)
        loop.app.route = .review(loop.startReview())
        try loop.run()
    }

    /// The first frame comes at once with what the cache still knows; the other sessions
    /// load in chunks between keystrokes, newest first, so a store of a thousand sessions
    /// never freezes the screen.
    func startReview() -> ReviewState {
        let loading = ReviewLoading(store: store)
        var review = ReviewState(records: [])
        review.add(loading.listed.map(ReviewRecord.init(listed:)), remaining: loading.pending.count)
        reviewLoading = loading
        review.groups = (try? GroupJournal(store: store))?.groups ?? []
        return review
    }

    /// What the organiser sees once a grouping change is saved.
    static func saved(_ edit: GroupEdit, _ l: Language) -> String {
        switch edit {
        case .create(let refs, let label): return (l == .nl ? "Gegroepeerd: " : "Grouped: ") + "\(refs.count) × \"\(label)\""
        case .rename(_, let label): return (l == .nl ? "Groep hernoemd: " : "Group renamed: ") + "\"\(label)\""
        case .setMembers(_, let refs, true): return (l == .nl ? "Toegevoegd aan de groep: " : "Added to the group: ") + "\(refs.count)"
        case .setMembers(_, let refs, false): return (l == .nl ? "Uit de groep gehaald: " : "Taken out of the group: ") + "\(refs.count)"
        case .delete: return l == .nl ? "Groep opgeheven; de inzichten staan nog in hun sessies." : "Group removed; the insights are still in their sessions."
        }
    }

    /// Writes a report beside where the organiser started, never over an existing file.
    func export(_ ids: [String], format: String) {
        guard let f = ExportFormat(rawValue: format) else { return }
        let loaded = SessionLoader.load(store: store, ids: ids, workshops: workshops)
        let stamp = Output.date(Interactive.now()).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        let path = FileManager.default.currentDirectoryPath + "/perspectief-\(stamp).\(f.fileExtension)"
        do {
            let groups = (try? GroupJournal(store: store))?.groups ?? []
            try SafeFile.write(f.render(Report(sessions: loaded.inputs, groups: groups, language: app.language)), to: path, overwrite: false)
            app.notice = Notice(kind: .info, text: (app.language == .nl ? "Geschreven: " : "Written: ") + path)
        } catch {
            send(.failed(error.message(in: app.language)))
        }
    }

    /// A participant may join an open session that can be written.
    func joinable(_ h: SessionHandle) throws {
        if let reason = h.readOnlyReason { throw Messages.readOnlyJoin(h.id, reason) }
        if h.state.closed { throw Messages.closed(h.id) }
        if !workshops.contains(where: { $0.id == h.state.setup.workshopId }) {
            throw Messages.workshopMissing(h.id, h.state.setup.workshopId)
        }
    }

    /// Joins as `name`: claims the name for this terminal, records the join once, and follows.
    func join(_ id: String, name: String) throws {
        let h: SessionHandle
        do { h = try store.open(id) } catch { throw CLIError(error) }
        try joinable(h)
        let workshop = workshops.first { $0.id == h.state.setup.workshopId }!
        let clean = TextPolicy.cleanLine(name)
        let anonymous = h.state.setup.anonymous
        let key = ParticipantKey.key(name: clean, sessionId: h.id, anonymous: anonymous)
        do { presence = try h.claimPresence(key: key, name: clean) } catch { throw CLIError(error) }
        let participant = Actor(role: .participant, key: key, name: anonymous ? nil : clean)
        if h.state.participants[key] == nil {
            do { try h.perform(.join, by: participant, engine: Engine(workshop: workshop), now: Interactive.now()) } catch {
                presence = nil
                throw CLIError(error)
            }
        }
        handle?.close()
        handle = h
        actor = participant
        watcher = FolderWatcher(path: h.folder)
        send(.joined(id: h.id, workshop: workshop, state: h.state, actor: participant))
        RoomChild.announce(clean)
    }

    // MARK: The loop

    func run() throws {
        let screen: TerminalScreen
        do { screen = try TerminalScreen(theme: app.theme) } catch { throw CLIError(untranslated: "\(error)") }
        defer {
            room?.close()
            screen.stop()
            handle?.close()
        }
        Signals.install()
        send(.resize(width: screen.width, height: screen.height))
        if screen.asciiOnly { app.notice = Notice(kind: .info, text: S.asciiOnly[app.language]) }
        var lastDrawnSecond: Int64 = -1
        var lastReviewScan = Interactive.now()
        var dirty = true
        while running {
            if let signal = Signals.take(), signal != SIGWINCH {
                // Everything on screen is already saved: restore the terminal and go.
                running = false
                break
            }
            let now = Interactive.now()
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
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if let w = watcher, w.usesInotify { fds.append(pollfd(fd: w.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), reviewLoading?.done ?? true ? 250 : 0)
            if ready < 0 && errno != EINTR { break }
            // Keys (a paste is many keys: take them all before drawing), and resizes.
            while let event = screen.read(timeoutMs: 0) {
                switch event {
                case .key(let key): send(.key(key))
                case .resize(let w, let h): send(.resize(width: w, height: h))
                }
                dirty = true
                if !running { break }
            }
            if var loading = reviewLoading {
                // Sessions written elsewhere while review is open come in again; every 2 s a
                // scan of the folders (a few ms for a thousand) tells which.
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
                // Once all is read: the cache for next time (only if anything differs).
                loading.saveIfChanged()
                reviewLoading = loading
            }
            if let w = watcher {
                let changed = w.usesInotify ? (fds.count > 1 && fds[1].revents & Int16(POLLIN) != 0) : w.checkPolled()
                if changed {
                    w.drain()
                    refreshSession()
                    dirty = true
                }
            }
        }
    }

    func send(_ msg: Msg) {
        for effect in TUI.update(&app, msg) { carryOut(effect) }
    }

    func carryOut(_ effect: Effect) {
        switch effect {
        case .perform(let command):
            guard let handle, let engine = engine(for: handle) else { return }
            do {
                try handle.perform(command, by: actor, engine: engine, now: Interactive.now())
                send(.sessionChanged(handle.state))
            } catch {
                switch error {
                case .refused(let r): send(.refused(r))
                case .store(let s): send(.failed(s.message(in: app.language)))
                }
            }
        case .create(let request):
            create(request)
        case .openReadOnly(let id):
            do {
                let h = try store.open(id, readOnly: true)
                guard let w = workshops.first(where: { $0.id == h.state.setup.workshopId }) else { return }
                send(.sessionOpened(id: id, workshop: w, state: h.state, readOnly: h.readOnlyReason ?? (app.language == .nl ? "terugblik" : "review")))
            } catch {
                send(.failed(error.message(in: app.language)))
            }
        case .editGroup(let edit):
            do {
                let journal = try GroupJournal(store: store)
                try journal.apply(edit, now: Interactive.now())
                send(.groupsChanged(journal.groups))
                app.notice = Notice(kind: .info, text: Interactive.saved(edit, app.language))
            } catch {
                send(.failed(error.message(in: app.language)))
            }
        case .replay(let id):
            do {
                let h = try store.open(id, readOnly: true)
                guard let w = workshops.first(where: { $0.id == h.state.setup.workshopId }) else { return }
                send(.replayLoaded(title: h.state.setup.title, workshop: w, events: h.events))
            } catch {
                send(.failed(error.message(in: app.language)))
            }
        case .export(let ids, let format):
            export(ids, format: format)
        case .join(let id, let name):
            do { try join(id, name: name) } catch { send(.failed(Messages.text(of: error, in: app.language))) }
        case .open(let id):
            do { try open(id, failIfReadOnly: false) } catch { send(.failed(Messages.text(of: error, in: app.language))) }
        case .openReview:
            send(.reviewOpened(startReview()))
        case .leaveReview:
            reviewLoading = nil
            send(.listings(store.listings()))
        case .openRoom, .closeRoom, .setRoomVisible, .disconnect:
            roomEffect(effect)
        case .leaveSession:
            room?.close()
            handle?.close()
            handle = nil
            watcher = nil
            send(.listings(store.listings()))
        case .quit:
            running = false
        }
    }

    func engine(for handle: SessionHandle) -> Engine? {
        workshops.first { $0.id == handle.state.setup.workshopId }.map(Engine.init)
    }

    func open(_ id: String, failIfReadOnly: Bool) throws {
        let h: SessionHandle
        do { h = try store.open(id) } catch { throw CLIError(error) }
        guard let workshop = workshops.first(where: { $0.id == h.state.setup.workshopId }) else {
            throw Messages.workshopMissing(id, h.state.setup.workshopId)
        }
        if failIfReadOnly, let reason = h.readOnlyReason { throw Messages.readOnly(id, reason) }
        attach(h, workshop: workshop)
    }

    func create(_ r: NewSessionRequest) {
        guard let workshop = workshops.first(where: { $0.id == r.workshopId }) else { return }
        let now = Interactive.now()
        let slug: String
        switch r.perspective {
        case .workshop(let id): slug = id
        case .custom(let name): slug = name
        }
        let setup = SessionSetup(
            sessionId: store.newSessionID(perspective: slug, now: now), workshopId: workshop.id, workshopTitle: workshop.title,
            perspective: r.perspective, title: r.title, facilitator: r.facilitator, anonymous: r.anonymous, voteBudget: r.voteBudget,
            place: r.place)
        do {
            attach(try store.create(setup, by: .facilitator(r.facilitator), now: now), workshop: workshop)
        } catch {
            send(.failed(error.message(in: app.language)))
        }
    }

    func attach(_ h: SessionHandle, workshop: Workshop) {
        handle?.close()
        handle = h
        actor = .facilitator(h.state.setup.facilitator)
        watcher = FolderWatcher(path: h.folder)
        send(.sessionOpened(id: h.id, workshop: workshop, state: h.state, readOnly: h.readOnlyReason))
    }

    func refreshSession() {
        guard let handle else { return }
        do {
            if try handle.refresh() { send(.sessionChanged(handle.state)) }
        } catch {
            send(.failed(error.message(in: app.language)))
        }
    }
}
