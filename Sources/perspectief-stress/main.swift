import Core
import Foundation
import Store

// perspectief-stress SESSION_FOLDER_ROOT SESSION_ID WORKSHOP_FILE NAME COUNT [--compact-every K] [--step-every K] [--reopen]
//
// With --reopen every append is made the way `perspectief add` makes it: open the session
// only for adding, append, close (which folds the journals in when they have grown enough).
//
// Joins the session as participant NAME (or as the facilitator when NAME is "facilitator")
// and appends COUNT entries as fast as it can. After each append returns — that is, after
// the event is durable — it prints "ack <entry-id>" and flushes, so a test that kills this
// process knows exactly which entries were acknowledged and must survive.
let args = CommandLine.arguments
guard args.count >= 6, let count = Int(args[5]) else {
    FileHandle.standardError.write(Data("usage: perspectief-stress ROOT SESSION WORKSHOP NAME COUNT [--compact-every K] [--step-every K]\n".utf8))
    exit(2)
}
func option(_ name: String) -> Int? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } }
let compactEvery = option("--compact-every")
let stepEvery = option("--step-every")
let pauseMs = option("--pause-ms")
let stamp = args.contains("--stamp")
let reopen = args.contains("--reopen")

/// Unbuffered, so a kill right after the line loses nothing that was printed.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

do {
    let workshop = try WorkshopCatalog.loadFile(args[3]).get()
    let engine = Engine(workshop: workshop)
    let store = try SessionStore(root: args[1], create: false)
    var handle = try reopen ? store.openForAdding(args[2]) : store.open(args[2])
    let name = args[4]
    let actor: Actor = name == "facilitator"
        ? .facilitator(nil)
        : Actor(role: .participant, key: ParticipantKey.key(name: name, sessionId: handle.id, anonymous: false), name: name)
    func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
    if actor.role == .participant {
        if handle.state.participants[actor.key] == nil { try handle.perform(.join, by: actor, engine: engine, now: now()) }
    }
    let rounds = workshop.steps.filter { $0.kind == .scenarioRound }.map(\.id)
    for i in 1...max(1, count) where count > 0 {
        let id = "\(name)-\(i)-\(Int.random(in: 0..<1_000_000))"
        // With --stamp the text carries the wall time in microseconds, for latency benchmarks.
        let text = stamp ? "t=\(Int64(Date().timeIntervalSince1970 * 1_000_000))" : "\(name) \(i): reëel — één"
        try handle.perform(.addEntry(id: id, text: text, kind: .implication), by: actor, engine: engine, now: now())
        say("ack \(id)")
        if let k = stepEvery, i % k == 0, actor.role == .facilitator, !rounds.isEmpty {
            try handle.perform(.moveStep(to: rounds[(i / k) % rounds.count]), by: actor, engine: engine, now: now())
        }
        if let k = compactEvery, i % k == 0 { try handle.compact() }
        if let p = pauseMs { usleep(useconds_t(p * 1000)) }
        if reopen {
            handle.close()
            handle = try store.openForAdding(args[2])
        }
    }
    handle.close()
    say("done")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
