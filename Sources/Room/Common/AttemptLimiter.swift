/// Who may connect and how fast anyone may guess: caps on connections (in total, per address,
/// and not yet past the code or request head — as sshd's MaxStartups — in total and per
/// address), a growing penalty for an address that types wrong codes (as OpenSSH's
/// PerSourcePenalties), and a budget of code checks for the whole room, whatever the address:
/// beyond a burst, every check waits its turn, so many addresses guess no faster than one.
/// Pure and transport-agnostic: the SSH and web servers keep one each behind a lock and pass
/// the clock in.
public struct AttemptLimiter: Sendable {
    public struct Limits: Sendable, Equatable {
        public var total: Int = 200
        public var perAddress: Int = 16
        public var unauthenticated: Int = 64
        public var unauthenticatedPerAddress: Int = 8
        /// Wrong codes an address may type before answers slow down (typos happen).
        public var freeFailures: Int = 3
        /// The first penalty; each further wrong code doubles it, up to `maxPenaltyMs`.
        public var basePenaltyMs: Int64 = 1_000
        public var maxPenaltyMs: Int64 = 60_000
        /// Failures are forgotten after this long without a new one.
        public var forgetAfterMs: Int64 = 600_000
        /// Code checks the whole room may make at once (a room arriving together)…
        public var roomBurst: Int = 30
        /// …and then one per this interval: the rate a guesser gets from any number of
        /// addresses. With the default 8-digit code that is over a year on average.
        public var roomIntervalMs: Int64 = 1_000

        public init() {}

        /// The average time (ms) to guess a code of `digits` digits at the room's steady rate.
        public func expectedGuessingMs(digits: Int) -> Double {
            var space = 1.0
            for _ in 0..<digits { space *= 10 }
            return space / 2 * Double(roomIntervalMs)
        }
    }

    public enum Refusal: Equatable, Sendable {
        case full, tooManyFromAddress, tooManyWaiting, tooManyWaitingFromAddress
        /// This address typed too many wrong codes; it may try again after the given time (ms).
        case penalized(untilMs: Int64)
    }

    struct Record: Sendable {
        var open = 0
        var waiting = 0
        var failures = 0
        var lastFailureMs: Int64 = 0
        var penaltyUntilMs: Int64 = 0
    }

    public let limits: Limits
    var records: [String: Record] = [:]
    public private(set) var open = 0
    public private(set) var waiting = 0
    /// When the room's next code check may run once the burst is spent (ms); checks booked
    /// ahead move it forward, so a crowd of guesses queues instead of running in parallel.
    var roomNextMs: Int64 = 0
    public private(set) var checks = 0

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// A new connection from `address`: admitted (counted as open and waiting for its code
    /// or request) or refused with the reason. Every admitted connection counts, penalised or
    /// not; `refusePenalized` closes the door on an address still serving its penalty.
    public mutating func admit(_ address: String, now: Int64, refusePenalized: Bool = true) -> Refusal? {
        var r = fresh(address, now: now)
        if open >= limits.total { return .full }
        if r.open >= limits.perAddress { return .tooManyFromAddress }
        if r.waiting >= limits.unauthenticatedPerAddress { return .tooManyWaitingFromAddress }
        if waiting >= limits.unauthenticated { return .tooManyWaiting }
        if refusePenalized && now < r.penaltyUntilMs { return .penalized(untilMs: r.penaltyUntilMs) }
        r.open += 1
        r.waiting += 1
        open += 1
        waiting += 1
        records[address] = r
        return nil
    }

    /// How long to hold back the answer to a code typed from `address` (ms): its own penalty.
    public func delayMs(_ address: String, now: Int64) -> Int64 {
        guard let r = records[address] else { return 0 }
        return max(0, r.penaltyUntilMs - now)
    }

    /// Books one code check for `address`: the wait (ms) before it may be checked — its
    /// penalty or the room's queue, whichever is longer — or nil when that wait would exceed
    /// `maxWaitMs` (then nothing is booked and the code must not be checked at all).
    public mutating func bookCheck(_ address: String, now: Int64, maxWaitMs: Int64) -> Int64? {
        // GCRA: `roomNextMs` is when the room's budget would be back to empty; a check may
        // run once it is no more than a burst ahead.
        let earliest = now + delayMs(address, now: now)
        let due = max(roomNextMs, now)
        let at = max(earliest, due - Int64(limits.roomBurst - 1) * limits.roomIntervalMs)
        if at - now > maxWaitMs { return nil }
        roomNextMs = due + limits.roomIntervalMs
        checks += 1
        return at - now
    }

    /// The booked check found the right code: its turn goes back to the budget, so a room
    /// arriving with the right code (the QR link carries it) never waits; only wrong codes
    /// use the budget up. The wait was fixed at booking, before the check, so it tells a
    /// guesser nothing about whether a guess was right.
    public mutating func refund() {
        roomNextMs -= limits.roomIntervalMs
    }

    /// A wrong code from `address`.
    public mutating func failed(_ address: String, now: Int64) {
        var r = fresh(address, now: now)
        r.failures += 1
        r.lastFailureMs = now
        if r.failures >= limits.freeFailures {
            let doublings = min(r.failures - limits.freeFailures, 16)
            let penalty = min(limits.basePenaltyMs << Int64(doublings), limits.maxPenaltyMs)
            r.penaltyUntilMs = now + penalty
        }
        records[address] = r
    }

    /// Past the waiting stage (a complete request head): no longer waiting, typos kept.
    public mutating func settled(_ address: String) {
        guard var r = records[address], r.waiting > 0 else { return }
        r.waiting -= 1
        waiting -= 1
        records[address] = r
    }

    /// The right code (or an open room): no longer waiting; earlier typos are forgiven.
    public mutating func authenticated(_ address: String) {
        settled(address)
        forgive(address)
    }

    /// Earlier typos from `address` no longer count.
    public mutating func forgive(_ address: String) {
        guard var r = records[address] else { return }
        r.failures = 0
        r.penaltyUntilMs = 0
        records[address] = r
    }

    /// A connection that `admit` let in has ended.
    public mutating func closed(_ address: String, wasWaiting: Bool) {
        guard var r = records[address], r.open > 0 else { return }
        r.open -= 1
        open -= 1
        if wasWaiting && r.waiting > 0 {
            r.waiting -= 1
            waiting -= 1
        }
        if r.open == 0 && r.failures == 0 { records[address] = nil } else { records[address] = r }
    }

    /// The address's record, with old failures forgotten.
    func fresh(_ address: String, now: Int64) -> Record {
        var r = records[address] ?? Record()
        if r.failures > 0 && now - r.lastFailureMs > limits.forgetAfterMs {
            r.failures = 0
            r.penaltyUntilMs = 0
        }
        return r
    }
}
