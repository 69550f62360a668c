import Core
import TUI
import XCTest

/// The screens issue 13 changed or added, at 80×24, 120×40 and 200×60 in both languages:
/// scrolled cards and help, the insights step's implications, closed-session screens, the
/// participant's input and the review's timeline. Re-record as GoldenScreenTests says.
final class FirstSessionGoldenTests: XCTestCase {
    func testNewScreensAtEverySizeInBothLanguages() {
        for language in Language.allCases {
            for (w, h) in GoldenScreenTests.sizes {
                let tag = "\(language.rawValue)-\(w)x\(h)"
                var s = GoldenScreenTests.filled(language, width: w, height: h)
                s.go(toStep: "opening")
                s.go(toStep: "trends")
                s.press(.char("n"))
                check("scrolled-card-trends-\(tag)", s)
                s.press(.end)  // closes a card that fits: then it is shown again, unscrolled
                if !s.session.card { s.press(.char("n")) }
                check("scrolled-card-trends-end-\(tag)", s)
                s.press(.escape)
                s.go(toStep: "inzichten")
                s.press(.char("n"))
                check("card-insights-\(tag)", s)
                s.press(.escape)
                s.go(toStep: "robuustheid")
                s.press(.char("?"))
                s.app.helpScroll = 1_000  // the view shows the end, however far that is
                check("help-robustness-end-\(tag)", s)
                s.press(.escape)
                s.go(toStep: "afsluiting")
                s.press(.char("t"), .char("c"))
                check("step-afsluiting-closed-\(tag)", s)

                var p = TUIHarness.participant(language: language, width: w, height: h)
                p.facilitatorMoves(to: "ronde-1")
                p.type("Ik wil één loket")
                check("participant-input-\(tag)", p)
                p.arrive(.sessionClosed, by: .facilitator("Anna"))
                check("participant-input-closed-\(tag)", p)
                p.press(.enter)
                check("participant-refused-kept-\(tag)", p)
                p.press(.escape)
                check("participant-closed-\(tag)", p)
            }
            for (w, h) in [(80, 24), (160, 48)] {
                var r = ReviewTests.review(language: language, width: w, height: h)
                var session = TUIHarness(workshop: TUIHarness.main2035)
                session.go(toStep: "inzichten")
                session.press(.char("a")); session.type("Vraag gegevens maar één keer, en nooit opnieuw bij een andere instantie"); session.press(.enter)
                session.go(toStep: "richtingen")
                session.press(.char("3"))
                r.send(.replayLoaded(title: "ouderen 0", workshop: TUIHarness.main2035, events: session.events))
                r.press(.char("G"))
                check("review-timeline-link-\(language.rawValue)-\(w)x\(h)", r)
            }
        }
    }

    func check(_ name: String, _ h: TUIHarness, file: StaticString = #filePath, line: UInt = #line) {
        checkGolden(name, h, file: file, line: line)
    }
}
