import Foundation
import NIOConcurrencyHelpers
import SQLKit
import TuopinCore

/// Writes the registry (or one area of it) as the CSV exchange format, a file per kind of row,
/// from one read snapshot so the files agree with each other.
///
/// - Warning: Unmasked files hold ID numbers, names, birth dates, health conditions, phones and
///   bank accounts. `masked: true` hides them as `Masking` says (and such files cannot be
///   imported back).
public enum RegistryExport {
    public struct Summary: Sendable, Equatable {
        public var rows: [RegistryFile: Int] = [:]
    }

    public static func export(
        _ reader: StoreReader, to directory: URL, area: AdminCode? = nil, masked: Bool = false,
        progress: (@Sendable (RegistryFile, Int) -> Void)? = nil
    ) async throws -> Summary {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let filter = area.map(AreaFilter.init) ?? AreaFilter.everything
        var summary = Summary()
        for (index, file) in RegistryFile.allCases.enumerated() {
            let writer = try CSVFileWriter(url: directory.appendingPathComponent(file.fileName), header: file.columns)
            let sink = RowSink(writer)
            do {
                try await rows(of: file, sql: reader.sql, filter: filter, area: area, masked: masked, sink)
                try sink.check()
            } catch {
                try? writer.close()
                throw error
            }
            try writer.close()
            summary.rows[file] = writer.rows - 1
            progress?(file, index + 1)
        }
        return summary
    }

    /// Streams a file's rows, in a stable order so exports of the same data are identical.
    static func rows(
        of file: RegistryFile, sql: any SQLDatabase, filter: AreaFilter, area: AdminCode?, masked: Bool,
        _ sink: RowSink
    ) async throws {
        let c = filter.countyPattern, a = filter.codePattern
        // The area and its ancestors (province, city, county) go into areas.csv so the file stands
        // alone; the whole registry also has its areas above county level (no county_code).
        let chain = area?.chain.map(\.rawValue) ?? []
        let aboveCounties: SQLQueryString = area == nil ? "OR county_code IS NULL" : ""
        switch file {
        case .areas:
            try await sql.raw(
                """
                SELECT code, name, kind FROM area
                WHERE (county_code LIKE \(bind: c) AND code LIKE \(bind: a)) OR code IN (\(binds: chain + [""])) \(aboveCounties)
                ORDER BY LENGTH(code), code
                """
            ).run { row in sink.emit { [try row.csv("code"), try row.text("name"), try row.csv("kind")] } }
        case .areaEvents:
            try await sql.raw(
                """
                SELECT area_code, kind, effective_date, document FROM area_event
                WHERE county_code LIKE \(bind: c) AND area_code LIKE \(bind: a) ORDER BY area_code, effective_date, kind
                """
            ).run { row in
                sink.emit { [try row.csv("area_code"), try row.csv("kind"), try row.csv("effective_date"), try row.text("document")] }
            }
        case .villageProfiles:
            try await sql.raw(
                """
                SELECT village_code, year, rural_registered_population, collective_income_fen,
                       \(unsafeRaw: VillageConditionColumns.names.joined(separator: ", ")) FROM village_profile
                WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a) ORDER BY village_code, year
                """
            ).run { row in
                sink.emit {
                    [
                        try row.csv("village_code"), try row.csv("year"), try row.csv("rural_registered_population"),
                        try row.yuan("collective_income_fen"),
                    ] + (try VillageConditionColumns.names.map { try row.bool($0) })
                }
            }
        case .households:
            try await sql.raw(
                """
                SELECT * FROM household WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a)
                ORDER BY county_code, household_number
                """
            ).run { row in
                sink.emit {
                    try file.columns.map { column in
                        switch column {
                        case "phone", "bank_account": masked ? Masking.privateField(try row.csv(column)) : try row.text(column)
                        case "is_military_martyr_family", "is_one_child", "is_two_daughters": try row.bool(column)
                        default: try row.csv(column)
                        }
                    }
                }
            }
        case .statusEvents:
            try await sql.raw(
                """
                SELECT e.household_number, e.sequence, e.kind, e.status, e.effective_date, e.note FROM status_event e
                JOIN household h ON h.county_code = e.county_code AND h.household_number = e.household_number
                WHERE e.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a) ORDER BY e.county_code, e.household_number, e.sequence
                """
            ).run { row in sink.emit { try file.columns.map { $0 == "note" ? try row.text($0) : try row.csv($0) } } }
        case .members:
            try await sql.raw(
                """
                SELECT s.household_number, s.relation, s.from_date, s.to_date, s.end_reason, m.* FROM membership s
                JOIN member m ON m.county_code = s.county_code AND m.id_type = s.id_type AND m.id_number = s.id_number
                JOIN household h ON h.county_code = s.county_code AND h.household_number = s.household_number
                WHERE s.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a)
                ORDER BY s.county_code, s.household_number, s.from_date, s.id_number
                """
            ).run { row in
                sink.emit {
                    try file.columns.map { column in
                        let value =
                            try column.hasPrefix("medical_") || column.hasPrefix("serious_") || column.hasPrefix("resident_")
                            || column.hasPrefix("receives_") ? row.bool(column) : column == "name" ? row.text(column) : row.csv(column)
                        guard masked else { return value }
                        switch column {
                        case "id_number": return Masking.identityNumber(value)
                        case "name": return Masking.name(value)
                        case "birth_date":
                            return Masking.birthDate(
                                try row.storedDate(column, table: "member", key: Masking.identityNumber(row.rawText("id_number"))))
                        case "health": return Masking.privateField(value)
                        case "from_date", "to_date": return Masking.year(value)
                        default: return value
                        }
                    }
                }
            }
        case .incomes:
            try await sql.raw(
                """
                SELECT i.* FROM income_record i
                JOIN household h ON h.county_code = i.county_code AND h.household_number = i.household_number
                WHERE i.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a) ORDER BY i.county_code, i.household_number, i.year
                """
            ).run { row in
                sink.emit {
                    [try row.csv("household_number"), try row.csv("year"), try row.csv("household_size")]
                        + (try IncomeItem.allCases.map { try row.yuan(IncomeColumns.name($0)) })
                }
            }
        case .specialGroups:
            try await groupRows(sql: sql, sink)
        case .localCodes:
            for code in try await LocalCodeQuery.codes(sql) {
                sink.emit {
                    [code.list.token, code.token, CSVText.neutralized(code.label.zh), CSVText.neutralized(code.label.en), code.base]
                }
            }
        case .householdYears, .memberYears, .householdGroups:
            try await yearRows(of: file, sql: sql, filter: filter, masked: masked, sink)
        }
    }
}

/// Passes rows to a file from a row callback, keeping the first error to throw after the query.
final class RowSink: Sendable {
    private let writer: CSVFileWriter
    private let failure = NIOLockedValueBox<(any Error)?>(nil)

    init(_ writer: CSVFileWriter) { self.writer = writer }

    func emit(_ fields: () throws -> [String]) {
        guard failure.withLockedValue({ $0 == nil }) else { return }
        do { writer.write(try fields()) } catch { failure.withLockedValue { $0 = error } }
    }

    func check() throws {
        if let error = failure.withLockedValue({ $0 }) { throw error }
    }
}

extension RegistryExport {
    /// The columns the schema declares INTEGER or BIGINT (money columns go through `yuan`).
    static let integerColumns: Set<String> = [
        "year", "sequence", "first_identified_year", "planned_exit_year", "household_size", "rural_registered_population",
        "water_litres", "water_round_trip_minutes", "water_lift_metres", "water_shortage_days", "built_year", "renovation_year",
        "disability_grade", "months_worked", "months_employed",
    ]
}

extension AreaFilter {
    /// A filter that matches every row.
    static let everything = AreaFilter(countyPattern: "%", codePattern: "%")
}

extension SQLRow {
    /// A column as CSV text: "" for NULL, the digits of an integer column, the text of any other;
    /// anything else is a `StoredValueError`. The column's type decides how it is read: PostgreSQL
    /// would hand an integer's binary form to a text decoder, SQLite would turn "0013" into 13.
    func csv(_ column: String) throws -> String {
        if (try? decodeNil(column: column)) == true { return "" }
        if RegistryExport.integerColumns.contains(column) {
            if let n = try? decode(column: column, as: Int64.self) { return String(n) }
        } else if let s = try? decode(column: column, as: String.self) {
            return s
        }
        throw StoredValueError(table: "export", column: column, key: rawText("household_number"), value: rawText(column))
    }

    /// A free-text column, protected for spreadsheets (`CSVText.neutralized`).
    func text(_ column: String) throws -> String { CSVText.neutralized(try csv(column)) }

    func bool(_ column: String) throws -> String {
        if (try? decodeNil(column: column)) == true, RegistryExport.optionalBooleans.contains(column) { return "" }
        guard let b = try? decode(column: column, as: Bool.self) else {
            throw StoredValueError(table: "export", column: column, key: rawText("household_number"), value: rawText(column))
        }
        return b ? "true" : "false"
    }

    /// A fen column as yuan text ("" for NULL).
    func yuan(_ column: String) throws -> String {
        if (try? decodeNil(column: column)) == true { return "" }
        guard let fen = try? decode(column: column, as: Int64.self) else {
            throw StoredValueError(table: "export", column: column, key: rawText("household_number"), value: rawText(column))
        }
        return Money(fen: fen).yuanText
    }
}
