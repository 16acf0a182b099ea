import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string: `+` is a space,
/// `%XX` a byte; a field given twice keeps its first value.
public struct FormData: Sendable, Equatable {
    public private(set) var fields: [String: String] = [:]

    public init() {}

    /// Fields already read (the text parts of a multipart body).
    public init(fields: [String: String]) { self.fields = fields }

    public init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty, fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    public subscript(name: String) -> String? { fields[name] }

    /// The field trimmed of surrounding spaces, or nil when missing or blank.
    public func value(_ name: String) -> String? {
        guard let v = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    static func decode(_ text: Substring) -> String {
        let plus = text.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }
}
