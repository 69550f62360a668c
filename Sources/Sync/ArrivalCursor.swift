import Foundation

/// How far a reader has read the events table, by `arrival` (an identity column).
///
/// Arrival numbers are taken when a row is inserted but become visible when its transaction
/// commits, so two laptops committing in the other order leave a short-lived hole; a row
/// skipped as a duplicate, or a rolled-back batch, leaves one for good. The cursor therefore
/// advances only over numbers it has seen, re-reads what lies above a hole, and gives a hole
/// up as empty once it is older than `grace` (no transaction of ours runs that long).
public struct ArrivalCursor: Sendable {
    /// Every arrival up to here has been read (or given up as a hole).
    public private(set) var through: Int64 = 0
    private var above: Set<Int64> = []
    /// The first hole seen: when, and the highest arrival read at that moment.
    private var hole: (since: Double, horizon: Int64)?
    let grace: Double

    /// Longer than any statement of ours may run (the server's statement_timeout is
    /// `Database.statementSeconds`), so a late commit is still read.
    public init(grace: Double = Database.statementSeconds + 2) { self.grace = grace }

    /// True when this arrival is new to the reader (apply it), false when already read.
    public mutating func take(_ arrival: Int64) -> Bool {
        guard arrival > through, !above.contains(arrival) else { return false }
        above.insert(arrival)
        return true
    }

    /// After a read: moves `through` as far as is safe.
    public mutating func settle(now: Double) {
        advance()
        guard let lowest = above.min() else {
            hole = nil
            return
        }
        _ = lowest
        if let h = hole {
            if now - h.since >= grace {
                // Every hole at or below the horizon has had its grace: it stays empty.
                through = max(through, h.horizon)
                above = above.filter { $0 > through }
                hole = nil
                advance()
                if !above.isEmpty { hole = (now, above.max() ?? through) }
            }
        } else {
            hole = (now, above.max() ?? through)
        }
    }

    private mutating func advance() {
        while above.remove(through + 1) != nil { through += 1 }
    }
}
