import Core
import XCTest

/// The table round: seats are events, entries carry their table, a full or unknown table is
/// refused, a participant who comes back sits where they sat, a move keeps earlier entries.
final class TableSeatingTests: XCTestCase {
    let ayse = SessionHarness.participant("Ayşe")
    let bram = SessionHarness.participant("Bram")
    let carla = SessionHarness.participant("Carla")

    static func tafels(seats: Int? = 8, perScenario: Int = 1) throws -> Workshop {
        var w = try WorkshopLoader.load(bytes: Fixtures.bytes("Workshops/publieke-dienstverlening-2035-tafels.json"), file: "w")
        let i = w.steps.firstIndex { $0.kind == .tableRound }!
        w.steps[i].seatsPerTable = seats
        w.steps[i].tablesPerScenario = perScenario
        return w
    }

    func joined(_ w: Workshop, _ people: [Actor]) -> SessionHarness {
        var h = SessionHarness(workshop: w)
        for p in people { XCTAssertNil(h.run(.join, by: p)) }
        h.go(to: "tafels")
        return h
    }

    func testTheTablesAreOnePerWorldOrSeveralPerWorld() throws {
        let one = try Self.tafels()
        let round = one.step("tafels")!
        XCTAssertEqual(one.tables(of: round).map(\.id), one.scenarios.map(\.id))
        let two = try Self.tafels(perScenario: 2)
        let tables = two.tables(of: two.step("tafels")!)
        XCTAssertEqual(tables.count, 8)
        XCTAssertEqual(tables[1].id, one.scenarios[0].id + "-2")
        XCTAssertEqual(tables.map(\.number), Array(1...8))
        XCTAssertEqual(two.tableRound(before: two.step("terugkoppeling")!)?.id, "tafels")
    }

    func testAChoiceSeatsAndTheEntryGoesToThatTableAndWorld() throws {
        let w = try Self.tafels()
        var h = joined(w, [ayse])
        XCTAssertEqual(h.run(.addEntry(id: "x", text: "te vroeg"), by: ayse), .chooseTableFirst)
        let world = w.scenarios[2].id
        XCTAssertNil(h.run(.chooseTable(world), by: ayse))
        XCTAssertEqual(h.state.seat(of: ayse.key, in: "tafels"), world)
        XCTAssertNil(h.run(.addEntry(id: "i1", text: "Loket blijft"), by: ayse))
        XCTAssertEqual(h.state.entry("i1")?.table, world)
        XCTAssertEqual(h.state.entry("i1")?.scenario, world)
        XCTAssertEqual(h.state.entry("i1")?.kind, .implication)
    }

    func testAFullTableAndAnUnknownTableAreRefused() throws {
        let w = try Self.tafels(seats: 1)
        var h = joined(w, [ayse, bram])
        let first = w.scenarios[0].id
        XCTAssertNil(h.run(.chooseTable(first), by: ayse))
        XCTAssertEqual(h.run(.chooseTable(first), by: bram), .tableFull)
        XCTAssertEqual(h.run(.chooseTable("nergens"), by: bram)?.reason.en, "Table \"nergens\" does not exist.")
        XCTAssertNil(h.state.seat(of: bram.key, in: "tafels"), "a refused choice seats nobody")
        XCTAssertNil(h.run(.seat(participant: bram.key, table: first)), "the facilitator may seat past the cap")
        XCTAssertEqual(h.state.sitting(in: "tafels")[first]?.count, 2)
    }

    func testAParticipantSeatsOnlyThemselves() throws {
        let w = try Self.tafels()
        var h = joined(w, [ayse, bram])
        XCTAssertEqual(h.run(.seat(participant: bram.key, table: w.scenarios[0].id), by: ayse)?.reason.en, "Only the facilitator can do that.")
        // A forged event that seats someone else is not folded in.
        var forged = h.state
        let e = Event(id: "f", writer: "x", seq: 1, clock: 99, time: 0, actor: ayse,
            change: .seated(step: "tafels", seats: [bram.key: w.scenarios[0].id]))
        XCTAssertFalse(forged.apply(e))
        XCTAssertNil(forged.seat(of: bram.key, in: "tafels"))
    }

    func testBalancedSeatingFillsTheEmptiestTableWithinTheCap() throws {
        let w = try Self.tafels(seats: 2)
        let people = (1...10).map { SessionHarness.participant("P\($0)") }
        var h = joined(w, people)
        XCTAssertNil(h.run(.chooseTable(w.scenarios[0].id), by: people[0]))
        XCTAssertNil(h.run(.seatEveryone))
        let counts = h.state.sitting(in: "tafels").mapValues(\.count)
        XCTAssertEqual(counts.values.sorted(), [2, 2, 2, 2], "eight seats for ten people: even, capped")
        XCTAssertEqual(h.state.seat(of: people[0].key, in: "tafels"), w.scenarios[0].id, "a chosen seat stays")
        XCTAssertEqual(h.run(.seatEveryone), .nobodyToSeat, "the two left over wait: every table is full")
    }

    func testAMoveKeepsEarlierEntriesWhereTheyWereMade() throws {
        let w = try Self.tafels()
        var h = joined(w, [ayse])
        let (a, b) = (w.scenarios[0].id, w.scenarios[1].id)
        XCTAssertNil(h.run(.chooseTable(a), by: ayse))
        XCTAssertNil(h.run(.addEntry(id: "i1", text: "eerst"), by: ayse))
        XCTAssertNil(h.run(.seat(participant: ayse.key, table: b)))
        XCTAssertNil(h.run(.addEntry(id: "i2", text: "daarna"), by: ayse))
        XCTAssertEqual(h.state.entry("i1")?.table, a)
        XCTAssertEqual(h.state.entry("i2")?.table, b)
        XCTAssertNil(h.run(.undo), "the facilitator's move can be undone")
        XCTAssertEqual(h.state.seat(of: ayse.key, in: "tafels"), a)
    }

    func testARejoinedParticipantSitsWhereTheySat() throws {
        let w = try Self.tafels()
        var h = joined(w, [ayse])
        XCTAssertNil(h.run(.chooseTable(w.scenarios[3].id), by: ayse))
        // Dropping and coming back is joining again under the same key.
        _ = h.run(.join, by: ayse)
        let refolded = SessionState.fold(h.events)!
        XCTAssertEqual(refolded.seat(of: ayse.key, in: "tafels"), w.scenarios[3].id)
        XCTAssertEqual(refolded, h.state)
    }

    func testTheFacilitatorTypesForATableAndMessagesEveryTable() throws {
        let w = try Self.tafels()
        var h = joined(w, [])
        XCTAssertEqual(h.run(.addEntry(id: "x", text: "zonder tafel")), .chooseTableFirst)
        XCTAssertNil(h.run(.addEntry(id: "p1", text: "voor tafel 2", author: "Dirk", proxy: true, table: w.scenarios[1].id)))
        XCTAssertEqual(h.state.entry("p1")?.table, w.scenarios[1].id)
        XCTAssertNil(h.run(.sendMessage("nog 5 minuten")))
        XCTAssertEqual(h.state.roomMessage, "nog 5 minuten")
        XCTAssertEqual(h.run(.sendMessage("x"), by: ayse)?.reason.en, "Only the facilitator can do that.")
        h.go(to: "terugkoppeling")
        XCTAssertNil(h.state.roomMessage, "a message belongs to its step")
        XCTAssertEqual(h.run(.chooseTable(w.scenarios[0].id), by: ayse), .noTables)
    }

    func testATableChoosesItsTopThreeWithoutSpendingTheVotingBudget() throws {
        let w = try Self.tafels()
        var h = SessionHarness(workshop: w, budget: 1)
        for p in [ayse, bram] { XCTAssertNil(h.run(.join, by: p)) }
        h.go(to: "tafels")
        let (a, b) = (w.scenarios[0].id, w.scenarios[1].id)
        XCTAssertNil(h.run(.chooseTable(a), by: ayse))
        XCTAssertNil(h.run(.chooseTable(b), by: bram))
        for i in 1...4 { XCTAssertNil(h.run(.addEntry(id: "a\(i)", text: "idee \(i)"), by: ayse)) }
        XCTAssertNil(h.run(.addEntry(id: "b1", text: "elders"), by: bram))
        for i in 1...3 { XCTAssertNil(h.run(.vote(id: "a\(i)"), by: ayse)) }
        XCTAssertEqual(h.run(.vote(id: "a4"), by: ayse)?.reason.en, "You have used all your votes.", "three dots at a table")
        XCTAssertEqual(h.run(.vote(id: "a1"), by: bram), .otherTable)
        XCTAssertEqual(StepEntries.top(h.state.entries, table: a), ["a1", "a2", "a3"])
        h.go(to: "inzichten")
        h.add("k1", "Een inzicht")
        h.go(to: "stemmen")
        XCTAssertNil(h.run(.vote(id: "k1"), by: ayse), "the table's dots left the one insight vote")
    }

    func testEachParticipantListsOnlyTheirTable() throws {
        let w = try Self.tafels()
        var h = joined(w, [ayse, bram, carla])
        let (a, b) = (w.scenarios[0].id, w.scenarios[1].id)
        XCTAssertNil(h.run(.chooseTable(a), by: ayse))
        XCTAssertNil(h.run(.chooseTable(a), by: bram))
        XCTAssertNil(h.run(.chooseTable(b), by: carla))
        XCTAssertNil(h.run(.addEntry(id: "a1", text: "van Ayşe"), by: ayse))
        XCTAssertNil(h.run(.addEntry(id: "b1", text: "van Bram"), by: bram))
        XCTAssertNil(h.run(.addEntry(id: "c1", text: "van Carla"), by: carla))
        let round = w.step("tafels")!
        let ids = w.scenarios.map(\.id)
        func list(_ who: Actor) -> [String] { StepEntries.indices(h.state, round, viewer: who, scenarios: ids).map { h.state.entries[$0].id } }
        XCTAssertEqual(list(bram), ["a1", "b1"], "a table shares its entries")
        XCTAssertEqual(list(carla), ["c1"])
        XCTAssertEqual(list(SessionHarness.facilitator), ["a1", "b1", "c1"])
        XCTAssertEqual(list(SessionHarness.participant("Nog niet")), [], "not seated: nothing yet")
        let report = w.step("terugkoppeling")!
        XCTAssertEqual(StepEntries.indices(h.state, report, viewer: carla, scenarios: ids).map { h.state.entries[$0].id }, ["a1", "b1", "c1"])
    }

    func testTableEventsNeedSchemaTwoSoAnOlderBuildOpensReadOnly() throws {
        let seat = Change.seated(step: "tafels", seats: ["k": "t"])
        XCTAssertEqual(seat.schemaVersion, 2)
        XCTAssertEqual(Change.entryAdded(NewEntry(id: "i", kind: .implication, text: "t", step: "r", scenario: nil, author: nil)).schemaVersion, 1,
            "sessions without tables stay readable by older builds")
        let e = Event(id: "e", writer: "w", seq: 1, clock: 1, time: 0, actor: ayse, change: seat)
        XCTAssertEqual(e.json.objectValue?["v"]?.intValue, 2)
        XCTAssertEqual(try Event(json: e.json), e, "seats read back")
        let msg = Event(id: "m", writer: "w", seq: 2, clock: 2, time: 0, actor: .facilitator(nil), change: .messageSent(text: nil))
        XCTAssertEqual(try Event(json: msg.json), msg)
        var newer = e.json.objectValue!
        newer["v"] = .number(3)
        XCTAssertThrowsError(try Event(json: .object(newer))) { error in
            XCTAssertTrue("\(error)".contains("newer than this build"), "\(error)")
        }
    }

    func testArchivedStateKeepsSeatsAndTables() throws {
        let w = try Self.tafels()
        var h = joined(w, [ayse])
        XCTAssertNil(h.run(.chooseTable(w.scenarios[0].id), by: ayse))
        XCTAssertNil(h.run(.addEntry(id: "a1", text: "x"), by: ayse))
        XCTAssertNil(h.run(.sendMessage("nog 5 minuten")))
        var writer = ByteWriter()
        h.state.archive(into: &writer)
        let back = try writer.bytes.withUnsafeBufferPointer { buffer in
            var reader = ByteReader(buffer)
            return try SessionState.unarchive(&reader)
        }
        XCTAssertEqual(back.seats, h.state.seats)
        XCTAssertEqual(back.entry("a1")?.table, w.scenarios[0].id)
        XCTAssertEqual(back.roomMessage, "nog 5 minuten")
    }

    func testTheValidatorKnowsTheTableFields() throws {
        let base = String(decoding: Fixtures.bytes("Workshops/publieke-dienstverlening-2035-tafels.json"), as: UTF8.self)
        let bad = base.replacingOccurrences(of: "\"seatsPerTable\": 8", with: "\"seatsPerTable\": 0")
            .replacingOccurrences(of: "\"kind\": \"tableRound\"", with: "\"kind\": \"tableRound\", \"tablesPerScenario\": 9")
        XCTAssertThrowsError(try WorkshopLoader.load(bytes: Array(bad.utf8), file: "w")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("seatsPerTable: must be between 1 and 100"), text)
            XCTAssertTrue(text.contains("tablesPerScenario: must be between 1 and 8"), text)
        }
        let orphan = base.replacingOccurrences(of: "\"kind\": \"tableRound\"", with: "\"kind\": \"scenarioRound\", \"scenario\": \"zuinig-loket\"")
        XCTAssertThrowsError(try WorkshopLoader.load(bytes: Array(orphan.utf8), file: "w")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("only a tableRound step has"), text)
            XCTAssertTrue(text.contains("a reportBack step must follow a tableRound step"), text)
        }
    }
}
