/// How far a whole-registry job has got (DESIGN principle 7): the CLI draws a bar from it, a
/// page a progress line.
public struct JobProgress: Sendable, Equatable {
    /// A string-table key naming the phase (`progress.households`).
    public var phase: String
    public var done: Int
    public var total: Int

    public init(phase: String, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }

    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 1 }
}

/// Receives progress reports; called from the job's task.
public typealias ProgressSink = @Sendable (JobProgress) -> Void
