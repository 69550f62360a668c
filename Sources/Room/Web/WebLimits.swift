import Core
import Foundation
import NIOCore
import Synchronization

/// The room's attempt limiter (Sources/Room/Common/AttemptLimiter.swift) behind a lock, for
/// the web server's event loops and request tasks: connections in total and per address in
/// every state. A connection that is not an open socket (still sending its request head, or a
/// plain request) makes way when a cap is full — the oldest of the address that holds most —
/// so a crowd of held requests cannot keep a phone out; and it lives at most `lifetime`.
final class WebLimiter: Sendable {
    struct State {
        var limiter: AttemptLimiter
        /// Connections that are not open sockets, by ticket id (ids grow: the smallest is the oldest).
        var evictable: [Int: Ticket] = [:]
        var byChannel: [ObjectIdentifier: Ticket] = [:]
        var nextTicket = 0
        /// The minute the log last said the door is under attack.
        var attackLoggedMinute: Int64 = -1
    }

    /// One counted connection.
    final class Ticket: Sendable {
        enum Stage: Int { case head = 0, request = 1, released = 2, socket = 3 }
        let id: Int
        let address: String
        let channel: any Channel
        let stage = Atomic<Int>(Stage.head.rawValue)

        init(id: Int, address: String, channel: any Channel) {
            self.id = id
            self.address = address
            self.channel = channel
        }

        var current: Stage { Stage(rawValue: stage.load(ordering: .acquiring)) ?? .released }
    }

    private let state: Mutex<State>
    let limits: AttemptLimiter.Limits
    let clock: @Sendable () -> Int64
    let log: RoomLog?

    init(
        limits: AttemptLimiter.Limits, log: RoomLog? = nil, clock: @escaping @Sendable () -> Int64 = WebLimiter.nowMs
    ) {
        self.limits = limits
        self.clock = clock
        self.log = log
        state = Mutex(State(limiter: AttemptLimiter(limits: limits)))
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// A new TCP connection: counted, whatever its address's penalty (a penalised address may
    /// still load the page and be told why its join waits), or refused (nil) because the room
    /// or this address is full of open sockets. When a cap is full of connections that are not
    /// sockets, the oldest of them from the address holding most makes way.
    func admit(_ address: String, channel: any Channel) -> Ticket? {
        let now = clock()
        var evicted: [Ticket] = []
        let ticket: Ticket? = state.withLock { s in
            var refusal = s.limiter.admit(address, now: now, refusePenalized: false)
            var tries = 0
            while let r = refusal, tries < 4 {
                tries += 1
                let sameAddress = r == .tooManyFromAddress || r == .tooManyWaitingFromAddress
                let onlyHeads = r == .tooManyWaiting || r == .tooManyWaitingFromAddress
                let victim = Self.victim(s, address: sameAddress ? address : nil, onlyHeads: onlyHeads)
                guard let victim else { break }
                let was = victim.stage.exchange(Ticket.Stage.released.rawValue, ordering: .acquiringAndReleasing)
                s.evictable[victim.id] = nil
                s.byChannel[ObjectIdentifier(victim.channel)] = nil
                if was != Ticket.Stage.released.rawValue {
                    s.limiter.closed(victim.address, wasWaiting: was == Ticket.Stage.head.rawValue)
                }
                evicted.append(victim)
                refusal = s.limiter.admit(address, now: now, refusePenalized: false)
            }
            guard refusal == nil else { return nil }
            s.nextTicket += 1
            let t = Ticket(id: s.nextTicket, address: address, channel: channel)
            s.evictable[t.id] = t
            s.byChannel[ObjectIdentifier(channel)] = t
            return t
        }
        for v in evicted { v.channel.close(promise: nil) }
        return ticket
    }

    /// The connection to close for a newcomer: not a socket, from `address` if given (else from
    /// the address holding most such connections), the oldest.
    static func victim(_ s: State, address: String?, onlyHeads: Bool) -> Ticket? {
        let candidates = s.evictable.values.filter { t in
            let stage = t.current
            guard stage == .head || (!onlyHeads && stage == .request) else { return false }
            return address.map { AttemptLimiter.key($0) == AttemptLimiter.key(t.address) } ?? true
        }
        guard !candidates.isEmpty else { return nil }
        var held: [String: Int] = [:]
        for t in candidates { held[AttemptLimiter.key(t.address), default: 0] += 1 }
        let most = held.values.max() ?? 0
        return candidates.filter { held[AttemptLimiter.key($0.address)] == most }.min { $0.id < $1.id }
    }

    /// The request head is in: the connection no longer counts as waiting.
    func settled(_ t: Ticket) {
        state.withLock { s in
            if t.stage.compareExchange(
                expected: Ticket.Stage.head.rawValue, desired: Ticket.Stage.request.rawValue,
                ordering: .acquiringAndReleasing
            ).exchanged {
                s.limiter.settled(t.address)
            }
        }
    }

    /// The connection became a socket of a page: it stays as long as the page is open.
    func upgraded(_ channel: any Channel) {
        state.withLock { s in
            guard let t = s.byChannel[ObjectIdentifier(channel)] else { return }
            if t.stage.compareExchange(
                expected: Ticket.Stage.request.rawValue, desired: Ticket.Stage.socket.rawValue,
                ordering: .acquiringAndReleasing
            ).exchanged {
                s.evictable[t.id] = nil
            }
        }
    }

    func closed(_ t: Ticket) {
        state.withLock { s in
            s.evictable[t.id] = nil
            s.byChannel[ObjectIdentifier(t.channel)] = nil
            let was = t.stage.exchange(Ticket.Stage.released.rawValue, ordering: .acquiringAndReleasing)
            if was != Ticket.Stage.released.rawValue {
                s.limiter.closed(t.address, wasWaiting: was == Ticket.Stage.head.rawValue)
            }
        }
    }

    /// Books a code check (see AttemptLimiter.bookCheck), or nil when it would wait longer
    /// than `maxWaitMs` — then the code is not checked, and the refusal counts as a failure.
    func bookCheck(_ address: String, maxWaitMs: Int64) -> AttemptLimiter.Booking? {
        let now = clock()
        let (booking, attack) = state.withLock { s -> (AttemptLimiter.Booking?, Bool) in
            let b = s.limiter.bookCheck(address, now: now, maxWaitMs: maxWaitMs)
            guard s.limiter.underAttack(now: now), s.attackLoggedMinute != now / 60_000 else { return (b, false) }
            s.attackLoggedMinute = now / 60_000
            return (b, true)
        }
        if attack {
            let most = limits.attackPerMinute
            log?.write("\(ISOTime.format(ms: now)) web door under attack: more than \(most) wrong codes a minute")
        }
        return booking
    }

    func delayMs(_ address: String) -> Int64 { state.withLock { $0.limiter.delayMs(address, now: clock()) } }

    func wrongRejoin(_ address: String) { state.withLock { $0.limiter.wrongRejoin(address, now: clock()) } }

    /// The right room code: its turn goes back, earlier wrong room codes are forgiven.
    func rightCode(_ address: String, booking: AttemptLimiter.Booking) {
        state.withLock { $0.limiter.rightCode(address, booking: booking, now: clock()) }
    }

    var underAttack: Bool { state.withLock { $0.limiter.underAttack(now: clock()) } }
    var open: Int { state.withLock { $0.limiter.open } }
    var waiting: Int { state.withLock { $0.limiter.waiting } }
    var checks: Int { state.withLock { $0.limiter.checks } }
}

/// Watches the raw bytes of a connection's first request head: it must arrive within
/// `deadline` and fit in `maxBytes` (else 431 and close), as a slow or endless head would
/// otherwise hold a connection — and a place in the room's caps — as long as it likes. A
/// connection that has not become a socket is closed after `lifetime`, however it drips its
/// body: page loads and joins take seconds.
final class HeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let limiter: WebLimiter
    let ticket: WebLimiter.Ticket
    let maxBytes: Int
    let deadline: TimeAmount
    let lifetime: TimeAmount
    var seen = 0
    var tail: [UInt8] = []
    var done = false

    init(limiter: WebLimiter, ticket: WebLimiter.Ticket, maxBytes: Int, deadline: TimeAmount, lifetime: TimeAmount) {
        self.limiter = limiter
        self.ticket = ticket
        self.maxBytes = maxBytes
        self.deadline = deadline
        self.lifetime = lifetime
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: deadline) {
            if !bound.value.done { channel.close(promise: nil) }
        }
        let ticket = ticket
        context.eventLoop.scheduleTask(in: lifetime) {
            if ticket.current != .socket { channel.close(promise: nil) }
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
