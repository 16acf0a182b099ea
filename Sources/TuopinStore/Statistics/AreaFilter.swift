import SQLKit
import TuopinCore

/// The SQL patterns that select an area's rows: `county_code LIKE` for the distributed key
/// (every query filters on it, so a partitioned database prunes to the right counties) and
/// the village-code prefix below county level.
struct AreaFilter: Sendable {
    let countyPattern: String
    let codePattern: String
    /// The area's counties whose codes lie in a range: one part of a read split in two.
    var part: Part = .all

    enum Part: Sendable {
        case all
        /// The counties from `from` (inclusive) to `below` (exclusive); nil is unbounded.
        case codes(from: String?, below: String?)
    }

    init(countyPattern: String, codePattern: String) {
        self.countyPattern = countyPattern
        self.codePattern = codePattern
    }

    /// `column` restricted to the area's counties: an equality (an index seek) when the area
    /// lies in one county, else the `LIKE` prefix (SQLite's `LIKE` does not use an index).
    func counties(_ column: String) -> SQLQueryString {
        let area: SQLQueryString =
            countyPattern.hasSuffix("%")
            ? "\(unsafeRaw: column) LIKE \(bind: countyPattern)"
            : "\(unsafeRaw: column) = \(bind: countyPattern)"
        // A range, unlike an IN list, is seeked on the county's index from either side.
        guard case .codes(let from, let below) = part else { return area }
        var range = area
        if let from { range = range + " AND \(unsafeRaw: column) >= \(bind: from)" }
        if let below { range = range + " AND \(unsafeRaw: column) < \(bind: below)" }
        return range
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
