import Foundation
import TuopinCore

/// A department feed as CSV (docs/FEEDS.md): a header row, then one row per person:
/// `id_number,date[,amount][,detail][,exit_measure]`. Read with the import's CSV reader, so bad
/// bytes, quotes and oversized fields are reported at their spreadsheet row; each field is
/// checked (the ID's check character, a real date not in the future, an amount in yuan).
public enum FeedFile {
    public struct Row: Hashable, Sendable {
        public var line: Int
        public var idNumber: String
        public var date: CivilDate
        public var amount: Money?
        public var detail: String
        public var exitMeasure: Bool
    }

    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var field: String
        public var reason: Reason

        public enum Reason: Equatable, Sendable {
            case unreadable
            case malformed
            case missingColumn
            case empty
            case identity(IdentityNumber.ParseError)
            case date(String)
            case future(CivilDate)
            case amount(String)
            case flag(String)
        }
    }

    public static let columns = ["id_number", "date", "amount", "detail", "exit_measure"]

    /// The rows and the problems of the file at `url`, read as of `today`.
    public static func read(_ url: URL, today: CivilDate) -> (rows: [Row], problems: [Problem]) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return ([], [Problem(line: 0, field: "", reason: .unreadable)]) }
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle, maximumFieldBytes: ImportLimits.fieldBytes, maximumFields: ImportLimits.fieldsPerRow)
        var rows: [Row] = [], problems: [Problem] = []
        var index: [String: Int]? = nil
        while let item = reader.next() {
            let record: CSVReader.Record
            switch item {
            case .record(let r): record = r
            case .spoiled(let row, _, _):
                problems.append(Problem(line: row, field: "", reason: .malformed))
                continue
            }
            guard let columns = index else {
                var found: [String: Int] = [:]
                for (i, name) in record.fields.enumerated() { found[name.trimmingCharacters(in: .whitespaces).lowercased()] = i }
                for required in ["id_number", "date"] where found[required] == nil {
                    problems.append(Problem(line: record.row, field: required, reason: .missingColumn))
                }
                if problems.contains(where: { $0.reason == .missingColumn }) { return ([], problems) }
                index = found
                continue
            }
            func field(_ name: String) -> String {
                guard let i = columns[name], i < record.fields.count else { return "" }
                return record.fields[i].trimmingCharacters(in: .whitespaces)
            }
            var bad = false
            let idText = field("id_number").uppercased()
            var id = ""
            do { id = try IdentityNumber(idText).rawValue } catch {
                bad = true
                problems.append(Problem(line: record.row, field: "id_number", reason: idText.isEmpty ? .empty : .identity(error)))
            }
            var date: CivilDate? = nil
            if let d = try? CivilDate(field("date")) {
                if d > today {
                    bad = true
                    problems.append(Problem(line: record.row, field: "date", reason: .future(d)))
                } else {
                    date = d
                }
            } else {
                bad = true
                problems.append(
                    Problem(line: record.row, field: "date", reason: field("date").isEmpty ? .empty : .date(String(field("date").prefix(40)))))
            }
            var amount: Money? = nil
            if !field("amount").isEmpty {
                if let m = try? Money(yuan: field("amount")), m >= .zero {
                    amount = m
                } else {
                    bad = true
                    problems.append(Problem(line: record.row, field: "amount", reason: .amount(String(field("amount").prefix(40)))))
                }
            }
            var exit = false
            switch field("exit_measure").lowercased() {
            case "", "false", "0", "否": exit = false
            case "true", "1", "是": exit = true
            default:
                bad = true
                problems.append(Problem(line: record.row, field: "exit_measure", reason: .flag(String(field("exit_measure").prefix(40)))))
            }
            if !bad, let date {
                rows.append(
                    Row(line: record.row, idNumber: id, date: date, amount: amount, detail: String(field("detail").prefix(200)), exitMeasure: exit))
            }
        }
        if index == nil { problems.append(Problem(line: 1, field: "", reason: .empty)) }
        return (rows, problems)
    }
}
