import Foundation
import Testing
import TuopinCore

@testable import TuopinStore

@Suite("CSV reader: rows as a spreadsheet numbers them, faults where they start")
struct CSVReaderTests {
    func items(_ text: String, limit: Int = 4096) throws -> [CSVReader.Item] {
        try items(Data(text.utf8), limit: limit)
    }

    func items(_ data: Data, limit: Int = 4096) throws -> [CSVReader.Item] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-" + UUID().uuidString)
        try data.write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle, maximumFieldBytes: limit, maximumFields: ImportLimits.fieldsPerRow)
        var out: [CSVReader.Item] = []
        while let item = reader.next() { out.append(item) }
        return out
    }

    func rows(_ items: [CSVReader.Item]) -> [Int] {
        items.map {
            switch $0 {
            case .record(let r): r.row
            case .spoiled(let row, _, _): -row
            }
        }
    }

    @Test func quotedLineBreaksKeepOneRowAndBlankLinesCount() throws {
        let got = try items("a,b\n\"x, \"\"y\"\"\",2\n\n\"multi\nline\",3\r\nlast,4")
        #expect(rows(got) == [1, 2, 4, 5], "the blank line is row 3; the two-line field is row 4")
        guard case .record(let r) = got[1], case .record(let m) = got[2] else {
            Issue.record("records")
            return
        }
        #expect(r.fields == ["x, \"y\"", "2"])
        #expect(m.fields == ["multi\nline", "3"])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpened() throws {
        let got = try items("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        guard case .spoiled(let row, _, let problem) = got.last else {
            Issue.record("no fault")
            return
        }
        #expect(row == 3 && problem == .unterminatedQuote(row: 3))
        #expect(rows(got) == [1, 2, -3])
    }

    @Test func bytesThatAreNotUTF8SpoilOnlyTheirRow() throws {
        var data = Data("a,b\n1,".utf8)
        data.append(contentsOf: [0xC4, 0xE3])  // 你 in GBK
        data.append(Data("\n3,4\n".utf8))
        let got = try items(data)
        #expect(rows(got) == [1, -2, 3])
        guard case .spoiled(_, _, let problem) = got[1] else { return }
        #expect(problem == .notUTF8(row: 2, column: 2))
    }

    @Test func textAfterAClosingQuoteAndOverlongFieldsAreFaults() throws {
        let got = try items("a,b\n\"ab\"c,2\n" + String(repeating: "x", count: 50) + ",1\n", limit: 20)
        guard case .spoiled(_, _, let p1) = got[1], case .spoiled(_, _, let p2) = got[2] else {
            Issue.record("faults")
            return
        }
        #expect(p1 == .textAfterClosingQuote(row: 2, column: 1))
        #expect(p2 == .fieldTooLong(row: 3, column: 1, bytes: 50))
    }

    /// A row of three million empty fields (6 MB of commas) is one fault with its count; only
    /// the first thousand fields are kept, and the next row reads normally.
    @Test func aRowWithMillionsOfFieldsIsOneFault() throws {
        let got = try items("a,b\n" + String(repeating: ",", count: 2_999_999) + "\n1,2\n")
        guard case .spoiled(let row, let fields, let problem) = got[1], case .record(let next) = got[2] else {
            Issue.record("fault, then the next record")
            return
        }
        #expect(row == 2 && fields.count == 1_000)
        #expect(problem == .tooManyFields(row: 2, count: 3_000_000))
        #expect(next.row == 3 && next.fields == ["1", "2"])
    }

    @Test func aByteOrderMarkAndOldLineEndingsAreRead() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("a,b\r1,2\r".utf8))
        let got = try items(data)
        guard case .record(let header) = got[0], case .record(let row) = got[1] else {
            Issue.record("records")
            return
        }
        #expect(header.fields == ["a", "b"] && row.fields == ["1", "2"] && row.row == 2)
    }
}
