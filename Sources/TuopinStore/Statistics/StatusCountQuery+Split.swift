import SQLKit
import TuopinCore

extension StatusCountQuery {
    /// The counts on a read snapshot. As `counts(_:area:asOf:groupBy:)`, except that a past
    /// date's rewind of a city or province is split in two halves of its counties when another
    /// SQLite reader is idle: this connection rewinds one half while the other rewinds the rest,
    /// so the two cores share the work.
    ///
    /// The other reader's snapshot may be later than this one. Every write to a county's history
    /// raises its `projection_state` version, and versions only grow, so the two snapshots hold
    /// the same registry for the area exactly when the sums of its versions are equal. When they
    /// differ (a commit came between), this connection rewinds the other half itself.
    public static func counts(
        _ db: StoreReader, area: AdminCode, asOf: CivilDate, groupBy: AreaLevel? = nil
    ) async throws -> [String: StatusCounts] {
        try await countsSplit(db, area: area, asOf: asOf, groupBy: groupBy).counts
    }

    /// How `countsSplit` answered: from the projection, a rewind on this connection alone, a
    /// rewind split with another reader, or split but rewound here after all (its snapshot was
    /// later).
    enum Split: Equatable {
        case projected, whole, beside, besideWasLater
    }

    static func countsSplit(
        _ db: StoreReader, area: AdminCode, asOf: CivilDate, groupBy: AreaLevel?
    ) async throws -> (counts: [String: StatusCounts], split: Split) {
        let state = try await RegistryProjection.state(db.sql, area: area)
        if state.covers(asOf) { return (try await projected(db.sql, sqlite: db.sqlite, area: area, groupBy: groupBy), .projected) }
        guard area.level < .county, db.spare != nil, let middle = try await middleCounty(db.sql, area: area) else {
            return (try await rewound(db.sql, sqlite: db.sqlite, area: area, asOf: asOf, groupBy: groupBy, part: .all), .whole)
        }
        let upper = AreaFilter.Part.codes(from: middle, below: nil)
        async let beside = db.beside { other -> [String: StatusCounts]? in
            guard try await RegistryProjection.state(other.sql, area: area).version == state.version else { return nil }
            return try await rewound(other.sql, sqlite: other.sqlite, area: area, asOf: asOf, groupBy: groupBy, part: upper)
        }
        var result = try await rewound(
            db.sql, sqlite: db.sqlite, area: area, asOf: asOf, groupBy: groupBy, part: .codes(from: nil, below: middle))
        // No idle reader (nil), or a later snapshot there (nil inside): this reader rewinds the rest.
        let other: [String: StatusCounts]
        let split: Split
        switch try await beside {
        case .some(.some(let counts)): (other, split) = (counts, .beside)
        case let refused:
            other = try await rewound(db.sql, sqlite: db.sqlite, area: area, asOf: asOf, groupBy: groupBy, part: upper)
            split = refused == nil ? .whole : .besideWasLater
        }
        result.merge(other, uniquingKeysWith: +)
        return (result, split)
    }

    /// The county code that parts the area's households about in half (the counties before it
    /// and those from it on), by the maintained counts; nil when the area has fewer than two
    /// counties with households. The two ranges cover every county whatever the counts say.
    static func middleCounty(_ sql: any SQLDatabase, area: AdminCode) async throws -> String? {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT county_code, CAST(SUM(households) AS BIGINT) AS households FROM area_status_count
            WHERE \(filter.counties("county_code")) GROUP BY county_code ORDER BY county_code
            """
        ).all()
        var weights: [(county: String, households: Int64)] = []
        for row in rows {
            let county = try row.storedText("county_code", table: "area_status_count", key: area.rawValue)
            weights.append((county, max(0, try row.storedInt("households", table: "area_status_count", key: county))))
        }
        return middle(of: weights)
    }

    /// Of counties in code order with their households, the first of the later part: the one
    /// that leaves the households before it nearest to half. Nil for fewer than two counties.
    static func middle(of weights: [(county: String, households: Int64)]) -> String? {
        guard weights.count >= 2 else { return nil }
        let total = weights.reduce(0) { $0 + $1.households }
        var before: Int64 = 0
        var best: (county: String, distance: Int64)?
        for index in 1..<weights.count {
            before += weights[index - 1].households
            let distance = abs(before * 2 - total)
            if best == nil || distance < best!.distance { best = (weights[index].county, distance) }
        }
        return best?.county
    }
}
