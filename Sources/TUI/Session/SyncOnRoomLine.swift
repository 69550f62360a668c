import Core

/// The sync state beside the room's join line: the join line is on screen whenever the room
/// is open, so this is where the facilitator sees "offline since 10:42 (12 waiting)". Drawn
/// over the line's free middle, left of "N connected", and only where it fits whole.
enum SyncOnRoomLine {
    static func draw(_ app: AppState, _ info: RoomInfo, y: Int, into b: inout CellBuffer) {
        guard let sync = app.syncStatus, !sync.isEmpty else { return }
        let l = app.language
        let used = 1 + DisplayWidth.of(RoomLine.text(info, l, width: b.width - 2))
        let count = 2 + DisplayWidth.of(S.roomLineCount(l, info.people.count))
        let text = " " + TerminalText.safe(sync, keepLineBreaks: false) + " "
        let x = b.width - count - DisplayWidth.of(text)
        guard x >= used + 2 else { return }
        b.put(text, x: x, y: y, style: Style(.highlight, reverse: true))
    }
}

extension S {
    /// The desk's line about the event database ("Database: up to date").
    static let deskSync = t("Database:", "Database:")
}
