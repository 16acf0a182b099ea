import ArgumentParser
import TuopinCore
import TuopinServices
import TuopinStrings

/// `tuopin codes`: the extensible code lists (REFERENCE §2.6) and their local codes.
struct Codes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "Code lists an administrator extends (causes, risks, measure kinds): list them, add a local code.",
        subcommands: [List.self, Add.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a code list's values: the built-in ones, then the local codes and what each counts as.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "povertyCause, riskType or measureKind (default: all three).") var list: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { if let list { _ = try MonitorInput.code(list, as: CodeList.self) } }

        func run() async throws {
            let book = try await withServices(db, acting) { env, user in try await LocalCodeService(env).book(by: user) }
            let lists = try list.map { [try MonitorInput.code($0, as: CodeList.self)] } ?? CodeList.allCases
            let s = Console.strings
            struct Row: Encodable {
                var list: String
                var token: String
                var name: String
                var base: String?
            }
            var rows: [Row] = []
            for l in lists {
                rows += l.builtIns.map { Row(list: l.token, token: $0.token, name: s.label($0.label)) }
                rows += book.locals(in: l).map { Row(list: l.token, token: $0.token, name: s.label($0.label), base: $0.base) }
            }
            if format == .json {
                Console.out(MonitorOutput.json(rows))
                return
            }
            Console.out(s.text("codes.header"))
            for r in rows {
                let base = r.base.map { b in (CodeList(token: r.list).flatMap { book.label(b, in: $0) }).map(s.label) ?? b } ?? "—"
                Console.out([r.list, r.token, r.name, base].joined(separator: "\t"))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a local code (or rename one): it refines a built-in value, under which every figure counts it (administrator).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "povertyCause, riskType or measureKind.") var list: String
        @Option(help: "Token: letters and digits, starting with a letter.") var token: String
        @Option(name: .customLong("name-zh")) var nameZh: String
        @Option(name: .customLong("name-en")) var nameEn = ""
        @Option(help: "The built-in value it refines (token or Chinese name), e.g. other or 其他.") var base: String

        func code() throws -> LocalCode {
            let list = try MonitorInput.code(list, as: CodeList.self)
            do { return try LocalCode(list: list, token: token, label: Label(nameZh, nameEn), base: base) } catch {
                throw ValidationError(Console.strings.describe(error))
            }
        }

        func validate() throws { _ = try code() }

        func run() async throws {
            let code = try code()
            try await withServices(db, acting) { env, user in try await LocalCodeService(env).add(code, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}
