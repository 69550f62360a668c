import NIOCore
import NIOSSH

/// Asks for the room code as the SSH password (OpenSSH prompts for it), or lets everyone in
/// for an open room. One per connection: it counts that connection's wrong codes, and the
/// room's limiter slows down an address that keeps guessing. Runs on the connection's loop.
final class CodeDelegate: NIOSSHServerUserAuthenticationDelegate {
    let server: SSHRoomServer
    let id: Int
    let address: String
    let channel: Channel
    var wrong = 0

    init(server: SSHRoomServer, id: Int, address: String, channel: Channel) {
        self.server = server
        self.id = id
        self.address = address
        self.channel = channel
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        server.authStarted(id)
        guard let code = server.config.code else {
            server.authenticated(id, address: address)
            responsePromise.succeed(.success)
            return
        }
        guard case .password(let p) = request.request else {
            // The client's first "none" probe, or a key: the answer lists "password".
            responsePromise.succeed(.failure)
            return
        }
        // Every check takes its turn in the room's budget, right or wrong: an immediate answer
        // would tell parallel guesses from many addresses which one was right.
        let booked = server.limiter.withLock { $0.bookCheck(address, now: Clock.nowMs(), maxWaitMs: server.config.maxCheckWaitMs) }
        guard let delay = booked else {
            server.setOutcome(id, "too many attempts in the room")
            responsePromise.succeed(.failure)
            channel.close(promise: nil)
            return
        }
        let check = { [server, id, address, channel] in
            if code.matches(p.password) {
                server.limiter.withLock { $0.refund() }
                server.authenticated(id, address: address)
                responsePromise.succeed(.success)
                return
            }
            server.limiter.withLock { $0.failed(address, now: Clock.nowMs()) }
            self.wrong += 1
            server.update(id) { $0.wrongCodes += 1 }
            responsePromise.succeed(.failure)
            if self.wrong >= server.config.wrongCodesPerConnection {
                server.setOutcome(id, "wrong code \(self.wrong) times")
                channel.close(promise: nil)
            }
        }
        if delay > 0 {
            channel.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(delay), check)
        } else {
            check()
        }
    }
}
