import ArgumentParser

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import CSV files from a folder.")
    @OptionGroup var db: DatabaseOptions
    @Argument var directory: String
    func run() async throws {}
}
