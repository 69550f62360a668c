/// Who may connect and how fast anyone may guess: caps on connections (in total, per address,
/// and not yet past the code or request head — as sshd's MaxStartups — in total and per
/// address), a growing penalty for an address that types wrong codes (as OpenSSH's
/// PerSourcePenalties), and two budgets of code checks for the whole room, whatever the
/// address: a lane for addresses that have not failed and one for those that have. A crowd of
/// guessing addresses fills its own lane only, so it never keeps a newcomer with the right
/// code out. Pure and transport-agnostic: the SSH and web servers keep one each behind a lock
/// and pass the clock in. The guessing arithmetic is in docs/RELIABILITY.md.
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
        /// Checks the failed lane may make at once…
        public var roomBurst: Int = 10
        /// …and then one per this interval: the steady rate a guesser gets from any number of
        /// addresses once each has failed.
        public var roomIntervalMs: Int64 = 1_000
        /// The lane of addresses with no failure: a room arriving together. Each address gets
        /// at most one check here (the check itself counts as a failure until it is right), so
        /// guessers pass through it once per address per `forgetAfterMs`.
        public var cleanBurst: Int = 30
        public var cleanIntervalMs: Int64 = 50
        /// Wrong codes (and refused checks) in one minute from which the door counts as under
        /// attack (the desk and the log say so).
        public var attackPerMinute: Int = 20

        public init() {}

        /// The average time (ms) to guess a code of `digits` digits through one door when the
        /// guesser has `addresses` addresses: the failed lane's steady rate plus one check per
        /// address each time its failures are forgotten.
        public func expectedGuessingMs(digits: Int, addresses: Int = 254) -> Double {
            var space = 1.0
            for _ in 0..<digits { space *= 10 }
            let perMs = 1 / Double(roomIntervalMs) + Double(addresses) / Double(forgetAfterMs)
            return space / 2 / perMs
        }
    }

    public enum Refusal: Equatable, Sendable {
        case full, tooManyFromAddress, tooManyWaiting, tooManyWaitingFromAddress
        /// This address typed too many wrong codes; it may try again after the given time (ms).
        case penalized(untilMs: Int64)
    }

    /// Which budget a check was booked in.
    public enum Lane: Equatable, Sendable { case clean, failed }

    /// A booked check: its wait (ms) and its lane (a right code gives the turn back to it).
    public struct Booking: Equatable, Sendable {
        public let waitMs: Int64
        public let lane: Lane
    }

    struct Record: Sendable {
        var open = 0
        var waiting = 0
        /// Wrong room codes (a booked check counts until it is found right): forgiven by a
        /// right room code.
        var failures = 0
        /// Wrong rejoin codes: never forgiven by a right room code, only by time.
        var strikes = 0
        var lastFailureMs: Int64 = 0
        var penaltyUntilMs: Int64 = 0
    }

    public let limits: Limits
    var records: [String: Record] = [:]
    public private(set) var open = 0
    public private(set) var waiting = 0
    /// When each lane's next check may run once its burst is spent (ms); checks booked ahead
    /// move it forward, so a crowd of guesses queues instead of running in parallel.
    var cleanNextMs: Int64 = 0
    var failedNextMs: Int64 = 0
    public private(set) var checks = 0
    /// Wrong codes and refused checks in the current minute, for `underAttack`.
    var minute: Int64 = -1
    var failuresThisMinute = 0
    var failuresLastMinute = 0

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// IPv6 devices pick addresses freely inside their network's /64: the prefix is the
    /// device. An IPv4 address is itself.
    public static func key(_ address: String) -> String {
        guard address.contains(":"), !address.hasSuffix("::/64") else { return address }
        // An IPv4 address written as IPv6 (::ffff:192.0.2.1) is the IPv4 address.
        if address.contains("."), let last = address.split(separator: ":").last { return String(last) }
        let halves = address.components(separatedBy: "::")
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count > 1 ? halves[1].split(separator: ":").map(String.init) : []
        let zeros = Array(repeating: "0", count: max(0, 8 - head.count - tail.count))
        return (head + zeros + tail).prefix(4).joined(separator: ":") + "::/64"
    }

    /// A new connection from `address`: admitted (counted as open and waiting for its code
    /// or request) or refused with the reason. Every admitted connection counts, penalised or
    /// not; `refusePenalized` closes the door on an address still serving its penalty.
    public mutating func admit(_ raw: String, now: Int64, refusePenalized: Bool = true) -> Refusal? {
        let address = Self.key(raw)
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
    public func delayMs(_ raw: String, now: Int64) -> Int64 {
        let address = Self.key(raw)
        guard let r = records[address] else { return 0 }
        return max(0, r.penaltyUntilMs - now)
    }

    /// Books one code check for `address`: the wait before it may be checked — its penalty
    /// or its lane's queue, whichever is longer — or nil when that wait would exceed
    /// `maxWaitMs` (then the code must not be checked at all). Either way the check counts as
    /// a failure of its address until `rightCode` says otherwise: a refused guess is a guess,
    /// and a second check sent before the first is answered waits in the failed lane.
    public mutating func bookCheck(_ raw: String, now: Int64, maxWaitMs: Int64) -> Booking? {
        let address = Self.key(raw)
        let r = fresh(address, now: now)
        let lane: Lane = r.failures + r.strikes == 0 ? .clean : .failed
        let earliest = now + max(0, r.penaltyUntilMs - now)
        // GCRA: `next` is when the lane's budget would be back to empty; a check may run once
        // it is no more than a burst ahead.
        let (next, burst, interval) =
            lane == .clean
            ? (cleanNextMs, limits.cleanBurst, limits.cleanIntervalMs)
            : (failedNextMs, limits.roomBurst, limits.roomIntervalMs)
        let due = max(next, now)
        let at = max(earliest, due - Int64(burst - 1) * interval)
        if at - now > maxWaitMs {
            countFailure(address, at: now, now: now)
            return nil
        }
        // Counted as of its answer: the next guess's penalty starts when this one is answered.
        countFailure(address, at: at, now: now)
        switch lane {
        case .clean: cleanNextMs = due + interval
        case .failed: failedNextMs = due + interval
        }
        checks += 1
        return Booking(waitMs: at - now, lane: lane)
    }

    /// The booked check found the right code: its turn goes back to its lane (a room arriving
    /// with the right code never waits; only wrong codes use the budget up), its provisional
    /// failure and earlier wrong room codes are forgiven — wrong rejoin codes are not. The
    /// wait was fixed at booking, so it tells a guesser nothing about whether a guess was right.
    public mutating func rightCode(_ raw: String, booking: Booking, now: Int64) {
        let address = Self.key(raw)
        switch booking.lane {
        case .clean: cleanNextMs -= limits.cleanIntervalMs
        case .failed: failedNextMs -= limits.roomIntervalMs
        }
        forgive(address, now: now)
    }

    /// A wrong room code from `address` that was not booked (tests, older callers).
    public mutating func failed(_ address: String, now: Int64) { countFailure(Self.key(address), at: now, now: now) }

    /// A wrong rejoin code from `address`: slows it down like a wrong room code, but a right
    /// room code does not wipe it out (the room code is on the wall).
    public mutating func wrongRejoin(_ raw: String, now: Int64) {
        let address = Self.key(raw)
        var r = fresh(address, now: now)
        r.strikes += 1
        records[address] = penalize(r, now: now)
        tally(now)
    }

    /// Whether wrong codes arrive at the door faster than people mistype (the last full
    /// minute or this one).
    public func underAttack(now: Int64) -> Bool {
        let m = now / 60_000
        let last = m == minute ? failuresLastMinute : m == minute + 1 ? failuresThisMinute : 0
        let this = m == minute ? failuresThisMinute : 0
        return max(last, this) >= limits.attackPerMinute
    }

    mutating func countFailure(_ address: String, at: Int64, now: Int64) {
        var r = fresh(address, now: now)
        r.failures += 1
        records[address] = penalize(r, now: at)
        tally(now)
    }

    mutating func tally(_ now: Int64) {
        let m = now / 60_000
        if m != minute {
            failuresLastMinute = m == minute + 1 ? failuresThisMinute : 0
            failuresThisMinute = 0
            minute = m
        }
        failuresThisMinute += 1
    }

    func penalize(_ record: Record, now: Int64) -> Record {
        var r = record
        r.lastFailureMs = now
        let count = r.failures + r.strikes
        if count >= limits.freeFailures {
            let doublings = min(count - limits.freeFailures, 16)
            r.penaltyUntilMs = now + min(limits.basePenaltyMs << Int64(doublings), limits.maxPenaltyMs)
        } else {
            r.penaltyUntilMs = 0
        }
        return r
    }

    /// Past the waiting stage (a complete request head): no longer waiting, typos kept.
    public mutating func settled(_ raw: String) {
        let address = Self.key(raw)
        guard var r = records[address], r.waiting > 0 else { return }
        r.waiting -= 1
        waiting -= 1
        records[address] = r
    }

    /// The right code (or an open room): no longer waiting; earlier wrong room codes are
    /// forgiven.
    public mutating func authenticated(_ raw: String, now: Int64 = 0) {
        let address = Self.key(raw)
        settled(address)
        forgive(address, now: now)
    }

    /// Earlier wrong room codes from `address` no longer count; wrong rejoin codes still do.
    public mutating func forgive(_ raw: String, now: Int64 = 0) {
        let address = Self.key(raw)
        guard var r = records[address] else { return }
        r.failures = 0
        if r.strikes == 0 {
            r.penaltyUntilMs = 0
        } else {
            let kept = penalize(r, now: r.lastFailureMs)
            r.penaltyUntilMs = kept.penaltyUntilMs
        }
        records[address] = r
    }

    /// A connection that `admit` let in has ended.
    public mutating func closed(_ raw: String, wasWaiting: Bool) {
        let address = Self.key(raw)
        guard var r = records[address], r.open > 0 else { return }
        r.open -= 1
        open -= 1
        if wasWaiting && r.waiting > 0 {
            r.waiting -= 1
            waiting -= 1
        }
        if r.open == 0 && r.failures == 0 && r.strikes == 0 { records[address] = nil } else { records[address] = r }
    }

    /// The address's record, with old failures forgotten.
    func fresh(_ address: String, now: Int64) -> Record {
        var r = records[address] ?? Record()
        if r.failures + r.strikes > 0 && now - r.lastFailureMs > limits.forgetAfterMs {
            r.failures = 0
            r.strikes = 0
            r.penaltyUntilMs = 0
        }
        return r
    }
}
