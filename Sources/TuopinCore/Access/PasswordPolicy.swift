/// Whether a new password is acceptable: long enough, not a common password, not the user name.
///
/// The minimum length is configuration (`TuopinConfiguration.passwordMinimumLength`, default 10),
/// passed in. Common passwords are refused whatever their length: the list holds the most
/// leaked ones worldwide and in China (`123456`, `5201314`, `woaini1314`, `1qaz2wsx` …), and a
/// password that is only one of them with digits or punctuation around it is refused too.
///
/// ```swift
/// PasswordPolicy.decide("woaini1314", username: "baixi", minimumLength: 10).passed   // false: common
/// PasswordPolicy.decide("山下的橘子树2020", username: "baixi", minimumLength: 10).passed // true
/// ```
public enum PasswordPolicy {
    public static let length = RuleID("password.length")
    public static let common = RuleID("password.common")
    public static let username = RuleID("password.username")
    public static let variety = RuleID("password.variety")
    public static let bytes = RuleID("password.bytes")

    /// bcrypt reads only the first 72 bytes of a password (24 Chinese characters): a longer one
    /// would be checked only in part, so it is refused rather than cut silently.
    public static let maximumBytes = 72

    public static func decide(_ password: String, username user: String, minimumLength: Int) -> Decision {
        let lower = password.lowercased()
        let core = lower.strippingPadding(Self.padding)
        let isCommon = CommonPasswords.all.contains(lower) || CommonPasswords.all.contains(core) || core.isEmpty
        let distinct = Set(password).count
        return Decision(checks: [
            Check(
                length, passed: password.count >= minimumLength,
                values: [ReasonValue("length", .count(Int64(password.count))), ReasonValue("minimum", .count(Int64(minimumLength)))]),
            Check(common, passed: !isCommon),
            Check(username, passed: user.isEmpty || !lower.contains(user.lowercased())),
            Check(variety, passed: distinct >= 4, values: [ReasonValue("distinct", .count(Int64(distinct)))]),
            Check(
                bytes, passed: password.utf8.count <= maximumBytes,
                values: [ReasonValue("bytes", .count(Int64(password.utf8.count))), ReasonValue("maximum", .count(Int64(maximumBytes)))]),
        ])
    }

    /// Digits and punctuation people put around a common word ("password123!", "!qwerty2020").
    static let padding: Set<Character> = Set("0123456789!@#$%^&*()_-+=.,;:?~ ")
}

extension String {
    fileprivate func strippingPadding(_ set: Set<Character>) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
