import Core
import XCTest

/// The rules that turn spreadsheet rows into entries, without files or a store.
final class EntryImportTests: XCTestCase {
    let workshop = Fixtures.mini

    func state(anonymous: Bool = false, step: String? = nil) -> SessionState {
        let setup = SessionSetup(
            sessionId: "s", workshopId: workshop.id, workshopTitle: workshop.title, perspective: .workshop("ouderen"),
            title: "T", facilitator: "Anna", anonymous: anonymous)
        let created = Event(id: "e0", writer: "w", seq: 1, clock: 1, time: 1, actor: .facilitator("Anna"), change: .sessionCreated(setup))
        var s = SessionState.fold([created])!
        if let step {
            s.apply(Event(id: "e1", writer: "w", seq: 2, clock: 2, time: 2, actor: .facilitator("Anna"), change: .stepMoved(to: step, from: "opening")))
        }
        return s
    }

    func plan(_ header: [String], _ rows: [[String]], in s: SessionState? = nil) throws -> [EntryImport.Planned] {
        let numbered = rows.enumerated().map { EntryImport.Row(line: $0.offset + 2, cells: $0.element) }
        return try EntryImport.plan(header: header, rows: numbered, workshop: workshop, state: s ?? state(), newId: { "r\($0)" })
    }

    func testTitlesInEitherLanguageAndTheExportsColumnsAreUnderstood() throws {
        let header = ["sessie", "Stap", " Scenario ", "SOORT", "tekst", "auteur", "stemmen", "tijd (UTC)"]
        let planned = try plan(header, [
            ["x", "Round A", "", "implicatie", "Eén", "Ayşe", "3", "2026-11-23T11:00:00Z"],
            ["x", "ronde-b", "Ruim en slim", "", "Twee", "", "0", ""],
        ])
        XCTAssertEqual(planned.map(\.entry.step), ["ronde-a", "ronde-b"])
        XCTAssertEqual(planned.map(\.entry.scenario), ["a", "d"], "the round's scenario unless one is named")
        XCTAssertEqual(planned.map(\.entry.kind), [.implication, .implication], "an empty kind is the step's")
        XCTAssertEqual(planned.map(\.entry.author), ["Ayşe", nil])
        XCTAssertEqual(planned.map(\.line), [2, 3])
    }

    func testTheExportsApostropheComesOffAndATypedFormulaStaysAsTyped() throws {
        let planned = try plan(["text"], [["'=SUM(A1)"], ["=SUM(A1)"], ["'gewoon"], ["'@x"]])
        XCTAssertEqual(planned.map(\.entry.text), ["=SUM(A1)", "=SUM(A1)", "'gewoon", "@x"])
    }

    func testAnAnonymousSessionStoresNoNames() throws {
        let planned = try plan(["text", "author"], [["Eén", "Ayşe"]], in: state(anonymous: true))
        XCTAssertNil(planned[0].entry.author)
    }

    func testEveryBadRowIsNamedWithItsLineAndNothingIsPlanned() {
        XCTAssertThrowsError(try plan(["text", "step", "kind", "scenario"], [
            ["goed", "", "", ""],
            ["", "", "note", ""],
            ["x", "nergens", "", ""],
            ["x", "", "droom", ""],
            ["x", "", "note", "mars"],
            ["x", "stemmen", "", ""],
            ["te", "weinig"],
            [" ", " ", "", ""],
        ])) { error in
            let problems = (error as! ImportProblems).problems
            XCTAssertEqual(problems.map(\.line), [3, 4, 5, 6, 7, 8], "the blank row (line 9) is skipped, not an error")
            XCTAssertEqual(problems[0].text(.en), "line 3: the text is empty")
            XCTAssertEqual(problems[1].text(.nl), "regel 4: onbekende stap \"nergens\"")
            XCTAssertTrue(problems[4].reason.contains("takes no entries"), problems[4].reason)
        }
    }

    func testHeadersAreCheckedFirst() {
        for (header, reason) in [
            (["text", "kleur"], "unknown column \"kleur\""), (["kind"], "no \"text\""), (["text", "Tekst"], "appears twice"),
        ] {
            XCTAssertThrowsError(try plan(header, [])) { error in
                let p = (error as! ImportProblems).problems
                XCTAssertEqual(p.map(\.line), [1])
                XCTAssertTrue(p[0].reason.contains(reason), p[0].reason)
            }
        }
    }

    func testTooManyRowsIsOneProblem() {
        let rows = Array(repeating: ["x"], count: EntryImport.maxRows + 1)
        XCTAssertThrowsError(try plan(["text"], rows)) { error in
            XCTAssertEqual((error as! ImportProblems).problems.map(\.line), [EntryImport.maxRows + 2])
        }
    }
}
