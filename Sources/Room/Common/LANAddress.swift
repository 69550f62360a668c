#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The IPv4 address people in the room can reach this machine on: the first interface that
/// is up, running and not loopback; else 127.0.0.1 (a laptop with no network still works
/// for the people at the facilitator's own machine).
public enum LANAddress {
    public static func find() -> String {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return "127.0.0.1" }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0, flags & Int32(IFF_LOOPBACK) == 0,
                let addr = entry.pointee.ifa_addr, addr.pointee.sa_family == sa_family_t(AF_INET)
            else { continue }
            let text = addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4($0.pointee.sin_addr) }
            if let text { return text }
        }
        return "127.0.0.1"
    }

    static func ipv4(_ a: in_addr) -> String? {
        var a = a
        var buf = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &a, &buf, socklen_t(buf.count)) != nil else { return nil }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
