import Foundation
import XCTest

/// What a test needs from the machine (a tool, a capability). On a developer's machine a
/// missing one skips the test with the reason; on CI (`CI=true`) it fails it, so a green run
/// always means the test ran.
public struct Missing: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

public enum Requirement {
    public static var strict: Bool { ["true", "1", "yes"].contains((ProcessInfo.processInfo.environment["CI"] ?? "").lowercased()) }

    /// The error to throw when `what` is missing: a skip, or under CI a failure.
    public static func missing(_ what: String, file: StaticString = #filePath, line: UInt = #line) -> Error {
        if strict {
            XCTFail("CI=true and \(what) (make setup installs what the tests need)", file: file, line: line)
            return Missing(description: what)
        }
        return XCTSkip(what)
    }

    /// An executable the test runs, by its full path.
    public static func tool(_ path: String, _ why: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if !FileManager.default.isExecutableFile(atPath: path) { throw missing("\(path) is not installed (\(why))", file: file, line: line) }
    }
}
