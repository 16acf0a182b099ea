/// The years a registry record may name (first identification, exit, income, profile): the
/// range a stored or imported year must lie in before any rule or date is built from it.
///
/// The registry began in 2014 and monitoring runs past 2025; the range is wide enough for
/// legacy rows and narrow enough that `0`, negatives and `99999` are refused, never turned
/// into dates.
///
/// ```swift
/// RegistryYear.contains(2014)   // true
/// RegistryYear.contains(0)      // false
/// ```
public enum RegistryYear {
    public static let range: ClosedRange<Int> = 1949...2100

    public static func contains(_ year: Int) -> Bool { range.contains(year) }
}
