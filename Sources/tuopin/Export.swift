import ArgumentParser

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export areas, households, members and incomes to CSV files in a folder.")
    @OptionGroup var db: DatabaseOptions
    @Argument var directory: String
    func run() async throws {}
}
