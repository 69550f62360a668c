/// Who may connect and how fast they may guess: caps on connections (in total, per address,
/// and not yet past the code, as sshd's MaxStartups) and a growing penalty for an address
/// that types wrong codes (as OpenSSH's PerSourcePenalties). Pure and transport-agnostic:
/// the SSH and web servers keep one each behind a lock and pass the clock in.
public struct AttemptLimiter: Sendable {
    public struct Limits: Sendable, Equatable {
        public var total: Int = 200
        public var perAddress: Int = 16
        public var unauthenticated: Int = 32
        /// Wrong codes an address may type before answers slow down (typos happen).
        public var freeFailures: Int = 3
        /// The first penalty; each further wrong code doubles it, up to `maxPenaltyMs`.
        public var basePenaltyMs: Int64 = 1_000
        public var maxPenaltyMs: Int64 = 60_000
        /// Failures are forgotten after this long without a new one.
        public var forgetAfterMs: Int64 = 600_000

        public init() {}
    }

    public enum Refusal: Equatable, Sendable {
        case full, tooManyFromAddress, tooManyWaiting
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

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// A new connection from `address`: admitted (counted as open and waiting for its code)
    /// or refused with the reason.
    public mutating func admit(_ address: String, now: Int64) -> Refusal? {
        var r = fresh(address, now: now)
        if open >= limits.total { return .full }
        if r.open >= limits.perAddress { return .tooManyFromAddress }
        if waiting >= limits.unauthenticated { return .tooManyWaiting }
        if now < r.penaltyUntilMs { return .penalized(untilMs: r.penaltyUntilMs) }
        r.open += 1
        r.waiting += 1
        open += 1
        waiting += 1
        records[address] = r
        return nil
    }

    /// How long to hold back the answer to a code typed from `address` (ms).
    public func delayMs(_ address: String, now: Int64) -> Int64 {
        guard let r = records[address] else { return 0 }
        return max(0, r.penaltyUntilMs - now)
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

    /// The right code (or an open room): no longer waiting; earlier typos are forgiven.
    public mutating func authenticated(_ address: String) {
        guard var r = records[address], r.waiting > 0 else { return }
        r.waiting -= 1
        waiting -= 1
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
