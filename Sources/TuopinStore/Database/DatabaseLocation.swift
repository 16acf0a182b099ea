import Foundation

/// Where the registry lives, read from `TUOPIN_DATABASE` (string, default `./tuopin.sqlite`):
/// a SQLite file path, `:memory:`, or a `postgres://user:password@host:port/database` URL,
/// optionally with `?schema=NAME` to work in one schema of that database.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultPath = "./tuopin.sqlite"

    public init(_ text: String?) {
        let value = (text ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            self = .sqliteFile(Self.defaultPath)
        } else if value == ":memory:" {
            self = .sqliteMemory
        } else if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else {
            self = .sqliteFile(value)
        }
    }

    /// Whether this is a PostgreSQL server.
    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// A description safe for logs: a PostgreSQL password is never shown.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url):
            // Hide the user-information part (user:password@).
            if let at = url.lastIndex(of: "@") { "postgres://***" + url[at...] } else { url }
        }
    }
}
