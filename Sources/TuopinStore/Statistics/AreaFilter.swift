import SQLKit
import TuopinCore

/// The SQL patterns that select an area's rows: `county_code LIKE` for the distributed key
/// (every query filters on it, so a partitioned database prunes to the right counties) and
/// the village-code prefix below county level.
struct AreaFilter: Sendable {
    let countyPattern: String
    let codePattern: String

    init(countyPattern: String, codePattern: String) {
        self.countyPattern = countyPattern
        self.codePattern = codePattern
    }

    /// `column` restricted to the area's counties: an equality (an index seek) when the area
    /// lies in one county, else the `LIKE` prefix (SQLite's `LIKE` does not use an index).
    func counties(_ column: String) -> SQLQueryString {
        countyPattern.hasSuffix("%")
            ? "\(unsafeRaw: column) LIKE \(bind: countyPattern)"
            : "\(unsafeRaw: column) = \(bind: countyPattern)"
    }

    init(_ area: AdminCode) {
        switch area.level {
        case .province, .city:
            countyPattern = area.prefix + "%"
            codePattern = area.prefix + "%"
        case .county:
            countyPattern = area.rawValue
            codePattern = area.prefix + "%"
        case .township, .village:
            countyPattern = area.county?.rawValue ?? area.rawValue
            codePattern = area.rawValue + "%"
        }
    }
}

extension AreaLevel {
    /// Digits of the code that identify an area of this level inside its parent.
    var codeLength: Int {
        switch self {
        case .province: 2
        case .city: 4
        case .county: 6
        case .township: 9
        case .village: 12
        }
    }
}
