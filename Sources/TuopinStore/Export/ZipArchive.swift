import Foundation

/// A ZIP archive built in memory with stored (uncompressed) entries: what an `.xlsx` needs, with
/// no dependency. Each entry carries its CRC-32; dates are the DOS epoch (reports are reproducible
/// byte for byte).
struct ZipArchive {
    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    mutating func add(_ name: String, _ content: Data) {
        let nameBytes = Data(name.utf8)
        let crc = CRC32.checksum(content)
        let offset = UInt32(body.count)
        // Local file header.
        body.append(le32: 0x0403_4b50)
        body.append(le16: 20)  // version needed
        body.append(le16: 0x0800)  // UTF-8 names
        body.append(le16: 0)  // stored
        body.append(le16: 0)  // time
        body.append(le16: 0x21)  // date: 1980-01-01
        body.append(le32: crc)
        body.append(le32: UInt32(content.count))
        body.append(le32: UInt32(content.count))
        body.append(le16: UInt16(nameBytes.count))
        body.append(le16: 0)
        body.append(nameBytes)
        body.append(content)
        // Its central-directory record.
        directory.append(le32: 0x0201_4b50)
        directory.append(le16: 20)
        directory.append(le16: 20)
        directory.append(le16: 0x0800)
        directory.append(le16: 0)
        directory.append(le16: 0)
        directory.append(le16: 0x21)
        directory.append(le32: crc)
        directory.append(le32: UInt32(content.count))
        directory.append(le32: UInt32(content.count))
        directory.append(le16: UInt16(nameBytes.count))
        directory.append(le16: 0)  // extra
        directory.append(le16: 0)  // comment
        directory.append(le16: 0)  // disk
        directory.append(le16: 0)  // internal attributes
        directory.append(le32: 0)  // external attributes
        directory.append(le32: offset)
        directory.append(nameBytes)
        count += 1
    }

    var data: Data {
        var out = body
        out.append(directory)
        out.append(le32: 0x0605_4b50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: count)
        out.append(le16: count)
        out.append(le32: UInt32(directory.count))
        out.append(le32: UInt32(body.count))
        out.append(le16: 0)
        return out
    }
}

enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 v: UInt16) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
    mutating func append(le32 v: UInt32) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
}
