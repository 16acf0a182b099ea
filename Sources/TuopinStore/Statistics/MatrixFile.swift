import Foundation
import TuopinCore

/// An achievement matrix for Alkire–Foster as CSV: a header naming the indicators, then one
/// row per person (or household) with a number per indicator; an optional `weight` column says
/// how many a row stands for. Read with the import's CSV reader, so bad bytes and quotes are
/// reported at their spreadsheet row, and every field is checked.
public enum MatrixFile {
    public struct Matrix: Sendable, Equatable {
        public var indicators: [String]
        public var rows: [AlkireFoster.Row]
    }

    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var field: String
        public var value: String
    }

    /// At most this many rows (a province's people fit; more is a mistake).
    public static let maximumRows = 50_000_000

    public static func read(_ url: URL) -> Result<Matrix, Problem> {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .failure(Problem(line: 0, field: "", value: url.lastPathComponent)) }
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle, maximumFieldBytes: 64, maximumFields: 200)
        var indicators: [String] = [], positions: [Int] = [], weightAt: Int? = nil
        var rows: [AlkireFoster.Row] = []
        while let item = reader.next() {
            guard case .record(let record) = item else {
                if case .spoiled(let row, _, _) = item { return .failure(Problem(line: row, field: "", value: "")) }
                continue
            }
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if indicators.isEmpty {
                for (i, name) in fields.enumerated() {
                    if name.lowercased() == "weight" {
                        weightAt = i
                    } else {
                        guard !name.isEmpty, !indicators.contains(name) else { return .failure(Problem(line: record.row, field: name, value: name)) }
                        indicators.append(name)
                        positions.append(i)
                    }
                }
                if indicators.isEmpty { return .failure(Problem(line: record.row, field: "", value: "")) }
                continue
            }
            if fields.allSatisfy(\.isEmpty) { continue }
            var values: [Double] = []
            for (name, i) in zip(indicators, positions) {
                let text = i < fields.count ? fields[i] : ""
                guard let v = Double(text), v.isFinite else {
                    return .failure(Problem(line: record.row, field: name, value: String(text.prefix(40))))
                }
                values.append(v)
            }
            var weight: Int64 = 1
            if let w = weightAt {
                let text = w < fields.count ? fields[w] : ""
                guard let n = Int64(text), n >= 0 else { return .failure(Problem(line: record.row, field: "weight", value: String(text.prefix(40)))) }
                weight = n
            }
            rows.append(AlkireFoster.Row(values, weight: weight))
            if rows.count > maximumRows { return .failure(Problem(line: record.row, field: "", value: "")) }
        }
        guard !indicators.isEmpty else { return .failure(Problem(line: 1, field: "", value: "")) }
        return .success(Matrix(indicators: indicators, rows: rows))
    }
}
