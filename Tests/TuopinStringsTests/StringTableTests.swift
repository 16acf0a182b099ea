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
        let r = ImportRejection(file: .members, line: 12, field: "id_number",
                                reason: .invalidIdentityNumber(.wrongCheckCharacter(expected: "X", found: "3")))
        #expect(Rejections.wording(r, zh) == "members.csv 第 12 行，id_number：身份证号校验位错误，应为 X")
        let en = try Localizer.load(.en)
        #expect(Rejections.wording(r, en) == "members.csv line 12, id_number: ID number check character is wrong: expected X, found 3")
    }

    @Test func everyRejectionReasonHasWords() throws {
        let zh = try Localizer.load(.zh)
        let reasons: [ImportRejection.Reason] = [
            .missingColumn("x"), .wrongFieldCount(expected: 3, found: 2), .emptyField, .invalidAreaCode(.wrongLength(5)),
            .unknownArea("430481100299"), .notAVillage("430481"), .unknownCode("x"), .invalidDate("x"), .invalidNumber("x"),
            .invalidAmount("x"), .negativeAmount(Money(fen: -5)), .invalidHouseholdNumber("x"), .invalidIdentityNumber(.wrongLength(3)),
            .sexDisagreesWithIdentityNumber(recorded: .male, fromNumber: .female),
            .birthDateDisagreesWithIdentityNumber(recorded: CivilDate(year: 2000, month: 1, day: 1)!, fromNumber: CivilDate(year: 2000, month: 1, day: 2)!),
            .invalidCauses(.tooManySecondaryCauses(3)), .invalidCauses(.secondaryEqualsMain(.illness)), .invalidCauses(.repeatedSecondaryCause(.illness)),
            .duplicateHousehold(firstLine: 2), .householdAlreadyInRegistry("x"), .unknownHousehold("x"), .secondHead(firstLine: 2), .noHead,
            .identityInTwoHouseholds(otherHousehold: "x", otherLine: 3), .identityAlreadyInRegistry, .duplicateRow(firstLine: 2),
            .endBeforeStart, .negativeCount, .householdRejected("x"), .outsideScope("430424"),
        ]
        for reason in reasons {
            let text = Rejections.reason(reason, zh)
            #expect(!text.hasPrefix("import.") && !text.contains("{"), "\(reason): \(text)")
        }
    }

    @Test func exitReasonsAreWordedWithTheirValues() throws {
        let zh = try Localizer.load(.zh)
        let lines = PovertyLineTable([PovertyLine(year: 2020, region: .national, standard: .national, amount: .yuan(4_000))])
        let facts = HouseholdExitFacts(exitYear: 2020, perCapitaNetIncome: [2020: Money(fen: 381_250)],
                                       securedGuarantees: Set(BasicGuarantee.allCases), dangerGrade: .a)
        let e1 = HouseholdExit.evaluate(facts, lines: lines).checks[0]
        #expect(zh.explain(e1) == "人均纯收入 3,812.50 < 扶贫标准 4,000.00（2020），未达到“一超过”")
    }
}
