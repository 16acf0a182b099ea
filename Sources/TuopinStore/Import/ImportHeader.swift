import TuopinCore

/// A file's header line: where each column is, and what is wrong with it. A missing or repeated
/// column name refuses the file at row 1; columns the format does not know are listed, not read.
struct ImportHeader {
    let file: RegistryFile
    let index: [String: Int]
    let count: Int
    let unknownColumns: [String]
    let rejections: [ImportRejection]

    init(_ names: [String], file: RegistryFile) {
        self.file = file
        let header = names.map { $0.trimmingCharacters(in: .whitespaces) }
        var index: [String: Int] = [:]
        var rejections: [ImportRejection] = []
        for (i, name) in header.enumerated() {
            if let first = index[name] {
                rejections.append(
                    ImportRejection(
                        file: file, line: 1, field: name, reason: .duplicateColumn(name, first: first + 1, second: i + 1),
                        fields: header))
            } else {
                index[name] = i
            }
        }
        for column in file.columns where index[column] == nil {
            rejections.append(ImportRejection(file: file, line: 1, field: column, reason: .missingColumn(column), fields: header))
        }
        self.index = index
        self.count = header.count
        self.unknownColumns = header.filter { !$0.isEmpty && !file.columns.contains($0) }
        self.rejections = rejections
    }
}
