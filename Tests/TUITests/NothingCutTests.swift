import Core
import XCTest

@testable import TUI

/// At a projector's size (160×45 and up) nothing the room needs ends in "…": every step of a
/// filled session, with the room open, in both languages.
final class NothingCutTests: XCTestCase {
    func testNoStepIsCutAt160x45AndUp() {
        for language in Language.allCases {
            for (w, h) in [(160, 45), (200, 60)] {
                var t = GoldenScreenTests.filled(language, width: w, height: h)
                t.send(.room(ProjectorLayoutTests.info(visible: false)))
                for step in TUIHarness.main2035.steps {
                    t.go(toStep: step.id)
                    let screen = t.screen
                    // The agenda rail and the step's content (the header's title may be long).
                    let body = screen.split(separator: "\n").dropFirst(2).dropLast().joined(separator: "\n")
                    XCTAssertFalse(body.contains("…"), "\(step.id) at \(w)×\(h) (\(language)):\n\(screen)")
                }
                // The room: twelve entries in round 1, the way in on its line.
                let wall = ProjectorLayoutTests.room(language, width: w, height: h, entries: 12).screen
                XCTAssertFalse(wall.split(separator: "\n").dropFirst(2).dropLast().joined().contains("…"), wall)
            }
        }
    }
}
