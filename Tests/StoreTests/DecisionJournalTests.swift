import Core
import Foundation
import Store
import XCTest

/// The organiser's decisions are events in `.groups/` beside the groupings: another reader
/// (a restart) sees a rejected proposal, an accepted one as a group that remembers it, and
/// the evidence linked to messages; a rejected proposal and every part of it stay suppressed.
final class DecisionJournalTests: XCTestCase {
    func ref(_ s: String, _ e: String) -> EntryRef { EntryRef(sessionId: s, entryId: e) }

    func testDecisionsAreEventsAnotherReaderSees() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let before = f.files()
        let a = try GroupJournal(store: f.store)
        let rejected = [ref("s3", "e3"), ref("s1", "e1"), ref("s2", "e2")]
        let accepted = [ref("s1", "e4"), ref("s2", "e5")]
        try a.apply(.reject(proposal: "p1", rejected), now: 1)
        try a.apply(.accept(proposal: "p2", accepted, label: "Loket"), now: 2)
        try a.apply(.link(message: "visie", .insight(ref("s1", "e1")), linked: true), now: 3)
        try a.apply(.link(message: "visie", .direction("regie"), linked: true), now: 4)
        try a.apply(.link(message: "visie", .insight(ref("s1", "e1")), linked: false), now: 5)

        let b = try GroupJournal(store: f.store)
        XCTAssertEqual(b.decisions.rejected, [.init(proposal: "p1", members: rejected.sorted())])
        XCTAssertEqual(b.groups.map(\.label), ["Loket"])
        XCTAssertEqual(b.groups[0].members, accepted)
        XCTAssertEqual(b.decisions.accepted, ["p2": b.groups[0].id], "the group remembers its proposal")
        XCTAssertEqual(b.decisions.links, ["visie": [.direction("regie")]], "unlinked is gone, the rest stays")
        XCTAssertEqual(f.files(), before, "no session file is touched by a decision")

        // Deleting the accepted group takes the decision back.
        try b.apply(.delete(group: b.groups[0].id), now: 6)
        XCTAssertEqual(try GroupJournal(store: f.store).decisions.accepted, [:])
    }
}

/// One programme, one summary: a summary saved for a workshop of the programme (as before
/// programmes) is found for the programme, and a newer one under the programme wins.
final class ProgrammeSummaryTests: XCTestCase {
    func testTheProgrammesSummaryIsFoundUnderEveryKeyOfIt() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let journal = try SummaryJournal(store: f.store)
        try journal.set(
            text: "Oud, per workshop", keyMessages: [], organiser: nil, workshop: "publieke-dienstverlening-2035",
            now: 1)
        let keys = [
            "toekomstverkenning-pd-2035", "publieke-dienstverlening-2035", "publieke-dienstverlening-2035-tafels",
        ]
        XCTAssertEqual(
            journal.current(keys: keys)?.text, "Oud, per workshop",
            "an old summary keyed by a workshop of the programme")
        try journal.set(
            text: "Nieuw, per programma", keyMessages: [], organiser: nil, workshop: "toekomstverkenning-pd-2035",
            now: 2)
        let current = try XCTUnwrap(try SummaryJournal(store: f.store).current(keys: keys))
        XCTAssertEqual(current.text, "Nieuw, per programma")
        XCTAssertEqual(current.version, 2, "versions count over the programme's keys")
        XCTAssertNil(journal.current(keys: ["levensgebeurtenissen-2035"]), "another programme has none")
    }
}

/// Two organisers' decisions on two laptops come together through a pack: the lines of
/// `.groups/` travel after the sessions, and unpacking twice adds nothing twice.
final class PackDecisionsTests: XCTestCase {
    func testDecisionsTravelInPacks() throws {
        let a = try StoreFixture()
        defer { a.cleanUp() }
        let b = try StoreFixture()
        defer { b.cleanUp() }
        let here = EntryRef(sessionId: a.id, entryId: "e1")
        try GroupJournal(store: a.store).apply(.reject(proposal: "p1", [here, EntryRef(sessionId: "s2", entryId: "e2")]), now: 1)
        try GroupJournal(store: a.store).apply(.link(message: "visie", .insight(here), linked: true), now: 2)
        try GroupJournal(store: b.store).apply(.reject(proposal: "p9", [EntryRef(sessionId: "s9", entryId: "e9")]), now: 3)
        let pack = a.root + "/../decisions-\(getpid()).pack"
        defer { try? FileManager.default.removeItem(atPath: pack) }
        _ = try a.store.pack([a.id], to: pack, overwrite: true)
        let outcome = try b.store.unpack(pack)
        XCTAssertEqual(outcome.decisions, 2)
        let decisions = try GroupJournal(store: b.store).decisions
        XCTAssertEqual(Set(decisions.rejected.map(\.proposal)), ["p1", "p9"], "both organisers' decisions")
        XCTAssertEqual(decisions.links["visie"], [.insight(here)])
        XCTAssertEqual(try b.store.unpack(pack).decisions, 0, "nothing twice")
        XCTAssertEqual(try GroupJournal(store: b.store).decisions.rejected.count, 2)
    }
}
