import TuopinCore
import TuopinStore
import TuopinStrings

/// How a roll-up answer is exported, the same from the command line and the web: JSON blocks
/// per area, or one row per area and category as CSV or an Excel sheet.
public enum RollupExport {
    public struct Row: Encodable, Sendable {
        public var dimension: String
        public var category: String
        public var label: String
        public var households: Int
        public var people: Int
        public var amountYuan: String?
    }

    public struct Block: Encodable, Sendable {
        public var area: String
        public var name: String
        public var rows: [Row]
    }

    public struct Shown: Encodable, Sendable {
        public var report: String
        public var asOf: String
        public var area: Block
        public var children: [Block]?

        public init(_ a: RollupService.Answer, children: Bool, _ s: Localizer) {
            report = a.report.rawValue
            asOf = a.asOf.description
            area = Block(area: a.area.code.rawValue, name: a.area.name, rows: a.cells.map { RollupExport.row($0, s) })
            self.children =
                children
                ? a.children.map {
                    Block(area: $0.area.code.rawValue, name: $0.area.name, rows: $0.cells.map { RollupExport.row($0, s) })
                } : nil
        }
    }

    public static func row(_ c: RollupCell, _ s: Localizer) -> Row {
        Row(
            dimension: c.dimension.rawValue, category: c.category, label: s.label(c.dimension.categoryLabel(c.category)),
            households: c.households, people: c.people, amountYuan: c.dimension == .measureKind ? Money(fen: c.amountFen).description : nil)
    }

    public static let header = ["area_code", "area_name", "dimension", "category", "label", "households", "people", "amount_yuan"]

    public static func csv(_ blocks: [(area: Area, cells: [RollupCell])], answer: RollupService.Answer, _ s: Localizer) -> String {
        var lines = [header.joined(separator: ",")]
        for (area, cells) in blocks {
            for c in cells {
                let r = row(c, s)
                lines.append(
                    CSVText.line([
                        area.code.rawValue, CSVText.neutralized(area.name), s.label(c.dimension.label), CSVText.neutralized(c.category),
                        CSVText.neutralized(r.label), String(r.households), String(r.people),
                        r.amountYuan ?? "",
                    ]))
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func workbook(_ blocks: [(area: Area, cells: [RollupCell])], answer: RollupService.Answer, _ s: Localizer) -> Workbook {
        let rows: [[Workbook.Cell]] = blocks.flatMap { area, cells in
            cells.map { c -> [Workbook.Cell] in
                [
                    .text(area.code.rawValue), .text(area.name), .text(s.label(c.dimension.label)), .text(c.category),
                    .text(s.label(c.dimension.categoryLabel(c.category))), .count(Int64(c.households)), .count(Int64(c.people)),
                    c.dimension == .measureKind ? .decimal(FixedDecimal(scaled: c.amountFen, places: 2)) : .empty,
                ]
            }
        }
        let name = s.text("rollup.sheet", ["id": answer.report.rawValue, "date": answer.asOf.description])
        return Workbook([Workbook.Sheet(name: name, header: header.map { s.text("rollup.column." + $0) }, rows: rows)])
    }
}
