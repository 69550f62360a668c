import Foundation
import TestSupport
import XCTest

@testable import Room

final class HostKeyTests: XCTestCase {
    var dir = ""
    override func setUp() { dir = NSTemporaryDirectory() + "pf-hostkey-" + UUID().uuidString.prefix(8) }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testMadeOnceOwnerOnlyAndReused() throws {
        let path = RoomFiles.folder(store: dir) + "/host_ed25519"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let first = try HostKey.loadOrCreate(at: path)
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: RoomFiles.folder(store: dir))
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        let again = try HostKey.loadOrCreate(at: path)
        XCTAssertEqual(first.fingerprint, again.fingerprint, "a restart shows the same key: no warning in the room")
        XCTAssertTrue(first.fingerprint.hasPrefix("SHA256:"))
    }

    func testADamagedOrOpenKeyIsAnErrorNotOverwritten() throws {
        let path = RoomFiles.folder(store: dir) + "/host_ed25519"
        try FileManager.default.createDirectory(atPath: RoomFiles.folder(store: dir), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data("short".utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { XCTAssertTrue("\($0)".contains("damaged"), "\($0)") }
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("short".utf8))
        chmod(path, 0o644)
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { XCTAssertTrue("\($0)".contains("chmod 600"), "\($0)") }
    }

    func testFingerprintMatchesSshKeygen() throws {
        try Requirement.tool("/usr/bin/ssh-keygen", "openssh-client")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let key = try HostKey.loadOrCreate(at: dir + "/k")
        let pub = dir + "/k.pub"
        try (key.openSSHPublicKey + "\n").write(toFile: pub, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        p.arguments = ["-lf", pub]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(text.contains(key.fingerprint), "ssh-keygen: \(text), ours: \(key.fingerprint)")
    }
}

final class ChildEnvironmentTests: XCTestCase {
    func env(_ term: String?, _ locale: [String: String] = [:]) -> [String] {
        ChildEnvironment.build(term: term, locale: locale, fallbackLang: "nl_NL.UTF-8", parentPid: 42)
    }

    func testOnlyTermLanguagePathAndTheRoomMarker() {
        let e = env("xterm-256color", ["LANG": "en_GB.UTF-8", "LC_CTYPE": "UTF-8", "LD_PRELOAD": "/tmp/evil.so", "PATH": "/tmp"])
        XCTAssertEqual(Set(e), ["TERM=xterm-256color", "PATH=/usr/local/bin:/usr/bin:/bin", "PERSPECTIEF_ROOM_PARENT=42", "LANG=en_GB.UTF-8", "LC_CTYPE=UTF-8"])
    }

    func testAnUnknownOrHostileTermFallsBack() {
        XCTAssertTrue(env("no-such-terminal-xyz").contains("TERM=xterm-256color"))
        XCTAssertTrue(env("../../etc/passwd").contains("TERM=xterm-256color"))
        XCTAssertTrue(env("xterm\u{1B}]0;x").contains("TERM=xterm-256color"))
        XCTAssertTrue(env(nil).contains("TERM=xterm-256color"))
        XCTAssertTrue(env("").contains("TERM=xterm-256color"))
    }

    func testLocaleValuesAreChecked() {
        XCTAssertFalse(env("xterm", ["LANG": "nl_NL.UTF-8; rm -rf /"]).contains { $0.hasPrefix("LANG=nl_NL.UTF-8;") })
        XCTAssertTrue(env("xterm", ["LANG": "nl_NL.UTF-8; rm -rf /"]).contains("LANG=nl_NL.UTF-8"), "the bad value is dropped, the fallback used")
        XCTAssertFalse(env("xterm", ["LC_evil": "x"]).contains("LC_evil=x"))
    }

    func testNoLanguageFromTheClientGetsTheFacilitatorsLanguage() {
        XCTAssertTrue(env("xterm").contains("LANG=nl_NL.UTF-8"))
        XCTAssertFalse(env("xterm", ["LC_ALL": "en_US.UTF-8"]).contains("LANG=nl_NL.UTF-8"))
    }
}
