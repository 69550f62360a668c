import Application
import Core
import Foundation
import XCTest

@testable import TUI

/// The insights step starts from the harvest: each world's ★ top 3, whole, on the projector,
/// a laptop participant's screen and (through the same model) a phone.
final class InsightsHarvestTests: XCTestCase {
    static let long = "Ouderen zonder digitale vaardigheden houden recht op een persoonlijk gesprek aan een loket in hun eigen wijk"

    /// Four implications in world 1 (dots on the last three, the long one most), one in world 2.
    static func harvested(width: Int, height: Int) -> TUIHarness {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: width, height: height)
        h.go(toStep: "ronde-1")
        for text in ["Eén", "Twee", "Drie", long] { h.press(.char("a")); h.type(text); h.press(.enter) }
        h.go(toStep: "ronde-2")
        h.press(.char("a")); h.type("Elders"); h.press(.enter)
        h.go(toStep: "oogst")
        h.press(.char("g"), .down, .char("v"), .down, .char("v"), .down, .char("v"), .char("v"))
        h.go(toStep: "inzichten")
        return h
    }

    func testTheModelCarriesEachWorldsTopThreeMostDotsFirst() {
        let h = Self.harvested(width: 120, height: 36)
        let view = ParticipantView.make(workshop: TUIHarness.main2035, state: h.state, actor: TUIHarness.ayse, now: TUIHarness.start)
        XCTAssertEqual(view.harvest.map(\.top), [[Self.long, "Twee", "Drie"], [], [], []])
        let json = JSONWriter.compact(view.json)
        XCTAssertTrue(json.contains("\"harvest\""), json)
        XCTAssertTrue(json.contains(Self.long), "the phone gets the top 3 whole")
    }

    func testTheProjectorShowsTheTopThreeWholeNotTheFirstInTypingOrder() {
        for (w, hgt) in [(120, 36), (160, 45)] {
            let h = Self.harvested(width: w, height: hgt)
            XCTAssertTrue(h.screen.contains("★ top 3 per wereld"), h.screen)
            XCTAssertTrue(h.screen.contains("★ Twee"), h.screen)
            XCTAssertTrue(h.screen.contains("★ Drie"), h.screen)
            XCTAssertFalse(h.screen.contains("Eén"), "no dots, not in the top 3:\n\(h.screen)")
            XCTAssertTrue(h.screen.contains("★ Ouderen zonder digitale vaardigheden"), h.screen)
            XCTAssertTrue(h.screen.contains("loket in hun eigen wijk"), "the long one whole:\n\(h.screen)")
            XCTAssertFalse(h.screen.contains("…"), "nothing cut:\n\(h.screen)")
        }
    }

    func testALaptopParticipantSeesTheTopThree() {
        var p = TUIHarness.participant(width: 100, height: 30)
        p.facilitatorMoves(to: "ronde-1")
        p.type("Twee"); p.press(.enter)
        p.arrive(.voteCast(id: p.state.entries.last!.id), by: .facilitator("Anna"))
        p.facilitatorMoves(to: "inzichten")
        XCTAssertTrue(p.screen.contains("★ top 3 per wereld"), p.screen)
        XCTAssertTrue(p.screen.contains("★ Twee"), p.screen)
    }
}
