import Foundation
import SQLKit
import TuopinCore

/// Writes the registry (or one area of it) as the CSV exchange format, a file per kind of row.
///
/// - Warning: Unmasked files hold ID numbers, phones and bank accounts. `masked: true` hides
///   them (and such files cannot be imported back).
public enum RegistryExport {
    public struct Summary: Sendable, Equatable {
        public var rows: [RegistryFile: Int] = [:]
    }

    public static func export(_ store: Store, to directory: URL, area: AdminCode? = nil, masked: Bool = false,
                              progress: (@Sendable (RegistryFile, Int) -> Void)? = nil) async throws -> Summary {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let filter = area.map(AreaFilter.init) ?? AreaFilter.everything
        var summary = Summary()
        let sql = store.sql
        for (index, file) in RegistryFile.allCases.enumerated() {
            let writer = try CSVFileWriter(url: directory.appendingPathComponent(file.fileName), header: file.columns)
            try await rows(of: file, sql: sql, filter: filter, county: area?.county?.rawValue ?? "", masked: masked) { writer.write($0) }
            try writer.close()
            summary.rows[file] = writer.rows - 1
            progress?(file, index + 1)
        }
        return summary
    }

    /// Streams a file's rows, in a stable order so exports of the same data are identical.
    static func rows(of file: RegistryFile, sql: any SQLDatabase, filter: AreaFilter, county: String, masked: Bool,
                     _ emit: @escaping @Sendable ([String]) -> Void) async throws {
        let c = filter.countyPattern, a = filter.codePattern
        switch file {
        case .areas:
            // The province, city and county above the area are included so the file stands alone.
            try await sql.raw("""
                SELECT code, name, kind FROM area
                WHERE (county_code LIKE \(bind: c) AND code LIKE \(bind: a)) OR county_code IS NULL OR code = \(bind: county)
                ORDER BY LENGTH(code), code
                """).run { row in emit([row.string("code"), row.string("name"), row.string("kind")]) }
        case .areaEvents:
            try await sql.raw("""
                SELECT area_code, kind, effective_date, document FROM area_event
                WHERE county_code LIKE \(bind: c) AND area_code LIKE \(bind: a) ORDER BY area_code, effective_date, kind
                """).run { row in emit([row.string("area_code"), row.string("kind"), row.string("effective_date"), row.string("document")]) }
        case .villageProfiles:
            try await sql.raw("""
                SELECT village_code, year, rural_registered_population, collective_income_fen FROM village_profile
                WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a) ORDER BY village_code, year
                """).run { row in
                emit([row.string("village_code"), row.string("year"), row.string("rural_registered_population"), row.yuan("collective_income_fen")])
            }
        case .households:
            try await sql.raw("""
                SELECT * FROM household WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a)
                ORDER BY county_code, household_number
                """).run { row in
                emit(file.columns.map { column in
                    switch column {
                    case "phone", "bank_account": masked ? "" : row.string(column)
                    case "is_military_martyr_family", "is_one_child", "is_two_daughters": row.bool(column)
                    default: row.string(column)
                    }
                })
            }
        case .statusEvents:
            try await sql.raw("""
                SELECT e.household_number, e.sequence, e.kind, e.status, e.effective_date, e.note FROM status_event e
                JOIN household h ON h.county_code = e.county_code AND h.household_number = e.household_number
                WHERE e.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a) ORDER BY e.county_code, e.household_number, e.sequence
                """).run { row in emit(file.columns.map { row.string($0) }) }
        case .members:
            try await sql.raw("""
                SELECT s.household_number, s.relation, s.from_date, s.to_date, s.end_reason, m.* FROM membership s
                JOIN member m ON m.county_code = s.county_code AND m.id_type = s.id_type AND m.id_number = s.id_number
                JOIN household h ON h.county_code = s.county_code AND h.household_number = s.household_number
                WHERE s.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a)
                ORDER BY s.county_code, s.household_number, s.from_date, s.id_number
                """).run { row in
                emit(file.columns.map { column in
                    switch column {
                    case "id_number":
                        masked ? ((try? IdentityNumber(row.string(column)))?.masked ?? "********") : row.string(column)
                    case "medical_insured", "serious_illness_insured", "resident_pension", "receives_dibao", "receives_tekun": row.bool(column)
                    default: row.string(column)
                    }
                })
            }
        case .incomes:
            try await sql.raw("""
                SELECT i.* FROM income_record i
                JOIN household h ON h.county_code = i.county_code AND h.household_number = i.household_number
                WHERE i.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a) ORDER BY i.county_code, i.household_number, i.year
                """).run { row in
                emit([row.string("household_number"), row.string("year"), row.string("household_size")]
                     + IncomeItem.allCases.map { row.yuan(IncomeColumns.name($0)) })
            }
        }
    }
}

extension AreaFilter {
    /// A filter that matches every row.
    static let everything = AreaFilter(countyPattern: "%", codePattern: "%")
}

extension SQLRow {
    /// A column as CSV text: "" for NULL.
    func string(_ column: String) -> String {
        if (try? decodeNil(column: column)) == true { return "" }
        if let s = try? decode(column: column, as: String.self) { return s }
        if let n = try? decode(column: column, as: Int64.self) { return String(n) }
        return ""
    }

    func bool(_ column: String) -> String {
        guard let b = try? decode(column: column, as: Bool.self) else { return "" }
        return b ? "true" : "false"
    }

    /// A fen column as yuan text.
    func yuan(_ column: String) -> String {
        guard (try? decodeNil(column: column)) != true, let fen = try? decode(column: column, as: Int64.self) else { return "" }
        return Money(fen: fen).yuanText
    }
}
