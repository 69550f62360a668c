import CQRencode

/// A QR code of the room's web address, encoded by libqrencode: a square of dark (true) and
/// light modules, without the quiet zone (whoever draws it adds one).
public enum QRCode {
    /// The modules for `text`, or nil when it cannot be encoded (too long, out of memory).
    /// libqrencode splits the text into numeric and byte runs itself, so an address such as
    /// http://192.168.1.20:8080 fits a 25×25 symbol without being upper-cased (which not every
    /// phone's scanner opens as a link).
    public static func modules(_ text: String, caseSensitive: Bool = true) -> [[Bool]]? {
        guard let code = text.withCString({ QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, caseSensitive ? 1 : 0) }) else {
            return nil
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        return (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }
}
