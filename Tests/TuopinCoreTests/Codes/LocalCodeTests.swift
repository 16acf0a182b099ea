import Testing

@testable import TuopinCore

@Suite("Local codes extend the unconfirmed code lists (REFERENCE §2.6)")
struct LocalCodeTests {
    static let marriage = try! LocalCode(list: .riskType, token: "marriage", label: Label("因婚", "marriage"), base: "other")
    static let flood = try! LocalCode(list: .riskType, token: "flood", label: Label("因洪涝", "flood"), base: "因自然灾害")
    static let tea = try! LocalCode(list: .measureKind, token: "teaGarden", label: Label("茶园帮扶", "tea garden"), base: "industry")
    static let book = CodeBook([marriage, flood, tea])

    @Test(
        arguments: [
            // token, zh, base, the error (nil: accepted)
            ("marriage", "因婚", "other", nil),
            ("m", "因婚", "other", LocalCodeError.badToken("m")),
            ("1marriage", "因婚", "other", .badToken("1marriage")),
            ("marri age", "因婚", "other", .badToken("marri age")),
            ("婚", "因婚", "other", .badToken("婚")),
            ("marriage", "  ", "other", .badName),
            ("marriage", "因婚,因丧", "other", .badName),
            ("marriage", "因婚", "wedding", .unknownBase("wedding")),
        ] as [(String, String, String, LocalCodeError?)])
    func aLocalCodeNeedsATokenANameAndABuiltInBase(token: String, zh: String, base: String, error: LocalCodeError?) {
        do {
            let code = try LocalCode(list: .riskType, token: token, label: Label(zh, "x"), base: base)
            #expect(error == nil)
            #expect(code.base == "other")
        } catch let e {
            #expect(e == error)
        }
    }

    @Test func theBaseIsStoredAsItsBuiltInToken() throws {
        #expect(Self.flood.base == "disaster")
        #expect(Self.tea.base == "2021:industry")
        let heading = try LocalCode(list: .measureKind, token: "oldPigs", label: Label("养猪", "pigs"), base: "2014:industry")
        #expect(heading.base == "2014:industry")
    }

    @Test(
        arguments: [
            // list, what was written, base, local
            (CodeList.riskType, "illness", "illness", nil),
            (.riskType, "因病", "illness", nil),
            (.riskType, "marriage", "other", "marriage"),
            (.riskType, "因婚", "other", "marriage"),
            (.riskType, "因洪涝", "disaster", "flood"),
            (.measureKind, "teaGarden", "2021:industry", "teaGarden"),
            (.measureKind, "2014:dibao", "2014:dibao", nil),
            (.povertyCause, "因婚", "marriage", nil),
        ] as [(CodeList, String, String, String?)])
    func writtenValuesResolveToTheirBase(list: CodeList, text: String, base: String, local: String?) {
        #expect(Self.book.resolve(text, in: list) == CodeChoice(base: base, local: local))
    }

    @Test func aLocalCodeBelongsToItsListOnly() {
        #expect(Self.book.resolve("marriage", in: .measureKind) == nil)
        #expect(Self.book.resolve("flood", in: .povertyCause) == nil)
        #expect(Self.book.resolve("wedding", in: .riskType) == nil)
    }

    @Test func labelsNameLocalAndBuiltInValues() {
        #expect(Self.book.label("marriage", in: .riskType) == Label("因婚", "marriage"))
        #expect(Self.book.label("illness", in: .riskType) == Label("因病", "illness"))
        #expect(Self.book.label(CodeChoice(base: "other", local: "marriage"), in: .riskType)?.zh == "因婚")
        #expect(Self.book.label("因婚", in: .riskType) == nil)
        #expect(Self.book.locals(in: .riskType).map(\.token) == ["flood", "marriage"])
    }

    @Test(
        arguments: [
            // token, zh, base, passes, the failed rule
            ("funeral", "因丧", "other", true, nil),
            ("marriage", "婚嫁", "other", true, nil),
            ("marriage", "因婚", "disaster", false, LocalCodeRules.sameBase),
            ("illness", "疾病", "other", false, LocalCodeRules.newToken),
            ("flood", "水患", "disaster", true, nil),
            ("sick", "因病", "other", false, LocalCodeRules.newName),
            ("wedding", "因婚", "other", false, LocalCodeRules.newName),
            ("wedding", "flood", "other", false, LocalCodeRules.newName),
        ] as [(String, String, String, Bool, RuleID?)])
    func anAddedCodeMustNotNameAnotherValue(token: String, zh: String, base: String, passes: Bool, failed: RuleID?) throws {
        let code = try LocalCode(list: .riskType, token: token, label: Label(zh, ""), base: base)
        let decision = LocalCodeRules.evaluate(code, book: Self.book)
        #expect(decision.passed == passes)
        #expect(decision.failedChecks.map(\.rule) == (failed.map { [$0] } ?? []))
    }

    @Test func everyListHasItsBuiltInsOnce() {
        for list in CodeList.allCases {
            let tokens = list.builtIns.map(\.token)
            #expect(Set(tokens).count == tokens.count, "\(list)")
            for token in tokens { #expect(list.builtIn(token) == token) }
        }
        #expect(CodeList.riskType.builtIns.count == RiskType.allCases.count)
        #expect(CodeList.measureKind.builtIns.count == MeasureCategory.allCases.count + MeasureHeading.allCases.count)
    }
}
