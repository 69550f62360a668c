import Application
import Core
import Foundation
import Store

/// Who the web room holds, who of them is there, and their pace: the people list of the desk,
/// removal, ghosts, and the budgets of each participant's actions.
extension WebHub {
    /// Someone on a phone, known by the token in their cookie.
    final class Person {
        let token: String
        /// The id the projector's list and a disconnect use (the token stays secret).
        let id: String
        /// The address the token was given to: the token works from there only.
        let address: String
        let key: String
        let name: String
        let actor: Actor
        var presence: Presence?
        let since: Int64
        let joinedAt: Double
        var lastSocketAt: Double
        var everConnected = false
        var sockets: [Int: AsyncStream<String>.Continuation] = [:]
        var lastSent: String?
        /// The last answer to this person's own action, or an announcement (an entry of theirs
        /// not accepted): the view shows it in the step it was given in only.
        var notice: ParticipantView.Notice?

        init(
            token: String, id: String, address: String, key: String, name: String, actor: Actor, presence: Presence,
            since: Int64, now: Double
        ) {
            self.token = token
            self.id = id
            self.address = address
            self.key = key
            self.name = name
            self.actor = actor
            self.presence = presence
            self.since = since
            joinedAt = now
            lastSocketAt = now
        }

        /// A socket open, or one closed (or a join made) less than `grace` seconds ago.
        func isThere(now: Double, grace: Double) -> Bool { !sockets.isEmpty || now - lastSocketAt < grace }
    }

    /// Whether two addresses are one device for the room (an IPv6 device is its /64).
    static func sameDevice(_ a: String, _ b: String) -> Bool {
        a == "?" || AttemptLimiter.key(a) == AttemptLimiter.key(b)
    }

    /// People who are there now: "the room is full" counts these, not ghosts.
    func presentCount(now: Double) -> Int { people.values.count { $0.isThere(now: now, grace: countGrace) } }

    /// People from `address` who are there, or who joined from it in the last minute (so an
    /// address cannot make up people faster than a few a minute).
    func countFrom(_ address: String, now: Double) -> Int {
        people.values.count { p in
            Self.sameDevice(p.address, address) && p.address != "?"
                && (p.isThere(now: now, grace: countGrace) || now - p.joinedAt < 60)
        }
    }

    /// Whether `key` may do `action` now; takes from its budgets when it may.
    func allowed(_ action: WebAction, key: String, nowMs: Int64) -> Bool {
        var r = rates[key] ?? (
            actions: RateBucket(burst: Self.actionBurst, perSecond: Self.actionsPerSecond),
            text: RateBucket(burst: Self.textBurst, perSecond: Self.textBytesPerSecond))
        defer { rates[key] = r }
        let bytes: Int
        switch action {
        case .add(let text), .edit(_, let text): bytes = text.utf8.count
        case .remove, .vote, .unvote, .chooseTable: bytes = 0
        }
        // Both budgets must allow it; the text budget is only taken from when the action is.
        var text = r.text
        guard bytes == 0 || text.take(nowMs: nowMs, cost: Double(2 * bytes)) else { return false }
        guard r.actions.take(nowMs: nowMs) else { return false }
        r.text = text
        return true
    }

    func setCountGrace(_ seconds: Double) { countGrace = seconds }
    func setRateClock(_ clock: @escaping @Sendable () -> Int64) { rateClock = clock }
    func setMaxPeople(_ n: Int) { maxPeople = n }

    /// Lets go of names whose phones have been gone a while, and of long-forgotten tokens.
    func sweep() {
        let now = Self.now()
        for (token, p) in people where p.sockets.isEmpty {
            if now - p.lastSocketAt > (p.everConnected ? Self.tokenLifetime : Self.neverConnectedLifetime) {
                p.presence?.release()
                people[token] = nil
                tokens.forget(token: token)
            } else if p.presence != nil, now - p.lastSocketAt > presenceGrace {
                p.presence?.release()
                p.presence = nil
            }
        }
        publish()
    }

    /// Everyone the room holds, there or not, oldest first (the desk lists and removes them).
    func snapshot() -> [WebPerson] {
        // The facilitator's list is in memory only: it names people as the SSH room's does, even
        // in an anonymous session, where the name never reaches the store.
        let now = Self.now()
        return people.values.map {
            WebPerson(
                id: $0.id, name: $0.name.isEmpty ? nil : $0.name, since: $0.since, address: $0.address,
                connected: !$0.sockets.isEmpty,
                present: $0.isThere(now: now, grace: countGrace))
        }
        .sorted { $0.since < $1.since }
    }

    /// The facilitator sends someone away, connected or not: their sockets end, their token
    /// stops working, their page asks for the code again. Their entries stay theirs.
    func disconnect(personId: String) {
        guard let (token, p) = people.first(where: { $0.value.id == personId }) else { return }
        for c in p.sockets.values {
            c.yield(JSONWriter.compact(["type": "unknown"]))
            c.finish()
        }
        p.presence?.release()
        people[token] = nil
        tokens.forget(token: token)
        publish()
    }
}
