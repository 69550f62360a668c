import Core

/// Interface strings for the session screens added after the first real session (issue 13),
/// kept beside `S` so the main table stays easy to merge.
extension S {
    public static let asciiOnly = t(
        "Deze computer heeft geen UTF-8-taalinstelling: é toont als e, lijnen als +-|. Wat je typt wordt volledig bewaard.",
        "This computer has no UTF-8 locale: é shows as e, lines as +-|. What you type is kept in full.")
}
