/// The participant page (page.html beside this file, embedded in the binary at build time):
/// one file with its style and script inline, marked with a per-response nonce for the CSP.
enum PageHTML {
    static let text = String(decoding: PackageResources.page_html, as: UTF8.self)
}
