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


    /// The PDF's bytes. The HTML is written to a private folder (mode 0700) that is removed
    /// afterwards, so other users never see the report on its way to paper.
    static func print(html: String, timeoutSeconds: Double = 120) throws -> [UInt8] {
        guard let binary = chromium() else { throw Messages.pdfNeedsChromium }
        var tmp = NSTemporaryDirectory()
        if !tmp.hasSuffix("/") { tmp += "/" }
        var template = Array((tmp + "perspectief-pdf-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Messages.pdfFailed("no private temporary folder (\(String(cString: strerror(errno))))") }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let htmlPath = dir + "/report.html"
        let pdfPath = dir + "/report.pdf"
        guard FileManager.default.createFile(atPath: htmlPath, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Messages.pdfFailed("cannot write \(htmlPath)")
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
        do { try p.run() } catch { throw Messages.pdfFailed("cannot start \(binary): \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            throw Messages.pdfFailed("Chromium did not finish within \(Int(timeoutSeconds)) s")
        }
        guard p.terminationStatus == 0 else { throw Messages.pdfFailed("Chromium exit status \(p.terminationStatus)") }
        guard let data = FileManager.default.contents(atPath: pdfPath), data.starts(with: Array("%PDF-".utf8)) else {
            throw Messages.pdfFailed("Chromium wrote no PDF")
        }
        return Array(data)
    }
}
