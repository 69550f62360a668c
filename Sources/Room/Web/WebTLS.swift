import NIOSSL
import Store

/// HTTPS for the phone page (`--web-tls CERT KEY`), for an organisation whose room laptop has
/// a certificate its phones trust: then nobody who can read the Wi-Fi sees the room code, the
/// phones' cookies, rejoin codes or what people type. Both files are PEM: the certificate
/// (with its chain) and its private key.
public struct WebTLS: Sendable, Equatable {
    public var certificate: String
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }

    /// The server's TLS context, or a one-line reason (a missing file, not PEM, a key that
    /// does not belong to the certificate).
    func context() throws(StoreError) -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(privateKey))
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw StoreError(
                "cannot serve the participant page over HTTPS with \(certificate) and \(key): \(error)",
                nl: "kan de deelnemerspagina niet over HTTPS aanbieden met \(certificate) en \(key): \(error)")
        }
    }
}
