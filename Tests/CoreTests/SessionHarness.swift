import Core

/// Runs commands through the real engine and fold, the way the store does, without disk.
struct SessionHarness {
    let engine: Engine
    var events: [Event] = []
    var state: SessionState
    var clock: Int64 = 1_790_000_000_000
    var seq = 0

    static let facilitator = Actor.facilitator("Anna")
    static func participant(_ name: String, anonymous: Bool = false) -> Actor {
        Actor(role: .participant, key: ParticipantKey.key(name: name, sessionId: "s1", anonymous: anonymous),
            name: anonymous ? nil : name)
    }

    init(workshop: Workshop = Fixtures.mini, anonymous: Bool = false, budget: Int = 3, hold: Bool = false) {
        engine = Engine(workshop: workshop)
        let setup = SessionSetup(
            sessionId: "s1", workshopId: workshop.id, workshopTitle: workshop.title, perspective: .workshop("ouderen"),
            title: "Ouderen", facilitator: "Anna", anonymous: anonymous, voteBudget: budget, holdForReview: hold)
        let first = Event(
            id: "e0", writer: "w", seq: 0, clock: 1, time: clock, actor: Self.facilitator, change: .sessionCreated(setup))
        events = [first]
        state = SessionState.fold(events)!
    }

    /// Decides and applies; returns the refusal instead of throwing so tests read flat.
    @discardableResult
    mutating func run(_ command: Command, by actor: Actor = facilitator) -> Refusal? {
        do {
            let d = try engine.decide(command, by: actor, in: state)
            seq += 1
            clock += 1000
            let e = Event(
                id: "e\(seq)", writer: "w", seq: seq, clock: state.clock + 1, time: clock, actor: actor, change: d.change,
                undoes: d.undoes)
            events.append(e)
            state.apply(e)
            return nil
        } catch {
            return error
        }
    }

    mutating func go(to step: String) { run(.moveStep(to: step)) }

    mutating func add(_ id: String, _ text: String, by actor: Actor = facilitator) {
        let r = run(.addEntry(id: id, text: text), by: actor)
        precondition(r == nil, "add failed: \(String(describing: r))")
    }
}
