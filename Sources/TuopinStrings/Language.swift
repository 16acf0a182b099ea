/// A language the system speaks. Chinese is the default.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// `en`, `en-US`, `en_GB.UTF-8` → English; anything else → Chinese.
    public init(tag: String?) {
        self = (tag ?? "").lowercased().hasPrefix("en") ? .en : .zh
    }
}
