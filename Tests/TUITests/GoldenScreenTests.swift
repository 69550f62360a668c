import Core
import Foundation
import TUI
import XCTest

/// Every screen as text at 80×24, 120×40 and 200×60, in Dutch and English, compared with
/// the files in Tests/Fixtures/screens. Run with PERSPECTIEF_UPDATE_GOLDENS=1 to rewrite
/// them after a deliberate change — and then read the diff as a person would.
final class GoldenScreenTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40), (200, 60)]
    static let folder = TUIHarness.repo.appendingPathComponent("Tests/Fixtures/screens")

    /// A session with something in every step, built through the keys.
    static func filled(_ language: Language, width: Int, height: Int) -> TUIHarness {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: language, width: width, height: height)
        h.arrive(.participantJoined, by: Actor(role: .participant, key: "p:ayşe", name: "Ayşe"))
        h.press(.char("a")); h.type("Riet wil één loket dichtbij — reëel?"); h.press(.enter)
        h.go(toStep: "trends")
        h.press(.char("a")); h.type("Vergrijzing en krapte raken ouderen het hardst"); h.press(.enter)
        for (i, text) in ["Lange wachttijden aan de telefoon", "De app werkt niet voor wie slecht ziet",
                          "Een vaste contactpersoon in de wijk", "Zorg komt vanzelf op gang na een val"].enumerated() {
            h.go(toStep: "ronde-\(i + 1)")
            h.press(.char("a")); h.type(text); h.press(.enter)
            h.press(.char("a")); h.press(.tab); h.type("Buurthuis als loket (\(i + 1))"); h.press(.enter)
        }
        h.go(toStep: "oogst")
        h.press(.char("g"), .char("v"), .char("v"), .down, .char("v"))
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("Houd altijd een menselijk loket, ook digitaal"); h.press(.enter)
        h.press(.char("a")); h.type("Vraag gegevens maar één keer"); h.press(.enter)
        h.go(toStep: "robuustheid")
        h.press(.char("g"), .char("1"), .char("2"), .char("3"), .char("4"), .down, .char("2"), .char("4"))
        h.go(toStep: "richtingen")
        h.press(.char("g"), .char("1"), .char("8"), .down, .char("5"))
        h.go(toStep: "stemmen")
        h.press(.char("g"), .char("v"), .char("v"), .down, .char("v"))
        h.go(toStep: "afsluiting")
        h.press(.char("a")); h.type("Wijkteams samen met de gemeente opzetten"); h.press(.enter)
        return h
    }

    func check(_ name: String, _ h: TUIHarness, file: StaticString = #filePath, line: UInt = #line) {
        checkGolden(name, h, file: file, line: line)
    }

    func testEveryScreenAtEverySizeInBothLanguages() {
        for language in Language.allCases {
            for (w, h) in Self.sizes {
                let tag = "\(language.rawValue)-\(w)x\(h)"
                var home = TUIHarness(workshop: TUIHarness.main2035, language: language, width: w, height: h, session: false)
                check("home-\(tag)", home)
                home.press(.char("?"))
                check("home-help-\(tag)", home)
                var wizard = TUIHarness(workshop: TUIHarness.main2035, language: language, width: w, height: h, session: false)
                wizard.press(.char("n"), .down, .down)
                check("wizard-perspective-\(tag)", wizard)
                wizard.press(.enter)
                check("wizard-title-\(tag)", wizard)
                wizard.press(.enter)
                wizard.type("Anna"); wizard.press(.enter)
                wizard.type("Zwolle, stadhuis")
                check("wizard-place-\(tag)", wizard)

                var s = Self.filled(language, width: w, height: h)
                for step in ["opening", "trends", "ronde-1", "pauze", "oogst", "inzichten", "robuustheid", "richtingen", "stemmen", "afsluiting"] {
                    s.go(toStep: "opening")
                    s.go(toStep: step)
                    check("step-\(step)-\(tag)", s)
                }
                s.go(toStep: "opening")
                s.go(toStep: "trends")
                s.press(.char("n"))
                check("card-trends-\(tag)", s)
                s.press(.escape)
                s.go(toStep: "opening")
                s.go(toStep: "ronde-2")
                s.press(.char("a"))
                s.type("Een lange tekst die over meerdere regels loopt, met ë, é, ï en — om te zien dat het afbreken klopt en niets buiten het vak valt.")
                check("input-\(tag)", s)
                s.press(.escape, .char("n"))
                check("card-scenario-\(tag)", s)
                s.press(.char("x"), .char("?"))
                check("help-session-\(tag)", s)
            }
            for (w, h) in Self.sizes {
                let tag = "\(language.rawValue)-\(w)x\(h)"
                var p = TUIHarness.participant(language: language, width: w, height: h)
                check("participant-opening-\(tag)", p)
                p.facilitatorMoves(to: "ronde-1")
                p.press(.char("a")); p.type("Ik wil één loket, reëel en dichtbij"); p.press(.enter)
                check("participant-round-\(tag)", p)
                p.facilitatorMoves(to: "stemmen")
                p.press(.char("v"))
                check("participant-voting-\(tag)", p)
                var j = TUIHarness(workshop: TUIHarness.main2035, language: language, width: w, height: h, session: false)
                j.app.route = .join(JoinState(sessionId: nil))
                j.send(.listings([TUIHarness.listing]))
                check("join-pick-\(tag)", j)
                j.press(.enter)
                j.type("Ayşe")
                check("join-name-\(tag)", j)
            }
            var small = TUIHarness(language: language, width: 60, height: 20)
            check("too-small-\(language.rawValue)", small)
            small.send(.resize(width: 80, height: 24))
            XCTAssertTrue(small.screen.contains("Opening"))
        }
    }
}

/// Compares a screen with its golden file (or rewrites it with PERSPECTIEF_UPDATE_GOLDENS=1).
func checkGolden(_ name: String, _ h: TUIHarness, file: StaticString = #filePath, line: UInt = #line) {
    let path = GoldenScreenTests.folder.appendingPathComponent(name + ".txt").path
    let screen = h.screen + "\n"
    if ProcessInfo.processInfo.environment["PERSPECTIEF_UPDATE_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: GoldenScreenTests.folder, withIntermediateDirectories: true)
        try? screen.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOfFile: path, encoding: .utf8) else {
        return XCTFail("no golden \(name).txt; run with PERSPECTIEF_UPDATE_GOLDENS=1", file: file, line: line)
    }
    if golden != screen {
        XCTFail("screen \(name) differs from its golden file:\n\(screen)", file: file, line: line)
    }
}

