/// A token bucket: `burst` at once, then `perSecond`. Pure: the caller passes the time, so a
/// test drives it without waiting.
public struct RateBucket: Sendable, Equatable {
    public let burst: Double
    public let perSecond: Double
    var tokens: Double
    var lastMs: Int64?

    public init(burst: Double, perSecond: Double) {
        self.burst = burst
        self.perSecond = perSecond
        tokens = burst
    }

    /// Takes `cost` tokens if there are that many now; false (and nothing taken) otherwise.
    public mutating func take(nowMs: Int64, cost: Double = 1) -> Bool {
        if let last = lastMs, nowMs > last {
            tokens = min(burst, tokens + Double(nowMs - last) / 1000 * perSecond)
        }
        if lastMs.map({ nowMs > $0 }) ?? true { lastMs = nowMs }
        guard tokens >= cost else { return false }
        tokens -= cost
        return true
    }
}
