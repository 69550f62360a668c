import Runtime
import ArgumentParser
import Foundation
import Core
import Room

/// `--room` and its settings: participants join the session with plain `ssh`.
struct RoomFlags: ParsableArguments {
    @Flag(help: "Open the room: participants join with ssh from their own laptops.") var room = false
    @Option(help: "The room's SSH port (default 2222).") var port: Int?
    @Option(help: "The room code, 4–12 digits, spaces and dashes allowed (default: 8 made-up digits, kept with the session).")
    var code: String?
    @Flag(help: "An open room: no code asked (only on a network you trust).") var open = false
    @Option(help: ArgumentHelp("Listen on this address only (default: every interface, IPv4 and IPv6).", valueName: "addr")) var listen: String?
    @Option(name: .customLong("web-port"), help: "The port of the participant page for phones (default 8080).") var webPort: Int?
    @Flag(name: .customLong("no-web"), help: "No participant page for phones: ssh only.") var noWeb = false
    @Option(
        name: .customLong("web-tls"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "HTTPS for the phone page: a certificate the phones trust and its key (PEM).", valueName: "cert key"))
    var webTLS: [String] = []

    /// The room's settings (also for a room opened later with `o` or the wizard); each bad
    /// combination is a one-line error.
    func options(session: String?, workshopDirs: [String]) throws -> RoomOptions {
        if room && session == nil {
            throw CLIError("--room needs a session id: perspectief run SESSION --room", nl: "--room heeft een sessiecode nodig: perspectief run SESSIE --room")
        }
        if open && code != nil {
            throw CLIError("--open and --code exclude each other: an open room asks no code", nl: "--open en --code sluiten elkaar uit: een open zaal vraagt geen code")
        }
        var o = RoomOptions(workshopDirs: workshopDirs)
        if let port {
            guard (1...65535).contains(port) else { throw CLIError("--port \(port) is not a port (1–65535)", nl: "--port \(port) is geen poort (1–65535)") }
            o.port = port
        }
        if let code {
            guard let c = RoomCode(code) else { throw CLIError("--code must be 4 to 12 digits, not \(TerminalText.quoted(code))", nl: "--code moet 4 tot 12 cijfers zijn, niet \(TerminalText.quoted(code))") }
            o.code = c
        }
        o.open = open
        if noWeb && webPort != nil { throw CLIError("--no-web and --web-port exclude each other", nl: "--no-web en --web-port sluiten elkaar uit") }
        if let webPort {
            guard (1...65535).contains(webPort) else { throw CLIError("--web-port \(webPort) is not a port (1–65535)", nl: "--web-port \(webPort) is geen poort (1–65535)") }
            if webPort == o.port { throw CLIError("--web-port and --port must differ (both are \(webPort))", nl: "--web-port en --port moeten verschillen (allebei \(webPort))") }
            o.webPort = webPort
        }
        if noWeb { o.webPort = nil }
        if !webTLS.isEmpty {
            guard webTLS.count == 2 else {
                throw CLIError(
                    "--web-tls needs two files: the certificate and its key",
                    nl: "--web-tls heeft twee bestanden nodig: het certificaat en de sleutel")
            }
            if noWeb {
                throw CLIError(
                    "--no-web and --web-tls exclude each other", nl: "--no-web en --web-tls sluiten elkaar uit")
            }
            for file in webTLS where !FileManager.default.isReadableFile(atPath: file) {
                let shown = TerminalText.quoted(file)
                throw CLIError("--web-tls: cannot read \(shown)", nl: "--web-tls: kan \(shown) niet lezen")
            }
            o.webTLS = WebTLS(certificate: webTLS[0], key: webTLS[1])
        }
        if let listen {
            guard LANAddress.isAddress(listen) else { throw CLIError("--listen needs an IP address such as 127.0.0.1 or ::1, not \(TerminalText.quoted(listen))", nl: "--listen heeft een IP-adres nodig, zoals 127.0.0.1 of ::1, niet \(TerminalText.quoted(listen))") }
            o.listen = listen.hasPrefix("[") && listen.hasSuffix("]") ? String(listen.dropFirst().dropLast()) : listen
        }
        return o
    }
}
