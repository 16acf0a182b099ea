import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), read from the file the body was
/// written to: text fields become `fields`, each file part is written to a file of its own in
/// `directory` (the bytes as sent; the name the browser gave is only kept, never used as a path).
///
/// ```swift
/// let form = try MultipartForm.parse(body: bodyFile, boundary: "----x", into: scratch)
/// form.fields["_csrf"]; form.files.map(\.filename)   // ["households.csv", "members.csv"]
/// ```
struct MultipartForm: Sendable {
    var fields = FormData()
    var files: [UploadedFile] = []

    struct UploadedFile: Sendable, Equatable {
        /// The form field's name (`files`).
        var field: String
        /// The file's name as sent, without any folder part (`households.csv`).
        var filename: String
        /// Where its bytes were written.
        var url: URL
        var bytes: Int
    }

    enum ParseError: Error, Equatable, Sendable {
        /// The body does not have the shape of a multipart body with this boundary.
        case malformed
        /// More parts than a form of this application sends.
        case tooManyParts
        /// A text field longer than a form's whole body may be.
        case fieldTooLong(String)
    }

    static let maximumParts = 64
    static let maximumFieldBytes = 64 * 1024
    /// A part's headers (its name, file name and type) take far less.
    static let maximumHeaderBytes = 16 * 1024

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    static func parse(body: URL, boundary: String, into directory: URL) throws -> MultipartForm {
        let data = try Data(contentsOf: body, options: .alwaysMapped)
        return try data.withUnsafeBytes { try parse(UnsafeRawBufferPointer($0), boundary: boundary, into: directory) }
    }

    static func parse(_ bytes: UnsafeRawBufferPointer, boundary: String, into directory: URL) throws -> MultipartForm {
        let delimiter = Array("--\(boundary)".utf8)
        let next = Array("\r\n--\(boundary)".utf8)
        // The first delimiter opens the body, or ends a preamble line.
        var at: Int
        if starts(bytes, delimiter, at: 0) {
            at = delimiter.count
        } else if let found = find(next, in: bytes, from: 0) {
            at = found + next.count
        } else {
            throw ParseError.malformed
        }
        var form = MultipartForm()
        var textFields: [String: String] = [:]
        var count = 0
        while true {
            // After a delimiter: "--" closes the body, a line break opens a part.
            if starts(bytes, Array("--".utf8), at: at) { break }
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
            guard starts(bytes, [0x0D, 0x0A], at: at) else { throw ParseError.malformed }
            at += 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: at), headerEnd - at <= maximumHeaderBytes else {
                throw ParseError.malformed
            }
            let headers = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<headerEnd]), as: UTF8.self)
            let start = headerEnd + 4
            guard let end = find(next, in: bytes, from: start) else { throw ParseError.malformed }
            count += 1
            guard count <= maximumParts else { throw ParseError.tooManyParts }
            let content = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            let disposition = Self.disposition(headers)
            if let name = disposition.name {
                if let filename = disposition.filename {
                    // A file input left empty sends a part with no name and no bytes.
                    if !filename.isEmpty || !content.isEmpty {
                        // Written from the mapped body, never copied whole onto the heap.
                        let url = directory.appendingPathComponent("part-\(count)")
                        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw ParseError.malformed }
                        let handle = try FileHandle(forWritingTo: url)
                        defer { try? handle.close() }
                        try handle.write(contentsOf: content)
                        form.files.append(UploadedFile(field: name, filename: Self.baseName(filename), url: url, bytes: content.count))
                    }
                } else {
                    guard content.count <= maximumFieldBytes else { throw ParseError.fieldTooLong(name) }
                    if textFields[name] == nil {
                        textFields[name] = String(decoding: content, as: UTF8.self)
                    }
                }
            }
            at = end + next.count
        }
        form.fields = FormData(fields: textFields)
        return form
    }

    /// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
    static func disposition(_ headers: String) -> (name: String?, filename: String?) {
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var name: String?, filename: String?
            for parameter in parameters(String(pair[1])) {
                switch parameter.key.lowercased() {
                case "name": name = parameter.value
                case "filename": filename = parameter.value
                default: break
                }
            }
            return (name, filename)
        }
        return (nil, nil)
    }

    /// `form-data; name="files"; filename="a;b.csv"` → [(name, files), (filename, a;b.csv)]:
    /// quoted values may hold `;`, and `\"` stands for a quote.
    static func parameters(_ text: String) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var chars = Substring(text)
        while !chars.isEmpty {
            guard let semicolon = chars.firstIndex(of: ";") else { break }
            chars = chars[chars.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = chars.firstIndex(of: "=") else { break }
            let key = chars[..<equals].trimmingCharacters(in: .whitespaces)
            chars = chars[chars.index(after: equals)...]
            var value = ""
            if chars.first == "\"" {
                chars = chars.dropFirst()
                while let c = chars.first {
                    chars = chars.dropFirst()
                    if c == "\\", let escaped = chars.first {
                        value.append(escaped)
                        chars = chars.dropFirst()
                    } else if c == "\"" {
                        break
                    } else {
                        value.append(c)
                    }
                }
                if let semicolon = chars.firstIndex(of: ";") { chars = chars[semicolon...] } else { chars = "" }
            } else {
                let stop = chars.firstIndex(of: ";") ?? chars.endIndex
                value = chars[..<stop].trimmingCharacters(in: .whitespaces)
                chars = chars[stop...]
            }
            result.append((key, value))
        }
        return result
    }

    /// The last component of a name a browser sent (old browsers send `C:\…\households.csv`).
    static func baseName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.trimmingCharacters(in: .whitespaces)
    }

    static func starts(_ bytes: UnsafeRawBufferPointer, _ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= bytes.count else { return false }
        for (i, b) in prefix.enumerated() where bytes[offset + i] != b { return false }
        return true
    }

    /// The offset of the first `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = bytes.baseAddress, !needle.isEmpty else { return nil }
        var at = from
        let last = bytes.count - needle.count
        while at <= last {
            guard let hit = memchr(base + at, Int32(needle[0]), last - at + 1) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, needle, needle.count) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }
}
