import ArgumentParser
import TuopinStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date (also done by every command).")

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        do {
            let store = try await Store.open(db.location)
            do {
                let applied = try await Migrator.migrate(store)
                Console.out(Console.strings.text("migrate.done", ["count": String(applied.count), "location": db.location.description]))
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        } catch { throw Failure.exit(error) }
    }
}
