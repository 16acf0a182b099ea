/// Whether a name people read (a person's, an area's) shows what it holds: at least one
/// character that is not a space, and no format or control character. A zero-width space, a
/// right-to-left override or a byte-order mark makes two names that look the same differ, or
/// reorders what a page shows. Private-use characters stay allowed: registries write rare
/// characters of names (生僻字) there.
///
/// ```swift
/// VisibleText.isVisible("刘浩")          // true
/// VisibleText.isVisible("\u{200B}")     // false
/// VisibleText.isVisible("朱\u{202E}然春") // false
/// ```
public enum VisibleText {
    public static func isVisible(_ text: String) -> Bool {
        text.contains { !$0.isWhitespace }
            && !text.unicodeScalars.contains { scalar in
                switch scalar.properties.generalCategory {
                case .format, .control, .lineSeparator, .paragraphSeparator: true
                default: blanks.contains(scalar.value)
                }
            }
    }

    /// Letters and marks that show nothing: the Hangul fillers, the combining grapheme joiner
    /// and the blank braille pattern.
    static let blanks: Set<UInt32> = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x2800]
}
