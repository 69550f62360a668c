import Foundation

/// Connections open now, in total and per address: a full room of phones fits, a flood from
/// one address does not take the server from everyone else.
final class ConnectionGate: @unchecked Sendable {
    let total: Int
    let perAddress: Int
    private let lock = NSLock()
    private var open: [String: Int] = [:]
    private var count = 0

    init(total: Int, perAddress: Int) {
        self.total = total
        self.perAddress = perAddress
    }

    /// True when one more connection from `address` is allowed; it is then counted.
    func admit(_ address: String) -> Bool {
        lock.withLock {
            guard count < total, open[address, default: 0] < perAddress else { return false }
            count += 1
            open[address, default: 0] += 1
            return true
        }
    }

    func release(_ address: String) {
        lock.withLock {
            guard let n = open[address] else { return }
            count -= 1
            open[address] = n > 1 ? n - 1 : nil
        }
    }

    var current: Int { lock.withLock { count } }
}

/// Wrong room codes per address: each failure doubles the wait before the next answer (from
/// 250 ms up to 8 s), and ten failures in ten minutes shut that address out until they age —
/// a 4–6 digit code cannot be guessed from one phone, and the room's other phones are unaffected.
final class CodeAttempts: @unchecked Sendable {
    static let window: Double = 600
    static let maxFailures = 10
    private let lock = NSLock()
    private var failures: [String: [Double]] = [:]

    /// How long to wait before answering this address (seconds), or nil when it is shut out.
    func delay(for address: String, now: Double) -> Double? {
        lock.withLock {
            let recent = (failures[address] ?? []).filter { now - $0 < Self.window }
            failures[address] = recent.isEmpty ? nil : recent
            if recent.count >= Self.maxFailures { return nil }
            return recent.isEmpty ? 0 : min(8, 0.25 * pow(2, Double(recent.count - 1)))
        }
    }

    func failed(_ address: String, now: Double) {
        lock.withLock { failures[address, default: []].append(now) }
    }
}

/// The room code as typed on a phone: spaces around it do not matter, and the comparison takes
/// as long for a near miss as for a far one.
enum RoomCodeCheck {
    static func matches(_ typed: String, _ code: String) -> Bool {
        let a = Array(typed.trimmingCharacters(in: .whitespaces).utf8), b = Array(code.utf8)
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<b.count { diff |= (i < a.count ? a[i] : 0) ^ b[i] }
        return diff == 0
    }
}
