import TuopinCore

/// Draws a household's income components for a year so that its per-capita net income lands
/// where its status says: below that year's line while poor, above it once exited, well above
/// it for households removed as ineligible.
enum IncomeGenerator {
    static func record(
        household: Household, year: Int, size: Int, poor: Bool, removed: Bool, elderly: Int,
        line: Money, _ r: inout SeededRandom
    ) -> IncomeRecord {
        let factor: Double = removed ? 1.35 + r.unit() * 1.6 : (poor ? 0.55 + r.unit() * 0.38 : 1.12 + r.unit() * 1.1)
        var perCapita = Int64((Double(line.fen) * factor).rounded())
        // Keep a clear margin from the line, in fen, so rounding can never cross it.
        perCapita = poor ? min(perCapita, line.fen - 100) : max(perCapita, line.fen + 100)
        let net = perCapita * Int64(size)
        var record = IncomeRecord(household: household.number, year: year, householdSize: size)

        let supported = household.povertyAttribute != .general
        let transferShare = supported ? 0.35 + r.unit() * 0.25 : 0.08 + r.unit() * 0.17
        let propertyShare = 0.02 + r.unit() * 0.06
        let businessShare = 0.15 + r.unit() * 0.25
        let parts = split(net, [max(0, 1 - transferShare - propertyShare - businessShare), businessShare, propertyShare, transferShare])
        let (wage, businessNet, property, transfer) = (parts[0], parts[1], parts[2], parts[3])

        let wageItems = split(wage, [0.8, poor && year >= 2016 ? 0.15 : 0, 0.05])
        record[.migrantWages] = Money(fen: wageItems[0])
        record[.publicWelfareJobIncome] = Money(fen: wageItems[1])
        record[.otherWage] = Money(fen: wageItems[2])

        // Gross business income and its production expense; net business stays exact.
        let expenseRate = Int64(10 + r.int(0...15))
        let businessGross = businessNet * 100 / (100 - expenseRate)
        let businessItems = split(businessGross, [0.55, 0.3, 0.1, 0.05])
        record[.crops] = Money(fen: businessItems[0])
        record[.livestock] = Money(fen: businessItems[1])
        record[.forestryFruit] = Money(fen: businessItems[2])
        record[.otherBusiness] = Money(fen: businessItems[3])
        record[.productionExpense] = Money(fen: businessGross - businessNet)

        let propertyItems = split(property, [year >= 2016 ? 0.5 : 0, 0.4, 0.1])
        record[.assetIncomeDividend] = Money(fen: propertyItems[0])
        record[.landTransferRent] = Money(fen: propertyItems[1])
        record[.otherProperty] = Money(fen: propertyItems[2])

        let transferItems = split(
            transfer,
            [
                household.povertyAttribute == .dibao ? 0.6 : 0, household.povertyAttribute == .tekun ? 0.7 : 0,
                elderly > 0 ? 0.3 : 0, 0.08, 0.04, 0.05,
            ])
        record[.dibaoBenefit] = Money(fen: transferItems[0])
        record[.tekunBenefit] = Money(fen: transferItems[1])
        record[.pensionBenefit] = Money(fen: transferItems[2])
        record[.ecologicalCompensation] = Money(fen: transferItems[3])
        record[.familyPlanningBenefit] = Money(fen: transferItems[4])
        record[.otherTransfer] = Money(fen: transferItems[5])
        return record
    }

    /// Splits fen exactly by weights.
    static func split(_ total: Int64, _ weights: [Double]) -> [Int64] {
        Apportion.split(Int(total), weights: weights).map(Int64.init)
    }
}
