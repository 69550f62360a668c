import Core
import Foundation
import XCTest

@testable import TUI

/// The persona on the wall in every scenario round and in the `n` card: the workshop's own,
/// or the one the facilitator wrote for a group of their own.
final class PersonaTests: XCTestCase {
    func testTheWorkshopsPersonaIsOnTheWallInEveryRound() throws {
        let riet = try XCTUnwrap(TUIHarness.main2035.perspective("ouderen")?.persona?[.nl])
        for (w, hgt) in [(80, 24), (120, 36), (160, 45), (200, 60)] {
            var h = TUIHarness(workshop: TUIHarness.main2035, width: w, height: hgt)
            for round in ["ronde-1", "ronde-2", "ronde-3", "ronde-4"] {
                h.go(toStep: round)
                XCTAssertTrue(h.screen.contains("Persona (fictief): " + riet.prefix(20)), "\(round) at \(w)×\(hgt):\n\(h.screen)")
                h.press(.char("n"))
                let card = h.screen.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }.joined(separator: " ")
                XCTAssertTrue(card.contains("Riet (81)"), "the n card in \(round): \(h.screen)")
                h.press(.escape)
            }
        }
    }

    func testACustomGroupsPersonaAndDescription() {
        var setup = SessionSetup(
            sessionId: "20261122-1400-jongeren-ab12", workshopId: TUIHarness.main2035.id, workshopTitle: TUIHarness.main2035.title,
            perspective: .custom("Jongeren met schulden"), title: "Jongeren", facilitator: "Anna")
        setup.customDescription = "Jongeren tot 27 met betalingsachterstanden"
        setup.customPersona = "Sem (22) heeft drie schuldeisers en opent geen post meer."
        // Stored in the sessionCreated event and read back whole.
        let event = Event(id: "e0", writer: "w", seq: 0, clock: 1, time: TUIHarness.start, actor: .facilitator("Anna"), change: .sessionCreated(setup))
        let back = try? Event(json: event.json)
        guard case .sessionCreated(let read)? = back?.change else { return XCTFail("not read back: \(event.json)") }
        XCTAssertEqual(read.customPersona, setup.customPersona)
        XCTAssertEqual(read.customDescription, setup.customDescription)
        let persona = read.persona(in: TUIHarness.main2035, .nl)
        XCTAssertEqual(persona.persona, "Sem (22) heeft drie schuldeisers en opent geen post meer.")
        XCTAssertFalse(persona.fromWorkshop)

        var h = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 36, perspective: .custom("Jongeren met schulden"))
        var state = h.state
        state.setup = read
        h.send(.sessionChanged(state))
        h.go(toStep: "ronde-2")
        XCTAssertTrue(h.screen.contains("Persona: Sem (22) heeft drie schuldeisers"), h.screen)
        h.go(toStep: "opening")
        XCTAssertTrue(h.screen.contains("Jongeren tot 27 met betalingsachterstanden"), h.screen)
    }
}
