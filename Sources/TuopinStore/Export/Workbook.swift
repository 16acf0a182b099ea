import Foundation
import TuopinCore

/// A report as a real Excel workbook (`.xlsx`, Office Open XML): sheets with a bold, frozen
/// header row and typed cells (counts with thousands separators, decimals with their places),
/// which Excel, WPS and LibreOffice open. Text that a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-` or `@`) is written with an apostrophe before it, as in the CSV files.
public struct Workbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case count(Int64)
        case decimal(FixedDecimal)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]

        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    public var sheets: [Sheet]

    public init(_ sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook's bytes.
    public func data() -> Data {
        var zip = ZipArchive()
        let names = Self.sheetNames(sheets.map(\.name))
        zip.add("[Content_Types].xml", Data(contentTypes.utf8))
        zip.add("_rels/.rels", Data(Self.rootRels.utf8))
        zip.add("xl/workbook.xml", Data(workbook(names).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Data(workbookRels.utf8))
        zip.add("xl/styles.xml", Data(Self.styles.utf8))
        for (i, sheet) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", Data(Self.sheetXML(sheet).utf8)) }
        return zip.data
    }

    // MARK: Parts

    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var contentTypes: String {
        Self.xmlHead + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets.indices.map {
                "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined() + "</Types>"
    }

    static let rootRels =
        xmlHead + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    func workbook(_ names: [String]) -> String {
        Self.xmlHead + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(Self.escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    var workbookRels: String {
        Self.xmlHead + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map {
                "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Styles: 0 plain, 1 bold header, 2 count (#,##0), 3…12 decimals with 0…9 places.
    static let styles: String = {
        let decimals = (0...9).map { places in places == 0 ? "0" : "0." + String(repeating: "0", count: places) }
        let formats = decimals.enumerated().map { "<numFmt numFmtId=\"\(164 + $0)\" formatCode=\"\($1)\"/>" }.joined()
        let xfs =
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + (0...9).map { "<xf numFmtId=\"\(164 + $0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" }.joined()
        return xmlHead + "<styleSheet xmlns=\"\(main)\"><numFmts count=\"10\">\(formats)</numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"13\">\(xfs)</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }()

    static func sheetXML(_ sheet: Sheet) -> String {
        var out = xmlHead + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\">"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
        out += row(1, sheet.header.map { .text($0) }, header: true)
        for (i, cells) in sheet.rows.enumerated() { out += row(i + 2, cells, header: false) }
        return out + "</sheetData></worksheet>"
    }

    static func row(_ number: Int, _ cells: [Cell], header: Bool) -> String {
        var out = "<row r=\"\(number)\">"
        for (j, cell) in cells.enumerated() {
            let ref = column(j) + String(number)
            switch cell {
            case .empty: continue
            case .text(let t):
                let style = header ? " s=\"1\"" : ""
                out += "<c r=\"\(ref)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(escape(neutralized(t)))</t></is></c>"
            case .count(let n): out += "<c r=\"\(ref)\" s=\"2\"><v>\(n)</v></c>"
            case .decimal(let d): out += "<c r=\"\(ref)\" s=\"\(3 + d.places)\"><v>\(d.description)</v></c>"
            }
        }
        return out + "</row>"
    }

    /// A text a spreadsheet would run as a formula gets an apostrophe before it.
    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// The column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// XML text: the five entities escaped, and characters XML 1.0 forbids left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, unique.
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = [], out: [String] = []
        for (i, raw) in names.enumerated() {
            var name = String(raw.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty || used.contains(name.lowercased()) { name = String(name.prefix(27)) + " (\(i + 1))" }
            used.insert(name.lowercased())
            out.append(name)
        }
        return out
    }
}
