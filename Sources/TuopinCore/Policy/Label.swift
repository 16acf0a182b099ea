/// A code-list label in both languages the system speaks: Chinese first, English second.
///
/// Code lists (`PovertyStatus`, `PovertyCause` …) are domain data taken from the national forms;
/// their Chinese label is the stable key across implementations (REFERENCE §2).
public struct Label: Hashable, Sendable, Codable {
    public let zh: String
    public let en: String

    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// Several labels as one list ("不愁吃、不愁穿" / "food, clothing").
    public init(joining labels: [Label]) {
        self.zh = labels.map(\.zh).joined(separator: "、")
        self.en = labels.map(\.en).joined(separator: ", ")
    }
}

/// A closed code list whose every value has a stable token, a bilingual label and, where the
/// national forms give one, a numeric code.
///
/// The token (the Swift case name, `"exitedWithPolicies"`) is what the database, CSV files and
/// the API carry; the label is what people read.
public protocol CodeListValue: Hashable, Sendable, CaseIterable {
    var token: String { get }
    var label: Label { get }
    /// The code in the national form where known (`PovertyStatus.exitedWithPolicies` → 1).
    var code: Int? { get }
    /// Finds a value by its token or its Chinese label, so files written by hand may use either.
    init?(token: String)
}

extension CodeListValue {
    public var code: Int? { nil }

    /// Finds a value by its token or its Chinese label, so files written by hand may use either.
    public init?(token: String) {
        guard let match = Self.allCases.first(where: { $0.token == token || $0.label.zh == token }) else { return nil }
        self = match
    }
}

extension CodeListValue where Self: RawRepresentable, RawValue == String {
    public var token: String { rawValue }

    /// The token first, through the enum's own raw-value switch (the hot path of an import),
    /// then the Chinese label.
    public init?(token: String) {
        if let value = Self(rawValue: token) {
            self = value
            return
        }
        guard let match = Self.allCases.first(where: { $0.label.zh == token }) else { return nil }
        self = match
    }
}
