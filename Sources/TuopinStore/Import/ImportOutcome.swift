import Foundation
import TuopinCore

/// What an import did: the files read (with their digests), how many rows were read, written
/// and rejected, the first `keptRejections` rejections (all of them went to the caller's sink),
/// and whether anything was committed.
public struct ImportOutcome: Sendable {
    public static let keptRejections = 10_000

    public var files: [ImportedFile] = []
    /// Rejections, in the order found (capped at `keptRejections`).
    public var rejections: [ImportRejection] = []
    /// Distinct rows not committed: each row's own faults, and the rows of rejected households.
    public var rejectedRows = 0
    public var readRows = 0
    /// Rows the registry holds already, as they are (an area, a special group): read, not
    /// written, not rejected.
    public var unchangedRows = 0
    /// Rows written per file (before the transaction commits or rolls back).
    public var writtenRows: [RegistryFile: Int] = [:]
    /// A rejection that refuses the whole import, even with `--skip-invalid`.
    public var fatal = false
    /// The files with such a rejection (their rows were not all read: the rules on a household's
    /// whole history or membership would only report what is missing).
    var fatalFiles: Set<RegistryFile> = []
    /// Columns a file has that the format does not know (not read).
    public var unknownColumns: [RegistryFile: [String]] = [:]
    /// The counties of the households written (for the audit entry's chain).
    public var counties: Set<String> = []
    /// Whether the rows were committed.
    public var committed = false

    public var written: Int { writtenRows.values.reduce(0, +) }

    mutating func record(_ rejection: ImportRejection, sink: RegistryImport.RejectionSink?) {
        if rejections.count < Self.keptRejections { rejections.append(rejection) }
        if rejection.isFatal {
            fatal = true
            fatalFiles.insert(rejection.file)
        }
        sink?(rejection)
    }
}
