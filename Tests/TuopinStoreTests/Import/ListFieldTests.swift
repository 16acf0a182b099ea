import Foundation
import Testing

@testable import TuopinStore

/// The lists of an import row are split on `;` and each item trimmed as
/// `CharacterSet.whitespaces` trims (spaces of every kind and tabs, not other characters).
@Suite("Import lists")
struct ListFieldTests {
    @Test(arguments: [
        ("illness;disability", ["illness", "disability"]),
        (" illness ; disability\t", ["illness", "disability"]),
        ("\u{3000}因病\u{3000};因残", ["因病", "因残"]),
        ("\u{00A0}education;;  ;", ["education"]),
        ("", []),
        (";;", []),
        ("因病", ["因病"]),
        ("a b;c", ["a b", "c"]),
        ("x\u{200B};\u{2003}y", ["x", "y"]),
    ])
    func itemsAreSplitAndTrimmed(_ text: String, _ expected: [String]) {
        #expect(ListField.items(text) == expected)
        #expect(ListField.items(text) == text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
