import Foundation
import NIOConcurrencyHelpers

/// Writes CSV lines to a file through a buffer; safe to call from a row callback.
final class CSVFileWriter: Sendable {
    private let handle: FileHandle
    private let buffer = NIOLockedValueBox((data: Data(), rows: 0))

    init(url: URL, header: [String]) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        write(header)
    }

    func write(_ fields: [String]) {
        let line = CSVText.line(fields) + "\n"
        let full = buffer.withLockedValue { b -> Data? in
            b.data.append(contentsOf: line.utf8)
            b.rows += 1
            guard b.data.count > 1 << 20 else { return nil }
            defer { b.data.removeAll(keepingCapacity: true) }
            return b.data
        }
        if let full { handle.write(full) }
    }

    /// Rows written, header included.
    var rows: Int { buffer.withLockedValue { $0.rows } }

    func close() throws {
        let rest = buffer.withLockedValue { b -> Data in
            defer { b.data = Data() }
            return b.data
        }
        handle.write(rest)
        try handle.close()
    }
}
