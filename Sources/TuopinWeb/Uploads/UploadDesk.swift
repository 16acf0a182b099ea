import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// The uploads of this server process, each an import folder on its way to the registry:
/// checked first (`RegistryService.checkFolder`: every row, nothing committed), shown with its
/// report, then imported when its uploader commits (`importFolder`, audited) or dropped when
/// they cancel. Each is visible to its uploader only. A finished or abandoned upload's files
/// are deleted; an upload not committed within a day is dropped, and so are the files of one left
/// over when the server stopped (uploads are kept in memory only).
actor UploadDesk {
    enum State: Sendable {
        case checking
        case checked
        case importing(partial: Bool)
        case imported(RegistryService.ImportResult)
        case failed(any Error)
        case cancelled

        var isRunning: Bool {
            switch self {
            case .checking, .importing: true
            default: false
            }
        }
    }

    struct Upload: Sendable {
        var id: String
        var owner: Username
        var created: Date
        var files: [UploadFolder.Entry]
        var state: State
        /// The check's report, once the check has finished.
        var check: RegistryService.ImportResult?
        var progress: ProgressBox
        var folder: URL

        /// Whether the check found rows to import (all, or the households without a fault).
        var canImport: Bool {
            guard case .checked = state, let check else { return false }
            return !check.outcome.fatal && check.outcome.written > 0
        }
    }

    private var uploads: [String: Upload] = [:]
    let registry: RegistryService
    let now: @Sendable () -> Date
    /// How long an upload is kept without being committed or cancelled.
    static let keptFor: TimeInterval = 24 * 3600
    /// The uploads each user keeps at most (the oldest finished ones go first).
    static let perUser = 10

    init(registry: RegistryService, now: @escaping @Sendable () -> Date = { Date() }) {
        self.registry = registry
        self.now = now
    }

    /// Whether a check or an import is running: one at a time, since each holds the database's
    /// writer for as long as it reads the files, and every other write waits meanwhile.
    var isBusy: Bool { uploads.values.contains { $0.state.isRunning } }

    /// Takes an assembled folder and starts checking it; returns the upload's id. Refused while
    /// another upload is being checked or imported.
    func open(folder: URL, files: [UploadFolder.Entry], by user: User) throws -> String {
        purge()
        guard !isBusy else { throw UploadRefused.busy }
        let id = SessionToken.make()
        let box = ProgressBox()
        uploads[id] = Upload(id: id, owner: user.username, created: now(), files: files, state: .checking, progress: box, folder: folder)
        let registry = registry
        Task.detached {
            do {
                let result = try await registry.checkFolder(folder, by: user, progress: { box.set($0) })
                await self.checked(id, result)
            } catch {
                await self.failed(id, error)
            }
        }
        return id
    }

    /// The upload, if `user` made it and it is still kept.
    func upload(_ id: String, for user: User) -> Upload? {
        purge()
        guard let u = uploads[id], u.owner == user.username else { return nil }
        return u
    }

    /// The user's uploads still kept, newest first.
    func uploads(of user: User) -> [Upload] {
        purge()
        return uploads.values.filter { $0.owner == user.username }.sorted { $0.created > $1.created }
    }

    /// Imports a checked upload: all its rows when the check found no fault, else (with
    /// `partial`) the households without one. The import checks every row again against the
    /// registry as it is then.
    func commit(_ id: String, partial: Bool, by user: User) throws {
        guard var u = upload(id, for: user) else { throw UploadRefused.notFound }
        guard u.canImport, let check = u.check else { throw UploadRefused.notReady }
        guard !isBusy else { throw UploadRefused.busy }
        let withFaults = check.rejectedRows > 0
        guard !withFaults || partial else { throw UploadRefused.hasRejections }
        u.state = .importing(partial: withFaults)
        u.progress.set(nil)
        uploads[id] = u
        let registry = registry, folder = u.folder, box = u.progress
        Task.detached {
            do {
                let result = try await registry.importFolder(folder, commitPartial: withFaults, by: user, progress: { box.set($0) })
                await self.imported(id, result)
            } catch {
                await self.failed(id, error)
            }
        }
    }

    /// Drops an upload that is not being checked or imported, with its files.
    /// Only a checked upload can be cancelled: one imported, failed or cancelled already has no
    /// files left, and saying "cancelled" of it would be wrong.
    func cancel(_ id: String, by user: User) throws {
        guard var u = upload(id, for: user) else { throw UploadRefused.notFound }
        guard !u.state.isRunning else { throw UploadRefused.running }
        guard case .checked = u.state else { throw UploadRefused.finished }
        u.state = .cancelled
        uploads[id] = u
        Self.remove(u.folder)
    }

    // MARK: Finishing

    private func checked(_ id: String, _ result: RegistryService.ImportResult) {
        guard var u = uploads[id] else { return }
        u.check = result
        u.state = .checked
        uploads[id] = u
    }

    private func imported(_ id: String, _ result: RegistryService.ImportResult) {
        guard var u = uploads[id] else { return }
        u.state = .imported(result)
        uploads[id] = u
        Self.remove(u.folder)
    }

    private func failed(_ id: String, _ error: any Error) {
        guard var u = uploads[id] else { return }
        u.state = .failed(error)
        uploads[id] = u
        Self.remove(u.folder)
    }

    /// Drops uploads older than `keptFor` and each user's beyond `perUser`, unless running.
    private func purge() {
        let cutoff = now().addingTimeInterval(-Self.keptFor)
        for (id, u) in uploads where !u.state.isRunning && u.created < cutoff {
            Self.remove(u.folder)
            uploads[id] = nil
        }
        for owner in Set(uploads.values.map(\.owner)) {
            let theirs = uploads.values.filter { $0.owner == owner && !$0.state.isRunning }.sorted { $0.created > $1.created }
            for u in theirs.dropFirst(Self.perUser) {
                Self.remove(u.folder)
                uploads[u.id] = nil
            }
        }
    }

    static func remove(_ folder: URL) { try? FileManager.default.removeItem(at: folder) }

    /// Removes what a server process left in the uploads' scratch folder more than `keptFor` ago
    /// (younger folders may belong to another process running now).
    static func clearLeftovers(now: Date = Date()) {
        let root = UploadScratch.root
        let items = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        for item in items {
            let modified = (try? item.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            if modified < now.addingTimeInterval(-keptFor) { try? FileManager.default.removeItem(at: item) }
        }
    }
}

/// The latest progress of a running job, set from its task and read by pages.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: JobProgress?

    func set(_ p: JobProgress?) {
        lock.lock()
        defer { lock.unlock() }
        value = p
    }

    var current: JobProgress? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
