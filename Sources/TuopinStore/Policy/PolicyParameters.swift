import SQLKit
import TuopinCore

/// The `policy_parameter` table: named values the rules read, each with whether it is confirmed
/// and where it comes from. The rules' value types are built from it here.
public enum PolicyParameters {
    public struct Row: Sendable, Equatable, Codable {
        public var name: Name
        public var value: Int64
        public var confirmed: Bool
        public var source: String

        public init(name: Name, value: Int64, confirmed: Bool, source: String) {
            self.name = name
            self.value = value
            self.confirmed = confirmed
            self.source = source
        }
    }

    /// The parameters and the range each value must lie in.
    public enum Name: String, CaseIterable, Sendable, Codable {
        case largeMedicalBillYuan
        case vehicleRedLineYuan
        case hardshipIncomeFallPercent
        case workTeamMinimumMembers
        case workTeamMinimumTermYears
        case villageExitIncidencePercent
        case villageExitIncidenceWestPercent
        case villageExitCollectiveIncomeYuan
        case countyExitIncidencePercent
        case countyExitIncidenceWestPercent
        case countyExitErrorRatePercent
        case countyExitApprovalPercent
        case petitionReplyDays
        case visitIncomeTolerancePercent
        case visitPhotoMaxKilobytes

        public var range: ClosedRange<Int64> {
            switch self {
            case .largeMedicalBillYuan, .vehicleRedLineYuan: 1...10_000_000
            case .hardshipIncomeFallPercent: 1...100
            case .workTeamMinimumMembers: 1...50
            case .workTeamMinimumTermYears: 1...10
            case .villageExitIncidencePercent, .villageExitIncidenceWestPercent, .countyExitIncidencePercent, .countyExitIncidenceWestPercent,
                .countyExitErrorRatePercent:
                1...100
            case .countyExitApprovalPercent: 1...100
            case .petitionReplyDays: 1...365
            case .visitIncomeTolerancePercent: 1...100
            case .visitPhotoMaxKilobytes: 16...20_480
            case .villageExitCollectiveIncomeYuan: 0...10_000_000
            }
        }
    }

    /// The published exit thresholds (Core's `ExitThresholds.reference`), seeded as parameters.
    private static let exit = ExitThresholds.reference

    /// The seed, from REFERENCE §3.7, §3.12, §2.5, §3.4 and §3.5.
    public static let seed: [Row] = [
        Row(
            name: .largeMedicalBillYuan, value: 10_000, confirmed: false,
            source: "large out-of-pocket bill for a lead; unconfirmed — make configurable"),
        Row(name: .vehicleRedLineYuan, value: 30_000, confirmed: true, source: "RL-03, REFERENCE §3.12 [redlines]"),
        Row(
            name: .hardshipIncomeFallPercent, value: 50, confirmed: false,
            source: "\"a sharp income fall\" (2020 rule, §3.7); unconfirmed — make configurable"),
        Row(name: .workTeamMinimumMembers, value: 3, confirmed: false, source: "a local rule seen in a public implementation (§2.5); unconfirmed"),
        Row(name: .workTeamMinimumTermYears, value: 2, confirmed: false, source: "a local rule seen in a public implementation (§2.5); unconfirmed"),
        Row(
            name: .villageExitIncidencePercent, value: exit.villageIncidencePercent, confirmed: true,
            source: "village exit: incidence below 2% (REFERENCE §3.4)"),
        Row(
            name: .villageExitIncidenceWestPercent, value: exit.villageIncidenceWestPercent, confirmed: true,
            source: "village exit in the west: below 3% (REFERENCE §3.4)"),
        Row(
            name: .villageExitCollectiveIncomeYuan, value: exit.villageCollectiveIncome.fen / 100, confirmed: true,
            source: "Hunan 2016: collective income ≥ 40,000 yuan (REFERENCE §3.4)"),
        Row(
            name: .countyExitIncidencePercent, value: exit.countyIncidencePercent, confirmed: true,
            source: "county exit: composite incidence below 2% (REFERENCE §3.5)"),
        Row(
            name: .countyExitIncidenceWestPercent, value: exit.countyIncidenceWestPercent, confirmed: true,
            source: "county exit in the west: below 3% (REFERENCE §3.5)"),
        Row(
            name: .countyExitErrorRatePercent, value: exit.countyErrorRatePercent, confirmed: true,
            source: "county exit: wrong-exit and missed rates at most 2% (REFERENCE §3.5)"),
        Row(
            name: .countyExitApprovalPercent, value: exit.countyApprovalPercent, confirmed: true,
            source: "county exit: public approval at least 90% (REFERENCE §3.5)"),
        Row(
            name: .petitionReplyDays, value: 60, confirmed: false,
            source: "a petition's reply deadline when none is set: the handling period of 信访工作条例; unconfirmed — make configurable"),
        Row(
            name: .visitIncomeTolerancePercent, value: 20, confirmed: false,
            source: "a campaign visit's observed per-capita income differs from the registry's beyond this share; unconfirmed — make configurable"),
        Row(
            name: .visitPhotoMaxKilobytes, value: 2_048, confirmed: false,
            source: "the largest photo a campaign visit may carry, in KiB; a local choice — make configurable"),
    ]

    public static func rows(_ sql: any SQLDatabase) async throws -> [Row] {
        let stored = try await sql.raw("SELECT name, value, confirmed, source FROM policy_parameter ORDER BY name").all()
        var rows: [Name: Row] = [:]
        for row in stored {
            let t = "policy_parameter", key = row.rawText("name")
            let text = try row.storedText("value", table: t, key: key)
            guard let name = Name(rawValue: key) else { continue }
            guard let value = Int64(text), name.range.contains(value) else {
                throw StoredValueError(table: t, column: "value", key: key, value: text)
            }
            rows[name] = Row(
                name: name, value: value, confirmed: try row.storedBool("confirmed", table: t, key: key),
                source: try row.storedText("source", table: t, key: key))
        }
        return Name.allCases.compactMap { name in rows[name] ?? seed.first { $0.name == name } }
    }

    public static func save(_ row: Row, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM policy_parameter WHERE name = \(bind: row.name.rawValue)").run()
        try await tx.sql.raw(
            """
            INSERT INTO policy_parameter (name, value, confirmed, source)
            VALUES (\(bind: row.name.rawValue), \(bind: String(row.value)), \(bind: row.confirmed), \(bind: row.source))
            """
        ).run()
    }

    /// The exit thresholds in force.
    public static func exitThresholds(_ rows: [Row]) -> ExitThresholds {
        ExitThresholds(
            villageIncidencePercent: value(rows, .villageExitIncidencePercent),
            villageIncidenceWestPercent: value(rows, .villageExitIncidenceWestPercent),
            villageCollectiveIncome: Money(fen: value(rows, .villageExitCollectiveIncomeYuan) * 100),
            countyIncidencePercent: value(rows, .countyExitIncidencePercent),
            countyIncidenceWestPercent: value(rows, .countyExitIncidenceWestPercent),
            countyErrorRatePercent: value(rows, .countyExitErrorRatePercent), countyApprovalPercent: value(rows, .countyExitApprovalPercent))
    }

    /// `rows` holds every name (a missing row falls back to its seed).
    static func value(_ rows: [Row], _ name: Name) -> Int64 { rows.first { $0.name == name }?.value ?? 0 }

    public static func feedAmounts(_ sql: any SQLDatabase) async throws -> FeedRules.Amounts {
        let rows = try await rows(sql)
        return FeedRules.Amounts(largeMedicalBill: .yuan(value(rows, .largeMedicalBillYuan)), vehicle: .yuan(value(rows, .vehicleRedLineYuan)))
    }

    public static func hardship(_ sql: any SQLDatabase) async throws -> HardshipCriteria {
        HardshipCriteria(incomeFallPercent: Int(value(try await rows(sql), .hardshipIncomeFallPercent)))
    }

    /// Days from a petition's receipt to its reply deadline when none is set.
    public static func petitionReplyDays(_ sql: any SQLDatabase) async throws -> Int {
        Int(value(try await rows(sql), .petitionReplyDays))
    }

    /// A campaign visit's income tolerance (percent) and largest photo (bytes).
    public static func visitLimits(_ sql: any SQLDatabase) async throws -> (incomeTolerancePercent: Int, maxPhotoBytes: Int) {
        let rows = try await rows(sql)
        return (Int(value(rows, .visitIncomeTolerancePercent)), Int(value(rows, .visitPhotoMaxKilobytes)) * 1_024)
    }

    public static func workTeam(_ sql: any SQLDatabase) async throws -> WorkTeamRules {
        let rows = try await rows(sql)
        return WorkTeamRules(minimumMembers: Int(value(rows, .workTeamMinimumMembers)), minimumTermYears: Int(value(rows, .workTeamMinimumTermYears)))
    }
}
