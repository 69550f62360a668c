import Core
import XCTest

final class SessionJSONTests: XCTestCase {
    func testHiddenNamesStayHiddenInShowJSON() {
        var h = SessionHarness()
        h.run(.join, by: SessionHarness.participant("Ayşe"))
        h.go(to: "ronde-a")
        h.add("p", "Een loket dichtbij", by: SessionHarness.participant("Ayşe"))
        let shown = JSONWriter.compact(SessionJSON.session(h.state, workshop: Fixtures.mini, id: "s1"))
        XCTAssertTrue(shown.contains("Ayşe") && shown.contains("Anna"))
        h.run(.changeSettings(hideNames: true))
        let hidden = JSONWriter.compact(SessionJSON.session(h.state, workshop: Fixtures.mini, id: "s1"))
        XCTAssertFalse(hidden.contains("Ayşe"), hidden)
        XCTAssertFalse(hidden.contains("Anna"), hidden)
        XCTAssertTrue(hidden.contains("Een loket dichtbij"), "the text stays")
    }
}
