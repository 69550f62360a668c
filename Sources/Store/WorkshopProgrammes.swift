import Core

/// Workshops that claim the same study must agree on what its sessions share — the
/// scenarios (ids and places in the 2×2) and the development directions — or their sessions
/// cannot be read as one programme. A disagreement is a one-line problem naming both files;
/// both workshops still load (a report then reads them apart), nothing is hidden.
extension WorkshopCatalog {
    static func programmeProblems(_ files: [(path: String, workshop: Workshop)]) -> [WorkshopError] {
        var problems: [WorkshopError] = []
        for (n, b) in files.enumerated() {
            for a in files[..<n] where a.workshop.programme == b.workshop.programme {
                if let problem = problem(b.path, b.workshop, against: a.path, a.workshop) { problems.append(problem) }
            }
        }
        return problems
    }

    /// `file`'s workshop against every other workshop found that claims its study: the first
    /// disagreement, or nil. For `validate`.
    public static func programmeProblem(file: String, workshop: Workshop, extraDirectories: [String] = [])
        -> WorkshopError?
    {
        for dir in extraDirectories + defaultDirectories() {
            for name in (POSIXFile.list(dir) ?? []).sorted() where name.hasSuffix(".json") {
                let path = dir + "/" + name
                guard case .success(let other) = loadFile(path), other.id != workshop.id,
                    other.programme == workshop.programme
                else { continue }
                if let problem = problem(file, workshop, against: path, other) { return problem }
            }
        }
        return nil
    }

    static func problem(_ path: String, _ w: Workshop, against otherPath: String, _ other: Workshop) -> WorkshopError? {
        guard let reason = Programme.disagreement(other, w) else { return nil }
        return WorkshopError(
            file: path,
            problems: [
                Problem(
                    path: "$.study",
                    message: "claims study \"\(w.programme)\" like \(otherPath), but they disagree: \(reason)")
            ])
    }
}
