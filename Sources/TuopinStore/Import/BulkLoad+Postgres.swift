import Logging
import NIOCore
import PostgresKit

extension BulkLoad {
    /// Bytes of `COPY` text sent per write: large enough that the round trips do not count,
    /// small enough that a million rows never sit in one buffer.
    static let copyChunkBytes = 1 << 20

    /// PostgreSQL fast path: the rows streamed with `COPY table (columns) FROM STDIN` in text
    /// format, inside the caller's transaction. Twin of the portable loop in `BulkLoad.insert`;
    /// both must write the same rows (`BulkLoadTests`).
    static func copyPostgres(
        _ rows: [[StoreValue]], into table: BulkTable, connection: PostgresConnection, logger: Logger
    ) async throws {
        // Each row's foreign keys are checked by a query that PostgreSQL prepares once and keeps,
        // unless the session plans every statement for its values (`Store.open` sets
        // `force_custom_plan` for its own prepared statements): then every check of every row is
        // planned again, which made an import of 100,000 households take 2.6x PostgreSQL's own
        // COPY. For the rest of the transaction, the checks and the triggers' queries keep their
        // plans.
        _ = try await connection.query("SET LOCAL plan_cache_mode = auto", logger: logger)
        // Table and column names come from code, never from input.
        try await connection.copyFrom(table: table.name, columns: table.columns, logger: logger) { writer in
            var buffer = ByteBufferAllocator().buffer(capacity: copyChunkBytes + 4096)
            for row in rows {
                CopyText.append(row, to: &buffer)
                if buffer.readableBytes >= copyChunkBytes {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }
}

/// PostgreSQL's `COPY` text format: one line per row, columns separated by a tab, `\N` for
/// NULL, and a backslash before the backslash, tab, newline and carriage return inside a value.
enum CopyText {
    static func append(_ row: [StoreValue], to buffer: inout ByteBuffer) {
        for (i, value) in row.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch value {
            case .null: buffer.writeStaticString("\\N")
            case .bool(let v): buffer.writeInteger(v ? UInt8(ascii: "t") : UInt8(ascii: "f"))
            case .int(let v): buffer.writeString(String(v))
            case .text(let v): appendEscaped(v, to: &buffer)
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Text with the format's four special bytes escaped. (A NUL byte cannot be stored in a
    /// PostgreSQL text value at all; the server refuses it, as it would in an `INSERT`.)
    static func appendEscaped(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}
