import Foundation
import TuopinStore
import ZIPFoundation

/// Builds an import folder from the files of an upload: each file named as the import format
/// names its files (`households.csv` …, docs/CSV-FORMAT.md) is moved in; a `.zip` is unpacked,
/// keeping the entries so named wherever they sit in it (folders, `__MACOSX` and hidden files are
/// skipped), never more bytes than the limit, never a path of the archive's choosing. Anything
/// else is refused by name, so a misnamed file is never dropped in silence.
enum UploadFolder {
    /// A file of the folder, as the page lists it.
    struct Entry: Sendable, Equatable {
        var name: String
        var bytes: Int
    }

    /// Fills `folder` (empty) from `files`; returns what it holds, in the format's order.
    static func assemble(_ files: [MultipartForm.UploadedFile], into folder: URL, limit: Int) throws -> [Entry] {
        guard !files.isEmpty else { throw UploadRefused.noFiles }
        var taken: [String: Int] = [:]
        var unpacked = 0
        for file in files {
            let name = file.filename
            if name.lowercased().hasSuffix(".zip") {
                for (entry, bytes) in try unzip(file.url, zipName: name, into: folder, budget: limit - unpacked, limit: limit, taken: taken) {
                    taken[entry] = bytes
                    unpacked += bytes
                }
            } else {
                guard let registryName = registryFileName(name) else { throw UploadRefused.unknownFile(name) }
                guard taken[registryName] == nil else { throw UploadRefused.duplicateFile(registryName) }
                do {
                    try FileManager.default.moveItem(at: file.url, to: folder.appendingPathComponent(registryName))
                } catch {
                    throw UploadRefused.unstored
                }
                taken[registryName] = file.bytes
            }
        }
        guard !taken.isEmpty else { throw UploadRefused.noFiles }
        return RegistryFile.allCases.compactMap { f in taken[f.fileName].map { Entry(name: f.fileName, bytes: $0) } }
    }

    /// The format's name for a file of the upload (`Households.CSV` → `households.csv`), or nil.
    static func registryFileName(_ name: String) -> String? {
        RegistryFile.allCases.first { $0.fileName == name.lowercased() }?.fileName
    }

    /// Unpacks the registry files of a zip into `folder`, counting every byte written against
    /// `budget` (what is left of the upload's `limit`).
    static func unzip(_ url: URL, zipName: String, into folder: URL, budget: Int, limit: Int, taken: [String: Int]) throws -> [(String, Int)] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw UploadRefused.badZip(zipName) }
        var found: [(String, Int)] = []
        var seen = Set(taken.keys)
        var written = 0
        for entry in archive where entry.type == .file {
            let parts = entry.path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
            // Only the last part names the file written; hidden parts (`.git`, macOS's `._x`) are skipped, `..` is not a folder here.
            let hidden = parts.contains { ($0.hasPrefix(".") && $0 != "." && $0 != "..") || $0 == "__MACOSX" }
            guard let last = parts.last, !hidden else { continue }
            guard let registryName = registryFileName(last) else { continue }
            guard !seen.contains(registryName) else { throw UploadRefused.duplicateFile(registryName) }
            seen.insert(registryName)
            let target = folder.appendingPathComponent(registryName)
            guard FileManager.default.createFile(atPath: target.path, contents: nil), let handle = try? FileHandle(forWritingTo: target) else {
                throw UploadRefused.unstored
            }
            defer { try? handle.close() }
            var bytes = 0
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data in
                    bytes += data.count
                    guard written + bytes <= budget else { throw UploadRefused.tooLarge(limit: limit) }
                    try handle.write(contentsOf: data)
                }
            } catch let refused as UploadRefused {
                throw refused
            } catch {
                throw UploadRefused.badZip(zipName)
            }
            written += bytes
            found.append((registryName, bytes))
        }
        guard !found.isEmpty else { throw UploadRefused.emptyZip(zipName) }
        return found
    }
}
