import Core

extension S {
    static let roomLineCode = t("code", "code")
    static let roomLineOpen = t("geen code", "no code")
    static func roomLineCount(_ l: Language, _ n: Int) -> String { l == .nl ? "\(n) verbonden" : "\(n) connected" }
}

/// The room's way in on one line, kept on every screen while the room is open (as
/// Mentimeter keeps "menti.com · 1234 5678" on every slide): latecomers always find it,
/// and the full join panel can stay a moment rather than a fixture.
enum RoomLine {
    /// "ssh -p 2222 zaal@192.168.1.20 · code 4821 · http://192.168.1.20:8080", as much of it
    /// as fits in `width`: the ssh line and the code first, the page's address when it fits.
    static func text(_ info: RoomInfo, _ l: Language, width: Int) -> String {
        if info.joinsStopped { return S.joinsStoppedLine[l] }
        var parts: [String] = []
        if let ssh = info.sshCommand { parts.append(ssh) }
        parts.append(info.code.map { S.roomLineCode[l] + " " + $0 } ?? S.roomLineOpen[l])
        var line = parts.joined(separator: " · ")
        if let web = info.webAddress, DisplayWidth.of(line + " · " + web) <= width { line += " · " + web }
        return line
    }

    /// Draws the line on row `y` across the screen, with how many are connected at the right.
    static func draw(_ app: AppState, _ info: RoomInfo, y: Int, into b: inout CellBuffer) {
        let l = app.language
        let count = " " + S.roomLineCount(l, info.people.count) + " "
        let line = " " + text(info, l, width: b.width - 2)
        b.fill(x: 0, y: y, width: b.width, height: 1, style: Style(.highlight, reverse: true))
        b.put(Wrap.clip(line, width: b.width), x: 0, y: y, style: Style(.highlight, bold: true, reverse: true))
        if DisplayWidth.of(line) + DisplayWidth.of(count) + 2 <= b.width {
            b.put(count, x: b.width - DisplayWidth.of(count), y: y, style: Style(.highlight, reverse: true))
        }
    }
}

extension S {
    /// The entry list's heading when the facilitator scrolled up and newer entries came in.
    static func newerBelow(_ l: Language, _ n: Int) -> String {
        l == .nl ? "↓ \(n) nieuwer · G volgt" : "↓ \(n) newer · G follows"
    }
}
