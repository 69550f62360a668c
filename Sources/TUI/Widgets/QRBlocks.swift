/// A QR code as terminal text: two module rows per text row with half blocks (▀ ▄ █) and a
/// quiet zone of `quiet` modules, so a 25-module code takes 29 columns and 15 rows. Scanners
/// want dark modules on a light ground, so on a dark terminal (light ink) the light modules
/// are the ones drawn.
public enum QRBlocks {
    public static func rows(_ modules: [[Bool]], quiet: Int = 2, inkIsDark: Bool = true) -> [String] {
        let n = modules.count + 2 * quiet
        func ink(_ x: Int, _ y: Int) -> Bool {
            let mx = x - quiet, my = y - quiet
            guard my >= 0, my < modules.count, mx >= 0, mx < modules[my].count else { return !inkIsDark }
            return modules[my][mx] == inkIsDark
        }
        return stride(from: 0, to: n, by: 2).map { y in
            String((0..<n).map { x -> Character in
                switch (ink(x, y), ink(x, y + 1)) {
                case (true, true): return "█"
                case (true, false): return "▀"
                case (false, true): return "▄"
                case (false, false): return " "
                }
            })
        }
    }
}
