import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

// The in-process half of `bench/run`'s statistics benchmark: times Tuopin's roll-ups on a
// database, warm, each the median of REPEAT runs, and prints one line per figure:
// `NAME MEDIAN_MS` (the raw engine's same roll-ups are timed by bench/duckdb-rollup.py).
//
// Usage: tuopin-bench DATABASE CITY COUNTY NOW PAST BASELINE REPEAT

let arguments = CommandLine.arguments
guard arguments.count == 8, let repeats = Int(arguments[7]), repeats > 0 else {
    FileHandle.standardError.write(Data("usage: tuopin-bench DATABASE CITY COUNTY NOW PAST BASELINE REPEAT\n".utf8))
    exit(64)
}
let city = try AdminCode(arguments[2])
let county = try AdminCode(arguments[3])
let now = try CivilDate(arguments[4])
let past = try CivilDate(arguments[5])
let baseline = try CivilDate(arguments[6])
let store = try await Store.open(DatabaseLocation(arguments[1]))
let environment = try ServiceEnvironment(store: store)
let system = User.system(osUser: "bench")
let statistics = StatisticsService(environment)

/// Runs `body` once to warm up, then `repeats` times; returns the median in milliseconds.
func median(_ body: () async throws -> Void) async throws -> Double {
    try await body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        try await body()
        let d = ContinuousClock.now - start
        times.append(Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15)
    }
    return times.sorted()[times.count / 2]
}

func rollup(_ area: AdminCode, _ date: CivilDate, by level: AreaLevel) async throws {
    _ = try await store.read { db in try await StatusCountQuery.counts(db, area: area, asOf: date, groupBy: level) }
}

let state = try await store.read { db in try await RegistryProjection.state(db.sql, area: city) }
print("projection_horizon \(state.horizon.map { "\($0)" } ?? "-") covers_now=\(state.covers(now))")
print("city_by_county_now \(try await median { try await rollup(city, now, by: .county) })")
print("city_by_county_past \(try await median { try await rollup(city, past, by: .county) })")
print("city_by_county_baseline \(try await median { try await rollup(city, baseline, by: .county) })")
print("county_by_village_now \(try await median { try await rollup(county, now, by: .village) })")
print("county_by_village_past \(try await median { try await rollup(county, past, by: .village) })")
print("city_overview_now_fresh \(try await median { _ = try await statistics.overview(of: city, asOf: now, by: system, cached: false) })")
print("city_overview_past_fresh \(try await median { _ = try await statistics.overview(of: city, asOf: past, by: system, cached: false) })")
print("city_overview_now_cached \(try await median { _ = try await statistics.overview(of: city, asOf: now, by: system) })")
print("city_overview_past_cached \(try await median { _ = try await statistics.overview(of: city, asOf: past, by: system) })")
await store.close()
