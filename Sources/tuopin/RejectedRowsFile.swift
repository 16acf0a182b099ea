import Foundation
import TuopinStore
import TuopinStrings

/// The file of rejected rows (`--rejected`): checked and opened before the import reads anything,
/// written row by row into a temporary file beside it, and moved into place only at the end
/// (one `rename`, which replaces an earlier list atomically) — never over one of the files being
/// imported, whatever name or link leads to it, and never over anything but a regular file.
final class RejectedRowsFile: @unchecked Sendable {
    let destination: URL
    let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()
    /// Set when writing the temporary file failed (a full disk): `keep` then reports it.
    private var failed = false

    enum DestinationError: Error, WordedError {
        case isDirectory(String)
        case notRegularFile(String)
        case notWritable(String)
        case wouldOverwriteInput(String)
        /// The import committed, but the list could not be moved into place: it stays at `kept`.
        case notMoved(String, kept: String)

        func message(_ s: Localizer) -> String {
            switch self {
            case .isDirectory(let p): s.text("error.rejected.directory", ["path": p])
            case .notRegularFile(let p): s.text("error.rejected.notRegular", ["path": p])
            case .notWritable(let p): s.text("error.rejected.notWritable", ["path": p])
            case .wouldOverwriteInput(let p): s.text("error.rejected.input", ["path": p])
            case .notMoved(let p, let kept): s.text("error.rejected.notMoved", ["path": p, "kept": kept])
            }
        }
    }

    init(destination: URL, inputs folder: URL) throws {
        let target = destination.standardizedFileURL.resolvingSymlinksInPath()
        var status = stat()
        if stat(target.path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw DestinationError.isDirectory(destination.path) }
            // A device (`/dev/full`), a pipe or a socket would take the rows somewhere else, or lose them.
            if (status.st_mode & S_IFMT) != S_IFREG { throw DestinationError.notRegularFile(destination.path) }
            // The same file under another name (a hard link) is an input too.
            for file in RegistryFile.allCases {
                var input = stat()
                if stat(folder.appendingPathComponent(file.fileName).path, &input) == 0, input.st_dev == status.st_dev,
                    input.st_ino == status.st_ino
                {
                    throw DestinationError.wouldOverwriteInput(destination.path)
                }
            }
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
        guard !failed else { return buffer.removeAll() }
        do { try handle.write(contentsOf: buffer) } catch { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Moves the file into place, replacing an earlier list of the same name.
    func keep() throws {
        flush()
        do { try handle.synchronize() } catch { failed = true }
        try? handle.close()
        guard !failed else {
            try? FileManager.default.removeItem(at: temporary)
            throw DestinationError.notWritable(destination.path)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw DestinationError.notMoved(destination.path, kept: temporary.path)
        }
    }

    /// Removes the temporary file (nothing was rejected, or the import failed).
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
