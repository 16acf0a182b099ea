import Foundation
import Testing

@testable import TuopinWeb

/// The multipart reader of uploads: text fields, files written as sent, names kept but never used
/// as paths, and bodies that are not multipart refused.
@Suite("Multipart form bodies")
struct MultipartFormTests {
    static func parse(_ text: String, boundary: String = "XyZ") throws -> (MultipartForm, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let body = folder.appendingPathComponent("body")
        try Data(text.utf8).write(to: body)
        return (try MultipartForm.parse(body: body, boundary: boundary, into: folder), folder)
    }

    @Test func fieldsAndFilesAreRead() throws {
        let body = [
            "preamble to ignore", "--XyZ", "Content-Disposition: form-data; name=\"_csrf\"", "", "tok en", "--XyZ",
            "Content-Disposition: form-data; name=\"files\"; filename=\"C:\\\\data\\\\households.csv\"", "Content-Type: text/csv", "",
            "a,b\r\n1,2", "--XyZ", "Content-Disposition: form-data; name=\"files\"; filename=\"x;\\\"y\\\".csv\"", "", "", "--XyZ",
            "Content-Disposition: form-data; name=\"files\"; filename=\"\"", "", "", "--XyZ", "Content-Disposition: form-data; name=\"_csrf\"",
            "", "second", "--XyZ--", "",
        ].joined(separator: "\r\n")
        let (form, folder) = try Self.parse(body)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(form.fields["_csrf"] == "tok en", "the first value of a field given twice")
        #expect(
            form.files.map(\.filename) == ["households.csv", "x;\"y\".csv"], "a folder part dropped; quoted ; and \\\" kept; an empty input skipped")
        #expect(form.files.map(\.bytes) == [8, 0])
        #expect(try String(contentsOf: form.files[0].url, encoding: .utf8) == "a,b\r\n1,2", "the bytes as sent, line breaks included")
        #expect(form.files.allSatisfy { $0.url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path })
    }

    @Test func bodiesThatAreNotMultipartAreRefused() throws {
        #expect(throws: MultipartForm.ParseError.malformed) { try Self.parse("no boundary at all") }
        #expect(throws: MultipartForm.ParseError.malformed) {
            try Self.parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed")
        }
        #expect(throws: MultipartForm.ParseError.malformed) { try Self.parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"") }
        let many = (0...MultipartForm.maximumParts).map { "--XyZ\r\nContent-Disposition: form-data; name=\"f\($0)\"\r\n\r\nv" }
        #expect(throws: MultipartForm.ParseError.tooManyParts) { try Self.parse(many.joined(separator: "\r\n") + "\r\n--XyZ--") }
        let headers =
            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: " + String(repeating: "p", count: 20_000) + "\r\n\r\nv\r\n--XyZ--"
        #expect(throws: MultipartForm.ParseError.malformed) { try Self.parse(headers) }
        let long = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + String(repeating: "x", count: 70_000) + "\r\n--XyZ--"
        #expect(throws: MultipartForm.ParseError.fieldTooLong("a")) { try Self.parse(long) }
    }

    @Test(
        arguments: [
            ("multipart/form-data; boundary=----abc", "----abc"), ("multipart/form-data; charset=utf-8; boundary=\"a b\"", "a b"),
            ("Multipart/Form-Data;boundary=z", "z"), ("multipart/mixed; boundary=z", nil), ("multipart/form-data", nil),
            ("multipart/form-data; boundary=" + String(repeating: "b", count: 71), nil),
        ] as [(String, String?)])
    func theBoundaryIsReadFromTheContentType(header: String, boundary: String?) {
        #expect(MultipartForm.boundary(contentType: header) == boundary)
    }
}
