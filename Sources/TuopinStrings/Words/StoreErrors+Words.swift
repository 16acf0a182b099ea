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
