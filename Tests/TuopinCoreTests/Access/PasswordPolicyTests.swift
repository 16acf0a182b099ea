import Foundation
import Testing
import TuopinCore

@Suite("Password policy")
struct PasswordPolicyTests {
    @Test(
        "refuses, with the rule that refused",
        arguments: [
            ("xk-77pq", [PasswordPolicy.length]),
            ("abc12345", [PasswordPolicy.length, PasswordPolicy.common]),
            ("woaini1314", [PasswordPolicy.common]),
            ("Password123!", [PasswordPolicy.common]),
            ("!!qwertyuiop2020", [PasswordPolicy.common]),
            ("1qaz2wsx3edc", [PasswordPolicy.common]),
            ("baixi-village-9", [PasswordPolicy.username]),
            ("aaaaaaaaaaaa", [PasswordPolicy.variety]),
            (String(repeating: "山水", count: 13), [PasswordPolicy.variety, PasswordPolicy.bytes]),
        ])
    func refuses(_ password: String, _ rules: [RuleID]) {
        let d = PasswordPolicy.decide(password, username: "baixi", minimumLength: 10)
        #expect(d.failedChecks.map(\.rule) == rules)
    }

    @Test("accepts", arguments: ["山下的橘子树2020", "river-bend-2021", "hengyang-demo-2020", "Xiang Jiang flows north"])
    func accepts(_ password: String) {
        #expect(PasswordPolicy.decide(password, username: "baixi", minimumLength: 10).passed)
    }

    @Test func theMinimumLengthIsConfiguration() {
        #expect(PasswordPolicy.decide("river-bend", username: "x1", minimumLength: 10).passed)
        let d = PasswordPolicy.decide("river-bend", username: "x1", minimumLength: 12)
        #expect(d.failedChecks.first?["minimum"] == .count(12) && d.failedChecks.first?["length"] == .count(10))
    }
}

@Suite("Sign-in lockout")
struct SignInLockoutTests {
    let rules = SignInLockout(maximumFailures: 5, window: 15 * 60, duration: 15 * 60)
    let now = Instant(millisecondsSince1970: 1_602_727_200_000).date

    func failures(minutesAgo: [Double]) -> [Foundation.Date] { minutesAgo.map { now.addingTimeInterval(-$0 * 60) } }

    @Test func fourFailuresDoNotLock() {
        #expect(rules.lockedUntil(failures: failures(minutesAgo: [1, 2, 3, 4]), now: now) == nil)
    }

    @Test func fiveInFifteenMinutesLockForFifteenMinutesFromTheLast() {
        #expect(rules.lockedUntil(failures: failures(minutesAgo: [14, 10, 5, 2, 0]), now: now) == now.addingTimeInterval(15 * 60))
    }

    @Test func failuresOlderThanTheWindowDoNotCount() {
        #expect(rules.lockedUntil(failures: failures(minutesAgo: [16, 10, 5, 2, 0]), now: now) == nil)
    }

    @Test func theLockEnds() {
        #expect(rules.lockedUntil(failures: failures(minutesAgo: [15.5, 15.4, 15.3, 15.2, 15.1]), now: now) == nil)
    }
}
