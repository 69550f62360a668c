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

    /// The place is typed by people: it is cleaned like the title, survives the journal and
    /// the review cache, and a session written before places existed still loads without one.
    func testThePlaceRoundTripsCleanedAndOldSessionsLoadWithout() throws {
        let w = Fixtures.mini
        let setup = SessionSetup(
            sessionId: "s1", workshopId: w.id, workshopTitle: w.title, perspective: .workshop("ouderen"), title: "Ouderen",
            facilitator: "Anna", place: "Zwolle, stadhuis")
        let created = Event(id: "e0", writer: "w", seq: 0, clock: 1, time: 1_790_000_000_000, actor: .facilitator("Anna"), change: .sessionCreated(setup))
        let line = JSONWriter.compact(created.json)
        XCTAssertTrue(line.contains("\"place\":\"Zwolle, stadhuis\""), line)
        let back = try Event(json: try JSONParser.parse(line))
        XCTAssertEqual(back, created)
        let state = try XCTUnwrap(SessionState.fold([back]))
        XCTAssertEqual(state.setup.place, "Zwolle, stadhuis")

        // The journal is a file anyone can edit: control characters in it never reach a screen.
        let hostile = line.replacingOccurrences(of: "Zwolle, stadhuis", with: "Zwolle\\u001b[31m,\\nstadhuis")
        guard case .sessionCreated(let cleaned) = try Event(json: try JSONParser.parse(hostile)).change else { return XCTFail(hostile) }
        XCTAssertEqual(cleaned.place.map { $0.unicodeScalars.contains { $0.value < 0x20 } }, false, "\(String(describing: cleaned.place))")
        XCTAssertEqual(cleaned.place?.hasPrefix("Zwolle"), true)

        let old = line.replacingOccurrences(of: ",\"place\":\"Zwolle, stadhuis\"", with: "")
        XCTAssertFalse(old.contains("place"))
        guard case .sessionCreated(let oldSetup) = try Event(json: try JSONParser.parse(old)).change else { return XCTFail(old) }
        XCTAssertNil(oldSetup.place, "a session from before places loads, without one")

        let shown = JSONWriter.compact(SessionJSON.session(state, workshop: w, id: "s1"))
        XCTAssertTrue(shown.contains("\"place\":\"Zwolle, stadhuis\""), shown)
        let none = try JSONWriter.compact(SessionJSON.session(XCTUnwrap(SessionState.fold([Event(json: JSONParser.parse(old))])), workshop: w, id: "s1"))
        XCTAssertTrue(none.contains("\"place\":null"), none)

        var writer = ByteWriter()
        state.archive(into: &writer)
        let restored = try writer.bytes.withUnsafeBufferPointer { buffer in
            var r = ByteReader(buffer)
            return try SessionState.unarchive(&r)
        }
        XCTAssertEqual(restored.setup.place, "Zwolle, stadhuis", "the review cache keeps the place")
    }
}
