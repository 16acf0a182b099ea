import ArgumentParser
import TuopinServices
import TuopinStore
import TuopinWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web application (default http://127.0.0.1:8080).")

    @OptionGroup var db: DatabaseOptions

    @Option(help: "Address to listen on. Keep to loopback unless behind a proxy.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Flag(help: "Build the Hengyang demo first if the registry is empty.")
    var demo = false

    func run() async throws {
        let store: TuopinStore.Store
        do { store = try await db.openStore() } catch { throw Failure.exit(error) }
        do {
            if demo, try await DemoLoader.isRegistryEmpty(store) {
                let printer = ProgressPrinter()
                try await DemoLoader(store: store).load { printer.report($0) }
            }
            let app = try WebApplication.build(environment: ServiceEnvironment(store: store), host: host, port: port)
            try await app.runService()
        } catch {
            await store.close()
            throw Failure.exit(error)
        }
        await store.close()
    }
}
