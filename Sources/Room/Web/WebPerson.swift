/// A web participant as the facilitator's room list shows them.
public struct WebPerson: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var since: Int64
    public var address: String
    public var connected: Bool
}
