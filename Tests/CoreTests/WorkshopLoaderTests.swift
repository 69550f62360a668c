import Core
import XCTest

final class WorkshopLoaderTests: XCTestCase {
    func testMiniWorkshopLoads() {
        let w = Fixtures.mini
        XCTAssertEqual(w.id, "mini")
        XCTAssertEqual(w.scenarios.count, 4)
        XCTAssertEqual(w.steps.first?.kind, .opening)
        XCTAssertEqual(w.quadrant(of: w.scenario("b")!)?.column, 0)
        XCTAssertEqual(w.quadrant(of: w.scenario("b")!)?.row, 1)
    }

    func problems(_ edit: (inout [String: Any]) -> Void) -> [String] {
        let data = Data(Fixtures.bytes("Tests/Fixtures/mini.json"))
        var object = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        edit(&object)
        let bytes = [UInt8](try! JSONSerialization.data(withJSONObject: object))
        do {
            _ = try WorkshopLoader.load(bytes: bytes, file: "x.json")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func testReportsEveryProblemWithItsPath() {
        let found = problems { o in
            var scenarios = o["scenarios"] as! [[String: Any]]
            scenarios[2]["position"] = ["means": "rich", "tech": "held"]
            scenarios[3]["id"] = "a"
            o["scenarios"] = scenarios
            var steps = o["steps"] as! [[String: Any]]
            steps[2]["scenario"] = "z"
            steps[3]["kind"] = "dance"
            o["steps"] = steps
            o["axes"] = [(o["axes"] as! [Any])[0]]
            o["title"] = ["nl": "Alleen Nederlands"]
        }
        XCTAssertTrue(found.contains { $0.hasPrefix("$.scenarios[2].position.means: \"rich\" is not a pole") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("$.scenarios[3].id: \"a\" is used twice") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("$.steps[2].scenario: \"z\" is not a scenario id") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("$.steps[3].kind: \"dance\" is not a step kind") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("$.axes: must hold exactly 2 axes") }, "\(found)")
        XCTAssertTrue(found.contains { $0 == "$.title.en: is missing" }, "\(found)")
    }

    func testPathsStayRightAfterAnElementIsDropped() {
        let found = problems { o in
            var steps = o["steps"] as! [[String: Any]]
            steps[1]["minutes"] = "ten"  // step 1 cannot be read, so it is left out
            steps[5]["scenario"] = "nope"
            o["steps"] = steps
        }
        XCTAssertTrue(found.contains("$.steps[1].minutes: must be a whole number, not a string"), "\(found)")
        XCTAssertTrue(found.contains("$.steps[5].scenario: \"nope\" is not a scenario id"), "\(found)")
    }

    func testQuadrantsMustBeCovered() {
        let found = problems { o in
            var scenarios = o["scenarios"] as! [[String: Any]]
            scenarios[1]["position"] = ["means": "scarce", "tech": "held"]
            o["scenarios"] = scenarios
        }
        XCTAssertTrue(found.contains { $0.contains("same quadrant as scenario \"a\"") }, "\(found)")
    }

    func testFutureFormatIsRefused() {
        let found = problems { $0["format"] = 2 }
        XCTAssertEqual(found, ["$.format: is 2, newer than this build understands (1); update Perspectief"])
    }

    func testUnknownFieldsAreNamed() {
        let found = problems { $0["titel"] = "x" }
        XCTAssertEqual(found, ["$.titel: is not a known field"])
    }

    func testSyntaxErrorsGiveLineAndColumn() {
        do {
            _ = try WorkshopLoader.load(bytes: Array("{\n  \"id\": \"x\",\n}".utf8), file: "bad.json")
            XCTFail("must fail")
        } catch {
            XCTAssertEqual(error.problems.map(\.description), ["$: not valid JSON at line 3, column 1: a trailing comma is not allowed"])
        }
    }
}
