import ArgumentParser
import TuopinStrings

/// Turns an error into a worded message and a non-zero exit, never a stack trace.
enum Failure {
    /// Prints the message and exits 1.
    static func exit(_ error: any Error) -> ExitCode {
        Console.err("tuopin: " + Console.strings.describe(error))
        return ExitCode(1)
    }
}
