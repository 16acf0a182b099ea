import Foundation
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The upload pages' values: the form with the user's uploads, and one upload's state, report
/// and choices.
struct UploadPage {
    let site: Site
    let context: TuopinRequestContext

    /// The rejections shown on the page; the CSV download has every one the check kept.
    static let shownRejections = 200

    var s: Localizer { site.strings[context.language] }

    func index(
        uploads: [UploadDesk.Upload], limit: Int, refused: UploadRefused? = nil, done: String? = nil, status: HTTPResponse.Status = .ok
    ) -> HTML {
        var values: [String: Any] = [
            "title": s.text("upload.index.title"), "intro": s.text("upload.index.intro", ["megabytes": s.count(max(1, limit >> 20))]),
            "filesLabel": s.text("upload.index.files"), "submit": s.text("upload.index.submit"), "mineLabel": s.text("upload.index.mine"),
            "none": s.text("upload.index.none"), "csrf": context.session?.csrfToken ?? "", "hasUploads": !uploads.isEmpty,
            "columns": ["created", "files", "state"].map { ["label": s.text("upload.col." + $0)] },
            "uploads": uploads.map { u in
                [
                    "link": "/uploads/\(u.id)", "created": AuditPage.chinaTime(Instant(u.created)),
                    "files": u.files.map(\.name).joined(separator: ", "), "state": stateLabel(u),
                ]
            },
        ]
        if let refused { values["refused"] = refused.message(s) }
        if done == "cancel" { values["done"] = s.text("upload.index.cancelled") }
        return site.page("uploads", values, context: context, title: s.text("upload.index.title"), status: status)
    }

    func upload(_ u: UploadDesk.Upload) -> HTML {
        let check = u.check
        var values: [String: Any] = [
            "id": u.id, "csrf": context.session?.csrfToken ?? "",
            "title": s.text("upload.page.title", ["time": AuditPage.chinaTime(Instant(u.created))]),
            "stateLine": s.text("upload.page.state", ["state": stateLabel(u)]),
            "filesCaption": s.text("upload.page.files"),
            "fileColumns": ["file", "bytes", "rows"].map { ["label": s.text("upload.col." + $0)] },
            "files": u.files.map { f in
                [
                    "name": f.name, "bytes": s.count(f.bytes),
                    "rows": check.flatMap { c in RegistryFile(rawValue: String(f.name.dropLast(4))).map { s.count(c.outcome.writtenRows[$0] ?? 0) } }
                        ?? "—",
                ]
            },
            "back": s.text("upload.page.back"),
        ]
        var refresh: Int?
        switch u.state {
        case .checking, .importing:
            let p = u.progress.current
            let percent = Int((p?.fraction ?? 0) * 100)
            values["running"] = true
            values["percent"] = String(percent)
            values["progressText"] = s.text(
                "upload.page.progress", ["phase": s.text(p?.phase ?? "progress.import.validate"), "percent": String(percent)])
            values["refreshHint"] = s.text("upload.page.refresh")
            refresh = 2
        case .checked:
            guard let check else { break }
            let o = check.outcome
            if o.fatal || o.written == 0 {
                values["outcome"] = s.text("upload.page.nothing")
                values["outcomeClass"] = "alert"
            } else if check.rejectedRows > 0 {
                values["outcome"] = s.text("upload.page.withFaults", ["rejected": s.count(check.rejectedRows), "rows": s.count(o.written)])
                values["outcomeClass"] = "alert"
                values["commitPartial"] = s.text("upload.page.commitPartial")
            } else {
                values["outcome"] = s.text("upload.page.clean", ["rows": s.count(o.written)])
                values["outcomeClass"] = "notice"
                values["commitAll"] = s.text("upload.page.commitAll")
            }
            values["canDecide"] = true
            values["cancel"] = s.text("upload.page.cancel")
        case .imported(let result):
            if result.committed {
                values["outcome"] = s.text(
                    "upload.page.imported",
                    ["rows": s.count(result.outcome.written), "read": s.count(result.outcome.readRows), "rejected": s.count(result.rejectedRows)])
                values["outcomeClass"] = "notice"
                values["householdsLink"] = s.text("upload.page.households")
            } else {
                values["outcome"] = s.text("upload.page.notImported")
                values["outcomeClass"] = "alert"
            }
        case .failed(let error):
            values["failed"] = s.describe(error)
        case .cancelled:
            values["outcome"] = s.text("upload.index.cancelled")
            values["outcomeClass"] = "notice"
        }
        let report = Self.report(of: u)
        if let report, !report.rejections.isEmpty {
            // The faults first, then the rows left out only because their household was.
            let all = report.rejections.enumerated().sorted { a, b in
                let (x, y) = (Self.isFollowOn(a.element), Self.isFollowOn(b.element))
                return x != y ? !x : a.offset < b.offset
            }.map(\.element)
            values["hasRejections"] = true
            values["rejectionsTitle"] = s.text("upload.page.rejections")
            values["rejectionsSummary"] =
                all.count > Self.shownRejections
                ? s.text("upload.page.someRejections", ["shown": s.count(Self.shownRejections), "count": s.count(all.count)])
                : s.text("upload.page.allRejections", ["count": s.count(all.count)])
            values["download"] = s.text("upload.page.download")
            values["rejectionColumns"] = ["file", "line", "field", "reason"].map { ["label": s.text("upload.col." + $0)] }
            values["rejections"] = all.prefix(Self.shownRejections).map { r in
                [
                    "file": r.file.fileName, "line": r.line > 0 ? s.count(r.line) : s.text("upload.page.wholeFile"), "field": r.field ?? "—",
                    "reason": Rejections.reason(r.reason, s),
                ]
            }
        }
        if let report {
            values["unknownColumns"] = report.outcome.unknownColumns.sorted { $0.key < $1.key }.map { file, columns in
                ["text": s.text("import.unknownColumns", ["file": file.fileName, "columns": columns.joined(separator: ", ")])]
            }
        }
        return site.page("upload", values, context: context, title: s.text("upload.index.title"), refresh: refresh)
    }

    /// The report an upload's page and its CSV show: the check's, or the import's own when it
    /// found rejections (the registry changed between the check and the import).
    static func report(of u: UploadDesk.Upload) -> RegistryService.ImportResult? {
        if case .imported(let result) = u.state, !result.rejections.isEmpty { return result }
        return u.check
    }

    static func isFollowOn(_ r: ImportRejection) -> Bool {
        if case .householdRejected = r.reason { return true }
        return false
    }

    func stateLabel(_ u: UploadDesk.Upload) -> String {
        switch u.state {
        case .checking: s.text("upload.state.checking")
        case .checked: s.text(u.canImport ? "upload.state.checked" : "upload.state.nothing")
        case .importing: s.text("upload.state.importing")
        case .imported(let result): s.text(result.committed ? "upload.state.imported" : "upload.state.notImported")
        case .failed: s.text("upload.state.failed")
        case .cancelled: s.text("upload.state.cancelled")
        }
    }
}
