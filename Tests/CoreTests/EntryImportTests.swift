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

extension EntryImportTests {
    /// Paper sessions mark and vote too: "holds in", "directions" and "votes" come in as the
    /// export writes them and are folded into the session with the entry.
    func testMarksLinksAndVotesComeInAsColumns() throws {
        let planned = try plan(["tekst", "stap", "houdt stand in", "ontwikkelrichtingen", "stemmen"], [
            ["Eén loket", "inzichten", "Zuinig en voorzichtig; b; Ruim en menselijk; Ruim en slim", "Zet burgers centraal; 2", "3"],
            ["Alleen digitaal", "inzichten", "Zuinig en digitaal", "", ""],
        ])
        XCTAssertEqual(planned[0].holdsIn, ["a", "b", "c", "d"])
        XCTAssertEqual(planned[0].directions, ["centraal", "proactief"])
        XCTAssertEqual(planned[0].votes, 3)
        XCTAssertEqual(planned[1].holdsIn, ["b"])
        var s = state()
        for (i, d) in EntryImport.decisions(planned).enumerated() {
            XCTAssertTrue(s.apply(Event(id: "i\(i)", writer: "w", seq: 10 + i, clock: 10 + i, time: 100, actor: .facilitator("Anna"), change: d.change)))
        }
        let entry = try XCTUnwrap(s.entry("r0"))
        XCTAssertEqual(Robustness.of(entry, scenarios: ["a", "b", "c", "d"]), .koersvast)
        XCTAssertEqual(entry.directions, ["centraal", "proactief"])
        XCTAssertEqual(entry.votesBy, ["facilitator": 3], "the room's dots")
    }

    func testBadMarksAreNamedWithTheirLine() {
        XCTAssertThrowsError(try plan(["text", "step", "holds in", "directions", "votes"], [
            ["a", "inzichten", "mars", "", ""],
            ["b", "inzichten", "", "nergens", ""],
            ["c", "inzichten", "", "", "veel"],
            ["d", "ronde-a", "a", "", ""],
            ["e", "inzichten", "", "", "1000"],
        ])) { error in
            let problems = (error as! ImportProblems).problems
            XCTAssertEqual(problems.map(\.line), [2, 3, 4, 5, 6])
            XCTAssertTrue(problems[0].reason.contains("unknown scenario \"mars\""), problems[0].reason)
            XCTAssertEqual(problems[1].text(.nl), "regel 3: onbekende ontwikkelrichting \"nergens\"")
            XCTAssertTrue(problems[2].reason.contains("votes must be a whole number"), problems[2].reason)
            XCTAssertTrue(problems[3].reason.contains("only an insight"), problems[3].reason)
        }
    }
}
