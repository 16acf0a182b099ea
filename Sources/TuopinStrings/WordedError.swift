/// An error that says what went wrong in the reader's language, from the string tables.
///
/// Core, store and service errors conform where their words are written (`Words/`, and the
/// services' own files), so the command line and the web word them the same way and neither
/// needs a chain of `if`s.
///
/// ```swift
/// strings.describe(StoredValueError(table: "household", column: "first_identified_year", key: "4304811002010001", value: "0"))
/// // "数据库 household 表中 4304811002010001 的 first_identified_year 值“0”无效，请更正后再试"
/// ```
public protocol WordedError: Error {
    func message(_ strings: Localizer) -> String
}

extension Localizer {
    /// The error in words: its own when it has them, else a general message naming its type
    /// (never its contents, which may hold private data).
    public func describe(_ error: any Error) -> String {
        if let worded = error as? any WordedError { return worded.message(self) }
        return text("error.unexpected", ["reason": String(describing: type(of: error))])
    }
}
