import Foundation
import NIOCore
import Synchronization

/// The room's attempt limiter (Sources/Room/Common/AttemptLimiter.swift) behind a lock, for
/// the web server's event loops and request tasks: connections in total and per address,
/// connections still sending their request head (evicted oldest first when full, so a crowd
/// of half-sent requests cannot keep a phone out), the growing wait for an address that types
/// wrong codes, and the room's budget of code checks.
final class WebLimiter: Sendable {
    struct State {
        var limiter: AttemptLimiter
        /// Connections whose request head has not arrived, oldest first (by ticket id).
        var pending: [Int: Ticket] = [:]
        var nextTicket = 0
    }

    /// One counted connection: waiting for its head, settled (head in), or released early.
    final class Ticket: Sendable {
        let id: Int
        let address: String
        let channel: any Channel
        /// 0 waiting for the request head, 1 head in, 2 no longer counted (evicted or closed).
        let stage = Atomic<Int>(0)

        init(id: Int, address: String, channel: any Channel) {
            self.id = id
            self.address = address
            self.channel = channel
        }
    }

    private let state: Mutex<State>
    let limits: AttemptLimiter.Limits

    init(limits: AttemptLimiter.Limits) {
        self.limits = limits
        state = Mutex(State(limiter: AttemptLimiter(limits: limits)))
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// A new TCP connection: counted, whatever its address's penalty (a penalised address may
    /// still load the page and be told why its join waits), or refused (nil) because the room
    /// or this address is full. When only the room's "still sending its head" pool is full,
    /// the oldest such connection makes way.
    func admit(_ address: String, channel: any Channel) -> Ticket? {
        let now = Self.nowMs()
        var evicted: Ticket?
        let ticket: Ticket? = state.withLock { s in
            var refusal = s.limiter.admit(address, now: now, refusePenalized: false)
            if refusal == .tooManyWaiting, let oldest = s.pending.keys.min(), let victim = s.pending.removeValue(forKey: oldest) {
                if victim.stage.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing).exchanged {
                    s.limiter.closed(victim.address, wasWaiting: true)
                    evicted = victim
                }
                refusal = s.limiter.admit(address, now: now, refusePenalized: false)
            }
            guard refusal == nil else { return nil }
            s.nextTicket += 1
            let t = Ticket(id: s.nextTicket, address: address, channel: channel)
            s.pending[t.id] = t
            return t
        }
        evicted?.channel.close(promise: nil)
        return ticket
    }

    /// The request head is in: the connection no longer counts as waiting.
    func settled(_ t: Ticket) {
        state.withLock { s in
            s.pending[t.id] = nil
            if t.stage.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged {
                s.limiter.settled(t.address)
            }
        }
    }

    func closed(_ t: Ticket) {
        state.withLock { s in
            s.pending[t.id] = nil
            let was = t.stage.exchange(2, ordering: .acquiringAndReleasing)
            if was != 2 { s.limiter.closed(t.address, wasWaiting: was == 0) }
        }
    }

    /// Books a code check (see AttemptLimiter.bookCheck): the wait before it, or nil when the
    /// room or this address would wait longer than `maxWaitMs` — then the code is not checked.
    func bookCheck(_ address: String, maxWaitMs: Int64) -> Int64? {
        state.withLock { $0.limiter.bookCheck(address, now: Self.nowMs(), maxWaitMs: maxWaitMs) }
    }

    func delayMs(_ address: String) -> Int64 { state.withLock { $0.limiter.delayMs(address, now: Self.nowMs()) } }

    func failed(_ address: String) { state.withLock { $0.limiter.failed(address, now: Self.nowMs()) } }

    /// The right code: earlier typos from that address are forgiven, the check's turn refunded.
    func rightCode(_ address: String) {
        state.withLock {
            $0.limiter.forgive(address)
            $0.limiter.refund()
        }
    }

    var open: Int { state.withLock { $0.limiter.open } }
    var waiting: Int { state.withLock { $0.limiter.waiting } }
    var checks: Int { state.withLock { $0.limiter.checks } }
}

/// Watches the raw bytes of a connection's first request head: it must arrive within
/// `deadline` and fit in `maxBytes` (else 431 and close), as a slow or endless head would
/// otherwise hold a connection — and a place in the room's caps — as long as it likes.
final class HeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let limiter: WebLimiter
    let ticket: WebLimiter.Ticket
    let maxBytes: Int
    let deadline: TimeAmount
    var seen = 0
    var tail: [UInt8] = []
    var done = false

    init(limiter: WebLimiter, ticket: WebLimiter.Ticket, maxBytes: Int, deadline: TimeAmount) {
        self.limiter = limiter
        self.ticket = ticket
        self.maxBytes = maxBytes
        self.deadline = deadline
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: deadline) {
            if !bound.value.done { channel.close(promise: nil) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !done {
            let bytes = unwrapInboundIn(data)
            let view = bytes.readableBytesView
            for b in view {
                seen += 1
                tail.append(b)
                if tail.count > 4 { tail.removeFirst() }
                if tail == [13, 10, 13, 10] {
                    done = true
                    limiter.settled(ticket)
                    break
                }
            }
            if !done && seen > maxBytes {
                done = true
                var out = context.channel.allocator.buffer(capacity: 128)
                out.writeString("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                let channel = context.channel
                context.writeAndFlush(NIOAny(out)).whenComplete { _ in channel.close(promise: nil) }
                return
            }
        }
        context.fireChannelRead(data)
    }
}
