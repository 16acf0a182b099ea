import Foundation
import TuopinServices
import TuopinStrings

/// Terminal output: the user's language, a progress bar on a terminal and plain lines otherwise.
enum Console {
    static let language = Language(tag: ProcessInfo.processInfo.environment["TUOPIN_LANG"] ?? ProcessInfo.processInfo.environment["LANG"])

    /// Both string tables, loaded once; missing tables are a broken build, reported once.
    static let tables: StringTables = {
        do { return try StringTables.load() } catch {
            FileHandle.standardError.write(Data("tuopin: string tables missing (\(error))\n".utf8))
            exit(70)
        }
    }()

    /// The table in the user's language.
    static var strings: Localizer { tables[language] }

    static func out(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    static func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Draws job progress on stderr: a bar that redraws itself on a terminal, or a line every 10%
/// when the output is a file or a pipe (CI logs).
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDecile = -1
    private var lastPhase = ""

    func report(_ p: JobProgress) {
        lock.lock()
        defer { lock.unlock() }
        let phase = Console.strings.text(p.phase)
        let percent = Int(p.fraction * 100)
        if Console.isTerminal {
            let width = 30, filled = Int(p.fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(
                Data("\r\(phase) [\(bar)] \(percent)% \(Console.strings.count(p.done))/\(Console.strings.count(p.total))   ".utf8))
            if p.done >= p.total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            let decile = percent / 10
            if decile != lastDecile || phase != lastPhase {
                Console.err("\(phase): \(percent)% (\(p.done)/\(p.total))")
                lastDecile = decile
                lastPhase = phase
            }
        }
    }
}
