import ArgumentParser
import TuopinDemo
import TuopinServices
import TuopinWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web application (default http://127.0.0.1:8080); sign in to use it.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions

    @Option(help: "Address to listen on. Keep to loopback unless behind a proxy.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Flag(help: "Build the Hengyang demo (and its users) first if the registry is empty.")
    var demo = false

    @Flag(
        name: .customLong("behind-tls"), help: "The server is behind a TLS proxy: cookies are Secure and HSTS is sent (also TUOPIN_SECURE_COOKIES=1)."
    )
    var behindTLS = false

    func run() async throws {
        try await withServices(db, acting) { base, user in
            var configuration = base.configuration
            if behindTLS { configuration.secureCookies = true }
            let environment = try ServiceEnvironment(
                store: base.store, replica: base.replica, configuration: configuration, strings: base.strings, now: base.now)
            if demo, try await RegistryService(environment).isEmpty(by: user) {
                let printer = ProgressPrinter()
                let summary = try await DemoLoader(environment).load(by: user) { printer.report($0) }
                Demo.printUsers(summary.users)
            }
            Console.out(Console.strings.text("serve.listening", ["url": "http://\(host):\(port)/"]))
            try await WebApplication.build(environment: environment, host: host, port: port).runService()
        }
    }
}
