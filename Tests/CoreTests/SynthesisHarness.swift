import Core

/// Builds sessions for synthesis and export tests through the real engine and fold, with a
/// chosen id, perspective, start time and anonymity. Fails the test run on any refusal:
/// a fixture the engine would not accept is a broken fixture.
struct SynthesisSession {
    let engine: Engine
    let workshop: Workshop
    var events: [Event]
    var state: SessionState
    var time: Int64
    var seq = 0
    let facilitator: Actor

    init(
        _ id: String, perspective: PerspectiveRef, title: String, at start: Int64, workshop: Workshop = Fixtures.mini,
        facilitatorName: String? = "Anna", anonymous: Bool = false, budget: Int = 5, place: String? = nil
    ) {
        self.workshop = workshop
        engine = Engine(workshop: workshop)
        facilitator = .facilitator(anonymous ? nil : facilitatorName)
        let setup = SessionSetup(
            sessionId: id, workshopId: workshop.id, workshopTitle: workshop.title, perspective: perspective, title: title,
            facilitator: anonymous ? nil : facilitatorName, anonymous: anonymous, voteBudget: budget, place: place)
        let first = Event(id: "\(id)-e0", writer: "w", seq: 0, clock: 1, time: start, actor: facilitator, change: .sessionCreated(setup))
        events = [first]
        state = SessionState.fold(events)!
        time = start
    }

    var input: SessionInput { SessionInput(workshop: workshop, state: state) }

    func participant(_ name: String) -> Actor {
        Actor(
            role: .participant,
            key: ParticipantKey.key(name: name, sessionId: state.setup.sessionId, anonymous: state.setup.anonymous),
            name: state.setup.anonymous ? nil : name)
    }

    mutating func run(_ command: Command, by actor: Actor? = nil) {
        let who = actor ?? facilitator
        do {
            let d = try engine.decide(command, by: who, in: state)
            seq += 1
            time += 60_000
            let e = Event(
                id: "\(state.setup.sessionId)-e\(seq)", writer: "w", seq: seq, clock: state.clock + 1, time: time,
                actor: who, change: d.change, undoes: d.undoes)
            events.append(e)
            precondition(state.apply(e), "event did not apply: \(command)")
        } catch {
            preconditionFailure("refused \(command): \(error)")
        }
    }

    mutating func go(_ step: String) { run(.moveStep(to: step)) }

    /// An implication in scenario round `round` (step id), with `votes` facilitator votes later.
    mutating func add(_ id: String, _ text: String, author: String? = nil, by actor: Actor? = nil) {
        run(.addEntry(id: id, text: text, author: author), by: actor)
    }

    mutating func holds(_ id: String, _ scenarios: [String]) {
        for s in scenarios { run(.setHolds(id: id, scenario: s, holds: true)) }
    }

    mutating func link(_ id: String, _ direction: String) { run(.link(id: id, target: .direction(direction), linked: true)) }
}
