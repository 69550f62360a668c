import Application
import Core
import Foundation
import Runtime
import Store
import TUI
import Terminal

#if canImport(Glibc)
import Glibc
#endif

/// Wiring for the interactive commands: check what can be checked on the command line (one
/// line, before any screen), build the runtime, start the terminal, run.
enum Launch {
    static func facilitator(
        store: StoreOptions, workshops: WorkshopOptions, session: String?, lang: String?, theme: String?, room: RoomOptions? = nil,
        openRoom: Bool = false, syncStatus: (() -> String)? = nil
    ) throws {
        let env = ProcessInfo.processInfo.environment
        let catalog = workshops.catalog()
        guard !catalog.workshops.isEmpty else {
            throw Messages.noWorkshops(catalog.problems.first.map { ": \($0.problems.first?.description ?? "")" } ?? "")
        }
        let runtime = Runtime(
            store: try store.open(forWriting: true), workshops: catalog.workshops, language: Output.language(lang),
            theme: Theme.choose(flag: theme, environment: env), listings: session == nil)
        if let session {
            // Open before the screen starts, so a bad id is a plain one-line error.
            do { try runtime.open(session, failIfReadOnly: true) } catch { throw CLIError(error.reason) }
        }
        runtime.roomOptions = room ?? RoomOptions(workshopDirs: workshops.workshops)
        runtime.syncStatus = syncStatus
        // Ctrl-C is a key here too: with people connected it asks first, as `q` does.
        runtime.controlKeysAsKeys = true
        if openRoom {
            // A room that cannot open (port taken) is one line on the command line.
            do { try runtime.openRoom() } catch { throw CLIError(error.description, nl: error.nl) }
        }
        try run(runtime)
    }

    static func participant(store: StoreOptions, workshops: WorkshopOptions, session: String?, name: String?, lang: String?, theme: String?) throws {
        RoomChild.bindToParent()
        let env = ProcessInfo.processInfo.environment
        // Everything is checked before anything is written: a name, the session, a terminal
        // (the session first: a mistyped id is the likelier problem, and says so).
        if let name, case .failure(let why) = ParticipantName.check(name) { throw CLIError(name: why) }
        let runtime = Runtime(
            store: try store.open(forWriting: true), workshops: workshops.catalog().workshops, language: Output.language(lang),
            theme: Theme.choose(flag: theme, environment: env), listings: session == nil,
            route: .join(JoinState(sessionId: session, name: name)))
        runtime.controlKeysAsKeys = true
        if let session {
            let h: SessionHandle
            do { h = try runtime.store.open(session, readOnly: true) } catch { throw CLIError(error) }
            do { try runtime.joinable(h) } catch { throw CLIError(error.reason) }
            if let problem = terminalProblem() { throw problem }
            if let name {
                do { try runtime.join(session, name: name) } catch {
                    // A name used before: the screen asks for its rejoin code.
                    guard error.reason == Refusal.nameNeedsProof.reason else { throw CLIError(error.reason) }
                    runtime.send(.joinNeedsProof(error.reason))
                }
            }
        } else if let problem = terminalProblem() {
            throw problem
        }
        try run(runtime)
    }

    static func review(store: StoreOptions, workshops: WorkshopOptions, lang: String?, theme: String?) throws {
        let env = ProcessInfo.processInfo.environment
        let runtime = Runtime(
            store: try store.open(), workshops: workshops.catalog().workshops, language: Output.language(lang),
            theme: Theme.choose(flag: theme, environment: env), listings: false)
        runtime.send(.reviewStarted(runtime.startReview()))
        try run(runtime)
    }

    /// The facilitator's desk: a second window on the laptop's own screen, never projected.
    static func desk(store: StoreOptions, workshops: WorkshopOptions, session: String, lang: String?, theme: String?) throws {
        let env = ProcessInfo.processInfo.environment
        let runtime = Runtime(
            store: try store.open(forWriting: true), workshops: workshops.catalog().workshops, language: Output.language(lang),
            theme: Theme.choose(flag: theme, environment: env), listings: false)
        do { try runtime.openDesk(session) } catch { throw CLIError(error.reason) }
        if let problem = terminalProblem() { throw problem }
        try run(runtime)
    }

    /// The screen's own checks, made before a join writes anything (an event, a presence
    /// lock) that a refused screen would leave behind.
    static func terminalProblem() -> CLIError? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            return CLIError(
                "this terminal (TERM=\(TerminalText.safe(term, keepLineBreaks: false))) cannot show the screen; use a terminal such as xterm, tmux or the Linux console",
                nl: "deze terminal (TERM=\(TerminalText.safe(term, keepLineBreaks: false))) kan het scherm niet tonen; gebruik een terminal zoals xterm, tmux of de Linux-console")
        }
        return isatty(0) == 1 && isatty(1) == 1 ? nil : Messages.needsTerminal
    }

    static func run(_ runtime: Runtime) throws {
        let screen: TerminalScreen
        do { screen = try TerminalScreen(theme: runtime.app.theme) } catch { throw CLIError(error.description, nl: error.nl) }
        Signals.install()
        runtime.run(on: screen)
        if let line = RejoinCodeText.farewell(runtime.app) { print(line) }
    }
}
