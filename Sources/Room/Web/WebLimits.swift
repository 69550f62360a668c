import Foundation
import Synchronization

/// The room's attempt limiter (Sources/Room/Common/AttemptLimiter.swift) behind a lock, for
/// the web server's event loops and request tasks: connections in total and per address, and
/// the growing wait for an address that types wrong codes.
final class WebLimiter: Sendable {
    private let limiter: Mutex<AttemptLimiter>

    init(limits: AttemptLimiter.Limits) { limiter = Mutex(AttemptLimiter(limits: limits)) }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// A new TCP connection: counted (true), or refused because the room or this address is
    /// full (nil). An address that is only waiting out a code penalty may still load the page
    /// and is told why its join waits; its connection is then not counted (false).
    func admit(_ address: String) -> Bool? {
        limiter.withLock { limiter in
            switch limiter.admit(address, now: Self.nowMs()) {
            case nil: return true
            case .penalized: return false
            case .full, .tooManyFromAddress, .tooManyWaiting: return nil
            }
        }
    }

    /// A page load or a socket is not a login attempt: nobody "waits for a code" on a
    /// connection, so every counted connection closes as waiting.
    func closed(_ address: String) { limiter.withLock { $0.closed(address, wasWaiting: true) } }

    func delayMs(_ address: String) -> Int64 { limiter.withLock { $0.delayMs(address, now: Self.nowMs()) } }

    func failed(_ address: String) { limiter.withLock { $0.failed(address, now: Self.nowMs()) } }

    var open: Int { limiter.withLock { $0.open } }
}
