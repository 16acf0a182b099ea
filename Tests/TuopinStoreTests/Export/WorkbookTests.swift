import Foundation
import Testing
import TuopinCore

@testable import TuopinStore

/// The `.xlsx` writer's parts; the end-to-end run reads a whole workbook back with openpyxl.
@Suite("Excel workbooks (.xlsx)")
struct WorkbookTests {
    @Test func crc32HasItsCheckValue() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
    func columnsAreLettered(_ index: Int, _ letters: String) {
        #expect(Workbook.column(index) == letters)
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"), ("耒阳市", "耒阳市"), ("a=b", "a=b"), ("", ""),
    ])
    func formulaTextIsNeutralised(_ text: String, _ written: String) {
        #expect(Workbook.neutralized(text) == written)
    }

    @Test func xmlTextIsEscapedAndForbiddenCharactersLeftOut() {
        #expect(Workbook.escape("a<b & \"c\" 'd'>\u{0}\u{1F}\t") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\t")
    }

    @Test func sheetNamesAreWhatExcelAllows() {
        let names = Workbook.sheetNames(["统计 2020-10-15", "a/b:c", String(repeating: "x", count: 40), "统计 2020-10-15", ""])
        #expect(names[0] == "统计 2020-10-15" && names[1] == "abc" && names[2].count == 31)
        #expect(names[3] == "统计 2020-10-15 (4)" && names[4] == " (5)")
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    /// The archive: a local header per part, the central directory, and its end record naming them all.
    @Test func theArchiveListsEveryPart() throws {
        let book = Workbook([
            Workbook.Sheet(
                name: "统计", header: ["区域", "户数", "发生率"],
                rows: [[.text("耒阳市"), .count(14_466), .decimal(try FixedDecimal("0.18"))], [.text("=1+1"), .empty, .count(-3)]])
        ])
        let data = book.data()
        #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        let end = data.suffix(22)
        #expect(end.prefix(4) == Data([0x50, 0x4B, 0x05, 0x06]))
        let entries = Int(end[end.startIndex + 10]) | Int(end[end.startIndex + 11]) << 8
        #expect(entries == 6, "content types, root rels, workbook, its rels, styles, one sheet")
        let sheet = Workbook.sheetXML(book.sheets[0])
        #expect(sheet.contains("<c r=\"B2\" s=\"2\"><v>14466</v></c>"))
        #expect(sheet.contains("<c r=\"C2\" s=\"5\"><v>0.18</v></c>"), "a decimal with 2 places takes the 0.00 format")
        #expect(sheet.contains("<t xml:space=\"preserve\">&apos;=1+1</t>"))
        #expect(!sheet.contains("r=\"B3\""), "an empty cell is left out")
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"), "the header is bold")
    }
}
