import Foundation

/// Both string tables, loaded once at start-up and checked to have the same keys: the
/// vocabulary the command line and the web share.
public struct StringTables: Sendable {
    public let zh: Localizer
    public let en: Localizer

    public enum LoadError: Error, Equatable, Sendable {
        case missingTable(Language)
        /// A key present in one language and not the other.
        case missingKeys(Language, [String])
    }

    public subscript(language: Language) -> Localizer {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    public static func load() throws -> StringTables {
        let zh = try table(.zh), en = try table(.en)
        let zhKeys = Set(zh.keys), enKeys = Set(en.keys)
        if !zhKeys.subtracting(enKeys).isEmpty { throw LoadError.missingKeys(.en, zhKeys.subtracting(enKeys).sorted()) }
        if !enKeys.subtracting(zhKeys).isEmpty { throw LoadError.missingKeys(.zh, enKeys.subtracting(zhKeys).sorted()) }
        return StringTables(zh: Localizer(language: .zh, table: zh), en: Localizer(language: .en, table: en))
    }

    static func table(_ language: Language) throws -> [String: String] {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/i18n"),
            let data = try? Data(contentsOf: url),
            let table = try? JSONDecoder().decode([String: String].self, from: data)
        else { throw LoadError.missingTable(language) }
        return table
    }
}
