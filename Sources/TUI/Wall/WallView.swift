import Core

/// One room on the plenary wall: a session as the database holds it, its workshop (nil when
/// not installed here) and the laptop that sends it.
public struct WallRoom: Sendable {
    public var state: SessionState
    public var workshop: Workshop?
    public var laptop: String
    /// When the room last saved something (ms since 1970); nil when not known.
    public var lastHeard: Int64?

    public init(state: SessionState, workshop: Workshop?, laptop: String, lastHeard: Int64? = nil) {
        self.state = state
        self.workshop = workshop
        self.laptop = laptop
        self.lastHeard = lastHeard
    }

    /// Five minutes without a saved event while not closed: the organiser should look.
    public static let quietAfterMs: Int64 = 5 * 60_000

    func isQuiet(now: Int64) -> Bool {
        guard let heard = lastHeard, heard > 0, !state.closed else { return false }
        return now - heard >= Self.quietAfterMs
    }
}

/// Everything the wall shows at one moment.
public struct WallInput: Sendable {
    public var event: String
    public var rooms: [WallRoom]
    public var now: Int64
    public var utcOffsetMs: Int64
    public var language: Language
    /// The database's state in a few words ("live", "offline since 10:42"); nil when live.
    public var problem: String?
    /// Sessions the database holds that cannot be read (damaged, unknown events).
    public var leftOut: Int
    /// Their ids, so the organiser knows which room to ask.
    public var leftOutSessions: [String]

    public init(
        event: String, rooms: [WallRoom], now: Int64, utcOffsetMs: Int64 = 0, language: Language,
        problem: String? = nil, leftOut: Int = 0,
        leftOutSessions: [String] = []
    ) {
        self.event = event
        self.rooms = rooms
        self.now = now
        self.utcOffsetMs = utcOffsetMs
        self.language = language
        self.problem = problem
        self.leftOut = leftOut
        self.leftOutSessions = leftOutSessions
    }
}

/// The plenary wall: every room of the event at a glance, the 2×2 of scenarios filling across
/// groups, and the insights that hold in every world for more than one group. A pure view:
/// what it draws depends on `WallInput` alone, so tests read it as text.
public enum WallView {
    public static let minWidth = 60
    public static let minHeight = 16

    public static func view(_ w: WallInput, width: Int, height: Int) -> CellBuffer {
        var b = CellBuffer(width: width, height: height)
        draw(w, into: &b)
        return b
    }

    public static func draw(_ w: WallInput, into b: inout CellBuffer) {
        let l = w.language
        guard b.width >= minWidth, b.height >= minHeight else {
            b.centred(
                L(
                    nl: "Maak het venster minstens \(minWidth)×\(minHeight)",
                    en: "Make the window at least \(minWidth)×\(minHeight)")[l], y: b.height / 2)
            return
        }
        header(w, into: &b)
        let synthesis = WallSynthesis(w.rooms)
        let roomRows = min(max(1, w.rooms.count), max(3, (b.height - 4) / 3))
        var y = 2
        y = rooms(w, synthesis, rows: roomRows, y: y, into: &b)
        y += 1
        let rest = b.height - y - 1
        guard rest >= 6, let s = synthesis.synthesis else {
            if w.rooms.isEmpty {
                b.centred(
                    L(
                        nl: "Nog geen zalen: start een sessie met --sync",
                        en: "No rooms yet: start a session with --sync")[l], y: y + 1, style: Style(.dim))
            }
            return
        }
        let shared = s.shared.filter { $0.perspectives.count > 1 }
        if b.width >= 120 {
            let right = min(56, b.width / 3)
            matrix(w, s, x: 0, y: y, width: b.width - right - 1, height: rest, into: &b)
            b.vline(x: b.width - right - 1, y: y, height: rest)
            koersvast(w, shared, s, x: b.width - right + 1, y: y, width: right - 2, height: rest, into: &b)
        } else {
            let lower = min(max(3, shared.count + 1), rest / 3)
            matrix(w, s, x: 0, y: y, width: b.width, height: rest - lower, into: &b)
            koersvast(w, shared, s, x: 1, y: y + rest - lower, width: b.width - 2, height: lower, into: &b)
        }
    }

    static func header(_ w: WallInput, into b: inout CellBuffer) {
        let l = w.language
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.inverse))
        let people = w.rooms.reduce(0) { $0 + $1.state.participants.count }
        let entries = w.rooms.reduce(0) { $0 + $1.state.liveEntries.count }
        let title = w.event.isEmpty ? L(nl: "Plenaire wand", en: "Plenary wall")[l] : w.event
        let left =
            " \(title) · "
            + L(
                nl: "\(w.rooms.count) zalen · \(people) mensen · \(entries) bijdragen",
                en: "\(w.rooms.count) rooms · \(people) people · \(entries) entries")[l]
        let time = clock(w.now + w.utcOffsetMs, seconds: true)
        let right = (w.problem ?? L(nl: "live", en: "live")[l]) + " " + time + " "
        b.put(
            Wrap.clip(left, width: b.width - DisplayWidth.of(right) - 2), x: 0, y: 0, style: Style(.inverse, bold: true)
        )
        b.put(
            right, x: b.width - DisplayWidth.of(right), y: 0,
            style: w.problem == nil ? Style(.inverse, bold: true) : Style(.bad, bold: true, reverse: true))
        if w.leftOut > 0 {
            let names = w.leftOutSessions.map { TerminalText.safe($0, keepLineBreaks: false) }.joined(separator: ", ")
            let text = L(
                nl: "\(w.leftOut) sessies onleesbaar in de database",
                en: "\(w.leftOut) sessions in the database cannot be read")[l]
            b.put(
                Wrap.clip(text + (names.isEmpty ? "" : ": " + names), width: b.width - 2), x: 1, y: 1,
                style: Style(.warn))
        }
    }

    /// One line per room: group, step, timer, people, entries, laptop.
    static func rooms(_ w: WallInput, _ s: WallSynthesis, rows: Int, y top: Int, into b: inout CellBuffer) -> Int {
        let l = w.language
        // Fixed columns on the right (the laptop only where there is room); the step takes the rest.
        let laptopW = b.width >= 100 ? 20 : 0
        let entriesX = b.width - laptopW - 11
        let peopleX = entriesX - 8
        let timerX = peopleX - 11
        let groupW = min(36, b.width / 4)
        let cols = [0, groupW, timerX, peopleX, entriesX, b.width - laptopW]
        let heads = [
            L(nl: "groep", en: "group"), L(nl: "stap", en: "step"), L(nl: "tijd", en: "timer"),
            L(nl: "mensen", en: "people"),
            L(nl: "bijdragen", en: "entries"), L(nl: "gehoord · laptop", en: "heard · laptop"),
        ]
        for (i, h) in heads.enumerated() where i < 5 || laptopW > 0 {
            b.put(h[l], x: cols[i] + 1, y: top, style: Style(.dim))
        }
        let sorted = w.rooms.sorted {
            ($0.groupName(l), $0.state.setup.sessionId) < ($1.groupName(l), $1.state.setup.sessionId)
        }
        var y = top + 1
        // More rooms than rows: pages that turn by themselves every 8 seconds (by the clock
        // the input carries, so the same input draws the same page).
        var shown = sorted[...]
        var pageLine: String?
        if sorted.count > rows, rows > 1 {
            let per = rows - 1
            let pages = (sorted.count + per - 1) / per
            let page = Int((w.now / 8000) % Int64(pages))
            shown = sorted[(page * per)..<min(sorted.count, (page + 1) * per)]
            pageLine =
                L(
                    nl:
                        "zalen \(page * per + 1)–\(page * per + shown.count) van \(sorted.count) · pagina \(page + 1)/\(pages)",
                    en:
                        "rooms \(page * per + 1)–\(page * per + shown.count) of \(sorted.count) · page \(page + 1)/\(pages)"
                )[l]
        }
        defer { if let pageLine { b.put(pageLine, x: 1, y: top + rows, style: Style(.dim)) } }
        for room in shown {
            let quiet = room.isQuiet(now: w.now)
            let heard = room.lastHeard.map { clock($0 + w.utcOffsetMs, seconds: false) }
            // A quiet room says since when instead of running its timer into red overtime;
            // a closed room is dimmed whole.
            let step =
                quiet
                ? L(nl: "stil · laatst gehoord \(heard ?? "")", en: "quiet · last heard \(heard ?? "")")[l]
                : room.stepTitle(l)
            let timer = quiet ? (text: "", over: false) : room.timerText(now: w.now, l)
            let dim = room.state.closed
            let name =
                room.groupName(l)
                + (room.state.setup.title.isEmpty
                    ? "" : " · " + TerminalText.safe(room.state.setup.title, keepLineBreaks: false))
            b.put(
                Wrap.clip(name, width: cols[1] - cols[0] - 2), x: cols[0] + 1, y: y,
                style: dim ? Style(.dim) : Style(.accent, bold: true))
            b.put(
                Wrap.clip(step, width: cols[2] - cols[1] - 2), x: cols[1] + 1, y: y,
                style: quiet ? Style(.warn, bold: true) : (dim ? Style(.dim) : .plain))
            b.put(timer.text, x: cols[2] + 1, y: y, style: timer.over ? Style(.bad, bold: true) : .plain)
            b.put("\(room.state.participants.count)", x: cols[3] + 1, y: y, style: dim ? Style(.dim) : .plain)
            b.put("\(room.state.liveEntries.count)", x: cols[4] + 1, y: y, style: dim ? Style(.dim) : .plain)
            if laptopW > 0 {
                let where_ = (heard.map { $0 + " " } ?? "") + room.laptop
                b.put(Wrap.clip(where_, width: laptopW - 2), x: cols[5] + 1, y: y, style: Style(.dim))
            }
            y += 1
        }
        return pageLine == nil ? y : top + rows + 1
    }

    /// The four worlds as a 2×2 by the workshop's axes, each with its newest implications.
    static func matrix(
        _ w: WallInput, _ s: Synthesis, x: Int, y: Int, width: Int, height: Int, into b: inout CellBuffer
    ) {
        let l = w.language
        let ws = s.workshop
        let halfW = width / 2
        let halfH = height / 2
        for (i, scenario) in ws.scenarios.prefix(4).enumerated() {
            let (col, row) = WallSynthesis.quadrant(scenario, in: ws, fallback: i)
            let bx = x + col * halfW
            let by = y + row * halfH
            let bw = col == 0 ? halfW : width - halfW
            let bh = row == 0 ? halfH : height - halfH
            let summary = s.scenarios.first { $0.scenarioId == scenario.id }
            let items = (summary?.byPerspective ?? []).flatMap { pair in pair.implications.map { (pair.key, $0) } }
            b.box(
                x: bx, y: by, width: bw, height: bh,
                title: Wrap.clip(" \(scenario.title[l]) (\(items.count)) ", width: bw - 4))
            var line = by + 1
            let perGroup = (summary?.byPerspective ?? []).filter { !$0.implications.isEmpty }
                .map { pair in "\(name(pair.key, s, l)) \(pair.implications.count)" }
            if !perGroup.isEmpty {
                b.put(
                    Wrap.clip(perGroup.joined(separator: " · "), width: bw - 4), x: bx + 2, y: line, style: Style(.dim))
                line += 1
            }
            let newest = items.sorted { ($0.1.entry.createdAt, $0.1.entry.id) > ($1.1.entry.createdAt, $1.1.entry.id) }
            for (key, item) in newest where line < by + bh - 1 {
                let group = name(key, s, l)
                // The group first: a long entry is cut, never the name of who said it.
                // Wrapped onto at most three lines where the box has room; the newest first.
                let lead = "• " + group + ": "
                let indent = DisplayWidth.of(lead)
                var parts = Wrap.lines(item.entry.text, width: max(1, bw - 4 - indent))
                let room = by + bh - 1 - line
                if parts.count > min(3, room) {
                    let keep = max(1, min(3, room))
                    parts =
                        Array(parts.prefix(keep - 1)) + [
                            Wrap.clip(parts[(keep - 1)...].joined(separator: " "), width: max(1, bw - 4 - indent))
                        ]
                }
                b.put(lead, x: bx + 2, y: line, style: Style(.accent))
                for part in parts {
                    b.put(part, x: bx + 2 + indent, y: line)
                    line += 1
                }
            }
        }
    }

    static func koersvast(
        _ w: WallInput, _ shared: [SharedInsight], _ s: Synthesis, x: Int, y: Int, width: Int, height: Int,
        into b: inout CellBuffer
    ) {
        let l = w.language
        b.put(
            Wrap.clip(
                L(
                    nl: "Koersvast in meer dan één groep (\(shared.count))",
                    en: "Koersvast in more than one group (\(shared.count))")[l], width: width), x: x, y: y,
            style: Style(.accent, bold: true))
        var line = y + 1
        if shared.isEmpty {
            b.put(Wrap.clip(L(nl: "nog geen", en: "none yet")[l], width: width), x: x, y: line, style: Style(.dim))
            return
        }
        for insight in shared where line < y + height {
            let groups = insight.perspectives.map { name($0, s, l) }
            let text = "✓ " + insight.label + " — " + groups.joined(separator: ", ")
            for part in Wrap.lines(text, width: width).prefix(max(1, min(2, y + height - line))) {
                b.put(part, x: x, y: line, style: Style(.good))
                line += 1
            }
        }
    }

    /// The header's state when the database has gone quiet: "stil sinds 10:42".
    public static func silentSince(_ time: String) -> LocalizedText {
        L(nl: "stil sinds \(time)", en: "silent since \(time)")
    }

    static func name(_ key: PerspectiveKey, _ s: Synthesis, _ l: Language) -> String {
        s.perspectives.first { $0.key == key }?.name[l] ?? key.code
    }

    static func clock(_ ms: Int64, seconds: Bool) -> String {
        let day = Int((ms % 86_400_000 + 86_400_000) % 86_400_000) / 1000
        let hm = Clock.format2(day / 3600) + ":" + Clock.format2(day / 60 % 60)
        return seconds ? hm + ":" + Clock.format2(day % 60) : hm
    }
}

private func L(nl: String, en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }
