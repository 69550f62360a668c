import Core
import Store

/// Starts the ncurses front end. Until the screens land, explain instead of failing silently.
enum Interactive {
    static func facilitator(store: StoreOptions, workshops: WorkshopOptions, session: String?, lang: String?, theme: String?) throws {
        throw CLIError("the interactive screen is not available in this build yet; use `perspectief --help`")
    }

    static func participant(store: StoreOptions, workshops: WorkshopOptions, session: String?, name: String?, lang: String?, theme: String?) throws {
        throw CLIError("joining is not available in this build yet; use `perspectief --help`")
    }
}
