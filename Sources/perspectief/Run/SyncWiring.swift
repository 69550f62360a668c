import Core
import Foundation
import Store
import Sync

/// `run SESSION --sync URL` (or PERSPECTIEF_SYNC): what the runtime needs to stream a live
/// session to the event database beside the room.
///
/// The runtime calls `start` once the session is open, `nudge()` after each saved event (or
/// not: the worker also looks every second), shows `status.text(…)` in a corner of the
/// facilitator's screen, and calls `stop()` on the way out. Nothing here ever blocks the room.
struct SyncTarget {
    let url: DatabaseURL
    let options: Syncer.Options

    func start(storeRoot: String, session: String) -> SyncWorker {
        SyncWorker.start(store: storeRoot, sessionId: session, url: url, options: options, now: Clock.nowMs)
    }
}

enum SyncWiring {
    static let needsSession = CLIError(
        "--sync streams one session: name it (perspectief run SESSION --sync URL)",
        nl: "--sync stuurt één sessie door: noem die (perspectief run SESSIE --sync URL)")

    /// The target from the flag or the environment, checked before any screen starts
    /// (a bad URL is one line, not a surprise mid-session); nil when no sync was asked for.
    static func target(flag: String?, event: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SyncTarget? {
        guard let text = flag ?? environment["PERSPECTIEF_SYNC"], !text.isEmpty else { return nil }
        let url = try SyncOptions.parse(text)
        let options = Syncer.Options(eventName: event ?? environment["PERSPECTIEF_EVENT"] ?? "", laptop: ProcessInfo.processInfo.hostName)
        return SyncTarget(url: url, options: options)
    }

    /// The status line for the facilitator's screen: "sync: up to date" / "sync: 12 waiting" /
    /// "sync: offline since 10:42".
    static func line(_ worker: SyncWorker, language: Language) -> String {
        "sync: " + worker.status.text(language) { ms in
            let f = DateFormatter()
            f.dateFormat = "HH:mm"
            f.timeZone = .current
            return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
        }
    }
}
