import ArgumentParser

/// `tuopin`: the registry's command line (DESIGN: one file per command).
@main
struct Tuopin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuopin",
        abstract: "Tuopin 脱贫: household registry and return-to-poverty monitoring.",
        discussion:
            "The database is TUOPIN_DATABASE (default ./tuopin.sqlite; postgres://… for PostgreSQL). Commands act as --as USER (or TUOPIN_USER), else as the system operator; the audit log records which, and the OS user.",
        subcommands: [
            Demo.self, Serve.self, Migrate.self, Stats.self, Export.self, Import.self, Policy.self, Users.self, Audit.self, Monitor.self,
            Assistance.self, Cadres.self, CheckCommand.self, HouseholdCommand.self, Feeds.self, EnrolmentCommand.self, Codes.self, Measures.self,
            Report.self, Evaluate.self, Chart.self, Findings.self, Survey.self, Assessment.self, Petitions.self, Campaigns.self, Copy.self,
        ]
    )
}
