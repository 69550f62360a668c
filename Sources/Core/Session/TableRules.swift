/// The rules of a table round: who sits where, where an entry goes, and a table's dots.
extension Engine {
    func decideTables(_ command: Command, by actor: Actor, in state: SessionState) throws(Refusal) -> Decision {
        if state.closed { throw .closed }
        let isFacilitator = actor.role == .facilitator
        func plain(_ c: Change) -> Decision { Decision(change: c, undoes: nil) }
        if case .sendMessage(let raw) = command {
            if !isFacilitator { throw .facilitatorOnly }
            let text = raw.map(TextPolicy.cleanLine)
            if let text, text.count > 200 { throw .tooLong(200) }
            return plain(.messageSent(text: text?.isEmpty == false ? text : nil))
        }
        guard let step = currentStep(state), step.kind == .tableRound else { throw .noTables }
        let tables = workshop.tables(of: step)
        let sitting = state.sitting(in: step.id)
        switch command {
        case .chooseTable(let id):
            if isFacilitator { throw .facilitatorOnly }
            if state.participants[actor.key] == nil { throw .notJoined }
            guard tables.contains(where: { $0.id == id }) else { throw .unknownTable(id) }
            if state.seat(of: actor.key, in: step.id) == id { throw .alreadySeated }
            if let cap = step.seatsPerTable, (sitting[id]?.count ?? 0) >= cap { throw .tableFull }
            return plain(.seated(step: step.id, seats: [actor.key: id]))
        case .seat(let participant, let id):
            if !isFacilitator { throw .facilitatorOnly }
            guard state.participants[participant] != nil else { throw .unknownParticipant }
            guard tables.contains(where: { $0.id == id }) else { throw .unknownTable(id) }
            return plain(.seated(step: step.id, seats: [participant: id]))
        case .seatEveryone:
            if !isFacilitator { throw .facilitatorOnly }
            let seats = TableSeating.balanced(state, step: step, tables: tables)
            if seats.isEmpty { throw .nobodyToSeat }
            return plain(.seated(step: step.id, seats: seats.mapValues { Optional($0) }))
        default:
            throw .facilitatorOnly
        }
    }

    /// Where an entry typed now goes: nil outside a table round. A participant's goes to the
    /// table they sit at; the facilitator names the table they type for.
    func tablePlace(_ step: Workshop.Step, table: String?, by actor: Actor, in state: SessionState) throws(Refusal) -> Workshop.Table? {
        guard step.kind == .tableRound else { return nil }
        let tables = workshop.tables(of: step)
        if actor.role == .facilitator {
            guard let table else { throw .chooseTableFirst }
            guard let t = tables.first(where: { $0.id == table }) else { throw .unknownTable(table) }
            return t
        }
        guard let seat = state.seat(of: actor.key, in: step.id), let t = tables.first(where: { $0.id == seat }) else {
            throw .chooseTableFirst
        }
        return t
    }

    /// A dot at a table: on that table's implications of this round, three per participant,
    /// apart from the budget for the insights.
    func decideTableVote(_ id: String, by actor: Actor, in state: SessionState) throws(Refusal) -> Decision {
        guard let step = currentStep(state), let e = state.entry(id) else { throw .unknownEntry }
        if !e.isLive { throw .removed }
        guard e.step == step.id, e.kind == .implication, let table = e.table else { throw .notVoting }
        if actor.role != .facilitator {
            guard state.seat(of: actor.key, in: step.id) == table else { throw .otherTable }
            if state.tableVotesUsed(by: actor.key, in: step.id) >= SessionState.tableVoteBudget { throw .budgetSpent }
        }
        return Decision(change: .voteCast(id: id), undoes: nil)
    }
}

/// Balanced seating: everyone without a seat goes to the emptiest table (the first in table
/// order on a tie), never past the cap. Joined order first, so the result is the same on
/// every screen that computes it.
public enum TableSeating {
    public static func balanced(_ state: SessionState, step: Workshop.Step, tables: [Workshop.Table]) -> [String: String] {
        guard !tables.isEmpty else { return [:] }
        var counts = tables.map { state.sitting(in: step.id)[$0.id]?.count ?? 0 }
        let waiting = state.participants.values
            .filter { state.seat(of: $0.key, in: step.id) == nil }
            .sorted { ($0.joinedAt, $0.key) < ($1.joinedAt, $1.key) }
        var out: [String: String] = [:]
        for p in waiting {
            guard let i = counts.indices.min(by: { (counts[$0], $0) < (counts[$1], $1) }) else { break }
            if let cap = step.seatsPerTable, counts[i] >= cap { break }
            counts[i] += 1
            out[p.key] = tables[i].id
        }
        return out
    }
}

extension Refusal {
    public static let noTables = Refusal(
        nl: "Deze stap werkt niet aan tafels.", en: "This step does not work in tables.")
    public static let tableFull = Refusal(
        nl: "Die tafel is vol; kies een andere.", en: "That table is full; choose another.")
    public static let alreadySeated = Refusal(
        nl: "Je zit al aan die tafel.", en: "You are already at that table.")
    public static let chooseTableFirst = Refusal(
        nl: "Kies eerst een tafel.", en: "Choose a table first.")
    public static let otherTable = Refusal(
        nl: "Je stemt alleen aan je eigen tafel.", en: "You vote at your own table only.")
    public static let unknownParticipant = Refusal(
        nl: "Die deelnemer is niet aangemeld.", en: "That participant has not joined.")
    public static let nobodyToSeat = Refusal(
        nl: "Iedereen heeft al een plaats (of alle tafels zijn vol).", en: "Everyone has a seat (or every table is full).")
    static func unknownTable(_ id: String) -> Refusal {
        Refusal(nl: "Tafel \(TerminalText.quoted(id)) bestaat niet.", en: "Table \(TerminalText.quoted(id)) does not exist.")
    }
}

/// A table's number as the room knows it ("tafel 3"), for the entries made at it.
public struct TableNumbers: Sendable {
    let numbers: [String: [String: Int]]

    public init(_ w: Workshop) {
        var n: [String: [String: Int]] = [:]
        for step in w.steps where step.kind == .tableRound {
            n[step.id] = Dictionary(uniqueKeysWithValues: w.tables(of: step).map { ($0.id, $0.number) })
        }
        numbers = n
    }

    public func of(_ e: Entry) -> Int? { e.table.flatMap { numbers[e.step]?[$0] } }
}
