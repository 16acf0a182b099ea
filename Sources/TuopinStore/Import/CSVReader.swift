import Foundation

/// Reads an RFC 4180 CSV file record by record, from disk in 1 MiB blocks, so a file of any size
/// takes the same memory. Records are numbered as a spreadsheet numbers rows: the header is row
/// 1, and a record spanning several lines (a quoted line break) is one row; a blank line is a
/// row too, and is skipped, as is a line of only commas and spaces (a spreadsheet's empty row).
///
/// Problems are reported where they start, never swallowed:
/// - bytes that are not UTF-8, and a field over `ImportLimits.fieldBytes`, spoil their record
///   (the next record is read normally);
/// - text after a closing quote (`"ab"c`) spoils its record;
/// - a quote left open at the end of the file spoils everything after the row it opened in,
///   which is reported as such.
///
/// A leading UTF-8 byte-order mark is skipped; lines may end in CRLF, LF or CR.
struct CSVReader {
    struct Record: Equatable {
        /// The spreadsheet row: 1 for the header.
        var row: Int
        var fields: [String]
        /// No field holds a control character, starts or ends with a space, or starts with an
        /// apostrophe: each field can be used as read (set by the fast path only).
        var plain = false

        static func == (a: Record, b: Record) -> Bool { a.row == b.row && a.fields == b.fields }
    }

    enum Problem: Error, Equatable {
        /// Field `column` (1-based) of the record is not valid UTF-8.
        case notUTF8(row: Int, column: Int)
        /// Field `column` (1-based) is longer than the limit.
        case fieldTooLong(row: Int, column: Int, bytes: Int)
        /// Something follows a field's closing quote before the comma.
        case textAfterClosingQuote(row: Int, column: Int)
        /// A quote opened on `row` is never closed: the rest of the file is one field.
        case unterminatedQuote(row: Int)
        /// More fields than any file of the format has (only the first ones are kept).
        case tooManyFields(row: Int, count: Int)
    }

    /// A record, or a record that could not be read (its row and what went wrong), in file order.
    enum Item {
        case record(Record)
        case spoiled(row: Int, fields: [String], problem: Problem)
    }

    private let handle: FileHandle
    private var block: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var row = 0
    private var first = true
    /// Fields in the last record: the next one reserves as many, so its array grows once.
    private var expectedFields = 8
    /// SHA-256 of every byte read, for the import's audit entry and to notice a file that
    /// changes between validation and commit.
    private(set) var digest = StreamingDigest()
    private(set) var bytesRead = 0
    let maximumFieldBytes: Int
    let maximumFields: Int

    init(handle: FileHandle, maximumFieldBytes: Int, maximumFields: Int) {
        self.handle = handle
        self.maximumFieldBytes = maximumFieldBytes
        self.maximumFields = maximumFields
    }

    private mutating func refill() -> Bool {
        guard !atEnd else { return false }
        let data = handle.readData(ofLength: 1 << 20)
        if data.isEmpty {
            atEnd = true
            return false
        }
        digest.update(data)
        bytesRead += data.count
        block = [UInt8](data)
        position = 0
        if first {
            first = false
            if block.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        return true
    }

    private mutating func nextByte() -> UInt8? {
        if position >= block.count, !refill() { return nil }
        defer { position += 1 }
        return block[position]
    }

    private mutating func peekByte() -> UInt8? {
        if position >= block.count, !refill() { return nil }
        return block[position]
    }

    /// Whether a record holds nothing: no field, or only empty fields and spaces (a blank line,
    /// a line of spaces, a spreadsheet's empty row saved as `,,,,`). The first field decides
    /// almost every record at its first byte.
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// The next record or spoiled record; nil at the end of the file. Blank lines are skipped
    /// (but counted).
    mutating func next() -> Item? {
        while true {
            if position >= block.count, !refill() { return nil }
            switch fastRecord() {
            case .record(let item): return item
            case .blank: continue
            case .slow: return slowNext()
            }
        }
    }

    private enum Fast {
        case record(Item)
        case blank
        /// Quotes, bytes that are not UTF-8, a long field or the end of the block: read it byte
        /// by byte instead.
        case slow
    }

    /// The common record — no quotes, whole inside the block — split at its commas in one scan.
    private mutating func fastRecord() -> Fast {
        let start = position
        let limit = maximumFieldBytes
        let expected = expectedFields, maximumFields = maximumFields
        let result: (fields: [String], end: Int, plain: Bool)? = block.withUnsafeBufferPointer { buffer in
            var fields: [String] = []
            fields.reserveCapacity(expected)
            var fieldStart = start
            var i = start
            // The OR of the field's bytes: below 0x80, it is ASCII and needs no UTF-8 check.
            var high: UInt8 = 0
            var plain = true
            while i < buffer.count {
                let b = buffer[i]
                if b == 0x22 { return nil }  // a quote: the slow path knows quoting
                if b == 0x2C || b == 0x0A || b == 0x0D {
                    if i - fieldStart > limit || fields.count >= maximumFields { return nil }
                    if i > fieldStart {
                        let first = buffer[fieldStart], last = buffer[i - 1]
                        if first == 0x20 || first == 0x27 || last == 0x20 { plain = false }
                    }
                    let bytes = UnsafeBufferPointer(start: buffer.baseAddress.map { $0 + fieldStart }, count: i - fieldStart)
                    if high < 0x80 {
                        fields.append(String(decoding: bytes, as: UTF8.self))
                    } else {
                        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
                        fields.append(text)
                    }
                    high = 0
                    if b == 0x2C {
                        fieldStart = i + 1
                        i += 1
                        continue
                    }
                    // CR LF is one line end; a CR at the block's end may be followed by LF.
                    var end = i + 1
                    if b == 0x0D {
                        guard end < buffer.count else { return nil }
                        if buffer[end] == 0x0A { end += 1 }
                    }
                    return (fields, end, plain)
                }
                high |= b
                if b < 0x20 || b == 0x7F { plain = false }
                i += 1
            }
            return nil  // the record runs past the block
        }
        guard let result else { return .slow }
        position = result.end
        row += 1
        if Self.isBlank(result.fields) { return .blank }
        expectedFields = result.fields.count
        return .record(.record(Record(row: row, fields: result.fields, plain: result.plain)))
    }

    /// A record read byte by byte: quoted fields, faults, and records that cross blocks.
    private mutating func slowNext() -> Item? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while true {
            guard peekByte() != nil else { return nil }
            row += 1
            let recordRow = row
            var fields: [String] = []
            var field: [UInt8] = []
            var fieldBytes = 0
            var inQuotes = false, wasQuoted = false, afterClosingQuote = false
            var problem: Problem? = nil
            var quoteOpenedOn = recordRow
            var fieldsOverLimit = 0

            func endField() {
                let column = fields.count + 1
                if fields.count >= maximumFields {
                    fieldsOverLimit += 1  // counted, not kept: a hostile row holds millions
                    field.removeAll(keepingCapacity: true)
                    fieldBytes = 0
                    wasQuoted = false
                    afterClosingQuote = false
                    return
                }
                if fieldBytes > maximumFieldBytes, problem == nil {
                    problem = .fieldTooLong(row: recordRow, column: column, bytes: fieldBytes)
                }
                if let text = String(validating: field, as: UTF8.self) {
                    fields.append(text)
                } else {
                    if problem == nil { problem = .notUTF8(row: recordRow, column: column) }
                    fields.append(String(decoding: field, as: UTF8.self))
                }
                field.removeAll(keepingCapacity: true)
                fieldBytes = 0
                wasQuoted = false
                afterClosingQuote = false
            }
            func append(_ b: UInt8) {
                fieldBytes += 1
                if fieldBytes <= maximumFieldBytes { field.append(b) }
            }

            while true {
                guard let b = nextByte() else {
                    if inQuotes {
                        endField()
                        return .spoiled(row: quoteOpenedOn, fields: fields, problem: .unterminatedQuote(row: quoteOpenedOn))
                    }
                    endField()
                    break
                }
                if inQuotes {
                    if b == quote {
                        if peekByte() == quote {
                            _ = nextByte()
                            append(quote)
                        } else {
                            inQuotes = false
                            afterClosingQuote = true
                        }
                    } else {
                        append(b)  // a quoted line break stays inside the row
                    }
                    continue
                }
                if b == comma {
                    endField()
                    continue
                }
                if b == lf || b == cr {
                    if b == cr, peekByte() == lf { _ = nextByte() }
                    endField()
                    break
                }
                if afterClosingQuote {
                    if problem == nil { problem = .textAfterClosingQuote(row: recordRow, column: fields.count + 1) }
                    append(b)
                    continue
                }
                if b == quote && fieldBytes == 0 && !wasQuoted {
                    inQuotes = true
                    wasQuoted = true
                    quoteOpenedOn = row
                    continue
                }
                append(b)
            }
            if fieldsOverLimit > 0 && problem == nil { problem = .tooManyFields(row: recordRow, count: fields.count + fieldsOverLimit) }
            // A line holding nothing but commas and spaces is a blank row (counted, skipped).
            if problem == nil && Self.isBlank(fields) { continue }
            if let problem { return .spoiled(row: recordRow, fields: fields, problem: problem) }
            return .record(Record(row: recordRow, fields: fields))
        }
    }
}
