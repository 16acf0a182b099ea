import SQLKit
import TuopinCore

/// Reads and writes the holiday table and the workflow templates.
///
/// A template's stages are stored as one text, `step:level[:noticeDays]` joined by `;`
/// (`homeVerification:village;publicNotice:village:5;…`), so that a template is edited whole.
public enum WorkflowQuery {
    public static func calendar(_ sql: any SQLDatabase) async throws -> WorkCalendar {
        let rows = try await sql.raw("SELECT day, kind, name FROM work_calendar_day ORDER BY day").all()
        return WorkCalendar(
            try rows.map { row in
                let key = row.rawText("day")
                return CalendarDay(
                    try row.storedDate("day", table: "work_calendar_day", key: key),
                    try row.storedCode("kind", as: CalendarDay.Kind.self, table: "work_calendar_day", key: key),
                    try row.storedText("name", table: "work_calendar_day", key: key))
            })
    }

    /// Inserts or replaces one day of the holiday table.
    public static func save(_ day: CalendarDay, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM work_calendar_day WHERE day = \(bind: day.date.description)").run()
        try await tx.sql.raw(
            "INSERT INTO work_calendar_day (day, kind, name) VALUES (\(bind: day.date.description), \(bind: day.kind.token), \(bind: day.name))"
        ).run()
    }

    public static func templates(_ sql: any SQLDatabase) async throws -> WorkflowTemplateTable {
        let rows = try await sql.raw(
            "SELECT id, purpose, region, from_year, name_zh, name_en, stages, deadline_days, day_kind FROM workflow_template ORDER BY id"
        ).all()
        return WorkflowTemplateTable(try rows.map(template))
    }

    static func template(_ row: any SQLRow) throws -> WorkflowTemplate {
        let t = "workflow_template"
        let id = try row.storedText("id", table: t, key: row.rawText("id"))
        let regionText = try row.storedText("region", table: t, key: id)
        guard let region = PolicyRegion(token: regionText) else { throw StoredValueError(table: t, column: "region", key: id, value: regionText) }
        let stagesText = try row.storedText("stages", table: t, key: id)
        guard let stages = stages(stagesText) else { throw StoredValueError(table: t, column: "stages", key: id, value: stagesText) }
        let deadline = try row.decodeNil(column: "deadline_days") ? nil : Int(try row.storedInt("deadline_days", table: t, key: id))
        do {
            return try WorkflowTemplate(
                id: id, purpose: try row.storedCode("purpose", as: WorkflowTemplate.Purpose.self, table: t, key: id), region: region,
                fromYear: try row.storedYear("from_year", table: t, key: id),
                name: Label(try row.storedText("name_zh", table: t, key: id), try row.storedText("name_en", table: t, key: id)),
                stages: stages, deadlineDays: deadline, dayKind: try row.storedCode("day_kind", as: DayKind.self, table: t, key: id))
        } catch let error as WorkflowTemplate.TemplateError {
            throw StoredValueError(table: t, column: "stages", key: id, value: "\(error)")
        }
    }

    /// Inserts or replaces a template.
    public static func save(_ template: WorkflowTemplate, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM workflow_template WHERE id = \(bind: template.id)").run()
        try await tx.sql.raw(
            """
            INSERT INTO workflow_template (id, purpose, region, from_year, name_zh, name_en, stages, deadline_days, day_kind)
            VALUES (\(bind: template.id), \(bind: template.purpose.token), \(bind: template.region.token), \(bind: template.fromYear),
                    \(bind: template.name.zh), \(bind: template.name.en), \(bind: text(template.stages)), \(bind: template.deadlineDays),
                    \(bind: template.dayKind.token))
            """
        ).run()
    }

    public static func text(_ stages: [WorkflowTemplate.Stage]) -> String {
        stages.map { s in [s.step.token, s.level.token] + (s.noticeDays.map { [String($0)] } ?? []) }
            .map { $0.joined(separator: ":") }.joined(separator: ";")
    }

    /// Parses the stored stages; nil if any part is not a step, a level or a day count.
    public static func stages(_ text: String) -> [WorkflowTemplate.Stage]? {
        var result: [WorkflowTemplate.Stage] = []
        for part in text.split(separator: ";") {
            let f = part.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard (2...3).contains(f.count), let step = WorkflowStep(token: f[0]), let level = ApprovalLevel(token: f[1]) else { return nil }
            var days: Int? = nil
            if f.count == 3 {
                guard let n = Int(f[2]), (1...365).contains(n) else { return nil }
                days = n
            }
            result.append(.init(step, level: level, noticeDays: days))
        }
        return result.isEmpty ? nil : result
    }
}
