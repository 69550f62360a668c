/// What `perspectief --version` and a report's colophon say about this build. A packaged build
/// (`make package`) compiles with `-DPERSPECTIEF_STAMPED` and a `BuildStamp.swift` the Makefile
/// writes from `VERSION` and the git commit (gitignored); a plain `swift build` has no stamp and
/// says so, rather than repeating a version number that would go stale.
enum BuildInfo {
    static var versionLine: String {
        guard let version = BuildStamp.version else { return "perspectief (development build)" }
        return "perspectief \(version) (commit \(BuildStamp.commit))"
    }

    /// The colophon's "made with": no words in it, so it reads the same in a Dutch report.
    static var reportTool: String {
        BuildStamp.version.map { "Perspectief \($0) (\(BuildStamp.commit))" } ?? "Perspectief"
    }
}

#if !PERSPECTIEF_STAMPED
enum BuildStamp {
    static let version: String? = nil
    static let commit = "unknown"
}
#endif
