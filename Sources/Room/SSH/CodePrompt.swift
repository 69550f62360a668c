import Core
import NIOCore
import NIOSSH

/// The room's code, asked inside the connection in the participant's language once their
/// terminal is open ("Code van de zaal: "), with a plain answer to a wrong code. OpenSSH's own
/// password prompt cannot be worded and answers a wrong code with "Permission denied", and
/// swift-nio-ssh has no server-side keyboard-interactive; so the SSH login itself lets anyone
/// in, and only the participant view waits behind this prompt. The limits stay: the login
/// grace runs until the code is right, each address is slowed down per wrong code, and a
/// connection is closed after `wrongCodesPerConnection` wrong ones.
struct CodePrompt {
    enum Step: Equatable {
        case echo(String)
        case submit(String)
        case cancel
        case nothing
    }

    private(set) var typed = ""
    static let maxLength = 12

    /// One byte from the client's keyboard: digits are echoed, Backspace erases, Enter submits,
    /// Ctrl-C or Ctrl-D gives up; everything else (arrow keys, letters) is ignored.
    mutating func feed(_ byte: UInt8) -> Step {
        switch byte {
        case 0x30...0x39 where typed.count < Self.maxLength:
            typed.append(Character(UnicodeScalar(byte)))
            return .echo(String(UnicodeScalar(byte)))
        case 0x7F, 0x08:
            guard !typed.isEmpty else { return .nothing }
            typed.removeLast()
            return .echo("\u{8} \u{8}")
        case 0x0D, 0x0A:
            defer { typed = "" }
            return .submit(typed)
        case 0x03, 0x04:
            return .cancel
        default:
            return .nothing
        }
    }

    static func ask(_ l: Language) -> String {
        l == .nl ? "Code van de zaal (staat op het scherm): " : "Room code (shown on the screen): "
    }

    static func wrong(_ l: Language, left: Int) -> String {
        l == .nl
            ? "\r\nDie code klopt niet; kijk nog eens op het scherm in de zaal (nog \(left) \(left == 1 ? "poging" : "pogingen")).\r\n"
            : "\r\nThat code is not right; look again at the screen in the room (\(left) \(left == 1 ? "try" : "tries") left).\r\n"
    }

    static func tooMany(_ l: Language) -> String {
        l == .nl
            ? "\r\nTe vaak een verkeerde code; de verbinding wordt gesloten. Probeer het straks opnieuw.\r\n"
            : "\r\nToo many wrong codes; the connection is closed. Try again in a while.\r\n"
    }

    /// The room is being flooded with guesses: a real participant is asked to come back soon.
    static func busy(_ l: Language) -> String {
        l == .nl
            ? "\r\nHet is nu erg druk bij de deur van de zaal; probeer het over een minuut opnieuw.\r\n"
            : "\r\nThe room's door is very busy right now; try again in a minute.\r\n"
    }

    static func gaveUp(_ l: Language) -> String { l == .nl ? "\r\nTot ziens.\r\n" : "\r\nGoodbye.\r\n" }
}

extension SessionHandler {
    /// Shows the prompt; the keys go to it until the code is right.
    func askCode(_ context: ChannelHandlerContext) {
        prompt = CodePrompt()
        say(context, CodePrompt.ask(language()), stdErr: false)
    }

    /// Keys while the code is asked.
    func codeKeys(_ context: ChannelHandlerContext, _ bytes: ByteBuffer) {
        for byte in bytes.readableBytesView {
            guard !checkingCode, var p = prompt else { return }
            let step = p.feed(byte)
            prompt = p
            switch step {
            case .echo(let text): say(context, text, stdErr: false)
            case .nothing: break
            case .cancel:
                say(context, CodePrompt.gaveUp(language()), stdErr: false)
                finish(context, status: 1)
                return
            case .submit(let attempt):
                checkCode(context, attempt)
                return
            }
        }
    }

    /// The same rule as the web page's: a constant-time compare, an address that keeps
    /// guessing waits longer for each answer, and a few wrong codes end the connection.
    func checkCode(_ context: ChannelHandlerContext, _ attempt: String) {
        guard let code = server.config.code else { return }
        checkingCode = true
        // Every check takes its turn in the room's budget, right or wrong: an immediate answer
        // would tell parallel guesses from many addresses which one was right.
        let booked = server.limiter.withLock { $0.bookCheck(address, now: Clock.nowMs(), maxWaitMs: server.config.maxCheckWaitMs) }
        server.noteAttack()
        guard let booking = booked else {
            checkingCode = false
            server.setOutcome(peer, "too many attempts in the room")
            say(context, CodePrompt.busy(language()), stdErr: false)
            finish(context, status: 1)
            return
        }
        let delay = booking.waitMs
        let check = { [self] in
            checkingCode = false
            guard !ended else { return }
            if code.matches(attempt) {
                // A right code gives its turn back: a crowd with the code never waits.
                server.limiter.withLock { $0.rightCode(address, booking: booking, now: Clock.nowMs()) }
                prompt = nil
                server.authenticated(peer, address: address)
                say(context, "\r\n", stdErr: false)
                if let term { startChild(context, term: term) }
                return
            }
            // The wrong code was counted for its address when it was booked.
            wrongCodes += 1
            server.update(peer) { $0.wrongCodes += 1 }
            let left = server.config.wrongCodesPerConnection - wrongCodes
            guard left > 0 else {
                server.setOutcome(peer, "wrong code \(wrongCodes) times")
                say(context, CodePrompt.tooMany(language()), stdErr: false)
                finish(context, status: 1)
                return
            }
            say(context, CodePrompt.wrong(language(), left: left) + CodePrompt.ask(language()), stdErr: false)
        }
        if delay > 0 {
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(delay), check)
        } else {
            check()
        }
    }
}
