import Application
import Core
import Foundation
import Store

/// The web participants of one session, inside the facilitator's process. Every action goes
/// through the same store and engine as a terminal participant's: the name is claimed with the
/// same presence lock, the join is recorded once, and the engine decides and refuses with the
/// same reasons. One actor owns the session handle, so actions are saved one after another.
actor WebHub {
    enum JoinResult: Sendable, Equatable {
        /// `rejoinCode`: shown once, on a name's first join (its proof when coming back).
        case joined(token: String, rejoinCode: String?)
        case refused(LocalizedText)
    }

    enum ConnectResult: Sendable {
        case connected(id: Int, stream: AsyncStream<String>)
        case unknown
        /// The token is known but was given to another address: replayed, or the phone moved.
        case moved
        case refused(LocalizedText)
    }

    /// A name's presence is let go this long after its last socket closed (a phone asleep), so
    /// the same person can come back from another browser; their token still works after that.
    var presenceGrace: Double = 90
    /// Tokens of people with no socket for this long are forgotten: they join again.
    static let tokenLifetime: Double = 8 * 3600
    /// People who are there (a socket open, or closed less than `countGrace` ago) at most.
    var maxPeople = 500
    /// People the room keeps in memory, there or not (their tokens still work).
    var maxHeld: Int { maxPeople * 4 }
    /// A person without a socket stops counting as there after this (a ghost: a made-up person
    /// whose page never connected, or closed); their name and entries stay theirs.
    var countGrace: Double = 20
    /// A venue's Wi-Fi gives each phone its own address; a few share one behind a router.
    static let maxPeoplePerAddress = 8
    /// Made-up people whose page never opened a socket are forgotten this soon.
    static let neverConnectedLifetime: Double = 120
    /// Actions a participant may send: a burst, then a steady rate (a person's pace)…
    static let actionBurst = 30.0
    static let actionsPerSecond = 2.0
    /// …and bytes of text they may save, counted twice (the journal escapes what it must):
    /// with the actions' overhead, under 1 MB a minute per participant at most.
    static let textBurst = 64.0 * 1024
    static let textBytesPerSecond = 4.0 * 1024
    /// Replies remembered per participant, so a repeated request id is answered, not redone.
    static let rememberedReplies = 1000

    let sessionId: String
    let workshop: Workshop
    let handle: SessionHandle
    private let engine: Engine
    var people: [String: Person] = [:]
    /// Each participant's budgets (by key: a new token does not refill them).
    var rates: [String: (actions: RateBucket, text: RateBucket)] = [:]
    /// The budgets' clock (a test drives it).
    var rateClock: @Sendable () -> Int64 = { WebHub.nowMs() }
    private var replies: [String: [String: String]] = [:]
    private var replyOrder: [String: [String]] = [:]
    private var nextSocket = 0
    private var joins = 0
    private var broadcastPending = false
    private var ended = false

    let published: PeopleBox
    /// Tokens kept on disk: a phone comes back in by itself after a restart of this process.
    var tokens: WebTokens

    init(storeRoot: String, sessionId: String, workshops: [Workshop], published: PeopleBox) throws {
        let store = try SessionStore(root: storeRoot, create: false)
        let h = try store.open(sessionId)
        let w: Workshop
        do { w = try Joining.joinable(h, workshops: workshops) } catch { throw StoreError(error.reason) }
        self.sessionId = sessionId
        h.limitsEntryRate = true
        handle = h
        workshop = w
        engine = Engine(workshop: w)
        self.published = published
        tokens = WebTokens(storeRoot: storeRoot)
        tokens.prune(now: Self.now(), lifetime: Self.tokenLifetime)
    }

    func publish() { published.set(snapshot()) }

    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
    static func now() -> Double { Date().timeIntervalSince1970 }

    static func newToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let s = String(g.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }

    // MARK: Joining

    /// The facilitator stopped new joins: those with a name stay, nobody new gets one.
    var joinsStopped = false
    func stopJoins() { joinsStopped = true }

    /// Joins through the one use case (Application's Joining); the hub adds what only a web
    /// room knows: the phone's cookie as proof of the same device, and a cap per address.
    func join(name raw: String, address: String = "?", token: String? = nil, rejoinCode: String? = nil) -> JoinResult {
        if ended { return .refused(Refusal.closed.reason) }
        if joinsStopped, !knownName(raw) { return .refused(Self.noNewcomers) }
        if case .success(let clean) = ParticipantName.check(raw), let key = try? handle.participantKey(for: clean),
            let token, let earlier = people[token], earlier.key == key, Self.sameDevice(earlier.address, address)
        {
            // The same phone joining again (its cookie, from its address) is the same person:
            // its old entry goes.
            forget(token)
            return finishJoin(raw, address: address, proof: .sameDevice)
        }
        let now = Self.now()
        if people.count >= maxHeld || presentCount(now: now) >= maxPeople { return .refused(WebMessage.roomFull) }
        if countFrom(address, now: now) >= Self.maxPeoplePerAddress { return .refused(WebMessage.tooManyFromDevice) }
        return finishJoin(raw, address: address, proof: rejoinCode.map { .rejoinCode($0) } ?? .none)
    }

    private func finishJoin(_ raw: String, address: String, proof: Joining.Proof) -> JoinResult {
        let joined: Joining.Joined
        do { joined = try Joining.join(handle, workshop: workshop, name: raw, proof: proof, now: Self.nowMs()) } catch { return .refused(error.reason) }
        let token = Self.newToken()
        joins += 1
        people[token] = Person(
            token: token, id: "web-\(joins)", address: address, key: joined.actor.key, name: joined.name, actor: joined.actor,
            presence: joined.presence, since: Self.nowMs(), now: Self.now())
        let anonymous = handle.state.setup.anonymous
        tokens.remember(
            token: token, session: sessionId, key: joined.actor.key, name: anonymous ? nil : joined.name,
            address: address, now: Self.now())
        publish()
        return .joined(token: token, rejoinCode: joined.rejoinCode)
    }

    static var wrongRejoinCode: LocalizedText { Joining.wrongRejoinCode }

    func forget(_ token: String) {
        guard let p = people.removeValue(forKey: token) else { return }
        for c in p.sockets.values { c.finish() }
        p.presence?.release()
    }

    // MARK: Sockets

    /// A page's socket. `address` nil: a test of the hub itself, not a network peer.
    func connect(token: String, address: String? = nil) -> ConnectResult {
        guard !ended, let p = people[token] ?? restore(token, address: address) else { return .unknown }
        // A token is bound to the address it was given to: one read off the air (plain HTTP)
        // and replayed from elsewhere opens nothing.
        if let address, !Self.sameDevice(p.address, address) { return .moved }
        if p.presence == nil {
            // Back after the grace time: the name must still be free.
            do { p.presence = try handle.claimPresence(key: p.key, name: p.name) } catch { return .refused(Joining.nameTaken(p.name)) }
        }
        nextSocket += 1
        let id = nextSocket
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        p.sockets[id] = continuation
        p.lastSocketAt = Self.now()
        p.everConnected = true
        continuation.yield(stateJSON(p))
        publish()
        return .connected(id: id, stream: stream)
    }

    /// A token this process has not seen, given out before a restart or before the room closed:
    /// the person is back with the same key, their entries and votes, without a new join.
    private func restore(_ token: String, address: String?) -> Person? {
        guard people.count < maxHeld, let r = tokens.find(token: token, session: sessionId),
            handle.state.participants[r.key] != nil, !handle.state.closed
        else { return nil }
        let anonymous = handle.state.setup.anonymous
        let name = r.name ?? ""
        guard let presence = try? handle.claimPresence(key: r.key, name: name) else { return nil }
        joins += 1
        let p = Person(
            token: token, id: "web-\(joins)", address: r.address ?? address ?? "?", key: r.key, name: name,
            actor: Actor(role: .participant, key: r.key, name: anonymous ? nil : r.name), presence: presence, since: Self.nowMs(), now: Self.now())
        people[token] = p
        tokens.seen(token: token, now: Self.now())
        return p
    }

    func disconnect(token: String, id: Int) {
        guard let p = people[token], let c = p.sockets.removeValue(forKey: id) else { return }
        c.finish()
        p.lastSocketAt = Self.now()
        publish()
    }

    /// One message from a page: an action with a request id. The reply goes to that socket, the
    /// new view to the author's pages, and to the other pages that can see the change.
    func receive(token: String, socket: Int, text: String) {
        guard let p = people[token], let out = p.sockets[socket] else { return }
        p.lastSocketAt = Self.now()
        let message = WebMessage.parse(text)
        guard case .action(let rid, let action) = message else {
            if case .invalid(let why) = message { out.yield(WebMessage.error(why)) }
            return
        }
        if let earlier = replies[p.key]?[rid] {
            out.yield(earlier)
            return
        }
        // A person's pace: beyond it the action is refused unsaved, the view not rebuilt.
        guard allowed(action, key: p.key, nowMs: rateClock()) else {
            out.yield(WebMessage.refused(rid, WebMessage.tooFast))
            return
        }
        let reply = perform(action, rid: rid, by: p)
        remember(reply, rid: rid, key: p.key)
        out.yield(reply)
        push(p)
        if othersSee(action) { scheduleBroadcast() }
    }

    /// Others' views after a save go out at most every 50 ms: a burst of saves in a full room
    /// becomes one view per phone, not one per save per phone.
    private func scheduleBroadcast() {
        guard !broadcastPending else { return }
        broadcastPending = true
        Task {
            try? await Task.sleep(for: .milliseconds(50))
            self.flushBroadcast()
        }
    }

    private func flushBroadcast() {
        broadcastPending = false
        if !ended { broadcast() }
    }

    /// Whether an action can change what other pages show: not where each participant works
    /// alone (StepEntries), and never others' votes. In a full room each save then costs one
    /// view, not a hundred.
    private func othersSee(_ action: WebAction) -> Bool {
        switch action {
        // At a table the dots pick the table's top 3, which its other members see.
        case .vote, .unvote: return engine.currentStep(handle.state)?.kind == .tableRound
        case .chooseTable: return true
        case .add, .edit, .remove:
            guard let kind = engine.currentStep(handle.state)?.kind else { return true }
            return !(kind.participantsWorkAlone && !handle.state.roomVisible)
        }
    }

    private func push(_ p: Person) {
        let before = p.lastSent
        let s = stateJSON(p)
        guard s != before else { return }
        for c in p.sockets.values { c.yield(s) }
    }

    private func perform(_ action: WebAction, rid: String, by p: Person) -> String {
        let command: Command
        switch action {
        case .add(let text):
            let id = "w-" + rid
            // Saved before, and the reply lost with a dropped socket or a restart: done already.
            if let e = handle.state.entry(id), e.owner == p.key { return WebMessage.ack(rid, entry: id) }
            command = .addEntry(id: id, text: text)
        case .edit(let id, let text): command = .editEntry(id: id, text: text)
        case .remove(let id): command = .removeEntry(id: id)
        case .vote(let id): command = .vote(id: id)
        case .unvote(let id): command = .withdrawVote(id: id)
        case .chooseTable(let id): command = .chooseTable(id)
        }
        let step = engine.currentStep(handle.state)?.id ?? ""
        do {
            try handle.perform(command, by: p.actor, engine: engine, now: Self.nowMs())
        } catch {
            let reason = Joining.reason(error)
            p.notice = ParticipantView.Notice(kind: .refused, text: reason, step: step)
            return WebMessage.refused(rid, reason)
        }
        switch action {
        case .add, .edit: p.notice = ParticipantView.Notice(kind: .saved, text: ParticipantText.saved, step: step)
        case .remove: p.notice = ParticipantView.Notice(kind: .saved, text: ParticipantText.removed, step: step)
        case .vote, .unvote: p.notice = nil
        case .chooseTable: p.notice = nil
        }
        if case .addEntry(let id, _, _, _, _, _, _) = command { return WebMessage.ack(rid, entry: id) }
        return WebMessage.ack(rid, entry: nil)
    }

    private func remember(_ reply: String, rid: String, key: String) {
        replies[key, default: [:]][rid] = reply
        replyOrder[key, default: []].append(rid)
        if let order = replyOrder[key], order.count > Self.rememberedReplies {
            replies[key]?[order[0]] = nil
            replyOrder[key]?.removeFirst()
        }
    }

    private func stateJSON(_ p: Person) -> String {
        let view = ParticipantView.make(workshop: workshop, state: handle.state, actor: p.actor, now: Self.nowMs(), notice: p.notice)
        let s = JSONWriter.compact(view.json)
        p.lastSent = s
        return s
    }

    /// Sends each page its view when it differs from what it last got.
    private func broadcast() {
        for p in people.values where !p.sockets.isEmpty { push(p) }
    }

    // MARK: Changes from elsewhere, time, the end

    /// What others wrote (the facilitator's step, terminal participants): read and pushed.
    func refresh() {
        guard !ended else { return }
        let before = handle.state
        let changed = (try? handle.refresh()) ?? false
        guard changed else { return }
        let step = engine.currentStep(handle.state)?.id ?? ""
        for p in people.values {
            if let said = ParticipantView.announcement(before: before, after: handle.state, actor: p.actor, step: step) { p.notice = said }
        }
        broadcast()
        if handle.state.closed { endSockets(notice: WebMessage.closed) }
    }

    /// Closing the session ends every socket; everyone joins again if it reopens.
    private func endSockets(notice: String) {
        for p in people.values {
            for c in p.sockets.values {
                c.yield(notice)
                c.finish()
            }
            p.presence?.release()
        }
        people.removeAll()
        publish()
    }

    func setPresenceGrace(_ seconds: Double) { presenceGrace = seconds }

    /// Ends every socket without a word, as a Wi-Fi drop would: the pages reconnect.
    func dropSockets() {
        for p in people.values {
            for c in p.sockets.values { c.finish() }
        }
    }

    func stop() {
        guard !ended else { return }
        endSockets(notice: WebMessage.roomClosed)
        ended = true
        handle.close()
    }

    /// For tests and the bench: the state as the store has it now.
    func sessionState() -> SessionState {
        _ = try? handle.refresh()
        return handle.state
    }
}
