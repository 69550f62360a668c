import Foundation

/// Dates as people read them here: local time, to the minute.
public enum Dates {
    /// "2026-12-04 10:30", in the machine's time zone.
    public static func local(_ ms: Int64) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm"
        f.timeZone = .current
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    /// "2026-12-04": the day, for a session's default title.
    public static func day(_ ms: Int64) -> String { String(local(ms).prefix(10)) }
}
