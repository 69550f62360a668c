import Core
import Foundation

/// A session built the way the store builds one: every change decided by the real engine and
/// folded into the state, so a test sees what a front end would.
struct SessionBuilder {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func workshop(_ path: String = "Workshops/publieke-dienstverlening-2035.json") -> Workshop {
        let bytes = [UInt8](FileManager.default.contents(atPath: repo.appendingPathComponent(path).path)!)
        return try! WorkshopLoader.load(bytes: bytes, file: path)
    }
    static let start: Int64 = 1_795_356_000_000
    static let anna = Actor(role: .participant, key: "p:anna", name: "Anna")
    static let bob = Actor(role: .participant, key: "p:bob", name: "Bob")
    static let room = Actor.facilitator("Fatima")

    let workshop: Workshop
    let engine: Engine
    var state: SessionState
    var seq = 0
    var now: Int64 = start

    init(workshop: Workshop = SessionBuilder.workshop(), voteBudget: Int = 5, hold: Bool = false) {
        self.workshop = workshop
        engine = Engine(workshop: workshop)
        let setup = SessionSetup(
            sessionId: "20261204-1000-ouderen-t1", workshopId: workshop.id, workshopTitle: workshop.title,
            perspective: .workshop("ouderen"), title: "Ouderen in 2035", facilitator: "Fatima", anonymous: false, voteBudget: voteBudget)
        state = SessionState.fold([Event(id: "e0", writer: "w", seq: 0, clock: 1, time: Self.start, actor: Self.room, change: .sessionCreated(setup))])!
        if hold { try! run(.changeSettings(holdForReview: true), by: Self.room) }
    }

    mutating func run(_ command: Command, by actor: Actor) throws(Refusal) {
        let d = try engine.decide(command, by: actor, in: state)
        seq += 1
        now += 1000
        state.apply(Event(id: "e\(seq)", writer: "w", seq: seq, clock: state.clock + 1, time: now, actor: actor, change: d.change, undoes: d.undoes))
    }

    mutating func move(to step: Workshop.Step) { try! run(.moveStep(to: step.id), by: Self.room) }

    /// A full session: in every step that takes entries the room and two participants write
    /// one each; insights are marked, linked and voted on as the script has them.
    static func full(hold: Bool = false) -> SessionBuilder {
        var b = SessionBuilder(hold: hold)
        try! b.run(.join, by: anna)
        try! b.run(.join, by: bob)
        let scenarios = b.workshop.scenarios.map(\.id)
        for step in b.workshop.steps {
            b.move(to: step)
            if let kind = step.kind.participantEntryKind {
                for who in [anna, bob] {
                    try! b.run(.addEntry(id: "\(step.id)-\(who.key)", text: "\(who.name!) in \(step.id) (\(kind.rawValue))"), by: who)
                }
            }
            if step.kind.entryKind != nil {
                try! b.run(.addEntry(id: "\(step.id)-room", text: "De zaal in \(step.id)"), by: room)
            }
            switch step.kind {
            case .harvest:
                for e in b.state.entries where e.kind == .implication && e.owner == anna.key { try! b.run(.vote(id: e.id), by: room) }
            case .robustness:
                for (i, e) in b.state.entries.enumerated() where e.kind == .insight {
                    for sc in scenarios.prefix(i % 2 == 0 ? 4 : 2) { try! b.run(.setHolds(id: e.id, scenario: sc, holds: true), by: room) }
                }
            case .directions:
                for e in b.state.entries where e.kind == .insight {
                    try! b.run(.link(id: e.id, target: .direction(b.workshop.directions[0].id), linked: true), by: room)
                }
            case .voting:
                let insights = b.state.entries.filter { $0.kind == .insight && $0.isLive }
                try! b.run(.vote(id: insights[0].id), by: anna)
                try! b.run(.vote(id: insights[0].id), by: anna)
                try! b.run(.vote(id: insights[1].id), by: anna)
                try! b.run(.vote(id: insights[1].id), by: bob)
            default: break
            }
        }
        return b
    }
}
