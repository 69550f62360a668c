import ArgumentParser

/// The command line. Subcommands only parse arguments and wire the layers together.
@main
struct Perspectief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perspectief",
        abstract: "Run perspective-flip workshop sessions in the terminal (Toekomstverkenning Publieke Dienstverlening 2035).",
        discussion: """
            With no subcommand, opens the home screen: the workshops, recent sessions, a new session.
            Sessions are stored under $XDG_DATA_HOME/perspectief (or ~/.local/share/perspectief);
            --store DIR or PERSPECTIEF_STORE chooses another folder.
            """,
        version: BuildInfo.versionLine,
        subcommands: [
            RunCommand.self, JoinCommand.self, DeskCommand.self, NewCommand.self, AddCommand.self, ShowCommand.self, SessionsCommand.self,
            ReviewCommand.self, ExportCommand.self, WorkshopsCommand.self, ValidateCommand.self,
            PackCommand.self, UnpackCommand.self, ImportCommand.self, SummaryCommand.self, DBCommand.self, SyncCommand.self, WallCommand.self,
            GroupsCommand.self, MessagesCommand.self, EventCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
