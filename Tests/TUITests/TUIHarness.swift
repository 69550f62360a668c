import Core
import Foundation
import Store
import TUI
import XCTest

/// Drives the pure program the way the executable does, without a terminal or files:
/// `.perform` effects go through the real engine and fold, and the new state comes back.
struct TUIHarness {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func workshop(_ path: String) -> Workshop {
        let bytes = [UInt8](FileManager.default.contents(atPath: repo.appendingPathComponent(path).path)!)
        return try! WorkshopLoader.load(bytes: bytes, file: path)
    }
    static let mini = workshop("Tests/Fixtures/mini.json")
    static let main2035 = workshop("Workshops/publieke-dienstverlening-2035.json")
    /// 22 November 2026, 14:00 UTC: fixed, so screens are the same every run.
    static let start: Int64 = 1_795_356_000_000

    var app: AppState
    var events: [Event] = []
    var effects: [Effect] = []
    var seq = 0
    /// Who this terminal acts as: the facilitator, or a participant.
    var actor = Actor.facilitator("Anna")

    init(workshop: Workshop = mini, language: Language = .nl, width: Int = 80, height: Int = 24, session: Bool = true,
         perspective: PerspectiveRef = .workshop("ouderen"), anonymous: Bool = false, people: Int? = nil) {
        app = AppState(workshops: [workshop], listings: [], language: language, theme: .dark, width: width, height: height,
                       now: Self.start, idPrefix: "t")
        guard session else { return }
        let setup = SessionSetup(sessionId: "20261122-1400-ouderen-ab12", workshopId: workshop.id, workshopTitle: workshop.title,
                                 perspective: perspective, title: "Ouderen in 2035", facilitator: "Anna", anonymous: anonymous, people: people)
        let first = Event(id: "e0", writer: "w", seq: 0, clock: 1, time: Self.start, actor: .facilitator("Anna"), change: .sessionCreated(setup))
        events = [first]
        _ = TUI.update(&app, .sessionOpened(id: setup.sessionId, workshop: workshop, state: SessionState.fold(events)!, readOnly: nil))
    }

    var session: SessionScreen { app.session! }
    var state: SessionState { app.session!.state }

    /// Sends keys, carrying out effects like the executable would.
    mutating func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    mutating func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    mutating func send(_ msg: Msg) {
        let out = TUI.update(&app, msg)
        effects += out
        for effect in out { carryOut(effect) }
    }

    mutating func carryOut(_ effect: Effect) {
        guard case .perform(let command) = effect, let s = app.session, s.readOnly == nil else { return }
        do {
            let d = try s.engine.decide(command, by: actor, in: s.state)
            seq += 1
            let e = Event(id: "e\(seq)", writer: "w", seq: seq, clock: s.state.clock + 1, time: app.now, actor: actor,
                          change: d.change, undoes: d.undoes)
            events.append(e)
            var state = s.state
            state.apply(e)
            send(.sessionChanged(state))
        } catch {
            send(.refused(error))
        }
    }

    /// Adds entries as another terminal would (arriving through the store).
    mutating func arrive(_ change: Change, by actor: Actor) {
        var state = self.state
        seq += 1
        let e = Event(id: "x\(seq)", writer: "other", seq: seq, clock: state.clock + 1, time: app.now, actor: actor, change: change)
        events.append(e)
        state.apply(e)
        send(.sessionChanged(state))
    }

    mutating func go(toStep id: String) {
        guard let target = session.workshop.steps.firstIndex(where: { $0.id == id }) else { return }
        while session.stepIndex < target { press(.right) }
        while session.stepIndex > target { press(.left) }
    }

    var screen: String { TUI.view(app).text }

    static let listing = SessionListing(
        id: "20261122-1400-ouderen-ab12", title: "Ouderen in 2035", workshopId: "publieke-dienstverlening-2035",
        perspective: .workshop("ouderen"), createdAt: start, updatedAt: start, closed: false, entryCount: 12,
        currentStep: "ronde-1", problem: nil, readOnly: false)

    static let ayse = Actor(role: .participant, key: "p:ayşe", name: "Ayşe")

    /// A participant's terminal: the facilitator's session with an insight to vote on, joined as Ayşe.
    static func participant(language: Language = .nl, width: Int = 80, height: Int = 24) -> TUIHarness {
        var h = TUIHarness(workshop: main2035, language: language, width: width, height: height)
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("Houd altijd een menselijk loket"); h.press(.enter)
        h.go(toStep: "opening")
        h.arrive(.participantJoined, by: ayse)
        _ = TUI.update(&h.app, .joined(id: h.session.id, workshop: main2035, state: h.state, actor: ayse))
        h.actor = ayse
        return h
    }

    /// The facilitator moves the step at another terminal; it arrives through the store.
    mutating func facilitatorMoves(to step: String) {
        arrive(.stepMoved(to: step, from: session.step.id), by: .facilitator("Anna"))
    }
}
