import Hummingbird
import TuopinStore
import TuopinStrings

/// An upload that cannot become an import folder; nothing of it is kept. The upload page shows
/// the words beside its form.
public enum UploadRefused: PageError, Equatable {
    /// The body is not a multipart form.
    case malformed
    /// The body, or what a zip unpacks to, exceeds the limit (`TUOPIN_UPLOAD_LIMIT_MB`).
    case tooLarge(limit: Int)
    /// No file was chosen.
    case noFiles
    /// A file the import format does not name.
    case unknownFile(String)
    /// A file given twice (two uploads, or in the zip and beside it).
    case duplicateFile(String)
    /// A zip that cannot be read.
    case badZip(String)
    /// A zip holding none of the format's files.
    case emptyZip(String)
    /// The server could not write the files down.
    case unstored
    /// No upload of this user has this id (another's, or one dropped).
    case notFound
    /// The upload is not checked yet, or was imported, cancelled or found nothing to import.
    case notReady
    /// An import of every row was asked for, but the check rejected rows.
    case hasRejections
    /// The upload is being checked or imported, which cannot be stopped.
    case running
    /// Another upload is being checked or imported (one at a time).
    case busy
    /// The upload was imported, failed or was cancelled: there is nothing left to cancel.
    case finished

    public var status: HTTPResponse.Status {
        switch self {
        case .tooLarge: .contentTooLarge
        case .unstored: .internalServerError
        case .notFound: .notFound
        case .notReady, .hasRejections, .running, .busy, .finished: .conflict
        default: .badRequest
        }
    }

    public func message(_ s: Localizer) -> String {
        switch self {
        case .malformed: s.text("upload.error.malformed")
        case .tooLarge(let limit): s.text("upload.error.tooLarge", ["megabytes": s.count(max(1, limit >> 20))])
        case .noFiles: s.text("upload.error.noFiles")
        case .unknownFile(let name):
            s.text("upload.error.unknownFile", ["name": name, "names": RegistryFile.allCases.map(\.fileName).joined(separator: ", ")])
        case .duplicateFile(let name): s.text("upload.error.duplicateFile", ["name": name])
        case .badZip(let name): s.text("upload.error.badZip", ["name": name])
        case .emptyZip(let name):
            s.text("upload.error.emptyZip", ["name": name, "names": RegistryFile.allCases.map(\.fileName).joined(separator: ", ")])
        case .unstored: s.text("upload.error.unstored")
        case .notFound: s.text("upload.error.notFound")
        case .notReady: s.text("upload.error.notReady")
        case .hasRejections: s.text("upload.error.hasRejections")
        case .running: s.text("upload.error.running")
        case .busy: s.text("upload.error.busy")
        case .finished: s.text("upload.error.finished")
        }
    }
}
