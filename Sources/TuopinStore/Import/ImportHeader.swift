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
        // A header of control characters is not this format's text at all: said once, not as
        // every column missing.
        let notText = header.contains(where: { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        if notText {
            rejections.append(ImportRejection(file: file, line: 1, field: nil, reason: .headerNotText))
        }
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
        for column in file.columns where rejections.isEmpty && index[column] == nil && !file.laterColumns.contains(column) {
            rejections.append(ImportRejection(file: file, line: 1, field: column, reason: .missingColumn(column), fields: header))
        }
        self.index = index
        self.count = header.count
        let optional = file.optionalColumns
        // A header that is no text has no columns to list (a misspelt one is listed: its bytes
        // are for a terminal, a UTF-16 header's are not).
        self.unknownColumns = notText ? [] : header.filter { !$0.isEmpty && !file.columns.contains($0) }
        self.rejections = rejections
        self.optional = optional
    }

    private let optional: Set<String>

    /// A column resolved against this header once per file, so a row reads its fields without
    /// looking names up.
    func column(_ name: String) -> ImportColumn {
        ImportColumn(
            name: name, position: index[name] ?? -1, optional: optional.contains(name), freeText: RowReader.freeText.contains(name),
            multiline: RowReader.multiline.contains(name))
    }
}

/// A column of an import file: its position in this file's rows and how its text is read.
struct ImportColumn {
    let name: String
    /// -1 when the header lacks it (the file is then refused before any row is read).
    let position: Int
    let optional: Bool
    /// Free text: a protective apostrophe before a formula character is removed.
    let freeText: Bool
    /// May hold line breaks.
    let multiline: Bool
}
