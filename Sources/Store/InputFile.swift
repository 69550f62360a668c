/// A file a user names on the command line (a CSV to import, a pack to unpack): read whole,
/// only when it is a regular file of at most `limit` bytes. A FIFO or a device would hang
/// or never end a Foundation read; here they are one clear error.
public enum InputFile {
    public static func read(_ path: String, limit: Int) throws(StoreError) -> [UInt8] {
        guard let bytes = try POSIXFile.read(path, followLinks: true, limit: limit) else {
            throw StoreError("cannot read \(path): no such file", nl: "kan \(path) niet lezen: dat bestand bestaat niet")
        }
        return bytes
    }
}
