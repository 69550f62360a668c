import Core
import XCTest

/// The review cache keeps states in binary. What comes back must be the state the files
/// fold to, and damaged bytes must be refused, never believed or crashed on.
final class SessionArchiveTests: XCTestCase {
    let ayse = SessionHarness.participant("Ayşe")

    /// A session that touches every part of the state: participants, timers, entries of
    /// every kind (edited, removed, rejected), holds, links, votes, renamed scenarios, undo.
    func richSession() -> SessionHarness {
        var h = SessionHarness(budget: 4)
        h.run(.join, by: ayse)
        h.go(to: "ronde-a")
        h.run(.startTimer)
        h.run(.extendTimer(seconds: 60))
        h.add("a1", "Eerste — reëel, één loket 👵")
        h.add("a2", "Tweede", by: ayse)
        h.run(.editEntry(id: "a1", text: "Eerste, herzien"))
        h.add("a3", "Weg ermee")
        h.run(.removeEntry(id: "a3"))
        h.run(.changeSettings(holdForReview: true, hideNames: true, voteBudget: 5))
        h.add("a4", "Wacht op de facilitator", by: ayse)
        h.run(.review(id: "a4", status: .rejected))
        h.run(.renameScenario(id: "b", title: "Karig"))
        h.go(to: "inzichten")
        h.add("k1", "Houd een menselijk loket")
        h.run(.setHolds(id: "k1", scenario: "a", holds: true))
        h.run(.setHolds(id: "k1", scenario: "c", holds: true))
        h.run(.link(id: "k1", target: .direction("centraal"), linked: true))
        h.run(.link(id: "k1", target: .trend("t1"), linked: true))
        h.add("k2", "Ongedaan")
        h.run(.undo)
        h.go(to: "stemmen")
        h.run(.vote(id: "k1"), by: ayse)
        h.run(.vote(id: "k1"), by: ayse)
        h.run(.vote(id: "a2"))
        h.run(.setStepInput(step: "ronde-a", open: false))
        h.run(.close)
        return h
    }

    func archived(_ s: SessionState) -> [UInt8] {
        var w = ByteWriter()
        s.archive(into: &w)
        return w.bytes
    }

    func restore(_ bytes: [UInt8]) throws -> SessionState {
        try bytes.withUnsafeBufferPointer { buffer in
            var r = ByteReader(buffer)
            let s = try SessionState.unarchive(&r)
            guard r.atEnd else { throw ByteReader.Damaged() }
            return s
        }
    }

    func testARestoredStateIsTheFoldedState() throws {
        let h = richSession()
        XCTAssertTrue(h.state.closed)
        XCTAssertEqual(h.state.entry("k1")?.votes, 2)
        XCTAssertEqual(h.state.entry("a4")?.status, .rejected)
        XCTAssertNil(h.state.entry("k2").flatMap { $0.isLive ? $0 : nil }, "k2 was undone")
        let back = try restore(archived(h.state))
        XCTAssertEqual(back, h.state)
        XCTAssertEqual(back.createdAt, h.state.createdAt)
        XCTAssertEqual(back.updatedAt, h.state.updatedAt)
        XCTAssertEqual(back.eventCount, h.state.eventCount)
        XCTAssertEqual(back.entry("a1")?.editedAt, h.state.entry("a1")?.editedAt)
        XCTAssertEqual(back.liveEntries.map(\.id), h.state.liveEntries.map(\.id), "the index is rebuilt")
        XCTAssertTrue(back.undoable.isEmpty, "the undo stack is not kept: a restored state is for reading")
        XCTAssertEqual(archived(back), archived(h.state), "the encoding is deterministic")
    }

    func testEveryTruncationAndManyBitFlipsAreRefusedOrHarmless() throws {
        let bytes = archived(richSession().state)
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try restore(Array(bytes.prefix(n))), "cut at \(n) of \(bytes.count)")
        }
        // A flipped bit either gives a state (a different text, say) or is refused; it
        // never traps. The cache's checksum is what catches the first kind.
        for i in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[i] ^= 0x40
            _ = try? restore(damaged)
        }
    }
}
