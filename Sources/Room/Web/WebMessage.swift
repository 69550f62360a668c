import Core

/// What a page may ask over its socket: only a participant's own actions.
enum WebAction: Equatable, Sendable {
    case add(text: String)
    case edit(id: String, text: String)
    case remove(id: String)
    case vote(id: String)
    case unvote(id: String)
    /// A seat at a table of the table round.
    case chooseTable(id: String)
}

/// The socket's messages, both ways, as JSON text. Everything the server sends is data for the
/// page to put into text nodes; nothing is markup.
enum WebMessage: Equatable {
    case action(rid: String, WebAction)
    case invalid(LocalizedText)

    static func parse(_ text: String) -> WebMessage {
        guard let value = try? JSONParser.parse(text), let o = value.objectValue else { return .invalid(malformed) }
        guard let rid = o["rid"]?.stringValue, validRequestID(rid) else { return .invalid(malformed) }
        let id = o["id"]?.stringValue
        let body = o["text"]?.stringValue
        switch o["op"]?.stringValue {
        case "add": if let body { return .action(rid: rid, .add(text: body)) }
        case "edit": if let id, let body { return .action(rid: rid, .edit(id: id, text: body)) }
        case "remove": if let id { return .action(rid: rid, .remove(id: id)) }
        case "vote": if let id { return .action(rid: rid, .vote(id: id)) }
        case "unvote": if let id { return .action(rid: rid, .unvote(id: id)) }
        case "table": if let id { return .action(rid: rid, .chooseTable(id: id)) }
        default: break
        }
        return .invalid(malformed)
    }

    /// Request ids are made by the page: 12 to 40 lowercase letters and digits. An added entry
    /// takes its id from it, so a save repeated after a lost reply finds the first one.
    static func validRequestID(_ rid: String) -> Bool {
        (12...40).contains(rid.utf8.count) && rid.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }

    static let malformed = LocalizedText(nl: "Dat verzoek begrijpt de server niet.", en: "The server does not understand that request.")

    static let wrongCode = LocalizedText(nl: "Die code klopt niet.", en: "That code is not right.")

    static func tooManyAttempts(seconds: Int64) -> LocalizedText {
        LocalizedText(
            nl: "Te veel pogingen in de zaal; probeer het over \(seconds) seconden opnieuw.",
            en: "Too many attempts in the room; try again in \(seconds) seconds.")
    }

    /// A page sending actions faster than a person types: the action is not done.
    static let tooFast = LocalizedText(
        nl: "Dat ging te snel achter elkaar; wacht even en probeer het opnieuw.",
        en: "That came too fast in a row; wait a moment and try again.")

    /// A token used from another address than it was given to (the page shows it on its join form).
    static let moved = LocalizedText(
        nl: "Deze telefoon is niet meer op hetzelfde adres in het netwerk; "
            + "meld je opnieuw aan met je naam en terugkomcode.",
        en: "This phone is no longer at the same address on the network; join again with your name and rejoin code.")

    static let roomFull = LocalizedText(nl: "De zaal is vol.", en: "The room is full.")
    static let tooManyFromDevice = LocalizedText(
        nl: "Vanaf dit apparaat doen al te veel mensen mee.",
        en: "Too many people have joined from this device already.")
    static let joinsStopped = LocalizedText(
        nl: "De zaal neemt geen nieuwe deelnemers meer aan.", en: "The room takes no new participants.")

    static func ack(_ rid: String, entry: String?) -> String {
        var o = JSONObject()
        o["type"] = "ack"
        o["rid"] = .string(rid)
        if let entry { o["entry"] = .string(entry) }
        return JSONWriter.compact(.object(o))
    }

    static func refused(_ rid: String, _ reason: LocalizedText) -> String {
        JSONWriter.compact(["type": "refused", "rid": .string(rid), "reason": reason.json])
    }

    static func error(_ reason: LocalizedText) -> String {
        JSONWriter.compact(["type": "error", "reason": reason.json])
    }

    static let closed = JSONWriter.compact(["type": "closed"])
    static let roomClosed = JSONWriter.compact(["type": "closed", "room": true])
}
