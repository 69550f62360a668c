/// How fast one participant may add entries: a burst (a list typed up front), then a steady
/// rate. Checked where every participant's add is saved (SessionHandle.perform), for SSH and
/// phone alike, from the entries' own times: no counter to keep, it holds across processes
/// and restarts. Kept out of Engine.decide, which has no clock. The facilitator is not limited.
public enum EntryRate {
    public static let burst = 12
    /// One more entry per this many milliseconds once the burst is spent (10 a minute).
    public static let intervalMs: Int64 = 6_000

    /// Nil when `key` may add an entry at `now`, else how long (ms) until it may.
    public static func wait(key: String, state: SessionState, now: Int64) -> Int64? {
        // A token bucket replayed over the participant's recent entries.
        let window = Int64(burst) * intervalMs
        var tokens = Double(burst)
        var last = now - window
        for e in state.entries where e.owner == key && e.createdAt > now - window {
            tokens = min(Double(burst), tokens + Double(e.createdAt - last) / Double(intervalMs)) - 1
            last = e.createdAt
        }
        tokens = min(Double(burst), tokens + Double(now - last) / Double(intervalMs))
        if tokens >= 1 { return nil }
        return Int64(((1 - tokens) * Double(intervalMs)).rounded(.up))
    }

    /// A participant's other changes (edits, removals, votes, undo, a table): a burst, then a
    /// person's pace. Each one is a journal line: a script's flood would grow the session
    /// without bound.
    public static let actionBurst = 30.0
    public static let actionsPerSecond = 2.0

    public static let actionsTooFast = Refusal(
        nl: "Dat ging te snel achter elkaar; wacht even en probeer het opnieuw.",
        en: "That came too fast in a row; wait a moment and try again.")

    public static func tooFast(waitMs: Int64) -> Refusal {
        let s = max(1, (waitMs + 999) / 1000)
        return Refusal(
            nl: "Even rustig: je voegt snel veel toe. Probeer het over \(s) seconden opnieuw.",
            en: "Slow down: you are adding a lot quickly. Try again in \(s) seconds.")
    }
}
