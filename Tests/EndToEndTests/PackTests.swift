import Foundation
import TestSupport
import XCTest

/// `pack` and `unpack` through the binary: sessions travel whole between stores, and a bad
/// pack or a conflicting session changes nothing.
final class PackTests: XCTestCase {
    var here = ""
    var there = ""
    var dir = ""

    override func setUp() {
        here = Binary.tempDir("pack-here")
        there = Binary.tempDir("pack-there")
        dir = Binary.tempDir("pack-files")
    }

    override func tearDown() {
        for d in [here, there, dir] { try? FileManager.default.removeItem(atPath: d) }
    }

    func run(_ store: String, _ args: String...) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        return Spawn.run([Binary.perspectief] + args, environment: env)
    }

    func newSession(_ store: String, _ perspective: String, entries: [String]) -> String {
        let id = run(store, "new", "--perspective", perspective, "--facilitator", "Anna").output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for text in entries { XCTAssertEqual(run(store, "add", id, "--kind", "note", "--text", text).status, 0) }
        return id
    }

    /// Every file of a store, with its bytes: "nothing changed" means exactly this is equal.
    func tree(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let name = e?.nextObject() as? String {
            out[name] = FileManager.default.contents(atPath: root + "/" + name) ?? Data()
        }
        return out
    }

    func assertOneLineError(_ r: Spawn.Result, _ contains: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        XCTAssertEqual(r.error.split(separator: "\n").count, 1, r.error, file: file, line: line)
        XCTAssertTrue(r.error.contains(contains), "\"\(contains)\" in: \(r.error)", file: file, line: line)
    }

    func testPackedSessionsUnpackIdenticallyTwiceOverAndReviewAsLocal() throws {
        let a = newSession(here, "ouderen", entries: ["Eén loket — reëel", "Wachtrij;\n\"lang\""])
        let b = newSession(here, "jongeren", entries: ["Alles via de app"])
        let pack = dir + "/sessies.pack"
        let packed = run(here, "pack", "--all", "-o", pack)
        XCTAssertEqual(packed.status, 0, packed.error)
        let mode = try FileManager.default.attributesOfItem(atPath: pack)[.posixPermissions] as! Int
        XCTAssertEqual(mode & 0o077, 0, "owner-only")
        let first = run(there, "unpack", pack)
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertEqual(first.output.split(separator: "\n").filter { $0.hasPrefix("added") }.count, 2, first.output)
        for id in [a, b] {
            XCTAssertEqual(run(there, "show", id, "--json").output, run(here, "show", id, "--json").output)
        }
        let before = tree(there)
        let second = run(there, "unpack", pack)
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertEqual(second.output.split(separator: "\n").filter { $0.hasPrefix("unchanged") }.count, 2, second.output)
        XCTAssertEqual(tree(there), before, "unpacking twice changes nothing")
        // The unpacked sessions are ordinary sessions: listed, exported, and they go on.
        XCTAssertTrue(run(there, "sessions").output.contains(a))
        XCTAssertEqual(run(there, "export", "--all", "--format", "csv").output, run(here, "export", "--all", "--format", "csv").output)
        XCTAssertEqual(run(there, "add", a, "--kind", "note", "--text", "verder").status, 0)
    }

    func testTheSameSessionFurtherAlongIsBroughtUpToDate() throws {
        let a = newSession(here, "ouderen", entries: ["één"])
        XCTAssertEqual(run(here, "pack", a, "-o", dir + "/1.pack").status, 0)
        XCTAssertEqual(run(there, "unpack", dir + "/1.pack").status, 0)
        XCTAssertEqual(run(here, "add", a, "--kind", "note", "--text", "twee").status, 0)
        XCTAssertEqual(run(here, "pack", a, "-o", dir + "/2.pack").status, 0)
        let r = run(there, "unpack", dir + "/2.pack")
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.output.contains("updated\t\(a)\t1 events added"), r.output)
        XCTAssertEqual(run(there, "show", a, "--json").output, run(here, "show", a, "--json").output)
        // The older pack is contained in what is there now: nothing to do.
        XCTAssertTrue(run(there, "unpack", dir + "/1.pack").output.contains("unchanged\t\(a)"))
    }

    func testAConflictingSessionIsRefusedAndNothingChanges() throws {
        let a = newSession(here, "ouderen", entries: ["één"])
        let other = newSession(here, "jongeren", entries: [])
        XCTAssertEqual(run(here, "pack", a, "-o", dir + "/1.pack").status, 0)
        XCTAssertEqual(run(there, "unpack", dir + "/1.pack").status, 0)
        // Both sides go on separately: the pack now has events "there" lacks, and vice versa.
        XCTAssertEqual(run(here, "add", a, "--kind", "note", "--text", "hier").status, 0)
        XCTAssertEqual(run(there, "add", a, "--kind", "note", "--text", "daar").status, 0)
        XCTAssertEqual(run(here, "pack", other, a, "-o", dir + "/2.pack").status, 0)
        let before = tree(there)
        assertOneLineError(run(there, "unpack", dir + "/2.pack"), "session \(a) conflicts with the one here")
        XCTAssertEqual(tree(there), before, "not even the other, new session was added")
    }

    func testBadPacksAreRefusedWithTheStoreUntouched() throws {
        _ = newSession(here, "ouderen", entries: ["één", "twee"])
        _ = newSession(there, "jongeren", entries: ["al hier"])
        let pack = dir + "/good.pack"
        XCTAssertEqual(run(here, "pack", "--all", "-o", pack).status, 0)
        let good = try Data(contentsOf: URL(fileURLWithPath: pack))
        let text = String(decoding: good, as: UTF8.self)
        let cases: [(String, Data, String)] = [
            ("truncated", good.prefix(good.count - 30), "is cut short"),
            ("half", good.prefix(good.count / 2), "is cut short"),
            ("corrupted", Data(text.replacingOccurrences(of: "twee", with: "tw3e").utf8), "checksum does not match"),
            ("foreign", Data("name,text\nAnna,hallo\n".utf8), "is not a perspectief session pack"),
            ("empty", Data(), "is not a perspectief session pack"),
            ("newer", Data(text.replacingOccurrences(of: "\"version\":1", with: "\"version\":99").utf8), "newer than this build"),
        ]
        let before = tree(there)
        for (name, bytes, reason) in cases {
            let path = dir + "/\(name).pack"
            _ = FileManager.default.createFile(atPath: path, contents: bytes)
            assertOneLineError(run(there, "unpack", path), reason)
            XCTAssertEqual(tree(there), before, name)
        }
        assertOneLineError(run(there, "unpack", dir + "/missing.pack"), "missing.pack")
        assertOneLineError(run(here, "pack", "--all", "-o", pack), "already exists")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: pack)), good, "never overwritten without --force")
    }
}
