@testable import Core
import XCTest

/// The content review's language rows for the report that no export golden pins down:
/// plain anonymity sentences per case, counts in words, no doubled session headings.
final class ReportLanguageTests: XCTestCase {
    let nl = ReportStrings(.nl)
    let en = ReportStrings(.en)

    func testAnonymityIsSaidPerCaseInPlainWordsWithoutCommands() {
        XCTAssertEqual(nl.anonymity(sessions: 5, anonymous: 0, hidden: 0),
                       "Geen van de sessies was anoniem. Bij elke bijdrage staat de voornaam van wie die invoerde; "
                       + "dat wisten de deelnemers. De facilitatoren staan bij de sessies.")
        XCTAssertEqual(nl.anonymity(sessions: 4, anonymous: 1, hidden: 1),
                       "Eén van de vier sessies was anoniem; daarin zijn geen namen van deelnemers bewaard. In één sessie "
                       + "heeft de facilitator de namen verborgen; die staan niet in dit verslag. In de andere staat bij elke "
                       + "bijdrage de voornaam van wie die invoerde; dat wisten de deelnemers. De facilitatoren staan bij de sessies.")
        XCTAssertEqual(en.anonymity(sessions: 1, anonymous: 0, hidden: 0),
                       "The session was not anonymous. Each contribution shows the first name of whoever typed it; "
                       + "participants were told so. The facilitators are listed with the sessions.")
        for (s, a, h) in [(1, 0, 0), (1, 1, 1), (3, 0, 1), (3, 3, 3), (12, 2, 5)] {
            for t in [nl, en] {
                let text = t.anonymity(sessions: s, anonymous: a, hidden: h)
                XCTAssertFalse(text.contains("perspectief") || text.contains("--"), text)
                XCTAssertFalse(text.contains(" 0 ") || text.contains("1 sessies"), text)
            }
        }
    }

    func testCountsUpToTenAreWords() {
        XCTAssertEqual(nl.number(4), "vier")
        XCTAssertEqual(nl.number(1, capital: true), "Eén")
        XCTAssertEqual(en.number(3, capital: true), "Three")
        XCTAssertEqual(nl.number(11), "11")
        XCTAssertTrue(nl.methodParagraphs("doelgroepen", scenarios: 4)[0].contains("door de vier scenario's van 2035"))
        XCTAssertEqual(nl.mainMessagesEvidence(3), "De drie hoofdboodschappen van de studie en wat de sessies eronder legden")
    }

    func testASessionHeadingNamesItsGroupOnlyWhenTheTitleDoesNot() {
        XCTAssertEqual(nl.sessionHeading("Ondernemers", group: "Ondernemers"), "Ondernemers")
        XCTAssertEqual(nl.sessionHeading("Ouderen Zwolle", group: "Ouderen"), "Ouderen Zwolle — Ouderen")
    }

    /// One apostrophe in the report, the straight one the workshops use.
    func testTheReportWritesTheStraightApostrophe() {
        for t in [nl, en] {
            for text in [t.gridTitle, t.koersvast, t.quadrantCaption, t.quadrantWorldsCaption, t.sharedAcrossLegend,
                         t.groupsAndPersonas("doelgroepen")] + t.methodParagraphs("doelgroepen", scenarios: 4) {
                XCTAssertFalse(text.contains("’") || text.contains("‘"), text)
            }
        }
    }
}
