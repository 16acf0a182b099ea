import Foundation
import TuopinStore
import TuopinStrings

/// The file of rejected rows (`--rejected`): checked and opened before the import reads anything,
/// written row by row into a temporary file beside it, and moved into place only at the end —
/// never over one of the files being imported.
final class RejectedRowsFile: @unchecked Sendable {
    let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()

    enum DestinationError: Error, WordedError {
        case isDirectory(String)
        case notWritable(String)
        case wouldOverwriteInput(String)

        func message(_ s: Localizer) -> String {
            switch self {
            case .isDirectory(let p): s.text("error.rejected.directory", ["path": p])
            case .notWritable(let p): s.text("error.rejected.notWritable", ["path": p])
            case .wouldOverwriteInput(let p): s.text("error.rejected.input", ["path": p])
            }
        }
    }

    init(destination: URL, inputs folder: URL) throws {
        let target = destination.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DestinationError.isDirectory(destination.path)
        }
        let inputs = RegistryFile.allCases.map { folder.appendingPathComponent($0.fileName).standardizedFileURL.resolvingSymlinksInPath().path }
        if inputs.contains(target.path) { throw DestinationError.wouldOverwriteInput(destination.path) }
        let parent = target.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = try? FileHandle(forWritingTo: temporary) else {
            throw DestinationError.notWritable(destination.path)
        }
        self.destination = target
        self.handle = handle
        buffer.append(Data((CSVText.line(RegistryImport.rejectedRowsHeader) + "\n").utf8))
    }

    func write(_ r: ImportRejection, _ words: String) {
        buffer.append(Data((RegistryImport.rejectedRowLine(r, wording: words) + "\n").utf8))
        if buffer.count > 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Moves the file into place.
    func keep() throws {
        flush()
        try? handle.close()
        do {
            if FileManager.default.fileExists(atPath: destination.path) {
                _ = try FileManager.default.replaceItemAt(destination, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: destination)
            }
        } catch {
            throw DestinationError.notWritable(destination.path)
        }
    }

    /// Removes the temporary file (nothing was rejected, or the import failed).
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
