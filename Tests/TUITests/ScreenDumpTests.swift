import Core
import TUI
import XCTest

final class ScreenDumpTests: XCTestCase {
    func testDump() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.press(.char("a")); h.type("Riet mist het loket — ze wil een mens spreken"); h.press(.enter)
        h.go(toStep: "ronde-1")
        h.press(.char("a")); h.type("Reëel: wachttijd van weken"); h.press(.enter)
        h.press(.char("a")); h.type("Buurthuis als loket"); h.press(.enter)
        print(h.screen)
        h.press(.char("a")); h.type("Nog een")
        print(h.screen)
        h.press(.escape)
        h.go(toStep: "robuustheid")
        print(h.screen)
    }
}
