/// A web participant as the facilitator's room list shows them.
public struct WebPerson: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var since: Int64
    public var address: String
    /// A socket of theirs is open now.
    public var connected: Bool
    /// They count as in the room (a socket open or closed moments ago); a ghost does not.
    public var present: Bool = true
}
