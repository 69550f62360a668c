import Core
import XCTest

/// A session with tables reads back like one with rounds (its implications per scenario), and
/// every export knows the tables: the table of each entry, who sat where — names only where
/// the session shows names.
final class TableExportTests: XCTestCase {
    func session(anonymous: Bool = false) throws -> SessionHarness {
        let w = try TableSeatingTests.tafels()
        var h = SessionHarness(workshop: w, anonymous: anonymous)
        let ayse = SessionHarness.participant("Ayşe", anonymous: anonymous)
        let bram = SessionHarness.participant("Bram", anonymous: anonymous)
        for p in [ayse, bram] { XCTAssertNil(h.run(.join, by: p)) }
        h.go(to: "tafels")
        XCTAssertNil(h.run(.chooseTable(w.scenarios[0].id), by: ayse))
        XCTAssertNil(h.run(.chooseTable(w.scenarios[2].id), by: bram))
        XCTAssertNil(h.run(.addEntry(id: "a1", text: "Loket om de hoek blijft"), by: ayse))
        XCTAssertNil(h.run(.addEntry(id: "b1", text: "De wijk als loket"), by: bram))
        return h
    }

    func testEveryExportKnowsTheTables() throws {
        let h = try session()
        let report = Report(sessions: [SessionInput(workshop: h.engine.workshop, state: h.state)], language: .nl)
        let csv = CSVExport.render(report)
        let rows = csv.components(separatedBy: "\r\n")
        XCTAssertTrue(rows[0].hasSuffix(";tafel;beschrijving doelgroep;persona"), rows[0])
        XCTAssertTrue(rows.contains { $0.contains("Loket om de hoek blijft") && $0.hasSuffix(";1;;") }, csv)
        XCTAssertTrue(rows.contains { $0.contains("De wijk als loket") && $0.hasSuffix(";3;;") }, csv)
        let json = JSONExport.render(report)
        let value = try JSONParser.parse(json)
        let session = value.objectValue?["sessions"]?.arrayValue?.first?.objectValue
        let round = session?["tables"]?.arrayValue?.first?.objectValue
        XCTAssertEqual(round?["step"]?.stringValue, "tafels")
        let tables = round?["tables"]?.arrayValue?.compactMap(\.objectValue) ?? []
        XCTAssertEqual(tables.count, 4)
        XCTAssertEqual(tables[0]["people"]?.arrayValue?.compactMap(\.stringValue), ["Ayşe"])
        XCTAssertEqual(tables[1]["seated"]?.intValue, 0)
        // Read back like rounds: the synthesis holds the implications under their scenarios.
        let md = MarkdownExport.render(report)
        XCTAssertTrue(md.contains("Loket om de hoek blijft") && md.contains("De wijk als loket"), md)
        let part = try XCTUnwrap(report.parts.first)
        let w = h.engine.workshop
        let cells = part.scenarios.first { $0.scenarioId == w.scenarios[2].id }?.byPerspective.flatMap(\.implications).map(\.entry.text)
        XCTAssertEqual(cells, ["De wijk als loket"])
    }

    /// The printable report, not only CSV and JSON: each entry carries its table, and who sat
    /// where is a small table (counts when names are left out).
    func testTheMarkdownAndHTMLReportShowEachEntrysTableAndTheSeating() throws {
        let h = try session()
        let input = SessionInput(workshop: h.engine.workshop, state: h.state)
        let md = MarkdownExport.render(Report(sessions: [input], language: .nl))
        XCTAssertTrue(md.contains("- Loket om de hoek blijft — _aantekening · tafel 1") || md.contains("Loket om de hoek blijft — _tafel 1"), md)
        XCTAssertTrue(md.contains("De wijk als loket — _tafel 3"), md)
        XCTAssertTrue(md.contains("### Wie zat waar — "), md)
        XCTAssertTrue(md.contains("| 1 | Het zuinige loket | Ayşe |"), md)
        XCTAssertTrue(md.contains("| 3 | De warme overheid | Bram |"), md)
        let html = HTMLExport.render(Report(sessions: [input], language: .en))
        XCTAssertTrue(html.contains("table 1") && html.contains("table 3"), "each entry's table in the HTML")
        XCTAssertTrue(html.contains("Who sat where") && html.contains("<td>Ayşe</td>"), html)
        let anonymous = MarkdownExport.render(Report(sessions: [input], language: .nl, options: .init(noNames: true)))
        XCTAssertTrue(anonymous.contains("| 1 | Het zuinige loket | 1 persoon |"), anonymous)
        XCTAssertFalse(anonymous.contains("Ayşe"))
    }

    func testAnAnonymousSessionSaysHowManySatWhereButNotWho() throws {
        let h = try session(anonymous: true)
        let report = Report(sessions: [SessionInput(workshop: h.engine.workshop, state: h.state)], language: .en)
        let json = JSONExport.render(report)
        XCTAssertFalse(json.contains("Ayşe") || json.contains("Bram"), json)
        XCTAssertTrue(json.contains("\"seated\": 1"), json)
    }
}
