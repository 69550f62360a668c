import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Prints the HTML report to PDF with headless Chromium (Debian's `chromium`), which
/// renders the report's print CSS (A4, page breaks) as a browser would. An optional extra:
/// without Chromium, `--format pdf` says so in one line and the other formats still work.
enum PDFPrinter {
    /// The names Chromium is installed under; `PERSPECTIEF_CHROMIUM` may name another binary.
    static let candidates = ["chromium", "chromium-browser", "google-chrome"]

    static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["PERSPECTIEF_CHROMIUM"], !chosen.isEmpty {
            return access(chosen, X_OK) == 0 ? chosen : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in candidates {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let full = "\(dir)/\(name)"
                if access(full, X_OK) == 0 { return full }
            }
        }
        return nil
    }

    static let missing = CLIError(
        "PDF needs Chromium, which is not installed: apt-get install chromium (or export --format html and print that from a browser)",
        nl: "voor PDF is Chromium nodig, en dat is niet geïnstalleerd: apt-get install chromium (of exporteer --format html en druk dat af vanuit een browser)")
    static let needsFile = CLIError(
        "--format pdf writes a file: name it with --output FILE.pdf", nl: "--format pdf schrijft een bestand: geef het aan met --output BESTAND.pdf")
    /// As SafeFile says it, before the seconds of printing rather than after.
    static func exists(_ path: String) -> CLIError {
        CLIError("\(path) already exists; use --force to replace it", nl: "\(path) bestaat al; gebruik --force om het te vervangen")
    }
    static func failed(_ en: String, _ nl: String) -> CLIError { CLIError("cannot print the PDF: " + en, nl: "kan de PDF niet afdrukken: " + nl) }

    /// The PDF's bytes. The HTML is written to a private folder (mode 0700) that is removed
    /// afterwards, so other users never see the report on its way to paper.
    static func print(html: String, timeoutSeconds: Double = 120) throws -> [UInt8] {
        guard let binary = chromium() else { throw missing }
        var tmp = NSTemporaryDirectory()
        if !tmp.hasSuffix("/") { tmp += "/" }
        var template = Array((tmp + "perspectief-pdf-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            let why = String(cString: strerror(errno))
            throw failed("no private temporary folder (\(why))", "geen eigen tijdelijke map (\(why))")
        }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let htmlPath = dir + "/report.html"
        let pdfPath = dir + "/report.pdf"
        guard FileManager.default.createFile(atPath: htmlPath, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw failed("cannot write \(htmlPath)", "kan \(htmlPath) niet schrijven")
        }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        var args = [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--user-data-dir=\(dir)/profile", "--print-to-pdf=\(pdfPath)",
        ]
        // Chromium refuses to run as root inside its sandbox (containers, CI).
        if geteuid() == 0 { args.append("--no-sandbox") }
        args.append(URL(fileURLWithPath: htmlPath).absoluteString)
        p.arguments = args
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw failed("cannot start \(binary)", "kan \(binary) niet starten") }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            throw failed("Chromium did not finish within \(Int(timeoutSeconds)) seconds", "Chromium was na \(Int(timeoutSeconds)) seconden niet klaar")
        }
        guard p.terminationStatus == 0 else {
            throw failed("Chromium stopped with exit status \(p.terminationStatus)", "Chromium stopte met afsluitcode \(p.terminationStatus)")
        }
        guard let data = FileManager.default.contents(atPath: pdfPath), data.starts(with: Array("%PDF-".utf8)) else {
            throw failed("Chromium wrote no PDF", "Chromium schreef geen PDF")
        }
        return Array(data)
    }
}
