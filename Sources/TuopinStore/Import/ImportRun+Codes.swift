import TuopinCore

extension ImportRun {
    /// local_codes.csv: the local codes the registry's rows may name (REFERENCE §2.6). A code the
    /// registry lacks is added (the code lists travel with the registry) when the importer's scope
    /// is the whole registry; one it has must carry the same names and base. Without the file, the
    /// registry's own codes are used.
    func importLocalCodes() async throws {
        let known = try await LocalCodeQuery.codes(try await database())
        codes = CodeBook(known)
        guard has(.localCodes) else { return }
        var added: [LocalCode] = []
        // The registry's codes and those added above this row.
        var book = codes
        var seen: [String: Int] = [:]
        try await read(
            .localCodes, columns: ImportRows.LocalCodeColumns.init,
            { row, c in
                let list = row.code(c.list, CodeList.self), token = row.text(c.token, maximum: 40), zh = row.text(c.zh, maximum: 40)
                let en = row.optionalText(c.en) ?? "", base = row.text(c.base, maximum: 40)
                guard let list, let token, let zh, let base, row.isValid else { return }
                let code: LocalCode
                do throws(LocalCodeError) { code = try LocalCode(list: list, token: token, label: Label(zh, en), base: base) } catch {
                    let field =
                        switch error {
                        case .badName: "name_zh"
                        case .unknownBase: "base"
                        default: "token"
                        }
                    row.reject(field, .invalidLocalCode(error))
                    return
                }
                let key = list.token + ":" + token
                if let first = seen[key] {
                    row.reject("token", .duplicateRow(firstLine: first))
                    return
                }
                seen[key] = row.line
                if let existing = codes.local(token, in: list) {
                    if existing != code { row.reject("name_zh", .localCodeDiffers(token)) } else { outcome.unchangedRows += 1 }
                    return
                }
                // The code lists are the whole registry's: only an import with the whole registry in scope adds to them.
                guard scope == .everywhere else {
                    row.reject("token", .unknownCode(token))
                    return
                }
                // A new code names no value the list has (its rule, as for an administrator's addition).
                let decision = LocalCodeRules.evaluate(code, book: book)
                guard decision.passed else {
                    for check in decision.failedChecks {
                        row.reject(
                            check.rule == LocalCodeRules.newName ? "name_zh" : check.rule == LocalCodeRules.sameBase ? "base" : "token", .rule(check))
                    }
                    return
                }
                added.append(code)
                book.insert(code)
            }, flush: {})
        for code in added { try await LocalCodeQuery.save(code, in: tx) }
        if !added.isEmpty { outcome.writtenRows[.localCodes, default: 0] += added.count }
        codes = book
    }
}
