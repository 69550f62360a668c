import Core
import XCTest

/// The two 2035 scripts, the default one and the same workshop "met tafels": one study, so
/// every text they share is the same in both, and both are written for the facilitator at
/// the desk (notes on every step) and for a room addressed as "je".
final class Workshop2035ScriptsTests: XCTestCase {
    static let main = "publieke-dienstverlening-2035.json"
    static let tables = "publieke-dienstverlening-2035-tafels.json"

    func load(_ name: String) throws -> Workshop {
        try WorkshopLoader.load(bytes: Fixtures.bytes("Workshops/\(name)"), file: name)
    }

    /// The file as plain JSON: a comparison of every top-level field, also fields the model
    /// gains later (a glossary), without listing them here.
    func raw(_ name: String) throws -> JSONObject {
        try XCTUnwrap(try JSONParser.parse(data: Fixtures.bytes("Workshops/\(name)")).objectValue, name)
    }

    /// Everything but the script and the file's own name and title is shared: the question,
    /// intro, source, axes, scenarios, target groups and personas, trends, directions,
    /// messages. A correction made in one file and not the other fails here.
    func testTheTwoFilesAgreeOnEveryTextTheyShare() throws {
        let main = try raw(Self.main)
        let tables = try raw(Self.tables)
        let own: Set<String> = ["id", "title", "steps"]
        XCTAssertEqual(Set(main.keys).subtracting(own), Set(tables.keys).subtracting(own), "the same fields")
        for key in Set(main.keys).subtracting(own).sorted() {
            XCTAssertEqual(main[key], tables[key], "\(key) differs between the default and the tables script")
        }
        for key in ["question", "intro", "source", "scenarios", "perspectives", "trends", "directions", "messages", "axes"] {
            XCTAssertNotNil(main[key], "\(key) is compared")
        }
        // Through the model as well: what the screens and the report read.
        let w = try load(Self.main)
        let t = try load(Self.tables)
        XCTAssertEqual(t.scenarios, w.scenarios)
        XCTAssertEqual(t.perspectives, w.perspectives)
        XCTAssertEqual(t.trends, w.trends)
        XCTAssertEqual(t.directions, w.directions)
        XCTAssertEqual(t.messages, w.messages)
        XCTAssertEqual(t.axes, w.axes)
        XCTAssertEqual(t.study, w.study)
    }

    /// A step both scripts have (opening, break, harvest, insights, voting, koersvast,
    /// directions, close) says the same to the room in both; the table round asks the
    /// rounds' questions.
    func testTheStepsBothScriptsHaveSayTheSame() throws {
        let w = try load(Self.main)
        let t = try load(Self.tables)
        var shared = 0
        for step in t.steps {
            guard let same = w.step(step.id) else { continue }
            shared += 1
            XCTAssertEqual(step.kind, same.kind, step.id)
            XCTAssertEqual(step.title, same.title, step.id)
            XCTAssertEqual(step.prompts, same.prompts, step.id)
        }
        XCTAssertGreaterThanOrEqual(shared, 9)
        let round = try XCTUnwrap(t.steps.first { $0.kind == .tableRound })
        let first = try XCTUnwrap(w.steps.first { $0.kind == .scenarioRound })
        XCTAssertEqual(Array(round.prompts.prefix(3)), first.prompts, "the table round asks what each round asks")
    }

    /// The desk shows `notes`: a facilitator running either script sees what to do at
    /// every step, in both languages.
    func testEveryStepHasFacilitatorNotesInBothLanguages() throws {
        for file in [Self.main, Self.tables] {
            for step in try load(file).steps {
                let notes = try XCTUnwrap(step.notes, "\(file): no notes at \(step.id)")
                XCTAssertGreaterThan(notes.nl.split(separator: " ").count, 5, "\(file) \(step.id)")
                XCTAssertGreaterThan(notes.en.split(separator: " ").count, 5, "\(file) \(step.id)")
                XCTAssertNotEqual(notes.nl, notes.en, "\(file) \(step.id): translated")
            }
        }
    }

    /// The review's agenda for 18–24 people: the trends skippable, a real break and a stretch,
    /// voting before judging and linking, at least 20 minutes for "Hoe verder".
    func testBothScriptsLeaveABufferWithTwoBreaksAndVoteBeforeLinking() throws {
        for file in [Self.main, Self.tables] {
            let w = try load(file)
            let planned = w.steps.filter { !$0.optional }.reduce(0) { $0 + $1.minutes }
            XCTAssertLessThanOrEqual(planned, 175, "\(file): \(planned) minutes planned")
            let kinds = w.steps.map(\.kind)
            let breaks = w.steps.filter { $0.kind == .pause }
            XCTAssertEqual(breaks.count, 2, file)
            XCTAssertGreaterThanOrEqual(breaks.first?.minutes ?? 0, 15, "\(file): a real break")
            let voting = try XCTUnwrap(kinds.firstIndex(of: .voting), file)
            XCTAssertLessThan(voting, try XCTUnwrap(kinds.firstIndex(of: .robustness)), file)
            XCTAssertLessThan(voting, try XCTUnwrap(kinds.firstIndex(of: .directions)), file)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(w.steps.first { $0.kind == .close }).minutes, 20, file)
        }
    }

    /// "u" and "uw" as a form of address, word by word, in every Dutch text of both files:
    /// the prompts, the notes, the stories and the personas.
    func testNoDutchTextAddressesTheReaderAsU() throws {
        func dutch(_ v: JSONValue) -> [String] {
            if let o = v.objectValue {
                return o["nl"]?.stringValue.map { [$0] } ?? o.keys.compactMap { o[$0] }.flatMap(dutch)
            }
            return v.arrayValue?.flatMap(dutch) ?? []
        }
        for file in [Self.main, Self.tables] {
            let texts = dutch(.object(try raw(file)))
            XCTAssertGreaterThan(texts.count, 200, file)
            for text in texts {
                let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
                XCTAssertTrue(words.isDisjoint(with: ["u", "uw", "uzelf"]), "\(file): 'u' in \(text)")
            }
        }
    }
}
