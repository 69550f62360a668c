import Foundation
import TestSupport
import XCTest

@testable import Room

/// `--web-tls CERT KEY`: the phone page over HTTPS with a certificate the organisation's phones
/// trust (here a throwaway one, trusted by curl explicitly). Plain HTTP then gets nothing.
final class WebTLSTests: XCTestCase {
    var f: WebFixture?
    var dir = ""

    override func setUpWithError() throws {
        try Requirement.tool("/usr/bin/openssl", "makes the test's certificate")
        try Requirement.tool("/usr/bin/curl", "loads the page over HTTPS")
        dir = NSTemporaryDirectory() + "pf-tls-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let made = Spawn.run([
            "/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        XCTAssertEqual(made.status, 0, made.error)
    }

    override func tearDown() {
        f?.cleanUp()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testThePageAndTheJoinGoOverHTTPSAndPlainHTTPGetsNothing() throws {
        let fixture = try WebFixture(tls: WebTLS(certificate: dir + "/cert.pem", key: dir + "/key.pem"))
        f = fixture
        let base = "https://127.0.0.1:\(fixture.room.port)"
        XCTAssertEqual(fixture.room.address(), base)
        let page = Spawn.run([
            "curl", "-s", "-m", "10", "--cacert", dir + "/cert.pem", "-o", "/dev/null", "-w", "%{http_code}",
            base + "/",
        ])
        XCTAssertEqual(page.output, "200", page.error)
        let join = Spawn.run([
            "curl", "-s", "-m", "10", "--cacert", dir + "/cert.pem", "-D", "-", "-H", "Content-Type: application/json",
            "-d", #"{"code":"4321","name":"Veilig"}"#, base + "/join",
        ])
        XCTAssertTrue(join.output.contains("\"ok\":true"), join.output)
        XCTAssertTrue(join.output.contains("; Secure"), "the cookie is sent over HTTPS only: \(join.output)")
        let plain = Spawn.run([
            "curl", "-s", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(fixture.room.port)/",
        ])
        XCTAssertNotEqual(plain.output, "200", "plain HTTP is not served")
    }

    func testACertificateThatCannotBeUsedIsAOneLineReason() throws {
        let wrong = WebTLS(certificate: dir + "/missing.pem", key: dir + "/key.pem")
        XCTAssertThrowsError(try wrong.context()) { error in
            XCTAssertTrue("\(error)".contains("missing.pem"), "\(error)")
        }
    }
}
