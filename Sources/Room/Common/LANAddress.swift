#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The addresses people in the room can reach this machine on. The room listens on every
/// interface; the projector shows the address of the interface that carries the default
/// route (on a laptop with Docker, a VPN, or wired and Wi-Fi at once, the first interface
/// that is up is easily the wrong one), and the `?` help lists every other one.
public enum LANAddress {
    /// One address of one interface.
    public struct Interface: Equatable, Sendable {
        public var name: String
        public var address: String
        public var ipv6: Bool
        public init(name: String, address: String, ipv6: Bool) {
            self.name = name
            self.address = address
            self.ipv6 = ipv6
        }
    }

    /// The address to show, and the others ("192.168.1.20 (wlan0)") for the help.
    public static func find() -> (shown: String, others: [String]) {
        let route = readFile("/proc/net/route")
        return choose(interfaces(), defaultInterface: defaultRouteInterface(route))
    }

    /// The interface of the IPv4 default route in a /proc/net/route table (destination
    /// 00000000, the lowest metric first), or nil when there is none.
    public static func defaultRouteInterface(_ table: String) -> String? {
        var best: (name: String, metric: Int)?
        for line in table.split(separator: "\n").dropFirst() {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 7, f[1] == "00000000", let flags = Int(f[3], radix: 16), flags & 1 != 0 else { continue }
            let metric = Int(f[6]) ?? 0
            if best == nil || metric < best!.metric { best = (String(f[0]), metric) }
        }
        return best?.name
    }

    /// The default route's IPv4 address first; else any IPv4 LAN address; else 127.0.0.1 (a
    /// laptop with no network still works for people at the facilitator's own machine).
    /// Link-local IPv6 (fe80::) is left out: nobody can type it with its zone.
    public static func choose(_ list: [Interface], defaultInterface: String?) -> (shown: String, others: [String]) {
        let v4 = list.filter { !$0.ipv6 }
        let shown = v4.first { $0.name == defaultInterface } ?? v4.first
        let others = list.filter { $0 != shown && !$0.address.lowercased().hasPrefix("fe80") }
            .map { ($0.ipv6 ? "[\($0.address)]" : $0.address) + " (\($0.name))" }
        return (shown?.address ?? "127.0.0.1", others)
    }

    /// Every address of every interface that is up, running and not loopback.
    public static func interfaces() -> [Interface] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var out: [Interface] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0, flags & Int32(IFF_LOOPBACK) == 0,
                let addr = entry.pointee.ifa_addr
            else { continue }
            let name = String(cString: entry.pointee.ifa_name)
            if addr.pointee.sa_family == sa_family_t(AF_INET) {
                let text = addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4($0.pointee.sin_addr) }
                if let text { out.append(Interface(name: name, address: text, ipv6: false)) }
            } else if addr.pointee.sa_family == sa_family_t(AF_INET6) {
                let text = addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6($0.pointee.sin6_addr) }
                if let text { out.append(Interface(name: name, address: text, ipv6: true)) }
            }
        }
        return out
    }

    /// `host` as people type it after `zaal@` or `http://`: an IPv6 address in brackets.
    public static func shown(_ host: String) -> String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    /// Whether `text` is an IPv4 or IPv6 address (brackets allowed around IPv6).
    public static func isAddress(_ text: String) -> Bool {
        var bare = text
        if bare.hasPrefix("[") && bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, bare, &v4) == 1 || inet_pton(AF_INET6, bare, &v6) == 1
    }

    /// Whether `host` (from `--listen`) means every interface.
    public static func isWildcard(_ host: String) -> Bool { host == "0.0.0.0" || host == "::" || host == "[::]" }

    static func ipv4(_ a: in_addr) -> String? {
        var a = a
        var buf = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &a, &buf, socklen_t(buf.count)) != nil else { return nil }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func ipv6(_ a: in6_addr) -> String? {
        var a = a
        var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &a, &buf, socklen_t(buf.count)) != nil else { return nil }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func readFile(_ path: String) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            bytes += buf[0..<n]
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
