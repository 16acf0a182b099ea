import ArgumentParser
import TuopinCore
import TuopinServices
import TuopinStrings

/// `tuopin users`: add, list, disable, enable users, set passwords, roles and scopes. Passwords
/// are read from a prompt (or standard input), never from an argument.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage users: add, list, disable, enable, passwd, set-role.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Passwd.self, SetRole.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from a prompt or standard input.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "User name: 2–32 lower-case letters, digits, '.', '_' or '-', starting with a letter.") var username: String
        @Option(help: "villageCadre, townshipOfficer, countyOffice, cityOffice, inspector or administrator.") var role: String
        @Option(help: "An area code fitting the role (a village for a village cadre …), or 'all'.") var scope: String
        @Option(help: "Name shown in the application (default: the user name).") var name: String?

        func validate() throws { _ = try UserArguments.parse(username: username, role: role, scope: scope) }

        func run() async throws {
            let (username, role, scope) = try UserArguments.parse(username: username, role: role, scope: scope)
            let password = try UserArguments.password()
            try await withServices(db, acting) { environment, user in
                try await UserService(environment).add(
                    User(username: username, displayName: name ?? username.rawValue, role: role, scope: scope),
                    password: password, by: user)
            }
            Console.out(Console.strings.text("users.added", ["name": username.rawValue]))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users in your scope.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let users = try await withServices(db, acting) { environment, user in try await UserService(environment).list(by: user) }
            Console.out(s.text("users.list.header"))
            for stored in users {
                let u = stored.user
                let status = u.isDisabled ? "users.status.disabled" : (stored.lockedUntil != nil ? "users.status.locked" : "users.status.active")
                Console.out(
                    s.text(
                        "users.list.row",
                        [
                            "username": u.username.rawValue, "name": u.displayName, "role": s.label(u.role.label),
                            "scope": u.scope.token, "status": s.text(status),
                        ]))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user (their sessions end at once).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument var username: String

        func run() async throws {
            let name = try UserArguments.username(username)
            try await withServices(db, acting) { environment, user in try await UserService(environment).disable(name, by: user) }
            Console.out(Console.strings.text("users.done.disabled", ["name": name.rawValue]))
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a user again (and lift a lockout).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument var username: String

        func run() async throws {
            let name = try UserArguments.username(username)
            try await withServices(db, acting) { environment, user in try await UserService(environment).enable(name, by: user) }
            Console.out(Console.strings.text("users.done.enabled", ["name": name.rawValue]))
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password, read from a prompt or standard input.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument var username: String

        func run() async throws {
            let name = try UserArguments.username(username)
            let password = try UserArguments.password()
            try await withServices(db, acting) { environment, user in try await UserService(environment).setPassword(name, to: password, by: user) }
            Console.out(Console.strings.text("users.done.password", ["name": name.rawValue]))
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Give a user another role and scope.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument var username: String
        @Option(help: "villageCadre, townshipOfficer, countyOffice, cityOffice, inspector or administrator.") var role: String
        @Option(help: "An area code fitting the role, or 'all'.") var scope: String

        func validate() throws { _ = try UserArguments.parse(username: username, role: role, scope: scope) }

        func run() async throws {
            let (name, role, scope) = try UserArguments.parse(username: username, role: role, scope: scope)
            try await withServices(db, acting) { environment, user in
                try await UserService(environment).setRole(name, role: role, scope: scope, by: user)
            }
            Console.out(Console.strings.text("users.done.role", ["name": name.rawValue]))
        }
    }
}

/// Checked user arguments, worded through the string tables.
enum UserArguments {
    static func username(_ text: String) throws -> Username {
        do { return try Username(text) } catch { throw ValidationError(Console.strings.describe(error)) }
    }

    static func parse(username text: String, role: String, scope: String) throws -> (Username, Role, AreaScope) {
        let s = Console.strings
        let name = try username(text)
        guard let r = Role(token: role) else { throw ValidationError(s.text("users.error.role", ["value": role])) }
        guard let sc = AreaScope(token: scope) else { throw ValidationError(s.text("users.error.scope", ["value": scope])) }
        return (name, r, sc)
    }

    static func password() throws -> String {
        do { return try PasswordPrompt.read(confirm: true) } catch PasswordPrompt.PromptError.mismatch {
            Console.err("tuopin: " + Console.strings.text("users.prompt.mismatch"))
            throw ExitCode(1)
        } catch {
            Console.err("tuopin: " + Console.strings.text("users.prompt.none"))
            throw ExitCode(1)
        }
    }
}
