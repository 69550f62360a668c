import Core
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Turns the HTML report into a PDF. Behind a protocol so tests of the export service can
/// stand in for Chromium; the product uses `ChromiumPDF`.
public protocol PDFPrinting: Sendable {
    /// Whether printing can work here at all (said before anything is loaded or written).
    var available: Bool { get }
    func print(html: String) throws(Exporting.Failure) -> [UInt8]
}

/// Prints the HTML report to PDF with headless Chromium (Debian's `chromium`), which
/// renders the report's print CSS (A4, page breaks) as a browser would. An optional extra:
/// without Chromium, `--format pdf` says so in one line and the other formats still work.
public struct ChromiumPDF: PDFPrinting {
    public var timeoutSeconds: Double = 120
    public init() {}
    public var available: Bool { Self.chromium() != nil }

    /// The names Chromium is installed under; `PERSPECTIEF_CHROMIUM` may name another binary.
    static let candidates = ["chromium", "chromium-browser", "google-chrome"]

    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
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

    static func failed(_ en: String, _ nl: String) -> Exporting.Failure {
        Exporting.Failure(LocalizedText(nl: "kan de PDF niet afdrukken: " + nl, en: "cannot print the PDF: " + en))
    }

    /// The PDF's bytes. The HTML is written to a private folder (mode 0700) that is removed
    /// afterwards, so other users never see the report on its way to paper.
    public func print(html: String) throws(Exporting.Failure) -> [UInt8] {
        guard let binary = Self.chromium() else { throw Exporting.Failure.pdfMissing }
        var tmp = NSTemporaryDirectory()
        if !tmp.hasSuffix("/") { tmp += "/" }
        var template = Array((tmp + "perspectief-pdf-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            let why = String(cString: strerror(errno))
            throw Self.failed("no private temporary folder (\(why))", "geen eigen tijdelijke map (\(why))")
        }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let htmlPath = dir + "/report.html"
        let pdfPath = dir + "/report.pdf"
        guard FileManager.default.createFile(atPath: htmlPath, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Self.failed("cannot write \(htmlPath)", "kan \(htmlPath) niet schrijven")
        }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        var args = [
            // The outline gives the PDF its bookmarks, and the report's contents their page numbers.
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--generate-pdf-document-outline", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--user-data-dir=\(dir)/profile", "--print-to-pdf=\(pdfPath)",
        ]
        // Chromium refuses to run as root inside its sandbox (containers, CI).
        if geteuid() == 0 { args.append("--no-sandbox") }
        args.append(URL(fileURLWithPath: htmlPath).absoluteString)
        p.arguments = args
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw Self.failed("cannot start \(binary)", "kan \(binary) niet starten") }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            throw Self.failed("Chromium did not finish within \(Int(timeoutSeconds)) seconds", "Chromium was na \(Int(timeoutSeconds)) seconden niet klaar")
        }
        guard p.terminationStatus == 0 else {
            throw Self.failed("Chromium stopped with exit status \(p.terminationStatus)", "Chromium stopte met afsluitcode \(p.terminationStatus)")
        }
        guard let data = FileManager.default.contents(atPath: pdfPath), data.starts(with: Array("%PDF-".utf8)) else {
            throw Self.failed("Chromium wrote no PDF", "Chromium schreef geen PDF")
        }
        return Array(data)
    }
}
