import Core

/// The open room as the TUI knows it: what the servers last reported, and the facilitator's
/// list of who is connected (key `p`).
public struct RoomScreen: Equatable, Sendable {
    public var info: RoomInfo?
    /// The list of people is open, with this one selected.
    public var peopleSelected: Int?
    /// A question before connections are ended (leaving, closing the room).
    public var confirm: RoomConfirm?

    public init(info: RoomInfo? = nil) { self.info = info }
}

/// Keys for the room on the facilitator's session screen: `o` opens / closes the room, `i`
/// shows / hides how to join, `p` lists who is connected (`d` disconnects the selected one).
enum RoomKeys {
    /// nil: not a room key, the session screen handles it.
    static func handle(_ app: inout AppState, _ s: SessionScreen, _ key: Key) -> [Effect]? {
        let l = app.language
        if let question = app.room.confirm { return RoomConfirmKeys.answer(&app, question, key) }
        if app.room.peopleSelected == nil, let asked = RoomConfirmKeys.ask(&app, key) { return asked }
        if let sel = app.room.peopleSelected {
            let people = app.room.info?.people ?? []
            switch key {
            case .up, .char("k"): app.room.peopleSelected = max(0, sel - 1)
            case .down, .char("j"): app.room.peopleSelected = min(max(0, people.count - 1), sel + 1)
            case .char("d"), .delete:
                guard people.indices.contains(sel) else { return [] }
                let p = people[sel]
                app.notice = Notice(kind: .info, text: S.roomDisconnected(l, p.name ?? p.address))
                return [.disconnect(personId: p.id)]
            default: app.room.peopleSelected = nil
            }
            return []
        }
        switch key {
        case .char("o"):
            if app.room.info != nil { return [.closeRoom] }
            if s.readOnly != nil {
                app.notice = Notice(kind: .error, text: S.roomReadOnly[l])
                return []
            }
            return [.openRoom]
        case .char("i"):
            guard var info = app.room.info else {
                app.notice = Notice(kind: .info, text: S.roomNotOpen[l])
                return []
            }
            info.visible.toggle()
            app.room.info = info
            return [.setRoomVisible(info.visible)]
        case .char("p"):
            guard app.room.info != nil else {
                app.notice = Notice(kind: .info, text: S.roomNotOpen[l])
                return []
            }
            app.room.peopleSelected = 0
            return []
        default:
            return nil
        }
    }

    /// The full join panel is a moment: once people are in, it folds away when the
    /// facilitator moves on (the way in stays on its line); `i` brings it back.
    static func stepMoved(_ app: inout AppState, from step: String) -> Effect? {
        guard var info = app.room.info, info.visible, !info.people.isEmpty, let s = app.session, s.step.id != step else { return nil }
        info.visible = false
        app.room.info = info
        return .setRoomVisible(false)
    }

    /// A new report from the servers (nil: the room is closed).
    static func received(_ app: inout AppState, _ info: RoomInfo?) {
        if let problem = info?.problem {
            app.notice = Notice(kind: .error, text: problem)
            app.room = RoomScreen()
            return
        }
        app.room.info = info
        if info == nil { app.room.peopleSelected = nil; app.room.confirm = nil }
        if let sel = app.room.peopleSelected { app.room.peopleSelected = min(sel, max(0, (info?.people.count ?? 1) - 1)) }
    }
}

/// The join panel at the foot of the session's content: the exact line to type (in block
/// letters on a projector), the code, the host key's fingerprint, and who is connected.
enum RoomPanel {
    /// Rows the step keeps while the full panel is shown.
    static let minimumStep = 12
    /// Draws the panel at the bottom of `a` and returns what is left above it for the step:
    /// the phones' QR code at the right where it fits, the join panel beside it.
    static func draw(_ app: AppState, _ a: SessionView.Area, into b: inout CellBuffer) -> SessionView.Area {
        guard let info = app.room.info, info.visible else { return a }
        let qr = info.visible ? RoomQR.draw(app, info, a, into: &b) : (width: 0, height: 0)
        var beside = a
        beside.width -= qr.width
        var rest = drawJoin(app, info, beside, into: &b)
        if qr.width == 0, info.visible, rest.height < a.height {
            RoomQR.caption(app, info, bottom: a.y + a.height - 1, x: a.x - 1, width: a.width + 1, into: &b)
        }
        rest.width = a.width
        rest.height = min(rest.height, a.height - qr.height)
        return rest
    }

    static func drawJoin(_ app: AppState, _ info: RoomInfo, _ a: SessionView.Area, into b: inout CellBuffer) -> SessionView.Area {
        let l = app.language
        var rest = a
        // Collapsed: the way in stays on the header's second row (RoomLine).
        if !info.visible { return a }
        let line = info.sshCommand ?? ""
        let code = info.code
        let big = BigText.exactWidth(line).map { $0 + 4 <= a.width } == true && a.height >= 2 * BigText.height + 12
        let height = big ? 2 * BigText.height + 7 : 6
        // The step keeps its title, its prompt and the newest entries under the panel.
        guard a.height >= height + minimumStep else { return a }
        let y = a.y + a.height - height
        b.box(x: a.x - 1, y: y, width: a.width + 1, height: height, style: Style(.accent), title: S.roomTitle[l])
        var cy = y + 1
        b.put(Wrap.clip(S.roomTypeThis[l], width: a.width - 3), x: a.x + 1, y: cy, style: Style(.dim))
        cy += 1
        if big {
            BigText.drawExact(line, into: &b, x: a.x + 1, y: cy, maxWidth: a.width - 3, style: Style(.highlight, bold: true))
            cy += BigText.height + 1
        } else {
            b.put(Wrap.clip(line, width: a.width - 3), x: a.x + 1, y: cy, style: Style(.highlight, bold: true))
            cy += 1
        }
        // The code (big on a projector) and who is connected, side by side.
        let peopleX = a.x + max(a.width / 2, a.width - 40)
        if let code {
            b.put(S.roomCode[l] + ":", x: a.x + 1, y: cy, style: Style(.text, bold: true))
            let codeX = a.x + 2 + DisplayWidth.of(S.roomCode[l]) + 1
            if !(big && BigText.draw(code, into: &b, x: codeX, y: cy, maxWidth: peopleX - codeX - 1, style: Style(.good, bold: true))) {
                b.put(code, x: codeX, y: cy, style: Style(.good, bold: true))
            }
        } else {
            b.put(Wrap.clip(S.roomNoCode[l], width: peopleX - a.x - 2), x: a.x + 1, y: cy, style: Style(.warn, bold: true))
        }
        let fingerprintY = y + height - 2
        people(app, info, x: peopleX, y: cy, width: a.x + a.width - peopleX - 1, rows: max(1, fingerprintY - cy), into: &b)
        if let fp = info.fingerprint {
            b.put(Wrap.clip(S.roomKey[l] + ": " + fp, width: a.width - 3), x: a.x + 1, y: fingerprintY, style: Style(.dim))
        }
        rest.height -= height
        return rest
    }

    static func people(_ app: AppState, _ info: RoomInfo, x: Int, y: Int, width: Int, rows: Int, into b: inout CellBuffer) {
        let l = app.language
        guard width > 8 else { return }
        b.put(Wrap.clip(S.roomConnected(l, info.people.count), width: width), x: x, y: y, style: Style(.text, bold: true))
        guard rows > 1 else { return }
        if info.people.isEmpty {
            b.put(Wrap.clip(S.roomNobody[l], width: width), x: x, y: y + 1, style: Style(.dim))
            return
        }
        let shown = info.people.suffix(rows - 1)
        for (i, p) in shown.enumerated() {
            b.put(Wrap.clip(row(app, p, width: width), width: width), x: x, y: y + 1 + i, style: Style(.text))
        }
    }

    /// "Anne          10:02" — the name, and since when, in local time.
    static func row(_ app: AppState, _ p: RoomPerson, width: Int) -> String {
        let since = clock(p.since + app.utcOffsetMs)
        let name = Wrap.clip(p.name ?? S.roomNameless[app.language], width: max(1, width - 7))
        return name + String(repeating: " ", count: max(1, width - DisplayWidth.of(name) - 5)) + since
    }

    static func clock(_ ms: Int64) -> String {
        let minutes = (ms / 60_000) % 1440
        return Clock.format2(Int(minutes / 60)) + ":" + Clock.format2(Int(minutes % 60))
    }

    /// The list of who is connected, over the screen (key `p`).
    static func peopleOverlay(_ app: AppState, into b: inout CellBuffer) {
        guard let sel = app.room.peopleSelected, let info = app.room.info else { return }
        let l = app.language
        let w = min(b.width - 4, 70)
        let h = min(b.height - 4, max(6, info.people.count + 4))
        let x = (b.width - w) / 2, y = max(1, (b.height - h) / 2)
        b.box(x: x, y: y, width: w, height: h, style: Style(.accent), title: S.roomPeopleTitle[l] + " (\(info.people.count))")
        if info.people.isEmpty { b.put(S.roomNobody[l], x: x + 3, y: y + 2, style: Style(.dim)) }
        let rows = h - 4
        let first = max(0, sel - rows + 1)
        for (i, p) in info.people.enumerated().dropFirst(first).prefix(rows) {
            let text = row(app, p, width: w - 6 - 18) + "  " + Wrap.clip(p.via.rawValue + " " + p.address, width: 16)
            let style = i == sel ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            if i == sel { b.fill(x: x + 1, y: y + 2 + i - first, width: w - 2, height: 1, style: style) }
            b.put(text, x: x + 3, y: y + 2 + i - first, style: style)
        }
        b.centred(S.roomPeopleHint[l], y: y + h - 1, x: x, width: w, style: Style(.dim))
    }
}
