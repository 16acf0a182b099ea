import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `TUOPIN_*` settings: defaults, accepted values, and a refusal that names the variable.
@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test func defaultsAreTheDocumentedOnes() throws {
        let c = try TuopinConfiguration.from(environment: [:])
        #expect(c.sessionIdleTimeoutSeconds == 1_800 && c.passwordMinimumLength == 10 && !c.secureCookies)
        #expect(c.countdown == .init(date: CivilDate(year: 2020, month: 12, day: 31)!, name: "脱贫攻坚目标任务完成"))
        #expect(c.countdown?.daysLeft(from: CivilDate(year: 2020, month: 10, day: 15)!) == 77)
        #expect(c.countdown?.daysLeft(from: CivilDate(year: 2020, month: 12, day: 30)!) == 1)
        #expect(c.countdown?.daysLeft(from: CivilDate(year: 2020, month: 12, day: 31)!) == nil, "the day itself: nothing left to count")
    }

    @Test(arguments: [
        ("2035-12-31 乡村振兴基本实现", "2035-12-31", "乡村振兴基本实现"),
        ("2025-06-30  年中考核 ", "2025-06-30", "年中考核"),
    ])
    func aCountdownIsADateAndAName(_ text: String, _ date: String, _ name: String) throws {
        let c = try TuopinConfiguration.from(environment: ["TUOPIN_COUNTDOWN": text])
        #expect(c.countdown == .init(date: try CivilDate(date), name: name))
    }

    @Test func anEmptyCountdownTurnsItOff() throws {
        #expect(try TuopinConfiguration.from(environment: ["TUOPIN_COUNTDOWN": " "]).countdown == nil)
    }

    @Test(arguments: ["2035-12-31", "2035-13-01 名称", "明年 名称", "2035-12-31 " + String(repeating: "长", count: 41)])
    func aBadCountdownIsRefusedByName(_ text: String) throws {
        #expect {
            _ = try TuopinConfiguration.from(environment: ["TUOPIN_COUNTDOWN": text])
        } throws: { error in
            let zh = try! Localizer.load(.zh)
            return zh.describe(error).contains("TUOPIN_COUNTDOWN")
        }
    }

    @Test func otherSettingsAreCheckedAgainstTheirRanges() throws {
        #expect(try TuopinConfiguration.from(environment: ["TUOPIN_SESSION_IDLE_MINUTES": "5"]).sessionIdleTimeoutSeconds == 300)
        #expect(throws: (any Error).self) { try TuopinConfiguration.from(environment: ["TUOPIN_BCRYPT_COST": "3"]) }
        #expect(throws: (any Error).self) { try TuopinConfiguration.from(environment: ["TUOPIN_SECURE_COOKIES": "yes"]) }
    }

    @Test func theDatabaseConnectionsAndAReplicaAreOptional() throws {
        let none = try TuopinConfiguration.from(environment: [:])
        #expect(none.databaseConnections == nil && none.replicaDatabase == nil)
        let set = try TuopinConfiguration.from(environment: [
            "TUOPIN_DATABASE_CONNECTIONS": "24", "TUOPIN_REPLICA_DATABASE": "postgres://tuopin@10.0.0.2:5432/tuopin",
        ])
        #expect(set.databaseConnections == 24)
        #expect(set.replicaDatabase == .postgres(url: "postgres://tuopin@10.0.0.2:5432/tuopin"))
    }

    @Test(arguments: [
        ("TUOPIN_DATABASE_CONNECTIONS", "0"), ("TUOPIN_DATABASE_CONNECTIONS", "201"), ("TUOPIN_DATABASE_CONNECTIONS", "many"),
        ("TUOPIN_REPLICA_DATABASE", "./replica.sqlite"), ("TUOPIN_REPLICA_DATABASE", ":memory:"),
    ])
    func aBadDatabaseSettingIsRefusedByName(_ variable: String, _ value: String) throws {
        #expect {
            _ = try TuopinConfiguration.from(environment: [variable: value])
        } throws: { error in
            try! Localizer.load(.zh).describe(error).contains(variable)
        }
    }
}
