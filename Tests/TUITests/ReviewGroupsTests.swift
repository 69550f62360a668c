import Core
import Store
import TUI
import XCTest

/// The groups tab: an organiser's groupings of similar insights, renamed, added to, taken
/// apart and removed — each change an effect for the store, never a change to a session.
final class ReviewGroupsTests: XCTestCase {
    var harness = ReviewTests.review()
    var review: ReviewState? { if case .review(let r) = harness.app.route { return r } else { return nil } }
    /// The insight "Houd een menselijk loket" of each of the three sessions.
    var insights: [EntryRef] {
        review!.records.compactMap { r in
            r.input?.state.liveEntries.first { $0.kind == .insight }.map { EntryRef(sessionId: r.listing.id, entryId: $0.id) }
        }
    }

    /// Two of the three insights in a group, and the groups tab open.
    func openGroups() {
        let refs = insights
        XCTAssertEqual(refs.count, 3)
        harness.send(.groupsChanged([
            InsightGroup(id: "g1", label: "Menselijk loket", members: Array(refs.prefix(2))),
            InsightGroup(id: "g2", label: "Leeg", members: []),
        ]))
        harness.press(.tab, .tab)
    }

    func testWithoutGroupsTheTabSaysHowToMakeOne() {
        harness.press(.tab, .tab)
        XCTAssertTrue(harness.screen.contains("[Groepen]"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Nog geen groepen. Zoek (/)"), harness.screen)
        harness.press(.char("x"), .char("r"), .char("j"))
        XCTAssertTrue(harness.effects.isEmpty, "nothing to change, no effect, no crash")
    }

    func testTheGroupsAndTheSelectedGroupsInsights() {
        openGroups()
        let screen = harness.screen
        XCTAssertTrue(screen.contains("◆ Menselijk loket  ·  2 inzichten · 2 doelgroepen"), screen)
        XCTAssertTrue(screen.contains("◆ Leeg  ·  0 inzichten · 0 doelgroepen"), screen)
        XCTAssertTrue(screen.contains("• Houd een menselijk loket — ouderen 0"), screen)
        XCTAssertTrue(screen.contains("• Houd een menselijk loket — ondernemers 1"), screen)
        XCTAssertFalse(screen.contains("ouderen 2"), "the third insight is not in the group: \(screen)")
    }

    func testRenameTakeOutAddAndRemove() {
        openGroups()
        harness.press(.char("r"), .ctrl("u"))
        harness.type("Loket blijft")
        XCTAssertTrue(harness.screen.contains("Nieuwe naam: Loket blijft"), harness.screen)
        harness.press(.enter)
        XCTAssertEqual(harness.effects.last, .editGroup(.rename(group: "g1", label: "Loket blijft")))
        harness.press(.char("r"), .escape)
        XCTAssertEqual(harness.effects.count, 1, "Esc keeps the name")
        XCTAssertNotNil(review, "and does not leave the review")

        // → into the insights, down to the second, x takes it out of the group.
        harness.press(.right, .down, .char("x"))
        XCTAssertEqual(harness.effects.last, .editGroup(.setMembers(group: "g1", [insights[1]], member: false)))

        // a adds what the search finds that is not in the group yet.
        harness.press(.left, .char("a"))
        XCTAssertEqual(harness.app.notice?.text, "Zoek eerst (/) naar inzichten die nog niet in deze groep staan.")
        harness.press(.char("/"))
        harness.type("menselijk")
        harness.press(.enter, .char("a"))
        XCTAssertEqual(harness.effects.last, .editGroup(.setMembers(group: "g1", [insights[2]], member: true)))

        // x on the group asks first; any key but j keeps it.
        harness.press(.char("x"))
        XCTAssertTrue(harness.screen.contains("Groep “Menselijk loket” opheffen? De inzichten blijven in hun sessies."), harness.screen)
        harness.press(.char("n"))
        XCTAssertEqual(harness.effects.count, 3)
        harness.press(.down, .char("x"), .char("j"))
        XCTAssertEqual(harness.effects.last, .editGroup(.delete(group: "g2")))
        harness.send(.groupsChanged([InsightGroup(id: "g1", label: "Menselijk loket", members: insights)]))
        XCTAssertTrue(harness.screen.contains("◆ Menselijk loket  ·  3 inzichten"), "the selection falls back on what is left: \(harness.screen)")
    }

    func testAddingWaitsUntilEverySessionHasLoaded() {
        openGroups()
        guard case .review(var r) = harness.app.route else { return XCTFail() }
        r.loading = 5
        r.query = "menselijk"
        harness.app.route = .review(r)
        harness.press(.char("a"))
        XCTAssertTrue(harness.effects.isEmpty, "no grouping over part of the sessions")
        XCTAssertEqual(harness.app.notice?.text, "Nog 5 sessies aan het laden; een ogenblik.")
    }

    func testAMemberWhoseSessionIsNotThereIsNamedNotHidden() {
        harness.send(.groupsChanged([InsightGroup(id: "g1", label: "Los", members: [EntryRef(sessionId: "20200101-0000-weg-0000", entryId: "e1")])]))
        harness.press(.tab, .tab)
        XCTAssertTrue(harness.screen.contains("• niet gevonden: 20200101-0000-weg-0000 / e1"), harness.screen)
    }

    /// Grouping help: `v` proposes insights of different groups that share words, says which
    /// words; `a` asks to accept it and `x` to reject it, each a decision the runtime saves
    /// first: the list changes only when the saved decisions come back.
    func testSuggestionsSayWhyAndAreAcceptedOrRejected() {
        harness.press(.tab, .tab, .char("v"))
        var screen = harness.screen
        XCTAssertTrue(screen.contains("◇ Houd een menselijk loket  ·  2 doelgroepen"), screen)
        XCTAssertTrue(screen.contains("Waarom: gedeelde woorden houd · begrippen "), screen)
        XCTAssertTrue(screen.contains("loket en contact") && screen.contains("een mens"), "the glossary's concepts: \(screen)")
        XCTAssertTrue(screen.contains("• Houd een menselijk loket — ouderen 2"), screen)
        XCTAssertTrue(harness.effects.isEmpty, "a proposal is not a group until accepted")
        harness.press(.char("a"))
        guard case .editGroup(.accept(let id, let refs, let label))? = harness.effects.last else { return XCTFail("\(harness.effects)") }
        XCTAssertEqual(Set(refs), Set(insights), "all three, over both target groups")
        XCTAssertEqual(id, SimilarInsights.Proposal.id(of: refs), "the decision names the proposal")
        XCTAssertEqual(label, "Houd een menselijk loket")
        XCTAssertTrue(harness.screen.contains("◇ Houd een menselijk loket"), "not gone before it is saved")
        harness.send(.groupsChanged([InsightGroup(id: "g1", label: label, members: refs)]))
        harness.send(.decisionsChanged(OrganiserDecisions(accepted: [id: "g1"])))
        XCTAssertTrue(harness.screen.contains("Geen voorstellen (meer)."), harness.screen)

        // Rejected: saved as a decision, and once saved it is gone and stays gone.
        harness = ReviewTests.review()
        harness.press(.tab, .tab, .char("v"), .char("x"))
        guard case .editGroup(.reject(let rejected, let members))? = harness.effects.last else { return XCTFail("\(harness.effects)") }
        XCTAssertEqual(Set(members), Set(insights))
        harness.send(.decisionsChanged(OrganiserDecisions(rejected: [.init(proposal: rejected, members: members)])))
        XCTAssertTrue(harness.screen.contains("Geen voorstellen (meer)."), harness.screen)
        harness.press(.escape, .char("v"))
        screen = harness.screen
        XCTAssertTrue(screen.contains("Geen voorstellen (meer)."), screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("Nog geen groepen."), "back on the groups: \(harness.screen)")
    }

    /// `m` and a number: what the search found becomes a main message's evidence, as
    /// decisions for the runtime to save; without a search it says what to do first.
    func testTheInsightsFoundAreLinkedToAMessage() {
        harness.press(.tab, .tab, .char("m"))
        XCTAssertTrue(harness.effects.isEmpty)
        XCTAssertEqual(harness.app.notice?.text, "Zoek eerst (/) naar de inzichten die je aan een boodschap wilt koppelen.")
        harness.press(.char("/"))
        harness.type("menselijk loket")
        harness.press(.enter, .char("m"))
        XCTAssertTrue(harness.app.notice?.text.contains("1 ") ?? false, "the messages to choose from")
        harness.press(.char("1"))
        let links = harness.effects.compactMap { e -> EntryRef? in
            guard case .editGroup(.link(message: "visie", .insight(let ref), linked: true)) = e else { return nil }
            return ref
        }
        XCTAssertEqual(Set(links), Set(insights), "each insight found, linked to message 1")
    }

    func testGoldenGroupsScreens() {
        for language in Language.allCases {
            for (w, h) in [(80, 24), (160, 48)] {
                harness = ReviewTests.review(language: language, width: w, height: h)
                openGroups()
                harness.press(.right)
                checkGolden("review-groups-\(language.rawValue)-\(w)x\(h)", harness)
            }
        }
    }
}
