extension Check {
    /// A check of the import and data-quality rules: its values are kept only when it fails,
    /// since only a failure is reported, and a million passing rows need not build them.
    static func `import`(_ rule: RuleID, passed: Bool, values: @autoclosure () -> [ReasonValue] = []) -> Check {
        Check(rule, passed: passed, values: passed ? [] : values())
    }
}
