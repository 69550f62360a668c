import Application
import Core
import Foundation
import TUI
import XCTest

/// At a table a participant sees only their table's world: its scenario card, the persona,
/// their table's entries, the shared timer, the facilitator's message; before a seat, the
/// tables to choose from. Phone JSON and terminal render the same model.
final class ParticipantAtTableTests: XCTestCase {
    static let tafels = SessionBuilder.workshop("Workshops/publieke-dienstverlening-2035-tafels.json")
    let (anna, bob) = (SessionBuilder.anna, SessionBuilder.bob)

    func seatedRoom() throws -> SessionBuilder {
        var b = SessionBuilder(workshop: Self.tafels)
        try b.run(.join, by: anna)
        try b.run(.join, by: bob)
        b.move(to: Self.tafels.step("tafels")!)
        try b.run(.startTimer, by: SessionBuilder.room)
        return b
    }

    func testBeforeASeatTheParticipantChoosesATable() throws {
        let b = try seatedRoom()
        let v = ParticipantView.make(workshop: b.workshop, state: b.state, actor: anna, now: b.now)
        XCTAssertEqual(v.list.heading, .chooseTable)
        XCTAssertNil(v.scenario, "no world before a table")
        XCTAssertFalse(v.input.isOpen)
        XCTAssertEqual(v.tables?.choices.map(\.number), [1, 2, 3, 4])
        XCTAssertNil(v.tables?.seat)
        let json = JSONWriter.compact(v.json)
        XCTAssertTrue(json.contains("\"choices\""), json)
        let screen = terminal(b, anna, width: 80, height: 24)
        XCTAssertTrue(screen.contains("Tafel 1 · " + b.workshop.scenarios[0].title.nl), screen)
        XCTAssertTrue(screen.contains("Enter ga zitten"), screen)
    }

    func testASeatedParticipantSeesOnlyTheirTablesWorld() throws {
        var b = try seatedRoom()
        let (a, c) = (b.workshop.scenarios[0], b.workshop.scenarios[2])
        try b.run(.chooseTable(a.id), by: anna)
        try b.run(.chooseTable(c.id), by: bob)
        try b.run(.addEntry(id: "a1", text: "Anna aan tafel een"), by: anna)
        try b.run(.addEntry(id: "b1", text: "Bob aan tafel drie"), by: bob)
        try b.run(.addEntry(id: "r1", text: "De facilitator voor tafel een", table: a.id), by: SessionBuilder.room)
        try b.run(.sendMessage("nog 5 minuten"), by: SessionBuilder.room)
        let v = ParticipantView.make(workshop: b.workshop, state: b.state, actor: anna, now: b.now + 60_000)
        XCTAssertEqual(v.scenario?.id, a.id)
        XCTAssertNotNil(v.persona)
        XCTAssertEqual(v.list.heading, .table)
        XCTAssertEqual(v.list.items.map(\.id), ["a1", "r1"], "their table's entries, never another table's")
        XCTAssertEqual(v.list.items.map(\.mine), [true, false])
        XCTAssertEqual(v.input, .open(.implication))
        XCTAssertEqual(v.tables?.seat?.number, 1)
        XCTAssertEqual(v.message, "nog 5 minuten")
        XCTAssertEqual(v.timer?.running, true, "the shared timer")
        XCTAssertEqual(v.votes?.budget, SessionState.tableVoteBudget)
        let bobs = ParticipantView.make(workshop: b.workshop, state: b.state, actor: bob, now: b.now)
        XCTAssertEqual(bobs.scenario?.id, c.id)
        XCTAssertEqual(bobs.list.items.map(\.id), ["b1"])
        for (who, mine, other) in [(anna, "Anna aan tafel een", "Bob aan tafel drie"), (bob, "Bob aan tafel drie", "Anna aan tafel een")] {
            let json = JSONWriter.compact(ParticipantView.make(workshop: b.workshop, state: b.state, actor: who, now: b.now).json)
            XCTAssertTrue(json.contains(mine) && !json.contains(other), json)
            XCTAssertTrue(json.contains("nog 5 minuten"), json)
            let screen = terminal(b, who, width: 120, height: 36)
            XCTAssertTrue(screen.contains(mine) && !screen.contains(other), screen)
            XCTAssertTrue(screen.contains("nog 5 minuten"), screen)
        }
    }

    func testTheReportBackListsEveryTableForEveryone() throws {
        var b = try seatedRoom()
        try b.run(.chooseTable(b.workshop.scenarios[0].id), by: anna)
        try b.run(.chooseTable(b.workshop.scenarios[1].id), by: bob)
        try b.run(.addEntry(id: "a1", text: "Anna"), by: anna)
        try b.run(.addEntry(id: "b1", text: "Bob"), by: bob)
        b.move(to: b.workshop.step("terugkoppeling")!)
        let v = ParticipantView.make(workshop: b.workshop, state: b.state, actor: anna, now: b.now)
        XCTAssertEqual(v.list.heading, .tables)
        XCTAssertEqual(v.list.items.map(\.id), ["a1", "b1"])
        XCTAssertEqual(v.list.items.map(\.table), [1, 2])
        XCTAssertFalse(v.input.isOpen)
    }

    func terminal(_ b: SessionBuilder, _ actor: Actor, width: Int, height: Int) -> String {
        var app = AppState(workshops: [b.workshop], listings: [], language: .nl, theme: .dark, width: width, height: height, now: b.now, idPrefix: "t")
        _ = TUI.update(&app, .joined(id: "s", workshop: b.workshop, state: b.state, actor: actor))
        return TUI.view(app).text
    }
}
