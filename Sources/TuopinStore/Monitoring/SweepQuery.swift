import SQLKit
import SQLiteNIO
import TuopinCore

/// The facts a sweep reads, for a whole area in a few set-based queries: each household's
/// income of the year and the year before, its status at the end of the year (its last event by
/// date, as the statistics read it) and its main cause; the households to skip; how many
/// households the area has.
public enum SweepQuery {
    /// net = every income component − production expense, summed in SQL in exact fen.
    static func net(_ alias: String) -> String {
        let gross = IncomeItem.allCases.filter { $0.group != .productionExpense && $0.group != .memo }
        return "(" + gross.map { "\(alias).\(IncomeColumns.name($0))" }.joined(separator: " + ") + " - \(alias).production_expense_fen)"
    }

    /// The facts of the area's households with an income record of `year`, in the transaction.
    public static func facts(in area: AdminCode, year: Int, _ tx: StoreTransaction) async throws -> [MonitoringSweep.Facts] {
        try await facts(in: area, year: year, tx.sql, sqlite: tx.sqlite)
    }

    /// The same, on a read snapshot.
    public static func facts(in area: AdminCode, year: Int, _ reader: StoreReader) async throws -> [MonitoringSweep.Facts] {
        try await facts(in: area, year: year, reader.sql, sqlite: reader.sqlite)
    }

    /// The facts, their rows read on SQLite's thread as they are stepped when `sqlite` is the
    /// connection `sql` runs on (past SQLKit's `Decodable` rows: a city's sweep reads 90,000).
    static func facts(
        in area: AdminCode, year: Int, _ sql: any SQLDatabase, sqlite: SQLiteConnection? = nil
    ) async throws
        -> [MonitoringSweep.Facts]
    {
        let filter = AreaFilter(area)
        let end = "\(year)-12-31"
        let query: SQLQueryString = """
            SELECT c.county_code, c.household_number, c.village_code, c.main_cause, i.household_size,
                   \(unsafeRaw: net("i")) AS net_fen, i.eligible_out_of_pocket_fen AS spending_fen,
                   p.household_size AS previous_size, \(unsafeRaw: net("p")) AS previous_net_fen,
                   \(HouseholdAsOf.lookedUpStatus(on: end)) AS status
            FROM income_record i
            JOIN household c ON c.county_code = i.county_code AND c.household_number = i.household_number
            LEFT JOIN income_record p ON p.county_code = i.county_code AND p.household_number = i.household_number AND p.year = \(bind: year - 1)
            WHERE i.county_code LIKE \(bind: filter.countyPattern) AND c.village_code LIKE \(bind: filter.codePattern) AND i.year = \(bind: year)
            ORDER BY c.county_code, c.household_number
            """
        if let sqlite { return try await sqlite.rows(query, serializedBy: sql) { try Self.facts(of: $0) } }
        return try await sql.raw(query).all().map { try Self.facts(of: KitRow(row: $0)) }
    }

    /// One household's facts from its row of the facts query.
    static func facts(of row: some StoredCountRow) throws -> MonitoringSweep.Facts {
        let t = "income_record"
        let numberText = try row.storedText("household_number", table: t, key: "")
        guard let number = try? HouseholdNumber(numberText) else {
            throw StoredValueError(table: t, column: "household_number", key: numberText, value: numberText)
        }
        let key = numberText
        let status = try row.storedOptionalText("status", table: "status_event", key: key).map { text in
            guard let s = PovertyStatus(token: text) else { throw StoredValueError(table: "status_event", column: "status", key: key, value: text) }
            return s
        }
        var previous: Money? = nil
        if let size = try row.storedOptionalInt("previous_size", table: t, key: key), size > 0 {
            previous = Money(fen: try row.storedInt("previous_net_fen", table: t, key: key)) / Int(size)
        }
        return MonitoringSweep.Facts(
            household: number, village: try row.storedAdminCode("village_code", table: "household", key: key), status: status,
            householdSize: Int(try row.storedInt("household_size", table: t, key: key)),
            netIncome: Money(fen: try row.storedInt("net_fen", table: t, key: key)), previousPerCapitaNetIncome: previous,
            rigidSpending: Money(fen: try row.storedInt("spending_fen", table: t, key: key)),
            mainCause: try row.storedCode("main_cause", as: PovertyCause.self, table: "household", key: key))
    }

    /// Households of the area with an open case, with a case the sweep of `year` opened, or
    /// with a case recorded after `date` (a lead dated before it would break its history).
    public static func skipped(in area: AdminCode, year: Int, date: CivilDate, _ sql: any SQLDatabase) async throws -> Set<HouseholdNumber> {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT DISTINCT household_number FROM monitoring_case
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
              AND (state IN ('identifying', 'monitoring', 'eliminating') OR sweep_year = \(bind: year) OR last_step_date > \(bind: date.description))
            """
        ).all()
        return Set(try rows.compactMap { try? HouseholdNumber(try $0.storedText("household_number", table: "monitoring_case", key: "")) })
    }

    /// How many households the area has (those without an income record of the year are these
    /// less the ones `facts` read, one income record a household a year).
    public static func households(in area: AdminCode, _ sql: any SQLDatabase) async throws -> Int {
        let filter = AreaFilter(area)
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM household
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
            """
        ).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }
}
