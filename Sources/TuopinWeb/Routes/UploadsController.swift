import Foundation
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/uploads`: a county or city officer uploads an import folder's files (or a zip of them). The
/// upload is checked whole before anything is committed; its page shows the progress, then the
/// report (file, line, field, reason), and offers to import (every row, or only the households
/// without a fault) or to cancel. The import itself is the command line's, audited the same way.
struct UploadsController: Sendable {
    let desk: UploadDesk
    let registry: RegistryService
    let site: Site
    let uploadLimit: Int

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: index)
            .post(use: create)
            .get(":id", use: show)
            .get(":id/rejections.csv", use: rejections)
            .post(":id/commit", use: commit)
            .post(":id/cancel", use: cancel)
    }

    /// The upload form and the user's uploads.
    func index(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try await permitted(context)
        return UploadPage(site: site, context: context).index(
            uploads: await desk.uploads(of: user), limit: uploadLimit, done: request.uri.queryParameters.get("done"))
    }

    /// Takes the posted files, builds the import folder and starts its check (post/redirect/get);
    /// a refused upload is worded beside the form.
    func create(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try await permitted(context)
        let folder = try UploadScratch.make()
        do {
            let files = try UploadFolder.assemble(context.files, into: folder, limit: uploadLimit)
            let id = try await desk.open(folder: folder, files: files, by: user)
            return Response(status: .seeOther, headers: [.location: "/uploads/\(id)"])
        } catch let refused as UploadRefused {
            UploadDesk.remove(folder)
            let page = UploadPage(site: site, context: context).index(
                uploads: await desk.uploads(of: user), limit: uploadLimit, refused: refused, status: refused.status)
            return try page.response(from: request, context: context)
        }
    }

    func show(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try await permitted(context)
        guard let upload = await desk.upload(context.parameters.get("id") ?? "", for: user) else { throw UploadRefused.notFound }
        return UploadPage(site: site, context: context).upload(upload)
    }

    /// Every rejection the check kept, as CSV (file, line, field, reason), in the reader's language.
    func rejections(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try await permitted(context)
        guard let upload = await desk.upload(context.parameters.get("id") ?? "", for: user), let check = UploadPage.report(of: upload) else {
            throw UploadRefused.notFound
        }
        let s = site.strings[context.language]
        var text = "\u{FEFF}" + ["file", "line", "field", "reason"].map { s.text("upload.col." + $0) }.joined(separator: ",") + "\r\n"
        for r in check.rejections {
            text +=
                [r.file.fileName, r.line > 0 ? String(r.line) : "", r.field ?? "", Rejections.reason(r.reason, s)].map {
                    CSVText.field(CSVText.neutralized($0))
                }
                .joined(separator: ",") + "\r\n"
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"rejections-\(upload.id.prefix(8)).csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func commit(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try await permitted(context)
        let id = context.parameters.get("id") ?? ""
        try await desk.commit(id, partial: context.form["partial"] == "1", by: user)
        return Response(status: .seeOther, headers: [.location: "/uploads/\(id)"])
    }

    func cancel(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try await permitted(context)
        let id = context.parameters.get("id") ?? ""
        try await desk.cancel(id, by: user)
        return Response(status: .seeOther, headers: [.location: "/uploads?done=cancel"])
    }

    /// The signed-in user, when they may import into their scope (a refusal is audited).
    func permitted(_ context: TuopinRequestContext) async throws -> User {
        let user = try context.requireUser()
        try await registry.authorizeImport(by: user)
        return user
    }
}
