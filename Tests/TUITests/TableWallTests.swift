import Core
import Foundation
import TUI
import XCTest

/// The wall of a table round: the 2×2 filled live per table, people per table, a table that
/// nobody chose; the report-back table by table; the facilitator's seating and message keys;
/// a participant choosing a table with ↑↓ Enter and keeping their draft when moved.
final class TableWallTests: XCTestCase {
    static let tafels = TUIHarness.workshop("Workshops/publieke-dienstverlening-2035-tafels.json")
    static let sizes = [(80, 24), (120, 36), (160, 45), (200, 60)]
    static let people = ["Ayşe", "Bram", "Carla", "Dirk", "Eva"].map { Actor(role: .participant, key: "p:" + $0.lowercased(), name: $0) }

    /// Five people at three of the four tables, a few implications each; the fourth table empty.
    static func room(_ l: Language, width: Int, height: Int) -> TUIHarness {
        var h = TUIHarness(workshop: tafels, language: l, width: width, height: height)
        h.go(toStep: "tafels")
        let w = tafels
        let seats = [0, 0, 1, 2, 2]
        for (p, t) in zip(people, seats) {
            h.arrive(.participantJoined, by: p)
            h.arrive(.seated(step: "tafels", seats: [p.key: w.scenarios[t].id]), by: p)
        }
        let texts = [
            (0, "Een loket in de buurt blijft nodig voor wie niet digitaal kan"), (0, "Vrijwilligers vangen op wat de overheid laat liggen"),
            (1, "Alles via de app, maar wie helpt bij de eerste keer?"), (2, "Samen met de buren: de wijk als loket"),
            (2, "Zorg en dienstverlening uit één hand"), (2, "Meer tijd voor persoonlijk contact met ouderen"),
        ]
        for (i, (t, text)) in texts.enumerated() {
            let who = people[seats.firstIndex(of: t)!]
            h.app.now += 1000
            h.arrive(.entryAdded(NewEntry(id: "t\(i)", kind: .implication, text: text, step: "tafels", scenario: w.scenarios[t].id,
                author: who.name, table: w.scenarios[t].id)), by: who)
        }
        return h
    }

    func testTheWallAtEverySizeInBothLanguages() {
        for l in [Language.nl, .en] {
            for (w, hgt) in Self.sizes {
                let h = Self.room(l, width: w, height: hgt)
                checkGolden("tables-wall-\(l.rawValue)-\(w)x\(hgt)", h)
                let screen = h.screen
                XCTAssertTrue(screen.contains(l == .nl ? "Tafel 4 · 0 personen" : "Table 4 · 0 people"), "\(w)x\(hgt)\n\(screen)")
                XCTAssertTrue(screen.contains(TableTextNobody.text(l)), "a table nobody chose says so\n\(screen)")
            }
        }
    }

    func testEachEntryLandsInItsWorldsQuadrant() {
        var h = Self.room(.nl, width: 160, height: 45)
        let w = Self.tafels
        h.arrive(.entryAdded(NewEntry(id: "new", kind: .implication, text: "NIEUW-IN-WERELD-DRIE", step: "tafels",
            scenario: w.scenarios[3].id, author: nil, table: w.scenarios[3].id)), by: .facilitator("Anna"))
        let rows = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let row = rows.firstIndex(where: { $0.contains("NIEUW-IN-WERELD-DRIE") }) else { return XCTFail(h.screen) }
        let column = rows[row].range(of: "NIEUW-IN-WERELD-DRIE")!.lowerBound.utf16Offset(in: rows[row])
        let q = w.quadrant(of: w.scenarios[3])!
        let bodyLeft = 38
        let mid = bodyLeft + (160 - bodyLeft) / 2
        XCTAssertEqual(column > mid, q.column == 1, "column of the quadrant")
        XCTAssertEqual(row > 45 / 2 + 1, q.row == 0, "the high pole is on top")
    }

    func testTheReportBackStepsThroughTheTables() {
        for l in [Language.nl, .en] {
            for (w, hgt) in [(80, 24), (160, 45)] {
                var h = Self.room(l, width: w, height: hgt)
                h.go(toStep: "terugkoppeling")
                XCTAssertTrue(h.screen.contains(l == .nl ? "Tafel 1 van 4" : "Table 1 of 4"), h.screen)
                let body = h.screen.split(separator: "\n").map { $0.split(separator: "│", maxSplits: 1).last ?? "" }.joined(separator: " ")
                let words = body.split(separator: " ").joined(separator: " ")
                XCTAssertTrue(words.contains("Vrijwilligers vangen op wat de overheid laat liggen"), "whole entries\n\(h.screen)")
                h.press(.char("]"), .char("]"))
                XCTAssertTrue(h.screen.contains(l == .nl ? "Tafel 3 van 4" : "Table 3 of 4"), h.screen)
                checkGolden("tables-report-\(l.rawValue)-\(w)x\(hgt)", h)
                h.press(.char("]"))
                XCTAssertTrue(h.screen.contains(TableTextNobody.text(l)), h.screen)
            }
        }
    }

    func testTheFacilitatorSeatsMovesTypesForATableAndMessagesEveryone() {
        var h = Self.room(.nl, width: 160, height: 45)
        let w = Self.tafels
        h.arrive(.participantJoined, by: Actor(role: .participant, key: "p:fien", name: "Fien"))
        h.press(.char("A"))
        XCTAssertEqual(h.state.seat(of: "p:fien", in: "tafels"), w.scenarios[3].id, "the empty table gets the newcomer")
        h.press(.char("s"))
        XCTAssertTrue(h.screen.contains("Wie zit waar"), h.screen)
        h.press(.right)  // Ayşe from table 1 to table 2
        XCTAssertEqual(h.state.seat(of: "p:ayşe", in: "tafels"), w.scenarios[1].id)
        h.press(.down, .char("4"))
        XCTAssertEqual(h.state.seat(of: "p:bram", in: "tafels"), w.scenarios[3].id)
        h.press(.escape)
        XCTAssertEqual(h.state.entry("t0")?.table, w.scenarios[0].id, "a move keeps earlier entries where they were made")
        h.press(.char("]"), .char("]"), .char("a"))
        h.type("Voor tafel drie")
        h.press(.enter)
        XCTAssertEqual(h.state.entries.last?.table, w.scenarios[2].id)
        h.press(.char("m"))
        h.type("nog 5 minuten")
        h.press(.enter)
        XCTAssertEqual(h.state.roomMessage, "nog 5 minuten")
        XCTAssertTrue(h.screen.contains("nog 5 minuten"), h.screen)
    }

    func testAParticipantChoosesATableAndKeepsTheDraftWhenMoved() {
        var h = TUIHarness(workshop: Self.tafels, language: .nl, width: 80, height: 24)
        h.go(toStep: "tafels")
        let ayse = TUIHarness.ayse
        h.arrive(.participantJoined, by: ayse)
        _ = TUI.update(&h.app, .joined(id: h.session.id, workshop: Self.tafels, state: h.state, actor: ayse))
        h.actor = ayse
        h.press(.down, .down, .enter)
        XCTAssertEqual(h.state.seat(of: ayse.key, in: "tafels"), Self.tafels.scenarios[2].id)
        XCTAssertTrue(h.screen.contains(Self.tafels.scenarios[2].title.nl), h.screen)
        h.type("Half getypt")
        h.arrive(.seated(step: "tafels", seats: [ayse.key: Self.tafels.scenarios[0].id]), by: .facilitator("Anna"))
        XCTAssertEqual(h.session.draft.text, "Half getypt", "the facilitator's move leaves the draft alone")
        XCTAssertTrue(h.screen.contains(Self.tafels.scenarios[0].title.nl), h.screen)
        h.press(.enter)
        XCTAssertEqual(h.state.entries.last?.table, Self.tafels.scenarios[0].id, "saved at the table they now sit at")
        XCTAssertEqual(h.state.entries.last?.text, "Half getypt")
    }
}

enum TableTextNobody {
    static func text(_ l: Language) -> String { l == .nl ? "Nog niemand aan deze tafel." : "Nobody at this table yet." }
}
