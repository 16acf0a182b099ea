import SQLKit
import TuopinCore

/// What a household's page shows that other queries do not read: every membership it ever
/// had, with the person's stored attributes, current members first.
public enum HouseholdFileQuery {
    public struct MemberLine: Sendable, Equatable {
        public var member: Member
        public var relation: RelationToHead
        public var from: CivilDate
        public var to: CivilDate?
        public var endReason: String?
    }

    public static func members(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [MemberLine] {
        try await sql.raw(
            """
            SELECT m.id_type, m.id_number, m.name, m.sex, m.birth_date, m.ethnicity, m.education, m.student_status, m.health, m.labour_capacity,
                   m.medical_insured, m.serious_illness_insured, m.resident_pension, m.receives_dibao, m.receives_tekun,
                   ms.relation, ms.from_date, ms.to_date, ms.end_reason
            FROM membership ms
            JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
            WHERE ms.county_code = \(bind: county) AND ms.household_number = \(bind: household.rawValue)
            ORDER BY CASE WHEN ms.to_date IS NULL THEN 0 ELSE 1 END, CASE WHEN ms.relation = \(bind: RelationToHead.head.token) THEN 0 ELSE 1 END,
                     m.birth_date, m.id_number
            """
        ).all().map { row in
            let t = "member", key = household.rawValue
            func flag(_ column: String) throws -> Bool { try row.storedBool(column, table: t, key: key) }
            let member = Member(
                idType: try row.storedCode("id_type", as: IdentityType.self, table: t, key: key),
                idNumber: try row.storedText("id_number", table: t, key: key), name: try row.storedText("name", table: t, key: key),
                sex: try row.storedCode("sex", as: Sex.self, table: t, key: key), birthDate: try row.storedDate("birth_date", table: t, key: key),
                ethnicity: try row.storedText("ethnicity", table: t, key: key),
                education: try row.storedCode("education", as: Education.self, table: t, key: key),
                studentStatus: try QualityQuery.studentStatus(row, key), health: try row.storedHealth("health", table: t, key: key),
                labourCapacity: try row.storedCode("labour_capacity", as: LabourCapacity.self, table: t, key: key),
                medicalInsured: try flag("medical_insured"), seriousIllnessInsured: try flag("serious_illness_insured"),
                residentPension: try flag("resident_pension"), receivesDibao: try flag("receives_dibao"), receivesTekun: try flag("receives_tekun"))
            return MemberLine(
                member: member, relation: try row.storedCode("relation", as: RelationToHead.self, table: "membership", key: key),
                from: try row.storedDate("from_date", table: "membership", key: key),
                to: try row.storedOptionalText("to_date", table: "membership", key: key).map { _ in
                    try row.storedDate("to_date", table: "membership", key: key)
                },
                endReason: try row.storedOptionalText("end_reason", table: "membership", key: key))
        }
    }
}
