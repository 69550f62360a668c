import Core

extension S {
    static let roomPhone = t("Met je telefoon:", "With your phone:")
    static func roomPhoneLine(_ l: Language, _ address: String) -> String {
        l == .nl ? " telefoon: \(address) " : " phone: \(address) "
    }
}

/// The participant page's way in, beside the join panel: the address and its QR code in half
/// blocks, big enough to scan from a few metres on a projector. Where the screen is too small
/// for the code, the address goes on the panel's lower edge instead.
enum RoomQR {
    /// The rows of the code, or nil when the room has no page for phones.
    static func rows(_ app: AppState, _ info: RoomInfo) -> [String]? {
        guard let qr = info.qr, info.webAddress != nil else { return nil }
        // Scanners want dark modules on light: on a dark theme the light modules are the ink.
        return QRBlocks.rows(qr, quiet: 2, inkIsDark: app.theme == .light)
    }

    /// Draws the code at the bottom right of `a` when it fits beside a useful panel; returns
    /// the columns and rows it took (zero when it did not fit).
    static func draw(_ app: AppState, _ info: RoomInfo, _ a: SessionView.Area, into b: inout CellBuffer) -> (width: Int, height: Int) {
        guard let rows = rows(app, info), let address = info.webAddress else { return (0, 0) }
        let qrWidth = rows.first.map(DisplayWidth.of) ?? 0
        let width = max(qrWidth, min(40, DisplayWidth.of(address)))
        let height = rows.count + 2
        guard a.height >= height + RoomPanel.minimumStep + 2, a.width >= width + 50 else { return (0, 0) }
        let x = a.x + a.width - width
        let y = a.y + a.height - height
        b.put(Wrap.clip(S.roomPhone[app.language], width: width), x: x, y: y, style: Style(.dim))
        b.put(Wrap.clip(address, width: width), x: x, y: y + 1, style: Style(.highlight, bold: true))
        for (i, row) in rows.enumerated() { b.put(row, x: x, y: y + 2 + i, style: Style(.text)) }
        return (width + 2, height)
    }

    /// The address on the panel's lower edge, for screens too small for the code.
    static func caption(_ app: AppState, _ info: RoomInfo, bottom y: Int, x: Int, width: Int, into b: inout CellBuffer) {
        guard let address = info.webAddress else { return }
        let text = S.roomPhoneLine(app.language, address)
        guard DisplayWidth.of(text) + 4 <= width else { return }
        b.put(text, x: x + 2, y: y, style: Style(.highlight, bold: true))
    }
}
