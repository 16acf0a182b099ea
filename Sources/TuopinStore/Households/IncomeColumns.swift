import TuopinCore

/// The `income_record` columns for income components: one per `IncomeItem`, in fen.
enum IncomeColumns {
    static func name(_ item: IncomeItem) -> String {
        // camelCase token → snake_case column + _fen.
        var out = ""
        for c in item.token {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out + "_fen"
    }

    static let names: [String] = IncomeItem.allCases.map(name)
}
