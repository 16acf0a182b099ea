import Foundation
import HTTPTypes
import Hummingbird
import TuopinServices

/// Every request that is not GET or HEAD must carry the session's CSRF token, in the form
/// field `_csrf` or the `X-CSRF-Token` header; otherwise it is refused with 403 and nothing runs.
/// The form is read here once and handed to the route in the context: a url-encoded one up to
/// 64 KiB; a multipart one (an upload) up to `uploadLimit`, written to a scratch folder as it
/// arrives, its files left there for the route and removed when the route has answered. A
/// multipart body is read only for a signed-in session.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TuopinRequestContext
    static let field = "_csrf"
    static let maximumFormBytes = 64 * 1024
    var uploadLimit = 256 << 20

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        var context = context
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: Self.maximumFormBytes)
            context.form = FormData(urlEncoded: String(buffer: body))
        } else if type.hasPrefix("multipart/form-data") {
            guard context.user != nil, let expected = context.session?.csrfToken else { throw CSRFRejected() }
            let scratch = try UploadScratch.make()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let form = try await readMultipart(request, into: scratch)
            guard SessionToken.matches(form.fields[Self.field] ?? request.headers[.xCSRFToken] ?? "", expected) else { throw CSRFRejected() }
            context.form = form.fields
            context.files = form.files
            return try await next(request, context)
        }
        let sent = context.form[Self.field] ?? request.headers[.xCSRFToken] ?? ""
        guard let expected = context.session?.csrfToken, SessionToken.matches(sent, expected) else { throw CSRFRejected() }
        return try await next(request, context)
    }

    /// Writes the body to `scratch` (refusing it past the limit), then splits it into its parts.
    func readMultipart(_ request: Request, into scratch: URL) async throws -> MultipartForm {
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") else {
            throw UploadRefused.malformed
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > uploadLimit {
            throw UploadRefused.tooLarge(limit: uploadLimit)
        }
        let bodyFile = scratch.appendingPathComponent("body")
        guard FileManager.default.createFile(atPath: bodyFile.path, contents: nil) else { throw UploadRefused.unstored }
        let handle = try FileHandle(forWritingTo: bodyFile)
        var total = 0
        do {
            for try await buffer in request.body {
                total += buffer.readableBytes
                guard total <= uploadLimit else { throw UploadRefused.tooLarge(limit: uploadLimit) }
                try handle.write(contentsOf: Data(buffer.readableBytesView))
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        do {
            let form = try MultipartForm.parse(body: bodyFile, boundary: boundary, into: scratch)
            try? FileManager.default.removeItem(at: bodyFile)
            return form
        } catch {
            // Whatever stops the parse (a body that cannot be mapped, a part that cannot be written) is the body's fault.
            throw UploadRefused.malformed
        }
    }
}

/// The scratch folders of uploads: under the system's temporary folder, readable by this user
/// only (an upload holds people's private data).
enum UploadScratch {
    static var root: URL { FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-uploads", isDirectory: true) }

    /// A new empty folder of its own. The root must be a real folder of this process's user,
    /// readable by nobody else (another local user could otherwise have made it first).
    static func make() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var info = stat()
            guard lstat(root.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
                throw UploadRefused.unstored
            }
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw UploadRefused.unstored
        }
        return url
    }
}

extension HTTPField.Name {
    static let xCSRFToken = HTTPField.Name("X-CSRF-Token")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
