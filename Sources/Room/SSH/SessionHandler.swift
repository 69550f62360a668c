import CRoom
import Core
import NIOCore
import NIOPosix
import NIOSSH

#if canImport(Glibc)
import Glibc
#endif

/// One SSH session channel: a pty request, then a shell request starts the participant view
/// on its own pty; bytes flow both ways until one side ends. Nothing else is served: exec,
/// subsystems, agent and X11 forwarding and unknown environment variables are refused.
/// Lives on its connection's event loop.
final class SessionHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    let server: SSHRoomServer
    let peer: Int
    let address: String

    var term: String?
    var cols = 80
    var rows = 24
    var locale: [String: String] = [:]
    var child: PtyChild?
    var pty: Channel?
    var context: ChannelHandlerContext?
    var lastKeyMs = Clock.nowMs()
    var idleClosing = false
    var ended = false
    var announced: [UInt8] = []
    /// The room's code being asked (CodePrompt), nil once it is right or when none is needed.
    var prompt: CodePrompt?
    var checkingCode = false
    var wrongCodes = 0

    init(server: SSHRoomServer, peer: Int, address: String) {
        self.server = server
        self.peer = peer
        self.address = address
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let req as SSHChannelRequestEvent.PseudoTerminalRequest:
            let ok = child == nil && term == nil
            if ok {
                term = req.term
                // 0 means "unknown" (ssh -tt without a local terminal): a classic 80×24.
                cols = req.terminalCharacterWidth > 0 ? TerminalSize.clampCols(req.terminalCharacterWidth) : 80
                rows = req.terminalRowHeight > 0 ? TerminalSize.clampRows(req.terminalRowHeight) : 24
                let (t, c, r) = (req.term, cols, rows)
                server.update(peer) {
                    $0.term = t
                    $0.cols = c
                    $0.rows = r
                }
            }
            reply(context, ok, wantReply: req.wantReply)
        case let req as SSHChannelRequestEvent.EnvironmentRequest:
            // Only the language travels; LD_*, PATH and the rest stay with the client.
            let ok = ChildEnvironment.isLocaleName(req.name) && ChildEnvironment.isLocaleValue(req.value) && locale.count < 16
            if ok { locale[req.name] = req.value }
            reply(context, ok, wantReply: req.wantReply)
        case let req as SSHChannelRequestEvent.ShellRequest:
            shell(context, wantReply: req.wantReply)
        case let req as SSHChannelRequestEvent.ExecRequest:
            refuse(context, wantReply: req.wantReply, outcome: "command refused")
        case let req as SSHChannelRequestEvent.SubsystemRequest:
            refuse(context, wantReply: req.wantReply, outcome: "subsystem refused")
        case let req as SSHChannelRequestEvent.WindowChangeRequest:
            cols = TerminalSize.clampCols(req.terminalCharacterWidth)
            rows = TerminalSize.clampRows(req.terminalRowHeight)
            let (c, r) = (cols, rows)
            server.update(peer) {
                $0.cols = c
                $0.rows = r
            }
            if let child { _ = croom_set_winsize(child.master, UInt16(clamping: max(r, 1)), UInt16(clamping: max(c, 1))) }
        case let e as ChannelEvent where e == .inputClosed:
            // The client will send no more keys: the participant view cannot be used.
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func reply(_ context: ChannelHandlerContext, _ ok: Bool, wantReply: Bool) {
        guard wantReply else { return }
        if ok {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// A one-line reason on the client's stderr, exit status 1, and the channel closes. The
    /// request is accepted (nothing runs): OpenSSH drops the text of a refused one unread.
    func refuse(_ context: ChannelHandlerContext, wantReply: Bool, outcome: String) {
        guard child == nil, !ended else { return reply(context, false, wantReply: wantReply) }
        server.setOutcome(peer, outcome)
        let text = RoomText.onlyParticipantView(language(), command: server.config.joinCommand(port: server.port.load(ordering: .relaxed)))
        reply(context, true, wantReply: wantReply)
        say(context, text, stdErr: true)
        finish(context, status: 1)
    }

    func shell(_ context: ChannelHandlerContext, wantReply: Bool) {
        guard child == nil, prompt == nil else { return reply(context, false, wantReply: wantReply) }
        guard let term else {
            reply(context, true, wantReply: wantReply)
            server.setOutcome(peer, "no terminal")
            say(context, RoomText.needsTerminal(language(), command: server.config.joinCommand(port: server.port.load(ordering: .relaxed))), stdErr: true)
            return finish(context, status: 1)
        }
        reply(context, true, wantReply: wantReply)
        if server.config.code != nil && !server.isAuthenticated(peer) { return askCode(context) }
        startChild(context, term: term)
    }

    /// Starts the participant view on its own pty and pumps bytes both ways.
    func startChild(_ context: ChannelHandlerContext, term: String) {
        let config = server.config
        let launch = PtyChild.Launch(
            executable: config.executable,
            arguments: ["join", config.session, "--store", config.store] + config.extraArguments,
            environment: ChildEnvironment.build(term: term, locale: locale, fallbackLang: config.fallbackLang, parentPid: getpid()))
        let started: PtyChild
        do { started = try PtyChild.spawn(launch, rows: rows, cols: cols) } catch {
            server.setOutcome(peer, "could not start: \(error)")
            say(context, error.description + "\r\n", stdErr: true)
            return finish(context, status: 1)
        }
        child = started
        server.update(peer) { $0.pid = started.pid }
        let sshChannel = context.channel
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelInitializer { ptyChannel in
                ptyChannel.eventLoop.makeCompletedFuture {
                    try ptyChannel.pipeline.syncOperations.addHandler(PtyOutput(ssh: sshChannel, session: bound))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: started.master)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let ch):
                    if self.ended { ch.close(promise: nil) } else { self.pty = ch }
                case .failure:
                    Glibc.close(started.master)
                    self.childOutputEnded()
                }
            }
        tick()
    }

    /// Every half second: the name the child announced, and the idle check.
    func tick() {
        guard let context, let child, !ended else { return }
        announced += PtyChild.readAnnounced(child.announce)
        if let nl = announced.lastIndex(of: 10) {
            let lines = announced[..<nl].split(separator: 10).map { String(decoding: $0, as: UTF8.self) }
            announced.removeSubrange(...nl)
            // The join screen says when a rejoin code was wrong: the address is counted as the
            // phone page counts it (its next connections wait; the name itself is held by the
            // store after a few, whichever process they were typed in).
            for _ in 0..<lines.count(where: { $0 == RoomAnnounce.wrongRejoin }) {
                _ = server.wrongRejoin(peer, address: address)
            }
            let name = Printable.clean(lines.last { $0 != RoomAnnounce.wrongRejoin } ?? "", max: 60)
            if !name.isEmpty { server.update(peer) { $0.name = name } }
        }
        if !idleClosing && Clock.nowMs() - lastKeyMs > server.config.idleMs {
            idleClosing = true
            server.setOutcome(peer, "idle")
            PtyChild.signal(child.pid, SIGHUP)
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(500)) { self.tick() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let msg = unwrapInboundIn(data)
        guard case .channel = msg.type, case .byteBuffer(let bytes) = msg.data else { return }
        if prompt != nil { return codeKeys(context, bytes) }
        guard let pty else { return }
        lastKeyMs = Clock.nowMs()
        pty.writeAndFlush(bytes, promise: nil)
    }

    /// A slow client (weak Wi-Fi): stop reading the pty until its window opens again, so the
    /// participant view waits instead of the server buffering without bound.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        pty?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
        context.fireChannelWritabilityChanged()
    }

    /// The client went away (closed window, lost Wi-Fi, disconnected by the facilitator).
    func channelInactive(context: ChannelHandlerContext) {
        if let child, !ended {
            PtyChild.signal(child.pid, SIGHUP)
            reapLater(child.pid, context.eventLoop, killAt: Clock.nowMs() + 3000, then: nil)
        }
        ended = true
        pty?.close(promise: nil)
        context.fireChannelInactive()
    }

    /// The pty reported end of output: the child has exited (or is about to).
    func childOutputEnded() {
        guard let child, let context, !ended else { return }
        reapLater(child.pid, context.eventLoop, killAt: Clock.nowMs() + 3000) { status in
            guard !self.ended else { return }
            let command = self.server.config.joinCommand(port: self.server.port.load(ordering: .relaxed))
            if self.idleClosing {
                self.say(context, RoomText.idle(self.language()), stdErr: false)
            } else if self.server.closing.load(ordering: .acquiring) {
                self.say(context, RoomText.roomClosed(self.language(), command: command), stdErr: false)
            } else if status == 0 {
                self.say(context, RoomText.left(self.language(), command: command), stdErr: false)
            }
            self.server.setOutcome(self.peer, "left (exit \(status))")
            self.finish(context, status: Int(status))
        }
    }

    /// Waits for the child without blocking the loop; SIGKILL if it lingers past `killAt`.
    func reapLater(_ pid: pid_t, _ loop: EventLoop, killAt: Int64, then done: ((Int32) -> Void)?) {
        if let status = PtyChild.reap(pid) {
            if let child { Glibc.close(child.announce) }
            child = nil
            done?(status)
            return
        }
        if Clock.nowMs() > killAt { PtyChild.signal(pid, SIGKILL) }
        loop.assumeIsolated().scheduleTask(in: .milliseconds(20)) { self.reapLater(pid, loop, killAt: killAt, then: done) }
    }

    func say(_ context: ChannelHandlerContext, _ text: String, stdErr: Bool) {
        var buf = context.channel.allocator.buffer(capacity: text.utf8.count)
        buf.writeString(text)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: stdErr ? .stdErr : .channel, data: .byteBuffer(buf))), promise: nil)
    }

    func finish(_ context: ChannelHandlerContext, status: Int) {
        ended = true
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status), promise: nil)
        context.close(promise: nil)
    }

    func language() -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = locale[key], !v.isEmpty { return Language.from(locale: v) }
        }
        return Language.from(locale: server.config.fallbackLang)
    }
}

/// The pty's output goes to the client as channel data; the end of it means the child ended.
final class PtyOutput: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let ssh: Channel
    let session: NIOLoopBound<SessionHandler>

    init(ssh: Channel, session: NIOLoopBound<SessionHandler>) {
        self.ssh = ssh
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        ssh.write(SSHChannelData(type: .channel, data: .byteBuffer(bytes)), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) { ssh.flush() }

    func channelInactive(context: ChannelHandlerContext) {
        session.value.childOutputEnded()
        context.fireChannelInactive()
    }

    // EIO when the child has closed its side: the normal end, not a fault.
    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
}
