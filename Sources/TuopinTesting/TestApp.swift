import Foundation
import Hummingbird
import HummingbirdTesting
import TuopinServices
import TuopinStore
import TuopinWeb

/// The real web application over a test store, for route tests (as `HummingbirdTesting` is to
/// Hummingbird), with a pinned clock.
///
/// ```swift
/// try await TestApp.make(store: store).test(.router) { client in
///     let session = try await TestApp.signIn(client, username: "village.cadre", password: DemoUsers.password)
///     try await client.execute(uri: "/", method: .get, headers: session.headers) { #expect($0.status == .ok) }
/// }
/// ```
public enum TestApp {
    public static func make(
        store: Store, clock: TestClock = TestClock(),
        configure: (inout TuopinConfiguration) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(router: try WebApplication.buildRouter(environment: try TestEnvironment.make(store: store, clock: clock, configure: configure)))
    }

    /// A browser's session: the cookie to send and the form token to post.
    public struct Session: Sendable {
        public var cookie: String
        public var csrf: String

        public var headers: HTTPFields { [.cookie: "tuopin_session=" + cookie] }

        /// Headers and body of a form post carrying the token.
        public func form(_ fields: [String: String], csrf token: String? = nil) -> (HTTPFields, ByteBuffer) {
            var all = fields
            all["_csrf"] = token ?? csrf
            let body = all.sorted { $0.key < $1.key }.map { "\($0.key)=\(escape($0.value))" }.joined(separator: "&")
            var h = headers
            h[.contentType] = "application/x-www-form-urlencoded"
            return (h, ByteBuffer(string: body))
        }

        /// Headers and body of a `multipart/form-data` post (an upload) carrying the token:
        /// the text fields, then each file as a part of field `fileField` (`files` by default).
        public func multipart(
            _ fields: [String: String] = [:], files: [(filename: String, content: Data)], fileField: String = "files", csrf token: String? = nil
        ) -> (HTTPFields, ByteBuffer) {
            let boundary = "----tuopin-test-\(UUID().uuidString)"
            var body = Data()
            func part(_ disposition: String, _ content: Data) {
                body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; \(disposition)\r\n".utf8))
                if disposition.contains("filename=") { body.append(Data("Content-Type: application/octet-stream\r\n".utf8)) }
                body.append(Data("\r\n".utf8))
                body.append(content)
                body.append(Data("\r\n".utf8))
            }
            var all = fields
            all["_csrf"] = token ?? csrf
            for (name, value) in all.sorted(by: { $0.key < $1.key }) { part("name=\"\(name)\"", Data(value.utf8)) }
            for file in files { part("name=\"\(fileField)\"; filename=\"\(file.filename)\"", file.content) }
            body.append(Data("--\(boundary)--\r\n".utf8))
            var h = headers
            h[.contentType] = "multipart/form-data; boundary=\(boundary)"
            return (h, ByteBuffer(bytes: body))
        }
    }

    public enum SignInFailure: Error, Equatable {
        case noForm
        case noCookie
        case refused(HTTPResponse.Status)
    }

    /// Opens the sign-in form (an anonymous session and its token), then signs in; returns the
    /// new session, or throws with the status the form answered.
    public static func signIn(_ client: some TestClientProtocol, username: String, password: String) async throws -> Session {
        let anonymous = try await openForm(client)
        let (headers, body) = anonymous.form(["username": username, "password": password])
        return try await client.execute(uri: "/login", method: .post, headers: headers, body: body) { response in
            guard response.status == .seeOther else { throw SignInFailure.refused(response.status) }
            guard let cookie = sessionCookie(response.headers) else { throw SignInFailure.noCookie }
            return Session(cookie: cookie, csrf: try csrf(from: try await page(client, "/", cookie: cookie)))
        }
    }

    /// GET /login: the anonymous session's cookie and token.
    public static func openForm(_ client: some TestClientProtocol) async throws -> Session {
        try await client.execute(uri: "/login", method: .get) { response in
            guard let cookie = sessionCookie(response.headers) else { throw SignInFailure.noCookie }
            return Session(cookie: cookie, csrf: try csrf(from: String(buffer: response.body)))
        }
    }

    /// The HTML of a page fetched with a session cookie.
    public static func page(_ client: some TestClientProtocol, _ uri: String, cookie: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: "tuopin_session=" + cookie]) { String(buffer: $0.body) }
    }

    /// The session id a response sets, if any.
    public static func sessionCookie(_ headers: HTTPFields) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix("tuopin_session=") {
            let token = value.dropFirst("tuopin_session=".count).prefix { $0 != ";" }
            if !token.isEmpty { return String(token) }
        }
        return nil
    }

    /// The `_csrf` value of the first form on a page.
    public static func csrf(from html: String) throws -> String {
        guard let r = html.range(of: #"name="_csrf" value=""#) else { throw SignInFailure.noForm }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static func escape(_ v: String) -> String { v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? v }
}
