import Core
import XCTest

/// The workshop glossary as a content editor writes it: read with the rest of the file,
/// refused with a reason when it cannot mean one thing.
extension WorkshopLoaderTests {
    static var loket: [String: Any] { [
        "id": "loket", "label": ["nl": "loket", "en": "desk"], "words": ["loket", "balie", "aanspreekpunt"],
    ] }

    func testTheGlossaryIsReadWithItsConcepts() throws {
        XCTAssertEqual(problems { $0["glossary"] = [Self.loket] }, [])
        let w = try WorkshopLoader.load(
            bytes: Fixtures.bytes("Workshops/publieke-dienstverlening-2035.json"), file: "w")
        XCTAssertGreaterThanOrEqual(w.glossary.count, 10)
        XCTAssertEqual(w.glossary.first { $0.id == "loket" }?.words.contains("balie"), true)
        let tables = try WorkshopLoader.load(
            bytes: Fixtures.bytes("Workshops/publieke-dienstverlening-2035-tafels.json"), file: "t")
        XCTAssertEqual(tables.glossary, w.glossary, "one study, one glossary")
        XCTAssertTrue(Fixtures.mini.glossary.isEmpty, "a workshop without a glossary")
    }

    func testAGlossaryThatCannotMeanOneThingIsRefused() {
        var other = Self.loket
        other["id"] = "balie"
        other["words"] = ["Balie"]
        var unknown = Self.loket
        unknown["synonyms"] = ["x"]
        var empty = Self.loket
        empty["id"] = "leeg"
        empty["words"] = [String]()
        var phrase = Self.loket
        phrase["id"] = "contact"
        phrase["words"] = ["persoonlijk contact"]
        var stem = Self.loket
        stem["id"] = "toeslag"
        stem["words"] = ["regelingen"]
        var rules = Self.loket
        rules["id"] = "regels"
        rules["words"] = ["regels"]
        let found = problems { $0["glossary"] = [Self.loket, other, unknown, empty, phrase, stem, rules] }
        let expected = [
            "$.glossary[2].id: \"loket\" is used twice",
            "$.glossary[1].words[0]: \"Balie\" is also in concept \"loket\"",
            "$.glossary[2].synonyms: is not a known field",
            "$.glossary[3].words: must list at least one word",
            "$.glossary[4].words[0]: \"persoonlijk contact\" must be one word",
            "$.glossary[6].words[0]: \"regels\" has the same stem as \"regelingen\" in concept \"toeslag\"",
        ]
        for e in expected { XCTAssertTrue(found.contains { $0.hasPrefix(e) }, "\(e) in \(found)") }
    }
}
