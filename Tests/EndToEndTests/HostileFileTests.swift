import Core
import Foundation
import TestSupport
import XCTest

/// Files a careless or hostile person puts in the store or a workshop folder, through the
/// real binary: no signal exit, no hang (each run is killed after 10 s), one clear line on
/// stderr, no file changed by a read, nothing written where it should not be.
final class HostileFileTests: XCTestCase {
    var dir = ""
    var store: String { dir + "/store" }

    override func setUp() { dir = Binary.tempDir("hostile") }
    override func tearDown() {
        chmod(store, 0o700)
        try? FileManager.default.removeItem(atPath: dir)
    }

    @discardableResult
    func run(_ args: [String], lang: String = "C.UTF-8", file: StaticString = #filePath, line: UInt = #line) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = lang
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        let r = Spawn.run(["timeout", "-s", "KILL", "10", Binary.perspectief] + args, environment: env)
        XCTAssertLessThan(r.status, 124, "no hang, no signal: \(args) exited \(r.status)\n\(r.error.prefix(600))", file: file, line: line)
        Self.assertSafe(r.output + r.error, file: file, line: line)
        return r
    }

    /// A failed run: non-zero status and exactly one line on stderr that says `contains`.
    func assertFails(_ args: [String], _ contains: String, lang: String = "C.UTF-8", file: StaticString = #filePath, line: UInt = #line) {
        let r = run(args, lang: lang, file: file, line: line)
        XCTAssertNotEqual(r.status, 0, "\(args) should fail", file: file, line: line)
        let lines = r.error.split(separator: "\n", omittingEmptySubsequences: true)
        XCTAssertEqual(lines.count, 1, "one line: \(r.error)", file: file, line: line)
        XCTAssertTrue(r.error.contains(contains), "\"\(contains)\" in: \(r.error)", file: file, line: line)
    }

    /// Nothing a terminal would act on: no ESC or other control (but newline, tab and a
    /// CSV's CRLF), no C1, no bidi control.
    static func assertSafe(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(text.unicodeScalars)
        for (i, u) in scalars.enumerated() where !TerminalText.isSafe(u) {
            if u == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { continue }
            XCTFail("U+\(String(u.value, radix: 16, uppercase: true)) reached the terminal in: \(text.prefix(300))", file: file, line: line)
            return
        }
    }

    func newSession(_ extra: [String] = []) -> String {
        let r = run(["new", "--perspective", "ouderen"] + extra)
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every file under `path` with its bytes and mode, to prove a read changed nothing.
    func contents(_ path: String) -> [String: String] {
        var out: [String: String] = [:]
        let e = FileManager.default.enumerator(atPath: path)
        while let name = e?.nextObject() as? String {
            var st = stat()
            guard lstat(path + "/" + name, &st) == 0 else { continue }
            let bytes = (st.st_mode & S_IFMT) == S_IFREG ? (FileManager.default.contents(atPath: path + "/" + name) ?? Data()) : Data()
            out[name] = "\(st.st_mode) \(bytes.hashValue) \(bytes.count)"
        }
        return out
    }

    static func event(_ seq: Int, _ type: String, _ extra: String, time: String = "1795400000000", by: String = #"{"role":"facilitator","key":"f"}"#) -> String {
        #"{"v":1,"id":"hand\#(seq)","writer":"hand","seq":\#(seq),"clock":\#(seq + 10),"time":\#(time),"by":\#(by),"type":"\#(type)"\#(extra)}"# + "\n"
    }

    func write(_ text: String, to path: String) {
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)), path)
    }

    // MARK: Crashes and hangs

    func testNumbersThatWouldOverflowDamageOnlyTheirSession() {
        let good = newSession()
        let bad = newSession()
        let huge = (1...3).map { Self.event($0, "timerExtended", #","step":"opening","seconds":8999999999999999"#) }.joined()
        write(huge, to: "\(store)/\(bad)/journal-hand.jsonl")
        let times = (4...9).map { Self.event($0, $0 % 2 == 0 ? "timerStarted" : "timerPaused", #","step":"opening""#, time: $0 % 2 == 0 ? "-8999999999999999" : "8999999999999999") }.joined()
        write(times, to: "\(store)/\(bad)/journal-hand2.jsonl")
        let before = contents(store)
        let list = run(["sessions"])
        XCTAssertEqual(list.status, 0, list.error)
        XCTAssertTrue(list.output.contains(good), list.output)
        XCTAssertTrue(list.output.contains("must be between -86400 and 86400"), list.output)
        let export = run(["export", "--all", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.error)
        XCTAssertTrue(export.error.contains("session \(bad) left out"), export.error)
        XCTAssertTrue(export.output.contains(good), "the good session is still exported")
        XCTAssertEqual(run(["show", bad]).status, 0, "a damaged session still shows, read-only")
        XCTAssertEqual(contents(store), before, "reading changed no file")
    }

    func testObjectsWithHundredsOfThousandsOfKeysLoadOrFailQuickly() {
        let keys = "{" + (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let inJournal = newSession()
        write(keys + "\n", to: "\(store)/\(inJournal)/journal-keys.jsonl")
        let shown = run(["show", inJournal])
        XCTAssertEqual(shown.status, 0, shown.error)
        XCTAssertTrue(shown.error.contains("\"v\" is missing"), shown.error)
        let asSnapshot = newSession()
        write(keys, to: "\(store)/\(asSnapshot)/session.json")
        assertFails(["show", asSnapshot], "cannot be read")
        let workshops = dir + "/workshops"
        try? FileManager.default.createDirectory(atPath: workshops, withIntermediateDirectories: true)
        write(keys, to: workshops + "/keys.json")
        let listed = run(["workshops", "--workshops", workshops])
        XCTAssertEqual(listed.status, 0, listed.error)
        XCTAssertTrue(listed.error.contains("keys.json"), listed.error)
        let validated = run(["validate", workshops + "/keys.json"])
        XCTAssertEqual(validated.status, 1)
        XCTAssertLessThan(validated.error.split(separator: "\n").count, 60, "the first problems, then a count")
        let deep = dir + "/deep.json"
        write(String(repeating: "[", count: 200_000), to: deep)
        let nested = run(["validate", deep])
        XCTAssertTrue(nested.error.contains("nesting is deeper than 64 levels"), nested.error)
    }

    func testOnlyRegularFilesAreRead() throws {
        let fifoSnapshot = newSession()
        unlink("\(store)/\(fifoSnapshot)/session.json")
        XCTAssertEqual(mkfifo("\(store)/\(fifoSnapshot)/session.json", 0o600), 0)
        assertFails(["show", fifoSnapshot], "a FIFO (named pipe), not a regular file")
        let fifoJournal = newSession()
        XCTAssertEqual(mkfifo("\(store)/\(fifoJournal)/journal-x.jsonl", 0o600), 0)
        assertFails(["show", fifoJournal], "not a regular file")
        let zero = newSession()
        unlink("\(store)/\(zero)/session.json")
        XCTAssertEqual(symlink("/dev/zero", "\(store)/\(zero)/session.json"), 0)
        assertFails(["show", zero], "symbolic link")
        let list = run(["sessions"])
        XCTAssertEqual(list.status, 0, "the other sessions still list: \(list.error)")
        XCTAssertEqual(list.output.components(separatedBy: "READ-ONLY").count - 1, 3, list.output)
        let workshops = dir + "/workshops"
        try FileManager.default.createDirectory(atPath: workshops, withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(workshops + "/pipe.json", 0o600), 0)
        let listed = run(["workshops", "--workshops", workshops])
        XCTAssertEqual(listed.status, 0, listed.error)
        XCTAssertTrue(listed.error.contains("pipe.json") && listed.error.contains("not a regular file"), listed.error)
        let validated = run(["validate", workshops + "/pipe.json"])
        XCTAssertEqual(validated.status, 1)
        XCTAssertTrue(validated.error.contains("not a regular file"), validated.error)
        XCTAssertTrue(run(["validate", "/dev/zero"]).error.contains("a device, not a regular file"))
    }

    // MARK: Files written where they should not be

    func testExportsAreOwnerOnlyAndForceReplacesOnlyRegularFiles() throws {
        _ = newSession()
        let report = dir + "/report.md"
        XCTAssertEqual(run(["export", "--all", "-o", report]).status, 0)
        XCTAssertEqual(try mode(report), 0o600, "a report holds names: owner-only")
        chmod(report, 0o644)
        XCTAssertEqual(run(["export", "--all", "-o", report, "--force"]).status, 0)
        XCTAssertEqual(try mode(report), 0o600)
        let fifo = dir + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        assertFails(["export", "--all", "-o", fifo, "--force"], "a FIFO (named pipe), not a regular file; it is left alone")
        XCTAssertEqual(try kind(fifo), S_IFIFO)
        let device = dir + "/null"  // major 1, minor 3: /dev/null's twin
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
            assertFails(["export", "--all", "-o", device, "--force"], "a device, not a regular file")
            XCTAssertEqual(try kind(device), S_IFCHR)
        }
        let target = dir + "/target.txt"
        write("mine", to: target)
        XCTAssertEqual(symlink(target, dir + "/link.md"), 0)
        assertFails(["export", "--all", "-o", dir + "/link.md", "--force"], "a symbolic link, not a regular file")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "mine")
        assertFails(["export", "--all", "-o", ""], "-o needs a file name")
    }

    func mode(_ path: String) throws -> mode_t {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw Requirement.missing("no \(path)") }
        return st.st_mode & 0o7777
    }

    func kind(_ path: String) throws -> mode_t {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw Requirement.missing("no \(path)") }
        return st.st_mode & S_IFMT
    }

    func testTheStoreFollowsNoSymbolicLink() throws {
        let real = newSession()
        // A session folder that links out of the store.
        let outside = dir + "/outside"
        try FileManager.default.copyItem(atPath: "\(store)/\(real)", toPath: outside)
        let linked = "20261123-1200-ouderen-link"
        XCTAssertEqual(symlink(outside, "\(store)/\(linked)"), 0)
        let before = contents(outside)
        assertFails(["add", linked, "--kind", "note", "--text", "via de link"], "is a symbolic link")
        assertFails(["show", linked], "is a symbolic link")
        XCTAssertEqual(contents(outside), before, "nothing written outside the store")
        // A dangling .lock: compaction after `add` must not create its target.
        let target = dir + "/created-by-lock"
        XCTAssertEqual(symlink(target, "\(store)/\(real)/.lock"), 0)
        run(["add", real, "--kind", "note", "--text", "gewoon"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "the .lock link was not followed")
        XCTAssertTrue(run(["show", real]).output.contains("gewoon"), "the entry itself is saved")
    }

    func testAStoreOthersCanWriteIsReadWithAWarningAndNotWritten() throws {
        let id = newSession()
        chmod(store, 0o777)
        assertFails(["new", "--perspective", "ouderen"], "can be written by other users")
        assertFails(["add", id, "--kind", "note", "--text", "x"], "can be written by other users")
        let list = run(["sessions"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.output.contains(id))
        XCTAssertTrue(list.error.contains("warning: store") && list.error.contains("can be written by other users"), list.error)
        chmod(store, 0o700)
        guard getuid() == 0, chown(store, 4242, 4242) == 0 else { return }
        assertFails(["new", "--perspective", "ouderen"], "belongs to another user (uid 4242)")
        _ = chown(store, 0, 0)
    }

    func testJoinChecksTheNameAndTheTerminalBeforeWritingAnything() {
        let id = newSession()
        let before = contents(store)
        assertFails(["join", id, "--name", ""], "--name: Type your name first.")
        assertFails(["join", id, "--name", "Ann"], "needs a terminal")
        XCTAssertEqual(contents(store), before, "no join event, no presence lock")
    }

    // MARK: Nothing raw on a terminal

    func testNoControlCharacterFromAFileReachesTheTerminal() throws {
        let id = newSession()
        let dirty = #"\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202erood\u2066"#
        let participant = #"{"role":"participant","key":"p1","name":"Ev\u001b[1me\u0085"}"#
        var journal = Self.event(1, "participantJoined", "", by: participant)
        journal += Self.event(2, "entryAdded", #","entry":"h1","kind":"note","text":"tekst \#(dirty)","step":"opening","author":"Au\#(dirty)","status":"shown""#)
        journal += Self.event(3, "scenarioRenamed", #","scenario":"digitaal-tenzij","title":"Nieuw\#(dirty)""#)
        write(journal, to: "\(store)/\(id)/journal-hand.jsonl")
        let damaged = newSession()
        write(Self.event(4, "entryAdded", #","entry":"h2","kind":"\#(dirty)","text":"x","step":"\#(dirty)","status":"shown""#)
            + Self.event(5, #"x\#(dirty)"#, "") + #"{"v":1,"\#(dirty)":1,"\#(dirty)":2}"# + "\n", to: "\(store)/\(damaged)/journal-hand.jsonl")
        let workshops = dir + "/workshops"
        try FileManager.default.createDirectory(atPath: workshops, withIntermediateDirectories: true)
        let mini = try String(contentsOf: Binary.repo.appendingPathComponent("Tests/Fixtures/mini.json"), encoding: .utf8)
        write(mini.replacingOccurrences(of: "\"Mini workshop\"", with: "\"Mini \(dirty)\""), to: workshops + "/dirty.json")
        for args in [
            ["sessions"], ["sessions", "--json"], ["show", id], ["show", id, "--json"], ["show", damaged],
            ["export", id], ["export", id, "--format", "csv"], ["export", id, "--format", "json"], ["export", id, "--format", "html"],
            ["export", "--all"], ["workshops", "--workshops", workshops], ["validate", workshops + "/dirty.json"],
        ] {
            run(args)  // `run` fails the test on any unsafe scalar in stdout or stderr
        }
        let shown = run(["show", id])
        XCTAssertTrue(shown.output.contains("tekst 31mrood — Au31mrood"), "text is cleaned as typed text is: \(shown.output)")
        let json = run(["show", id, "--json"])
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.output.utf8)), "JSON output stays valid")
    }

    func testArgumentsEchoedInErrorsAreMadeSafe() {
        let id = newSession()
        let esc = "\u{1B}[31mX\u{9B}\u{202E}"
        assertFails(["add", id, "--kind", esc, "--text", "x"], "unknown kind \"\\u{1B}[31mX\\u{9B}\\u{202E}\"")
        assertFails(["add", id, "--kind", "note", "--text", "x", "--scenario", esc], "\\u{1B}")
        assertFails(["show", "ab\ncd"], "\"ab\\u{A}cd\" is not a session id")
        assertFails(["export", "--all", "--format", esc], "unknown format")
        assertFails(["new", "--perspective", "x", "--workshop", esc], "unknown workshop")
        assertFails(["sessions", "--bogus\(esc)"], "Unknown option")
        assertFails(["run", "--theme", esc], "unknown theme")
        run(["sessions", "--store", dir + "/store\(esc)"])
    }

    // MARK: Clear errors, in the UI language

    func testUnclearErrorsAreClear() {
        assertFails(["sessions", "--store", "/etc/passwd/x"], "/etc/passwd is not a folder")
        assertFails(["new", "--perspective", "ouderen", "--votes", "-1"], "--votes: The vote budget must be between 0 and 99.")
        let custom = run(["new", "--perspective", "bestaatniet"])
        XCTAssertEqual(custom.status, 0)
        XCTAssertTrue(custom.error.contains("custom target group") && custom.error.contains("ouderen"), custom.error)
        let quiet = run(["new", "--perspective", "bestaatniet", "--custom"])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.error, "")
    }

    func testMessagesFollowTheInterfaceLanguage() {
        let id = newSession()
        let report = dir + "/r.md"
        XCTAssertEqual(run(["export", id, "-o", report]).status, 0)
        assertFails(["export", id, "-o", report], "already exists; use --force", lang: "en_GB.UTF-8")
        assertFails(["export", id, "-o", report], "bestaat al; gebruik --force", lang: "nl_NL.UTF-8")
        assertFails(["export", id, "-o", report, "--lang", "nl"], "bestaat al")
        assertFails(["run", "--theme", "paars", "--lang", "nl"], "onbekend thema")
        assertFails(["show", "geen-sessie"], "geen sessie", lang: "nl_NL.UTF-8")
        assertFails(["sessions", "--bogus"], "fout: Onbekende optie '--bogus'", lang: "nl_NL.UTF-8")
        assertFails(["new", "--perspective", "ouderen", "--votes", "100"], "--votes: Het stembudget moet tussen 0 en 99 liggen.", lang: "nl_NL.UTF-8")
    }
}
