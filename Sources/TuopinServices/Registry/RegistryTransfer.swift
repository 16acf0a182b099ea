import Foundation
import TuopinCore
import TuopinStore

/// Export to and import from the CSV exchange format (docs/CSV-FORMAT.md), as jobs with progress.
public struct RegistryTransfer: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    public func export(to directory: URL, area: AdminCode? = nil, masked: Bool = false,
                       progress: ProgressSink? = nil) async throws -> RegistryExport.Summary {
        let total = RegistryFile.allCases.count
        progress?(JobProgress(phase: "progress.export", done: 0, total: total))
        return try await RegistryExport.export(store, to: directory, area: area, masked: masked) { _, done in
            progress?(JobProgress(phase: "progress.export", done: done, total: total))
        }
    }

    public struct ImportResult: Sendable {
        public var outcome: ImportOutcome
        /// Whether rows were written (all of them, or the good ones when partial commits are allowed).
        public var committed: Bool
    }

    /// Validates every row; commits all rows when none is rejected, the good rows when
    /// `commitPartial` is set, and nothing otherwise.
    public func importFolder(_ directory: URL, commitPartial: Bool, progress: ProgressSink? = nil) async throws -> ImportResult {
        progress?(JobProgress(phase: "progress.import.validate", done: 0, total: 2))
        let outcome = try await RegistryImport.validate(directory: directory, store: store)
        progress?(JobProgress(phase: "progress.import.validate", done: 1, total: 2))
        guard outcome.rejections.isEmpty || commitPartial else { return ImportResult(outcome: outcome, committed: false) }
        try await RegistryImport.commit(outcome.batch, to: store)
        progress?(JobProgress(phase: "progress.import.commit", done: 2, total: 2))
        return ImportResult(outcome: outcome, committed: true)
    }
}
