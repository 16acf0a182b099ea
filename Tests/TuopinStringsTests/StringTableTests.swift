import Foundation
import Testing
import TuopinCore
import TuopinStore
import TuopinStrings

@Suite("String tables")
struct StringTableTests {
    @Test func bothLanguagesLoadWithTheSameKeys() throws {
        let tables = try StringTables.load()
        #expect(tables.zh.language == .zh && tables.en.language == .en)
        #expect(tables.zh.text("app.name") != "app.name")
    }

    @Test func importRejectionsReadAsTheBriefAsks() throws {
        let zh = try Localizer.load(.zh)
        let r = ImportRejection(
            file: .members, line: 12, field: "id_number",
            reason: .invalidIdentityNumber(.wrongCheckCharacter(expected: "X", found: "3")))
        #expect(Rejections.wording(r, zh) == "members.csv 第 12 行，id_number：身份证号校验位错误，应为 X")
        let en = try Localizer.load(.en)
        #expect(Rejections.wording(r, en) == "members.csv line 12, id_number: ID number check character is wrong: expected X, found 3")
    }

    /// Reasons that name the fault's own bound and place (the third hostile-input run).
    @Test func boundsAndFirstEventsAreWordedAsTheyAre() throws {
        let zh = try Localizer.load(.zh)
        func words(_ file: RegistryFile, _ field: String, _ reason: ImportRejection.Reason) -> String {
            Rejections.wording(ImportRejection(file: file, line: 2, field: field, reason: reason), zh)
        }
        // The rule's own check, so that the bound in the words is the bound the rule applies.
        let facts = HouseholdYear(
            household: try HouseholdNumber("4304811002010001"), year: 2020, securedGuarantees: [],
            living: LivingConditions(builtYear: 1899, renovationYear: 1899))
        let checks = HouseholdYearRules.evaluate(facts, today: CivilDate(year: 2024, month: 6, day: 1)!).checks
        let built = try #require(checks.first { $0.rule == HouseholdYearRules.builtYear && !$0.passed })
        let renovated = try #require(checks.first { $0.rule == HouseholdYearRules.renovationYear })
        #expect(renovated.passed, "renovated the year it was built")
        #expect(words(.householdYears, "built_year", .rule(built)) == "household_years.csv 第 2 行，built_year：建房年份 1899 须在 1900 年至 2020 年之间")
        let alone = HouseholdYear(
            household: try HouseholdNumber("4304811002010001"), year: 2020, securedGuarantees: [], living: LivingConditions(renovationYear: 1850))
        let early = try #require(
            HouseholdYearRules.evaluate(alone, today: CivilDate(year: 2024, month: 6, day: 1)!).checks.first {
                $0.rule == HouseholdYearRules.renovationYear && !$0.passed
            })
        #expect(
            words(.householdYears, "renovation_year", .rule(early))
                == "household_years.csv 第 2 行，renovation_year：改造年份 1850 须不早于建房年份（未填则 1900 年）、不晚于 2020 年")
        #expect(
            words(.householdYears, "floor_area", .invalidDecimal("80.555", places: 2))
                == "household_years.csv 第 2 行，floor_area：80.555 不是有效的数（最多 2 位小数，不带千位分隔符或指数，如 80.55）")
        #expect(words(.statusEvents, "sequence", .outOfRange(0, minimum: 1, maximum: 999)) == "status_events.csv 第 2 行，sequence：0 超出范围，须在 1 至 999 之间")
        let first = Check(
            StatusHistoryRules.first, passed: false, values: [ReasonValue("sequence", .count(1)), ReasonValue("kind", .code(StatusEventKind.exited))])
        #expect(!words(.statusEvents, "kind", .rule(first)).contains("从“"))
        let later = Check(
            StatusHistoryRules.transition, passed: false,
            values: [
                ReasonValue("sequence", .count(3)), ReasonValue("kind", .code(StatusEventKind.exited)),
                ReasonValue("from", .code(PovertyStatus.exitedWithPolicies)),
            ])
        #expect(!words(.statusEvents, "kind", .rule(later)).contains("第一条"))
        #expect(words(.members, "", .misnamedFile("members.csv ")).contains("“members.csv ”"))
    }

    @Test func everyRejectionReasonHasWords() throws {
        let zh = try Localizer.load(.zh)
        let reasons: [ImportRejection.Reason] = [
            .notARegularFile, .unreadableFile, .headerNotText, .misnamedFile("MEMBERS.CSV"), .emptyFile, .missingColumn("x"),
            .duplicateColumn("name", first: 2, second: 5),
            .wrongFieldCount(expected: 3, found: 2), .notUTF8, .fieldTooLong(bytes: 5000, maximum: 4096), .textAfterClosingQuote,
            .unterminatedQuote, .unattributable, .emptyField, .invalidAreaCode(.wrongLength(5)), .unknownArea("430481100299"),
            .notAVillage("430481"), .unknownCode("x"), .kindNotOfLevel(kind: "county", digits: 12), .invalidDate("x"), .invalidNumber("x"),
            .invalidAmount("x"),
            .invalidHouseholdNumber("x"), .invalidIdentityNumber(.wrongLength(3)), .controlCharacter(0), .tooLong(count: 60, maximum: 50),
            .rule(Check(MemberRules.ethnicityCode, passed: false, values: [ReasonValue("value", .token("77"))])),
            .duplicateHousehold(firstLine: 2), .householdAlreadyInRegistry("x"), .unknownHousehold("x"),
            .identityInTwoHouseholds(otherHousehold: "x", otherLine: 3), .identityDiffers(otherLine: 4), .identityAlreadyInRegistry,
            .areaEventAlreadyInRegistry, .profileAlreadyInRegistry(year: 2020), .duplicateRow(firstLine: 2), .householdRejected("x"),
            .outsideScope("430424"), .noRows, .areaDiffers("430481100201", name: "湾坡村", kind: "village"),
            .invalidDecimal("80.555", places: 2), .outOfRange(0, minimum: 1, maximum: 999), .tooManyColumns(found: 1001, maximum: 1000),
        ]
        for reason in reasons {
            let text = Rejections.reason(reason, zh)
            #expect(!text.hasPrefix("import.") && !text.contains("{") && !text.hasPrefix("member."), "\(reason): \(text)")
        }
    }

    @Test func exitReasonsAreWordedWithTheirValues() throws {
        let zh = try Localizer.load(.zh)
        let lines = PovertyLineTable([PovertyLine(year: 2020, region: .national, standard: .national, amount: .yuan(4_000))])
        let facts = HouseholdExitFacts(
            exitYear: 2020, perCapitaNetIncome: [2020: Money(fen: 381_250)],
            securedGuarantees: Set(BasicGuarantee.allCases), dangerGrade: .a)
        let e1 = HouseholdExit.evaluate(facts, lines: lines).checks[0]
        #expect(zh.explain(e1) == "人均纯收入 3,812.50 < 扶贫标准 4,000.00（2020），未达到“一超过”")
    }

    /// A check missing a value reads in words of its own where the table has them, and an
    /// unfilled placeholder never shows.
    @Test func aMissingValueIsWordedNotLeftAsAPlaceholder() throws {
        let zh = try Localizer.load(.zh)
        let facts = HouseholdExitFacts(
            exitYear: 2024, perCapitaNetIncome: [2024: Money(fen: 150_000)], securedGuarantees: Set(BasicGuarantee.allCases), dangerGrade: .a)
        let noLine = HouseholdExit.evaluate(facts, lines: PovertyLineTable([])).checks[0]
        #expect(zh.explain(noLine) == "2024 年没有扶贫标准，无法检验人均纯收入（1,500.00）是否超过标准，未达到“一超过”")
        let line = PovertyLineTable([PovertyLine(year: 2024, region: .national, standard: .national, amount: .yuan(4_000))])
        let noIncome = HouseholdExit.evaluate(
            HouseholdExitFacts(exitYear: 2024, perCapitaNetIncome: [:], securedGuarantees: [], dangerGrade: .a), lines: line
        ).checks[0]
        #expect(zh.explain(noIncome) == "没有 2024 年的人均纯收入，无法与扶贫标准 4,000.00 比较，未达到“一超过”")
        let bare = Check(HouseholdExit.incomeAboveLine, passed: true, values: [ReasonValue("year", .year(2024))])
        #expect(zh.explain(bare) == "人均纯收入 缺失 缺失 扶贫标准 缺失（2024）")
    }
}

@Suite("Every message the code asks for is in both tables")
struct StringKeysTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Literal keys passed to `text(…)` and every rule id's `.pass` and `.fail` wording.
    static func keysUsedInCode() throws -> Set<String> {
        var keys: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let code = try String(contentsOf: url, encoding: .utf8)
            // `row.text(…)` reads a CSV column, not the string table; a key ending in "." is a prefix.
            for pattern in [#"(?<!row)\.text\("([a-zA-Z0-9_.]*[a-zA-Z0-9_])""#, #"RuleID\("([a-zA-Z0-9_.]+)"\)"#] {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                    guard let range = Range(match.range(at: 1), in: code) else { continue }
                    let key = String(code[range])
                    if pattern.hasPrefix("RuleID") { keys.formUnion([key + ".pass", key + ".fail"]) } else { keys.insert(key) }
                }
            }
        }
        return keys
    }

    @Test func noKeyIsMissing() throws {
        let tables = try StringTables.load()
        let used = try Self.keysUsedInCode()
        #expect(used.count > 150, "the scan found the code's keys")
        let missing = used.filter { tables.zh.text($0) == $0 }.sorted()
        #expect(missing.isEmpty, "\(missing)")
    }
}

@Suite("Data-quality rules have titles")
struct QualityTitlesTests {
    @Test func everyCatalogueRuleHasATitleInBothLanguages() throws {
        let tables = try StringTables.load()
        for rule in QualityCatalogue.rules {
            #expect(tables.zh.text("dq." + rule.id) != "dq." + rule.id, "\(rule.id)")
            #expect(tables.en.text("dq." + rule.id) != "dq." + rule.id, "\(rule.id)")
        }
    }
}
