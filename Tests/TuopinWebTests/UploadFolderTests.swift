import Foundation
import Testing
import ZIPFoundation

@testable import TuopinWeb

/// An upload becomes an import folder: the format's files by name, a zip unpacked within its
/// limit and never outside the folder.
@Suite("Upload folders")
struct UploadFolderTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("upload-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func zip(_ entries: [(String, Data)], in folder: URL) throws -> MultipartForm.UploadedFile {
        let url = folder.appendingPathComponent("part-zip")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, content) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate,
                provider: { (position: Int64, size: Int) -> Data in content.subdata(in: Int(position)..<Int(position) + size) })
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        return MultipartForm.UploadedFile(field: "files", filename: "upload.zip", url: url, bytes: bytes)
    }

    @Test func aZipEntryCannotLeaveTheFolderAndOnlyTheFormatsFilesAreKept() throws {
        let work = try Self.scratch(), folder = try Self.scratch()
        defer { for u in [work, folder] { try? FileManager.default.removeItem(at: u) } }
        let file = try Self.zip(
            [("../../evil/households.csv", Data("h\n".utf8)), ("notes/readme.txt", Data("x".utf8)), (".hidden/members.csv", Data("m".utf8))],
            in: work)
        let entries = try UploadFolder.assemble([file], into: folder, limit: 1 << 20)
        #expect(entries == [UploadFolder.Entry(name: "households.csv", bytes: 2)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["households.csv"])
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("evil").path))
    }

    @Test func whatAZipUnpacksToCountsAgainstTheLimit() throws {
        let work = try Self.scratch(), folder = try Self.scratch()
        defer { for u in [work, folder] { try? FileManager.default.removeItem(at: u) } }
        // 3 MiB of one byte compresses to a few kilobytes.
        let file = try Self.zip([("households.csv", Data(repeating: 0x41, count: 3 << 20))], in: work)
        #expect(file.bytes < 64 * 1024)
        #expect(throws: UploadRefused.tooLarge(limit: 1 << 20)) { try UploadFolder.assemble([file], into: folder, limit: 1 << 20) }
    }

    @Test func aZipWithoutTheFormatsFilesIsRefusedByName() throws {
        let work = try Self.scratch(), folder = try Self.scratch()
        defer { for u in [work, folder] { try? FileManager.default.removeItem(at: u) } }
        let file = try Self.zip([("家庭.csv", Data("x".utf8))], in: work)
        #expect(throws: UploadRefused.emptyZip("upload.zip")) { try UploadFolder.assemble([file], into: folder, limit: 1 << 20) }
        #expect(throws: UploadRefused.noFiles) { try UploadFolder.assemble([], into: folder, limit: 1 << 20) }
    }
}
