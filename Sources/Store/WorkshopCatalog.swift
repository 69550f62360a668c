import Core
import Foundation

/// Finds and loads the workshops: the ones shipped with Perspectief and any extra folders.
public enum WorkshopCatalog {
    /// The shipped workshop is about 60 KB; a workshop file past this is not one.
    public static let maxFileBytes = 16 << 20

    /// The Debian package's folder of shipped workshops (`make package`).
    public static let systemDirectory = "/usr/share/perspectief/workshops"

    /// Where shipped workshops are looked for, first match wins per workshop id:
    /// `PERSPECTIEF_WORKSHOPS`; a `Workshops/` folder found walking up from the executable
    /// (a development build in `.build/…`); `share/perspectief/Workshops` or `…/workshops`
    /// beside an installed binary (`/usr/bin` of the package, `bin/` of the tarball); the source
    /// tree this was built from; `systemDirectory`.
    public static func defaultDirectories(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var dirs: [String] = []
        if let env = environment["PERSPECTIEF_WORKSHOPS"], !env.isEmpty { dirs.append(env) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Workshops").path
            if POSIXFile.isDirectory(candidate) { dirs.append(candidate); break }
            dir = dir.deletingLastPathComponent()
        }
        let prefix = exe.deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["share/perspectief/Workshops", "share/perspectief/workshops"] {
            let installed = prefix.appendingPathComponent(folder).path
            if POSIXFile.isDirectory(installed) { dirs.append(installed) }
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Workshops").path
        if POSIXFile.isDirectory(source) { dirs.append(source) }
        // Where the Debian package puts them, for a binary copied or linked elsewhere.
        if POSIXFile.isDirectory(systemDirectory) { dirs.append(systemDirectory) }
        var seen = Set<String>()
        return dirs.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// Every workshop in the default folders and `extraDirectories`; files that do not
    /// load are returned as problems, never hidden.
    public static func load(extraDirectories: [String] = []) -> (workshops: [Workshop], problems: [WorkshopError]) {
        var workshops: [Workshop] = []
        var problems: [WorkshopError] = []
        var ids = Set<String>()
        var files: [(path: String, workshop: Workshop)] = []
        for dir in extraDirectories + defaultDirectories() {
            guard let names = POSIXFile.list(dir) else {
                if extraDirectories.contains(dir) {
                    problems.append(WorkshopError(file: dir, problems: [Problem(path: "$", message: "folder not found")]))
                }
                continue
            }
            for name in names.sorted() where name.hasSuffix(".json") {
                let path = dir + "/" + name
                switch loadFile(path) {
                case .success(let w):
                    if ids.insert(w.id).inserted {
                        workshops.append(w)
                        files.append((path, w))
                    }
                case .failure(let e):
                    problems.append(e)
                }
            }
        }
        problems += programmeProblems(files)
        // The study's own workshop leads: it is what `make run` is for.
        let preferred = "publieke-dienstverlening-2035"
        workshops.sort { ($0.id == preferred ? 0 : 1, $0.id) < ($1.id == preferred ? 0 : 1, $1.id) }
        return (workshops, problems)
    }

    /// One workshop file: loaded and validated, or every problem with it.
    public static func loadFile(_ path: String) -> Result<Workshop, WorkshopError> {
        let bytes: [UInt8]?
        // Workshop folders may link files in; what is read must still be a regular file.
        do { bytes = try POSIXFile.read(path, followLinks: true, limit: WorkshopCatalog.maxFileBytes) } catch {
            return .failure(WorkshopError(file: path, problems: [Problem(path: "$", message: error.message)]))
        }
        guard let bytes else {
            return .failure(WorkshopError(file: path, problems: [Problem(path: "$", message: "file not found")]))
        }
        do { return .success(try WorkshopLoader.load(bytes: bytes, file: path)) } catch { return .failure(error) }
    }
}
