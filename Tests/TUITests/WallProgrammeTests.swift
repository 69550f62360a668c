import Core
import Foundation
import TUI
import XCTest

/// One plenary 2×2 for one study: a tables room and a rounds room of the same programme fill
/// the same quadrants (before, the wall took the workshop most rooms ran and showed the
/// tables rooms' implications as "(0)").
final class WallProgrammeTests: XCTestCase {
    static let rounds = TUIHarness.workshop("Workshops/publieke-dienstverlening-2035.json")

    func testATablesRoomAndARoundsRoomFillOneTwoByTwo() {
        let tables = TableWallTests.room(.nl, width: 120, height: 36)
        var roundsRoom = TUIHarness(workshop: Self.rounds, language: .nl, width: 120, height: 36)
        roundsRoom.go(toStep: "ronde-1")
        let first = Self.rounds.scenarios[0]
        roundsRoom.arrive(
            .entryAdded(
                NewEntry(
                    id: "r1", kind: .implication, text: "UIT-DE-RONDEZAAL", step: "ronde-1", scenario: first.id,
                    author: nil)),
            by: .facilitator("Anna"))
        XCTAssertEqual(Self.rounds.programme, TableWallTests.tafels.programme, "the two workshops are one study")
        let rooms = [
            WallRoom(state: tables.state, workshop: TableWallTests.tafels, laptop: "zaal-1"),
            WallRoom(state: roundsRoom.state, workshop: Self.rounds, laptop: "zaal-2"),
        ]
        let input = WallInput(event: "dag", rooms: rooms, now: 1_790_000_060_000, language: .nl)
        let text = WallView.view(input, width: 160, height: 45).text
        // The first world holds the tables room's two implications and the rounds room's one.
        XCTAssertTrue(text.contains(first.title[.nl] + " (3)"), text)
        XCTAssertTrue(text.contains("UIT-DE-RONDEZAAL"), text)
        XCTAssertTrue(text.contains("Een loket in de buurt"), text)
        // Every implication of both rooms is counted somewhere in the 2×2.
        let counted = Self.rounds.scenarios.map { s -> Int in
            guard let r = text.range(of: s.title[.nl] + " (") else { return -1 }
            return Int(text[r.upperBound...].prefix { $0.isNumber }) ?? -1
        }
        XCTAssertEqual(counted.reduce(0, +), 7, "\(counted)\n\(text)")
    }
}
