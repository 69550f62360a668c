import ArgumentParser
import Core
import Foundation
import Sync

/// `perspectief event status --from URL [--event NAME] [--json]`: the organiser's room list.
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "The organiser's view of an event's rooms in the database (docs/DATABASE.md).",
        subcommands: [EventStatusCommand.self])
}

struct EventStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "List the rooms: event, laptop, login, first seen, last event, events.")

    @Option(help: ArgumentHelp("The event database (an organiser's login).", valueName: "postgres://…")) var from:
        String
    @Option(help: "Only the rooms of this event.") var event: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let url = try SyncOptions.parse(from)
        let list: [EventStatus]
        do { list = try EventStatus.read(url, event: event) } catch { throw SyncOptions.cli(error) }
        if json {
            print(EventStatus.json(list))
            return
        }
        for r in list {
            let fields = [
                r.event, r.session, r.laptop, r.login, WallScreenInput.hhmm(r.firstSeenMs),
                WallScreenInput.hhmm(r.lastEventMs), "\(r.events)",
            ]
            print(fields.map { TerminalText.safe($0, keepLineBreaks: false) }.joined(separator: "\t"))
        }
    }
}
