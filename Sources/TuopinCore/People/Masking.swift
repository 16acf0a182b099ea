/// How private fields are hidden in masked exports (DESIGN principle 8): so that no field, and
/// no combination of fields, gives back an ID number, a birth date, a name or a health condition.
///
/// - ID number: the 6-digit address code only (`430481************`). The birth date, the
///   sequence and the check character are all hidden, so even a known birth date leaves a
///   thousand candidates.
/// - Birth date: the year only (`1980-**-**`), enough for age bands.
/// - Name: the first character (usually the surname), then one `*` per hidden character.
/// - Health, phone, bank account: `***` (empty stays empty, so "not recorded" still shows).
/// - Membership dates: the year (`2012`): a child's membership starts on its birthday.
///
/// ```swift
/// Masking.identityNumber("430481198001010013")   // "430481************"
/// Masking.name("欧阳娜娜")                         // "欧***"
/// Masking.birthDate(CivilDate(year: 1980, month: 1, day: 1)!)  // "1980-**-**"
/// ```
public enum Masking {
    public static let hidden = "***"

    public static func identityNumber(_ number: String) -> String {
        let characters = Array(number)
        let kept = characters.count >= 6 && characters.prefix(6).allSatisfy { $0.isASCII && $0.isNumber } ? String(characters.prefix(6)) : ""
        return kept + String(repeating: "*", count: max(0, 18 - kept.count))
    }

    public static func name(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    public static func birthDate(_ date: CivilDate) -> String {
        String(date.description.prefix(4)) + "-**-**"
    }

    /// A private free-text field: hidden when present, empty when empty.
    public static func privateField(_ value: String) -> String { value.isEmpty ? "" : hidden }

    /// A date kept to its year (`2012-01-15` → `2012`); empty stays empty.
    public static func year(_ date: String) -> String { String(date.prefix(4)) }
}
