import Core
import XCTest

final class JSONParserTests: XCTestCase {
    func error(_ s: String) -> String? {
        do { _ = try JSONParser.parse(s); return nil } catch { return error.description }
    }

    func testParsesValues() throws {
        let v = try JSONParser.parse(#"{"a": [1, -2.5, true, null, "ë\n\u00e9\ud83d\ude00"], "b": {}}"#)
        XCTAssertEqual(v["a"]?.arrayValue?.count, 5)
        XCTAssertEqual(v["a"]?.arrayValue?[1], .number(-2.5))
        XCTAssertEqual(v["a"]?.arrayValue?[4], .string("ë\né😀"))
        XCTAssertEqual(v["b"], .object(JSONObject()))
    }

    func testRefusesWhatFoundationAccepts() {
        XCTAssertEqual(error("{\"a\":1,\"a\":2}"), "line 1, column 8: duplicate key \"a\"")
        XCTAssertEqual(error("[1,2,]"), "line 1, column 6: a trailing comma is not allowed")
        XCTAssertEqual(error("\u{FEFF}{}"), "line 1, column 1: a byte-order mark is not allowed")
        XCTAssertEqual(error("{}\n{}"), "line 2, column 1: unexpected text after the end of the JSON value")
        XCTAssertEqual(error(""), "line 1, column 1: the file is empty")
        XCTAssertEqual(error("\"a\u{0}\""), "line 1, column 3: a NUL byte is not allowed")
        XCTAssertEqual(error("[01]"), "line 1, column 2: a number cannot start with 0")
        XCTAssertEqual(error("{\"x\": \"ab"), "line 1, column 7: unterminated string")
    }

    func testInvalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("{\n \"é\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        XCTAssertThrowsError(try JSONParser.parse(data: bytes)) { e in
            XCTAssertEqual((e as? JSONSyntaxError)?.description, "line 2, column 8: invalid UTF-8")
        }
    }

    func testWriterRoundTripsAnyText() throws {
        let nasty = "quote \" backslash \\ nl \n tab \t ctrl \u{1} del \u{7F} ls \u{2028} ë 😀"
        let text = JSONWriter.compact(["t": .string(nasty), "n": 42, "f": .number(0.5)])
        XCTAssertFalse(text.contains("\n"), "a journal line never contains a raw newline")
        XCTAssertEqual(try JSONParser.parse(text)["t"], .string(nasty))
        XCTAssertEqual(text, #"{"t":"quote \" backslash \\ nl \n tab \t ctrl \u0001 del \u007f ls \u2028 ë 😀","n":42,"f":0.5}"#)
    }
}
