import TuopinStore

extension StoredValueError: WordedError {
    public func message(_ s: Localizer) -> String {
        s.text("error.storedValue", ["table": table, "column": column, "key": key, "value": value])
    }
}

extension Store.OpenError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .cannotOpen(let location, let reason): s.text("error.database.open", ["location": location, "reason": reason])
        }
    }
}

extension RegistryImport.ReadError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .noFiles(let d): s.text("error.import.noFiles", ["directory": d])
        case .notAFolder(let d): s.text("error.import.notAFolder", ["directory": d])
        }
    }
}

extension RegistryImport.ImportError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .registryChanged: s.text("error.import.registryChanged")
        }
    }
}

extension RegistryWriter.WriteError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .householdNotInBatch(let n): s.text("import.reason.unknownHousehold", ["number": n])
        }
    }
}

extension ImportRejection: WordedError {
    public func message(_ s: Localizer) -> String { Rejections.wording(self, s) }
}

extension InstallationCopy.CopyError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .sameDatabase: s.text("copy.error.sameDatabase")
        case .sourceMissing(let path): s.text("copy.error.sourceMissing", ["path": path])
        case .schemaVersion(let side, let found, let expected):
            s.text(
                "copy.error.schemaVersion",
                [
                    "side": side == .source ? s.text("copy.side.source") : s.text("copy.side.destination"), "found": String(found),
                    "expected": String(expected),
                ])
        case .destinationNotEmpty(let table, let rows): s.text("copy.error.destinationNotEmpty", ["table": table, "rows": s.count(rows)])
        case .shapesDiffer(let table): s.text("copy.error.shapesDiffer", ["table": table])
        case .countMismatch(let table, let read, let found):
            s.text("copy.error.countMismatch", ["table": table, "read": s.count(read), "found": s.count(found)])
        }
    }
}

extension IdentityClaimedElsewhere: WordedError {
    public func message(_ s: Localizer) -> String {
        s.text("error.identity.claimedElsewhere", ["id": idNumber.isEmpty ? "?" : idNumber])
    }
}
