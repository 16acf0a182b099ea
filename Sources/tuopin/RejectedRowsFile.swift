import Foundation
import TuopinStore
import TuopinStrings

/// The file of rejected rows (`--rejected`): checked and opened before the import reads anything,
/// written row by row into a temporary file beside it, and moved into place only at the end
/// (one `rename`, which replaces an earlier list atomically) — never over one of the files being
/// imported, whatever name or link leads to it, never over anything but a regular file, and never
/// over a file that is not an earlier list (the database named by mistake).
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
        /// The database the import writes to (or one of its journal files).
        case isTheDatabase(String)
        /// A file is there that is no earlier list of rejected rows (the database, a document).
        case notARejectedRowsList(String)
        /// The import committed, but the list could not be moved into place: it stays at `kept`.
        case notMoved(String, kept: String)

        func message(_ s: Localizer) -> String {
            switch self {
            case .isDirectory(let p): s.text("error.rejected.directory", ["path": p])
            case .notRegularFile(let p): s.text("error.rejected.notRegular", ["path": p])
            case .notWritable(let p): s.text("error.rejected.notWritable", ["path": p])
            case .wouldOverwriteInput(let p): s.text("error.rejected.input", ["path": p])
            case .notARejectedRowsList(let p): s.text("error.rejected.notAList", ["path": p])
            case .isTheDatabase(let p): s.text("error.rejected.database", ["path": p])
            case .notMoved(let p, let kept): s.text("error.rejected.notMoved", ["path": p, "kept": kept])
            }
        }
    }

    /// `database` is the SQLite file the import writes to, if it is one: the list never goes
    /// there (nor to its journal files), even before the file exists.
    init(destination: URL, inputs folder: URL, database: URL? = nil) throws {
        let target = destination.standardizedFileURL.resolvingSymlinksInPath()
        if let database {
            let path = database.standardizedFileURL.resolvingSymlinksInPath().path
            if ["", "-wal", "-shm", "-journal"].map({ path + $0 }).contains(target.path) {
                throw DestinationError.isTheDatabase(destination.path)
            }
        }
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
            // Only an earlier list (or an empty file) is replaced: never the database given by
            // mistake, nor any other file that happens to have the name.
            if status.st_size > 0 && !Self.isRejectedRowsList(target) { throw DestinationError.notARejectedRowsList(destination.path) }
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
        buffer.append(Data(Self.headerLine.utf8))
    }

    /// The first line of every list this command writes.
    static let headerLine = CSVText.line(RegistryImport.rejectedRowsHeader) + "\n"

    /// Whether the file begins as a list of rejected rows does.
    static func isRejectedRowsList(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let expected = Data(headerLine.utf8)
        return (try? handle.read(upToCount: expected.count)) == expected
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
        // Whatever took the name meanwhile (the database, created by this very import) is kept.
        var status = stat()
        let taken = stat(destination.path, &status) == 0 && status.st_size > 0 && !Self.isRejectedRowsList(destination)
        guard !taken, rename(temporary.path, destination.path) == 0 else {
            throw DestinationError.notMoved(destination.path, kept: temporary.path)
        }
    }

    /// Removes the temporary file (nothing was rejected, or the import failed).
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
