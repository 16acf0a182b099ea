import ArgumentParser

/// `tuopin`: the registry's command line (DESIGN: one file per command).
@main
struct Tuopin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuopin",
        abstract: "Tuopin 脱贫: household registry and return-to-poverty monitoring.",
        discussion: "The database is TUOPIN_DATABASE (default ./tuopin.sqlite; postgres://… for PostgreSQL).",
        subcommands: [Demo.self, Serve.self, Migrate.self, Stats.self, Export.self, Import.self, Policy.self]
    )
}
