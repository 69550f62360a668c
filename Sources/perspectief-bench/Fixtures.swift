import Core
import Foundation
import Store

/// Generated sessions for the benchmarks, written the way the store writes them.
enum BenchFixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let workshop: Workshop = try! WorkshopCatalog.loadFile(repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json").path).get()

    static func tempDir(_ tag: String) -> String {
        let path = NSTemporaryDirectory() + "pf-bench-\(tag)-" + String(UUID().uuidString.prefix(8)).lowercased()
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A session with `entries` implications spread over the four rounds, compacted into
    /// its snapshot, as a finished session looks on disk.
    @discardableResult
    static func session(in store: SessionStore, entries: Int, index: Int) throws -> String {
        let now = Int64(1_795_356_000_000) + Int64(index) * 60_000
        let groups = workshop.perspectives.map(\.id)
        let setup = SessionSetup(
            sessionId: "20261122-1400-bench-\(index)", workshopId: workshop.id, workshopTitle: workshop.title,
            perspective: .workshop(groups[index % groups.count]), title: "Bench \(index)", facilitator: "Anna")
        let h = try store.create(setup, by: .facilitator("Anna"), now: now)
        let engine = Engine(workshop: workshop)
        let rounds = workshop.steps.filter { $0.kind == .scenarioRound }
        var step = ""
        for i in 0..<entries {
            let round = rounds[i * rounds.count / max(1, entries)]
            if round.id != step {
                try h.perform(.moveStep(to: round.id), by: .facilitator("Anna"), engine: engine, now: now)
                step = round.id
            }
            try h.perform(
                .addEntry(id: "e\(index)-\(i)", text: "Implicatie \(i) voor deze groep: reëel en één loket nodig, met wachttijden die oplopen."),
                by: .facilitator("Anna"), engine: engine, now: now + Int64(i))
        }
        try h.compact()  // folds the journal into session.json (closing alone does once journals grow)
        h.close()
        return setup.sessionId
    }
}

extension BenchFixtures {
    /// The same session built in memory and written as a snapshot without fsyncs: for making
    /// a thousand sessions quickly. The files are identical in shape to the store's.
    static func writeSnapshot(root: String, entries: Int, index: Int, spread: Bool = true) throws {
        let id = "20261122-1400-gen-\(index)"
        let now = Int64(1_795_356_000_000) + Int64(index) * 60_000
        let groups = workshop.perspectives.map(\.id)
        let setup = SessionSetup(
            sessionId: id, workshopId: workshop.id, workshopTitle: workshop.title,
            perspective: .workshop(groups[index % groups.count]), title: "Bench \(index)", facilitator: "Anna")
        let actor = Actor.facilitator("Anna")
        var events = [Event(id: "\(id)-0", writer: "gen", seq: 1, clock: 1, time: now, actor: actor, change: .sessionCreated(setup))]
        var state = SessionState.fold(events)!
        let engine = Engine(workshop: workshop)
        let rounds = workshop.steps.filter { $0.kind == .scenarioRound }
        func add(_ c: Command) throws {
            let d = try engine.decide(c, by: actor, in: state)
            let e = Event(id: "\(id)-\(events.count)", writer: "gen", seq: events.count + 1, clock: state.clock + 1,
                          time: now + Int64(events.count), actor: actor, change: d.change)
            events.append(e)
            state.apply(e)
        }
        var step = ""
        for i in 0..<entries {
            let round = rounds[spread ? i * rounds.count / max(1, entries) : 0]
            if round.id != step { try add(.moveStep(to: round.id)); step = round.id }
            try add(.addEntry(id: "e\(i)", text: "Implicatie \(i) voor deze groep: reëel en één loket nodig, met wachttijden die oplopen."))
        }
        let folder = root + "/" + id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var text = "{\n  \"schema\": 1,\n  \"session\": \"\(id)\",\n  \"folded\": {\"gen\": \(events.count)},\n  \"events\": [\n"
        text += events.map { "    " + JSONWriter.compact($0.json) }.joined(separator: ",\n")
        text += "\n  ]\n}\n"
        try text.write(toFile: folder + "/session.json", atomically: false, encoding: .utf8)
    }
}
