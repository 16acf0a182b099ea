import TuopinCore
import TuopinStrings

/// Settings read once at start-up from the environment; every one has a default.
///
/// | Variable | Type, default | Meaning |
/// |---|---|---|
/// | `TUOPIN_SESSION_IDLE_MINUTES` | integer, 30 | A web session ends after this long without a request |
/// | `TUOPIN_SESSION_MAX_HOURS` | integer, 12 | … and this long after sign-in, whatever happens |
/// | `TUOPIN_LOCKOUT_FAILURES` | integer, 5 | Failed sign-ins that lock an account … |
/// | `TUOPIN_LOCKOUT_MINUTES` | integer, 15 | … within this many minutes, for as long again |
/// | `TUOPIN_PASSWORD_MIN_LENGTH` | integer, 10 | Shortest password accepted |
/// | `TUOPIN_BCRYPT_COST` | integer 4–16, 12 | bcrypt work factor for new password hashes |
/// | `TUOPIN_SECURE_COOKIES` | `1`/`0`, 0 | Mark cookies `Secure` (set it behind TLS; `serve --behind-tls` too) |
public struct TuopinConfiguration: Sendable, Equatable {
    public var sessionIdleTimeoutSeconds: Int64 = 30 * 60
    public var sessionAbsoluteTimeoutSeconds: Int64 = 12 * 3600
    public var lockout = SignInLockout()
    public var passwordMinimumLength = 10
    public var bcryptCost: UInt8 = 12
    public var secureCookies = false

    public init() {}

    public enum ConfigurationError: Error, Equatable, Sendable {
        /// A variable holds something other than what it may.
        case invalid(variable: String, value: String, expected: String)
    }

    /// Reads the `TUOPIN_*` variables; an unusable value is an error that names it.
    public static func from(environment env: [String: String]) throws -> TuopinConfiguration {
        var c = TuopinConfiguration()
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = env[name], !text.isEmpty else { return nil }
            guard let n = Int(text), range.contains(n) else {
                throw ConfigurationError.invalid(variable: name, value: text, expected: "\(range.lowerBound)…\(range.upperBound)")
            }
            return n
        }
        if let n = try integer("TUOPIN_SESSION_IDLE_MINUTES", 1...1440) { c.sessionIdleTimeoutSeconds = Int64(n) * 60 }
        if let n = try integer("TUOPIN_SESSION_MAX_HOURS", 1...168) { c.sessionAbsoluteTimeoutSeconds = Int64(n) * 3600 }
        if let n = try integer("TUOPIN_LOCKOUT_FAILURES", 1...100) { c.lockout.maximumFailures = n }
        if let n = try integer("TUOPIN_LOCKOUT_MINUTES", 1...1440) {
            c.lockout.window = Double(n * 60)
            c.lockout.duration = Double(n * 60)
        }
        if let n = try integer("TUOPIN_PASSWORD_MIN_LENGTH", 8...64) { c.passwordMinimumLength = n }
        if let n = try integer("TUOPIN_BCRYPT_COST", 4...16) { c.bcryptCost = UInt8(n) }
        if let text = env["TUOPIN_SECURE_COOKIES"], !text.isEmpty {
            guard ["0", "1"].contains(text) else {
                throw ConfigurationError.invalid(variable: "TUOPIN_SECURE_COOKIES", value: text, expected: "0, 1")
            }
            c.secureCookies = text == "1"
        }
        return c
    }
}

extension TuopinConfiguration.ConfigurationError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .invalid(let variable, let value, let expected):
            s.text("error.configuration", ["variable": variable, "value": value, "expected": expected])
        }
    }
}
