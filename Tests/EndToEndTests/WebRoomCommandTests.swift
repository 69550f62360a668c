import Foundation
import TestSupport
import XCTest

/// The web room's command-line flags: each wrong use is one line and a non-zero exit, before
/// any screen starts.
final class WebRoomCommandTests: XCTestCase {
    var store = ""
    override func setUp() { store = Binary.tempDir("webflags") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    func newSession() -> String {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen"])
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func run(_ args: [String]) -> Spawn.Result { Spawn.run([Binary.perspectief, "run", "--store", store] + args) }

    func testWrongUsesAreOneLineEach() {
        let id = newSession()
        for (args, says) in [
            ([id, "--room", "--no-web", "--web-port", "9000"], "exclude each other"),
            ([id, "--room", "--web-port", "70000"], "is not a port"),
            ([id, "--room", "--port", "9000", "--web-port", "9000"], "must differ"),
            ([id, "--room", "--web-tls", "/etc/hostname"], "needs two files"),
            ([id, "--room", "--web-tls", "/nonexistent/cert.pem", "/nonexistent/key.pem"], "cannot read"),
        ] {
            let r = run(args)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertTrue(r.error.contains(says), "\(args): \(r.error)")
            XCTAssertEqual(r.error.split(separator: "\n").count, 1, r.error)
        }
    }

    func testATakenWebPortIsOneLineThatSaysWhatToDo() throws {
        let id = newSession()
        // Something else already listens on the web port.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        listen(fd, 1)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        let taken = Int(UInt16(bigEndian: addr.sin_port))
        let sshPort = Int.random(in: 20_000...45_000)
        let r = run([id, "--room", "--listen", "127.0.0.1", "--port", "\(sshPort)", "--web-port", "\(taken)"])
        XCTAssertEqual(r.status, 1, r.output)
        XCTAssertTrue(r.error.contains("cannot serve the participant page on 127.0.0.1:\(taken): the port is already in use"), r.error)
        XCTAssertTrue(r.error.contains("--web-port") && r.error.contains("--no-web"), r.error)
        XCTAssertEqual(r.error.split(separator: "\n").count, 1, r.error)
    }
}
