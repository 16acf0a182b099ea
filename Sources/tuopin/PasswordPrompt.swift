import Foundation

/// Reads a new password: from the terminal with echo off, asked twice; or one line from
/// standard input when it is a pipe (scripts). Never from an argument, where `ps` and shell
/// history would keep it.
enum PasswordPrompt {
    enum PromptError: Error { case noInput, mismatch }

    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw PromptError.noInput }
            return line
        }
        let first = try hidden(Console.strings.text("users.prompt.password"))
        guard confirm else { return first }
        let second = try hidden(Console.strings.text("users.prompt.again"))
        guard first == second else { throw PromptError.mismatch }
        return first
    }

    /// Prints `prompt` on stderr and reads a line with terminal echo turned off.
    static func hidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var quiet = original
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw PromptError.noInput }
        return line
    }
}
