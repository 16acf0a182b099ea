import Testing

@testable import TuopinCore

@Suite("Per-capita net income (REFERENCE §2.3)")
struct IncomeRecordTests {
    let number = try! HouseholdNumber("4304811002010001")

    @Test func netIncomeIsGrossLessProductionExpense() {
        var r = IncomeRecord(household: number, year: 2020, householdSize: 3)
        r[.migrantWages] = .yuan(12_000)
        r[.crops] = .yuan(1_500)
        r[.landTransferRent] = .yuan(200)
        r[.dibaoBenefit] = .yuan(600)
        r[.productionExpense] = .yuan(300)
        r[.eligibleOutOfPocket] = .yuan(5_000)  // memo: not in net income
        #expect(r.grossIncome == .yuan(14_300))
        #expect(r.netIncome == .yuan(14_000))
        #expect(r.perCapitaNetIncome == Money(fen: 466_667))
    }

    @Test(
        "per-capita income rounds half away from zero to the fen",
        arguments: [
            (Int64(1_000_000), 3, Int64(333_333)), (1_000_001, 2, 500_001), (1_000_003, 2, 500_002), (-1_000_003, 2, -500_002), (700, 7, 100),
        ])
    func rounding(_ netFen: Int64, _ size: Int, _ expected: Int64) {
        #expect((Money(fen: netFen) / size).fen == expected)
    }

    @Test func zeroSizeHasNoPerCapitaIncome() {
        #expect(IncomeRecord(household: number, year: 2020, householdSize: 0).perCapitaNetIncome == nil)
    }

    @Test func negativeComponentsAreListed() {
        var r = IncomeRecord(household: number, year: 2020, householdSize: 1)
        r[.crops] = Money(fen: -1)
        #expect(r.negativeItems == [.crops])
    }

    @Test(
        "parses and prints yuan",
        arguments: [
            ("3812.5", "3812.50"), ("4,000", "4000.00"), ("-0.05", "-0.05"), ("0", "0.00"), ("1,886.67", "1886.67"),
            ("12,345,678.90", "12345678.90"), (" 100 ", "100.00"),
        ])
    func moneyText(_ text: String, _ printed: String) throws {
        #expect(try Money(yuan: text).yuanText == printed)
    }

    /// A decimal comma (`1886,67`) or a separator anywhere but between groups of three would read
    /// another amount than the one meant; a plus sign is not the format's.
    @Test(
        "rejects what is not an amount",
        arguments: [
            "", "1.234", "abc", "1.2.3", "--1", "1886,67", "1,23", "1,8867", "1,2,3.45", "1234,567", "1,234,56", "+5", "1,000,", ",100", "01,886",
            "0,886",
        ])
    func moneyRejects(_ text: String) {
        #expect(throws: Money.ParseError.notAnAmount(text)) { try Money(yuan: text) }
    }

    @Test func formattedGroupsThousands() {
        #expect(Money(fen: 381_250).formatted == "3,812.50")
        #expect(Money(fen: 123_456_789).formatted == "1,234,567.89")
    }
}
