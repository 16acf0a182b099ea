import TuopinCore

/// The policy rows seeded into a new database, transcribed from REFERENCE §3.1–3.2 with their
/// sources. They are data: an administrator edits the tables, and nothing reads these constants
/// after the seed (tests and the demo read the tables, or these rows as the seed they are).
public enum PolicySeed {
    /// `year,amount,confirmed,source` for the national line (2,300 yuan at 2010 prices).
    static let povertyLineRows = """
        2010,2300,true,statistical yearbook [yb]
        2011,2536,true,statistical yearbook [yb]
        2012,2625,true,statistical yearbook [yb]
        2013,2736,true,statistical yearbook [yb]; used by the 2014 enrolment [shiyan]
        2014,2800,true,statistical yearbook [yb]
        2015,2855,true,statistical yearbook [yb]
        2016,2952,true,statistical yearbook [yb]
        2017,3000,false,≈2952–3000; unconfirmed — make configurable
        2018,2995,false,≈2995; unconfirmed — make configurable
        2019,3218,false,3218 (weak source); unconfirmed — make configurable
        2020,4000,true,"about 4,000" as stated by officials [exit2016; yyx]
        """

    /// `year,region,amount,confirmed,source` for monitoring thresholds.
    static let monitoringThresholdRows = """
        2021,national,6000,true,≈1.5 × 4000 [yyx]
        """

    public static var povertyLines: [PovertyLine] {
        povertyLineRows.split(separator: "\n").map { row in
            let f = row.split(separator: ",", maxSplits: 3).map(String.init)
            return PovertyLine(
                year: Int(f[0])!, region: .national, standard: .national, amount: .yuan(Int64(f[1])!),
                exitComparison: .above, confirmed: f[2] == "true", source: f[3])
        }
    }

    public static var monitoringThresholds: [MonitoringThreshold] {
        monitoringThresholdRows.split(separator: "\n").map { row in
            let f = row.split(separator: ",", maxSplits: 4).map(String.init)
            return MonitoringThreshold(
                year: Int(f[0])!, region: PolicyRegion(token: f[1])!, amountPerCapita: .yuan(Int64(f[2])!),
                withinComparison: .atMost, confirmed: f[3] == "true", source: f[4])
        }
    }

    /// `year,amount,source` for the years REFERENCE §3.2 gives no national figure (2020, before the
    /// mechanism, by the 2020 rule of REFERENCE §3.7; 2022–2026): seeded as
    /// unconfirmed national rows from the published local examples, so that a sweep of any
    /// year runs and names the row it used. Hunan's own values are unknown: an administrator
    /// adds a `43` row when the province publishes one.
    static let unconfirmedThresholdRows = """
        2020,6000,the 2020 rule: income below about 1.5 × the line [guideline2020]; unconfirmed — make configurable
        2022,6900,example: Zhangwan, Hubei [zhangwan]; unconfirmed — make configurable
        2023,8050,example: Yuanmou, Yunnan [yuanmou]; unconfirmed — make configurable
        2024,8800,"some provinces" (secondary); unconfirmed — make configurable
        2025,8800,2024's figure carried forward; unconfirmed — make configurable
        2026,8800,2024's figure carried forward; unconfirmed — make configurable
        """

    public static var unconfirmedThresholds: [MonitoringThreshold] {
        unconfirmedThresholdRows.split(separator: "\n").map { row in
            let f = row.split(separator: ",", maxSplits: 2).map(String.init)
            return MonitoringThreshold(
                year: Int(f[0])!, region: .national, amountPerCapita: .yuan(Int64(f[1])!), withinComparison: .atMost, confirmed: false,
                source: f[2])
        }
    }
}
