import Foundation

/// The `;`-separated lists of an import row (secondary causes, health conditions, guarantees,
/// fuels): each item trimmed of spaces and tabs (`CharacterSet.whitespaces`), empty items
/// dropped. Items without surrounding space, the usual case, are taken as they are: Foundation's
/// trimming is slow, and an import calls this for every list of every row.
enum ListField {
    static func items(_ text: String) -> [String] {
        text.split(separator: ";").compactMap { part in
            let item = trimmed(part)
            return item.isEmpty ? nil : item
        }
    }

    static func trimmed(_ s: Substring) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return "" }
        guard isSpace(first) || isSpace(last) else { return String(s) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    static let spaces = CharacterSet.whitespaces

    static func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || (u.value > 0x7F || u == "\t") && spaces.contains(u) }
}
