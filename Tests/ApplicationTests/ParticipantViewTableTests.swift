import Application
import Core
import Foundation
import TUI
import XCTest

/// One table over every step × the room's entries shown or not × every front end: the phone's
/// JSON, the terminal participant's screen and the facilitator's list agree on what a
/// participant sees — the defect where laptops and phones showed different things.
final class ParticipantViewTableTests: XCTestCase {
    func testEveryStepKindShowsTheSameOnPhoneAndTerminal() throws {
        var b = SessionBuilder.full()
        let w = b.workshop
        XCTAssertEqual(Set(w.steps.map(\.kind)), Set(StepKind.allCases).subtracting([.tableRound, .reportBack]),
            "the 2035 workshop has every step kind but the tables' (its variant with tables: ParticipantAtTableTests)")
        for step in w.steps {
            for roomVisible in [false, true] {
                b.move(to: step)
                if b.state.roomVisible != roomVisible { try b.run(.changeSettings(roomVisible: roomVisible), by: SessionBuilder.room) }
                let label = "\(step.id) z=\(roomVisible)"
                let model = ParticipantView.make(workshop: w, state: b.state, actor: SessionBuilder.anna, now: b.now)

                // The phone: the JSON the page gets lists exactly the model's entries, counts and votes.
                let json = try XCTUnwrap(JSONParser.parse(JSONWriter.compact(model.json)).objectValue, label)
                let webIds = (json["entries"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue }
                XCTAssertEqual(webIds, model.list.items.map(\.id), label)
                let webVotes = (json["entries"]?.arrayValue ?? []).compactMap { $0.objectValue?["myVotes"]?.doubleValue }.map { Int($0) }
                XCTAssertEqual(webVotes, model.list.items.map(\.myVotes), label)
                if let votes = model.votes {
                    XCTAssertEqual(json["budget"]?.doubleValue.map { Int($0) }, votes.budget, label)
                    XCTAssertEqual(json["used"]?.doubleValue.map { Int($0) }, votes.used, label)
                }
                XCTAssertEqual(json["step"]?.objectValue?["collects"]?.boolValue, model.input.isOpen, label)

                // The terminal participant: every listed entry on screen, nobody else's text.
                var app = AppState(workshops: [w], listings: [], language: .nl, theme: .dark, width: 200, height: 60, now: b.now, idPrefix: "t")
                _ = TUI.update(&app, .joined(id: "s", workshop: w, state: b.state, actor: SessionBuilder.anna))
                let screen = TUI.view(app).text
                for item in model.list.items {
                    XCTAssertTrue(screen.contains(String(item.text.prefix(30))), "\(label): \(item.text) missing\n\(screen)")
                }
                let listed = Set(model.list.items.map(\.id))
                // The insights step also shows the harvest's top 3 (in the model as `harvest`).
                let harvested = Set(model.harvest.flatMap(\.top))
                for e in b.state.entries where !listed.contains(e.id) && !harvested.contains(e.text) && e.text.count > 10 {
                    XCTAssertFalse(screen.contains(e.text), "\(label): \(e.text) shown but not in the model\n\(screen)")
                }
                if let votes = model.votes {
                    XCTAssertTrue(screen.contains("Nog \(votes.left) van \(votes.budget) stemmen te geven"), "\(label)\n\(screen)")
                    XCTAssertEqual(votes.used, 3, "Anna gave three dots")
                }
                // The facilitator's list holds everything any participant is shown.
                let facilitator = Set(StepEntries.indices(b.state, step, viewer: .facilitator(nil), scenarios: w.scenarios.map(\.id)).map { b.state.entries[$0].id })
                XCTAssertTrue(listed.isSubset(of: facilitator), label)

                // The rules a participant relies on, step kind by step kind.
                switch step.kind.list {
                case .none: XCTAssertTrue(model.list.items.isEmpty, label)
                case .byStep:
                    let others = model.list.items.filter { !$0.mine }
                    XCTAssertEqual(others.isEmpty, !roomVisible, "\(label): others' entries only with z on")
                case .insights:
                    if step.kind.participantsWorkAlone {
                        XCTAssertEqual(model.list.items.allSatisfy(\.mine), !roomVisible, label)
                    } else {
                        XCTAssertTrue(model.list.items.contains { !$0.mine }, "\(label): the room's insights to work on together")
                    }
                case .implicationsByScenario:
                    XCTAssertTrue(model.list.items.contains { $0.top }, "\(label): the room's top 3 marked")
                case .atTables, .tablesReported:
                    XCTFail("\(label): this workshop has no tables (see ParticipantAtTableTests)")
                }
                // Input: participants type only where the step kind says so.
                XCTAssertEqual(model.input.isOpen, step.kind.participantEntryKind != nil, label)
            }
        }
    }

    func testKoersvastMarksAndDirectionsReachParticipants() {
        var b = SessionBuilder.full()
        let directions = b.workshop.steps.first { $0.kind == .directions }!
        b.move(to: directions)
        let model = ParticipantView.make(workshop: b.workshop, state: b.state, actor: SessionBuilder.anna, now: b.now)
        XCTAssertTrue(model.list.items.contains { $0.koersvast })
        XCTAssertTrue(model.list.items.contains { !$0.koersvast && $0.holdsIn == [1, 2] })
        XCTAssertEqual(model.directions.first?.insights.count, b.state.entries.filter { $0.kind == .insight && $0.isLive }.count)
        XCTAssertTrue(model.list.items.allSatisfy { $0.directions == [1] })
    }

    func testARejectedEntryIsAnnouncedToItsAuthorOnly() throws {
        var b = SessionBuilder(hold: true)
        try b.run(.join, by: SessionBuilder.anna)
        let round = b.workshop.steps.first { $0.kind == .scenarioRound }!
        b.move(to: round)
        try b.run(.addEntry(id: "x", text: "Een grapje"), by: SessionBuilder.anna)
        let before = b.state
        let pending = ParticipantView.make(workshop: b.workshop, state: b.state, actor: SessionBuilder.anna, now: b.now)
        XCTAssertEqual(pending.list.items.first?.pending, true)
        try b.run(.review(id: "x", status: .rejected), by: SessionBuilder.room)
        let said = ParticipantView.announcement(before: before, after: b.state, actor: SessionBuilder.anna, step: round.id)
        XCTAssertEqual(said?.kind, .refused)
        XCTAssertTrue(said?.text.nl.contains("Een grapje") ?? false)
        XCTAssertNil(ParticipantView.announcement(before: before, after: b.state, actor: SessionBuilder.bob, step: round.id))
    }

    func testANoticeStaysInItsStep() {
        var b = SessionBuilder.full()
        let steps = b.workshop.steps
        b.move(to: steps[2])
        let notice = ParticipantView.Notice(kind: .saved, text: ParticipantText.saved, step: steps[2].id)
        XCTAssertNotNil(ParticipantView.make(workshop: b.workshop, state: b.state, actor: SessionBuilder.anna, now: b.now, notice: notice).notice)
        b.move(to: steps[3])
        XCTAssertNil(ParticipantView.make(workshop: b.workshop, state: b.state, actor: SessionBuilder.anna, now: b.now, notice: notice).notice)
    }

    func testTheTimerShowsOvertime() throws {
        var b = SessionBuilder()
        let round = b.workshop.steps.first { $0.kind == .scenarioRound }!
        b.move(to: round)
        try b.run(.startTimer, by: SessionBuilder.room)
        let later = b.now + Int64(round.minutes) * 60_000 + 5_000
        let model = ParticipantView.make(workshop: b.workshop, state: b.state, actor: SessionBuilder.anna, now: later)
        XCTAssertEqual(model.timer?.overtime, true)
        XCTAssertEqual(model.timer?.running, true)
        XCTAssertNotNil(model.persona, "the persona in every round")
    }

    /// A group of the facilitator's own brings the persona written for it (`new --persona`).
    func testACustomGroupsPersonaReachesTheParticipant() {
        var b = SessionBuilder()
        b.state.setup.perspective = .custom("Jongeren met schulden")
        b.state.setup.customPersona = "Sem (22) opent geen post meer."
        b.move(to: b.workshop.steps.first { $0.kind == .scenarioRound }!)
        let model = ParticipantView.make(workshop: b.workshop, state: b.state, actor: SessionBuilder.anna, now: b.now)
        XCTAssertEqual(model.persona?.text[.nl], "Sem (22) opent geen post meer.")
        XCTAssertEqual(model.persona?.group[.en], "Jongeren met schulden")
    }
}
