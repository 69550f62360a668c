import Application
import Core
import Foundation
import Runtime
import Store
import TUI
import XCTest

/// The organiser's decisions through the use cases `perspectief groups` and `messages` call,
/// against a real store: a rejected proposal is gone from `groups suggest`, from review after
/// a restart and from every export format; an accepted one is a finding with its sessions;
/// linked insights are the evidence under a message.
final class FindingsDecisionTests: XCTestCase {
    var dir = ""
    var store: SessionStore!
    let workshop = SessionBuilder.workshop()

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pf-fd-" + String(UUID().uuidString.prefix(8)).lowercased()
        store = try SessionStore(root: dir + "/store", create: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// A session of `group` with these insights, saved through the engine and the store.
    func session(_ group: String, _ title: String, _ texts: [String]) throws -> String {
        let (h, _) = try Creating.create(
            NewSession(workshopId: workshop.id, perspective: .workshop(group), title: title, facilitator: "Fatima"),
            in: store, workshops: [workshop], now: Runtime.now()
        ) { _ in title }
        defer { h.close() }
        let engine = Engine(workshop: workshop)
        let room = Actor.facilitator("Fatima")
        _ = try h.perform(.moveStep(to: "inzichten"), by: room, engine: engine, now: Runtime.now())
        for (n, text) in texts.enumerated() {
            _ = try h.perform(.addEntry(id: "i\(n)", text: text), by: room, engine: engine, now: Runtime.now())
        }
        return h.id
    }

    /// Near-identical insights of two groups among unrelated ones: proposed by any method.
    func twoSessions() throws -> (String, String) {
        let a = try session(
            "ouderen", "Ouderen Zwolle",
            [
                "Vraag gegevens van burgers maar één keer uit, ook na een verhuizing",
                "Bibliotheek als plek voor digitale hulp",
                "Mantelzorgers krijgen vaste respijtzorg", "Groene daken op elk stadhuis",
            ])
        let b = try session(
            "ondernemers", "Ondernemers Utrecht",
            [
                "Vraag gegevens van burgers maar één keer uit, ook bij een verhuizing",
                "Vergunningen binnen een week afgehandeld",
            ])
        return (a, b)
    }

    func pair(_ a: String, _ b: String) throws -> SimilarInsights.Proposal {
        let all = try GroupDecisions.suggest(store: store, workshops: [workshop])
        return try XCTUnwrap(
            all.first { Set($0.items.map(\.ref.sessionId)) == [a, b] }, "the near-identical pair is proposed")
    }

    func export(_ format: Exporting.Format) throws -> String {
        try XCTUnwrap(
            try Exporting.export(.init(ids: nil, format: format, language: .en), store: store, workshops: [workshop])
                .text)
    }

    func testARejectedProposalIsGoneFromSuggestReviewAfterARestartAndEveryExport() throws {
        let (a, b) = try twoSessions()
        let p = try pair(a, b)
        XCTAssertTrue(try export(.json).contains(p.id), "unjudged, it is in the annex")
        try GroupDecisions.reject(p.id, store: store, workshops: [workshop], now: Runtime.now())
        XCTAssertThrowsError(
            try GroupDecisions.reject(p.id, store: store, workshops: [workshop], now: Runtime.now()), "no longer open")

        let after = try GroupDecisions.suggest(store: store, workshops: [workshop])
        XCTAssertFalse(
            after.contains { Set($0.items.map(\.ref)).isSubset(of: Set(p.items.map(\.ref))) },
            "absent from groups suggest")

        for format in [Exporting.Format.md, .csv, .json, .html] {
            let text = try export(format)
            XCTAssertFalse(text.contains(p.id), "\(format)")
            if format == .md || format == .html {
                let annex = try XCTUnwrap(text.range(of: "Proposals not yet reviewed", options: .backwards))
                let tail = text[annex.upperBound...].prefix(1500)
                let end = tail.range(of: "Annex: every implication")?.lowerBound ?? tail.endIndex
                XCTAssertFalse(tail[..<end].contains("verhuizing"), "\(format): not in the annex")
            }
        }

        // A restart: a new runtime on the same store; review's suggestions leave it out.
        let r = Runtime(
            store: try SessionStore(root: store.root, create: false), workshops: [workshop], language: .en,
            theme: .mono, listings: false)
        let review = r.startReview()
        XCTAssertEqual(review.decisions.rejected.map(\.proposal), [p.id])
        r.send(.reviewStarted(review))
        let screen = FakeScreen()
        for _ in 0..<200 where !screen.last.contains("Ondernemers Utrecht") { r.step(screen, waitMs: 10) }
        for _ in 0..<100 {
            r.step(screen, waitMs: 10)
            if case .review(let state) = r.app.route, state.loading == 0 { break }
        }
        screen.press(.tab, .tab, .char("v"))
        for _ in 0..<50 where !screen.last.contains("Suggestions:") { r.step(screen, waitMs: 10) }
        XCTAssertTrue(screen.last.contains("No (more) suggestions."), screen.last)
        XCTAssertFalse(screen.last.contains("verhuizing"), screen.last)
    }

    func testAnAcceptedProposalIsAFindingWithItsSessions() throws {
        let (a, b) = try twoSessions()
        let p = try pair(a, b)
        let group = try GroupDecisions.accept(p.id, store: store, workshops: [workshop], now: Runtime.now())
        let listed = try GroupDecisions.list(store: store)
        XCTAssertEqual(listed.groups.map(\.id), [group])
        XCTAssertEqual(listed.decisions.accepted[p.id], group)
        XCTAssertFalse(try GroupDecisions.suggest(store: store, workshops: [workshop]).contains { $0.id == p.id })
        let md = try export(.md)
        let findings = try XCTUnwrap(
            md.components(separatedBy: "## Findings shared across target groups").dropFirst().first)
        XCTAssertTrue(findings.contains("_grouped by the organiser · 2 of 2 target groups, 2 sessions"), findings)
        XCTAssertTrue(
            findings.contains("ook na een verhuizing — _Older people")
                || findings.contains("ook na een verhuizing — _"), findings)
        XCTAssertTrue(findings.contains("ook bij een verhuizing — _"))
        let json = try export(.json)
        XCTAssertTrue(
            json.contains("\"group\" : \"\(group)\"") || json.contains("\"group\": \"\(group)\""),
            "the finding names its group")
    }

    func testLinkedInsightsAreAMessagesEvidence() throws {
        let (a, b) = try twoSessions()
        let first = EntryRef(sessionId: a, entryId: "i1")
        try MessageLinks.link(
            message: "visie", .insight(first), linked: true, store: store, workshops: [workshop], now: Runtime.now())
        try MessageLinks.link(
            message: "visie", .insight(EntryRef(sessionId: b, entryId: "i1")), linked: true, store: store,
            workshops: [workshop],
            now: Runtime.now())
        XCTAssertThrowsError(
            try MessageLinks.link(
                message: "geen", .insight(first), linked: true, store: store, workshops: [workshop], now: Runtime.now())
        )
        XCTAssertThrowsError(
            try MessageLinks.link(
                message: "visie", .insight(EntryRef(sessionId: a, entryId: "nope")), linked: true, store: store,
                workshops: [workshop],
                now: Runtime.now()))
        XCTAssertThrowsError(try MessageLinks.evidence(insight: "zonder-schuine-streep", direction: nil))
        let list = try MessageLinks.list(store: store, workshops: [workshop])
        XCTAssertEqual(list.first?.messages.first { $0.messageId == "visie" }?.allInsights.count, 2)
        let md = try export(.md)
        XCTAssertTrue(md.contains("2 insights from 2 target groups"), md)
        XCTAssertTrue(md.contains("Bibliotheek als plek voor digitale hulp"))
        XCTAssertEqual(md.components(separatedBy: "Not linked").count - 1, workshop.messages.count - 1)

        try MessageLinks.link(
            message: "visie", .insight(first), linked: false, store: store, workshops: [workshop], now: Runtime.now())
        XCTAssertTrue(try export(.md).contains("1 insight from 1 target group"))
    }
}
