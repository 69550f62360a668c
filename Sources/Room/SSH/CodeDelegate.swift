import NIOCore
import NIOSSH

/// The SSH login of a room: everyone is let in, with no password prompt (OpenSSH's cannot be
/// worded, and answers a wrong code with "Permission denied"). The room's code is asked inside
/// the connection in the participant's language (CodePrompt, SessionHandler); until it is
/// right only that prompt is reachable and the login grace keeps running. An open room has no
/// code: past the login is past the code. Runs on the connection's loop.
final class CodeDelegate: NIOSSHServerUserAuthenticationDelegate {
    let server: SSHRoomServer
    let id: Int
    let address: String
    let channel: Channel

    init(server: SSHRoomServer, id: Int, address: String, channel: Channel) {
        self.server = server
        self.id = id
        self.address = address
        self.channel = channel
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        server.authStarted(id)
        server.admitted(id)
        if server.config.code == nil { server.authenticated(id, address: address) }
        responsePromise.succeed(.success)
    }
}
