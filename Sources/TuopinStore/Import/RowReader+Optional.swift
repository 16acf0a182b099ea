import TuopinCore

/// Optional fields: empty is "unknown", anything else must parse.
extension RowReader {
    mutating func optionalCode<T: CodeListValue>(_ column: ImportColumn, _ type: T.Type) -> T?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let parsed = T(token: value) else {
            reject(column.name, .unknownCode(String(value.prefix(40))))
            return nil
        }
        return .some(parsed)
    }

    mutating func optionalBool(_ column: ImportColumn) -> Bool?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let b = CSVBool.parse(value) else {
            reject(column.name, .unknownCode(String(value.prefix(40))))
            return nil
        }
        return .some(b)
    }

    /// A decimal of at most `places` places (areas in 亩, m², km).
    mutating func optionalDecimal(_ column: ImportColumn, places: Int = 2) -> FixedDecimal?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard value.utf8.count <= 20, let d = try? FixedDecimal(value), d.places <= places else {
            reject(column.name, .invalidDecimal(String(value.prefix(40)), places: places))
            return nil
        }
        return .some(d)
    }

    /// A `;`-separated list of codes, each once, in the order written.
    mutating func codeList<T: CodeListValue>(_ column: ImportColumn, _ type: T.Type) -> [T]? {
        var values: [T] = []
        var ok = true
        for token in ListField.items(raw(column)) {
            if let v = T(token: token) {
                values.append(v)
            } else {
                reject(column.name, .unknownCode(String(token.prefix(40))))
                ok = false
            }
        }
        return ok ? values : nil
    }
}
