import Application
import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOSSL

/// The request context: who asked (their address, for the limits).
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let address: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "?"
    }
}

/// The participant page's server: GET / (the page), POST /join (room code and name → a
/// cookie), and the socket /ws. Nothing else exists — no listing, no export, no files, no
/// facilitator actions: every other path is 404.
struct WebServer: Sendable {
    static let maxJoinBody = 2048
    static let maxFrame = 16 * 1024
    /// A request head (request line and headers) larger than this is answered 431.
    static let maxHead = 16 * 1024
    /// A request head must be complete this soon after the connection opens.
    static let headDeadline: TimeAmount = .seconds(10)
    /// A connection that has not become a socket is closed this soon after it opened, however
    /// slowly its body drips: a page load or a join (held up to `maxHeldMs`) takes seconds.
    static let requestLifetime: TimeAmount = .seconds(30)
    /// A keep-alive connection with no request in progress is closed after this.
    static let idleTimeout: TimeAmount = .seconds(5)
    static let cookieName = "pf"

    let hub: WebHub
    let code: RoomCode?
    /// Every TCP connection (page loads and sockets alike) counts while it is open; wrong codes
    /// slow their address down.
    let limiter: WebLimiter
    /// HTTPS (`--web-tls`): the phones' cookies are then marked Secure and sockets come from
    /// https pages.
    var tls: NIOSSLContext? = nil
    /// The longest a join is held back before it is refused outright (the penalty grows to a minute).
    static let maxHeldMs: Int64 = 8_000

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        let open = code == nil
        router.get("/") { request, _ in Self.hostAllowed(request.head.authority) ? Self.page(openRoom: open) : Self.misdirected }
        router.post("/join") { request, context in
            guard Self.hostAllowed(request.head.authority) else { return Self.misdirected }
            return try await join(request, context)
        }
        return router
    }

    /// The HTTP channel with the socket upgrade for /ws, behind the connection gate.
    func serverBuilder() -> HTTPServerBuilder {
        let http1 = HTTP1Channel.Configuration(idleTimeout: Self.idleTimeout)
        let ws = WebSocketServerConfiguration(maxFrameSize: Self.maxFrame, autoPing: .enabled(timePeriod: .seconds(20)))
        let server = self
        return HTTPServerBuilder { responder in
            GatedChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, configuration: .init(http1: http1, ws: ws)) { head, channel, _ in
                    try await server.shouldUpgrade(head, channel: channel)
                },
                limiter: server.limiter, tls: server.tls)
        }
    }

    // MARK: The page

    /// The page, with this response's nonce, and whether the room asks for a code at all.
    static func page(openRoom: Bool) -> Response {
        var g = SystemRandomNumberGenerator()
        let nonce = String(g.next() as UInt64, radix: 36) + String(g.next() as UInt64, radix: 36)
        let html = PageHTML.text.replacingOccurrences(of: "{{NONCE}}", with: nonce)
            .replacingOccurrences(of: "{{OPEN}}", with: openRoom ? "1" : "0")
        var headers = securityHeaders()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'nonce-\(nonce)'; style-src 'nonce-\(nonce)'; connect-src 'self'; "
            + "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func securityHeaders() -> HTTPFields {
        var h = HTTPFields()
        h[.xContentTypeOptions] = "nosniff"
        h[.cacheControl] = "no-store"
        h[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        h[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return h
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, cookie: String? = nil) -> Response {
        var headers = securityHeaders()
        headers[.contentType] = "application/json; charset=utf-8"
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: JSONWriter.compact(value))))
    }

    static func refusal(_ status: HTTPResponse.Status, _ reason: LocalizedText) -> Response {
        json(status, ["ok": false, "reason": reason.json])
    }

    // MARK: Joining

    func join(_ request: Request, _ context: WebContext) async throws -> Response {
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            return Self.refusal(.unsupportedMediaType, WebMessage.malformed)
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxJoinBody)
        guard let o = (try? JSONParser.parse(String(buffer: body)))?.objectValue,
            let name = o["name"]?.stringValue, let typed = o["code"]?.stringValue
        else { return Self.refusal(.badRequest, WebMessage.malformed) }
        let rejoin = o["rejoin"]?.stringValue.flatMap { $0.isEmpty ? nil : String($0.prefix(32)) }
        // Every code check, right or wrong, from whatever address, takes a turn in its lane's
        // budget before it is made: a guess answered at once would tell a crowd of parallel
        // guesses which one was right. A refused check counts as a wrong code.
        guard let booking = limiter.bookCheck(context.address, maxWaitMs: Self.maxHeldMs) else {
            let seconds = (max(limiter.delayMs(context.address), Self.maxHeldMs) + 999) / 1000
            return Self.refusal(.tooManyRequests, WebMessage.tooManyAttempts(seconds: seconds))
        }
        if booking.waitMs > 0 { try await Task.sleep(for: .milliseconds(booking.waitMs)) }
        if let code, !code.matches(typed.trimmingCharacters(in: .whitespaces)) {
            return Self.refusal(.forbidden, WebMessage.wrongCode)
        }
        limiter.rightCode(context.address, booking: booking)
        switch await hub.join(name: name, address: context.address, token: Self.token(request.headers), rejoinCode: rejoin) {
        case .joined(let token, let rejoinCode):
            let secure = tls == nil ? "" : "; Secure"
            let cookie = "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" + secure
            var body = JSONObject()
            body["ok"] = .bool(true)
            if let rejoinCode { body["rejoin"] = .string(rejoinCode) }
            return Self.json(.ok, .object(body), cookie: cookie)
        case .refused(let reason):
            // A wrong rejoin code (or one for a held name) counts against the address, and a
            // right room code does not wipe it out.
            if reason == WebHub.wrongRejoinCode || reason == Joining.nameHeld { limiter.wrongRejoin(context.address) }
            return Self.refusal(.conflict, reason)
        }
    }

    /// DNS rebinding: a page of another site, once its name points at this laptop, would
    /// reach the room with that name as its Host. Only an address (or localhost) is the room.
    static func hostAllowed(_ authority: String?) -> Bool {
        guard var host = authority, !host.isEmpty, host.utf8.count <= 260 else { return false }
        if host.hasPrefix("[") {
            guard let end = host.firstIndex(of: "]") else { return false }
            return host[host.index(after: host.startIndex)..<end].allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
            host = String(host[..<colon])
        }
        if host.lowercased() == "localhost" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && Int(p)! <= 255 }
    }

    static let misdirected = Response(status: .misdirectedRequest, headers: securityHeaders())

    // MARK: The socket

    static func token(_ headers: HTTPFields) -> String? {
        for field in headers[values: .cookie] {
            for part in field.split(separator: ";") {
                let kv = part.trimmingCharacters(in: .whitespaces)
                if kv.hasPrefix(cookieName + "=") { return String(kv.dropFirst(cookieName.count + 1)) }
            }
        }
        return nil
    }

    /// Socket frames a page may send: a burst, then a steady rate. Beyond it frames are
    /// dropped unread; a page that keeps flooding is closed.
    static let frameBurst = 40.0
    static let framesPerSecond = 8.0
    static let droppedBeforeClose = 400

    func shouldUpgrade(_ head: HTTPRequest, channel: any Channel) async throws -> ShouldUpgradeResult<
        WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
    > {
        let address = channel.remoteAddress?.ipAddress ?? "?"
        guard head.method == .get, head.path == "/ws", Self.hostAllowed(head.authority) else { return .dontUpgrade }
        // A page from another site must not open a socket with this room's cookie.
        let scheme = tls == nil ? "http://" : "https://"
        guard let origin = head.headerFields[.origin], let host = head.authority, origin == scheme + host else {
            return .dontUpgrade
        }
        let token = Self.token(head.headerFields) ?? ""
        let hub = hub
        limiter.upgraded(channel)
        return .upgrade([:]) { inbound, outbound, _ in
            switch await hub.connect(token: token, address: address) {
            case .unknown:
                try await outbound.write(.text(JSONWriter.compact(["type": "unknown"])))
                return
            case .moved:
                // The token was captured and replayed, or the phone changed network: it joins
                // again with its name and rejoin code.
                let moved: JSONValue = ["type": "unknown", "moved": true, "reason": WebMessage.moved.json]
                try await outbound.write(.text(JSONWriter.compact(moved)))
                return
            case .refused(let reason):
                try await outbound.write(.text(JSONWriter.compact(["type": "unknown", "reason": reason.json])))
                return
            case .connected(let id, let stream):
                // The hub's messages go out in order; when it ends the stream (the session
                // closed, the room stopped), the socket is closed from here.
                let writer = Task {
                    for await text in stream { try? await outbound.write(.text(text)) }
                    try? await outbound.close(.normalClosure, reason: nil)
                }
                defer { writer.cancel() }
                var bucket = RateBucket(burst: Self.frameBurst, perSecond: Self.framesPerSecond)
                var dropped = 0
                do {
                    for try await message in inbound.messages(maxSize: Self.maxFrame) {
                        // Counted before anything is parsed: a refused frame costs next to nothing.
                        guard bucket.take(nowMs: WebLimiter.nowMs()) else {
                            dropped += 1
                            if dropped > Self.droppedBeforeClose { break }
                            continue
                        }
                        guard case .text(let text) = message else { continue }
                        await hub.receive(token: token, socket: id, text: text)
                    }
                } catch {}
                await hub.disconnect(token: token, id: id)
            }
        }
    }
}

/// Counts each TCP connection (a page load or a socket) while it is open; one over the limits
/// is closed before a byte is read.
struct GatedChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value
    let inner: Inner
    let limiter: WebLimiter
    /// HTTPS: the TLS handler goes first, the head guard reads what it decrypts.
    let tls: NIOSSLContext?

    struct Full: Error {}

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let address = channel.remoteAddress?.ipAddress ?? "?"
        guard DescriptorBudget.shared.hasRoom(), let ticket = limiter.admit(address, channel: channel) else {
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(Full())
        }
        channel.closeFuture.whenComplete { [limiter] _ in limiter.closed(ticket) }
        let guardHandler = HeadGuard(
            limiter: limiter, ticket: ticket, maxBytes: WebServer.maxHead, deadline: WebServer.headDeadline,
            lifetime: WebServer.requestLifetime)
        do {
            if let tls {
                let ssl = NIOSSLServerHandler(context: tls)
                try channel.pipeline.syncOperations.addHandler(ssl, position: .first)
                try channel.pipeline.syncOperations.addHandler(guardHandler, position: .after(ssl))
            } else {
                try channel.pipeline.syncOperations.addHandler(guardHandler, position: .first)
            }
        } catch {
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(error)
        }
        return inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async { await inner.handle(value: value, logger: logger) }
}
