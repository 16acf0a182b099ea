import Testing

@testable import TuopinCore

@Suite("Dynamic adjustment windows (REFERENCE §3.11)")
struct AdjustmentWindowTests {
    let windows = AdjustmentWindow.schedule2020

    @Test(
        "a change inside the visits or entry window belongs to the adjustment, else it is mid-year",
        arguments: [
            ("2020-10-01", StatusEventKind.removedIneligible, AdjustmentPhase?.some(.visits), AnnualChangeKind?.none),
            ("2020-11-20", .returnedToPoverty, .entry, nil),
            ("2020-11-21", .removedIneligible, nil, .midYearRemoval),  // township cleaning is not for new changes
            ("2020-06-15", .removedIneligible, nil, .midYearRemoval),
            ("2020-06-15", .returnedToPoverty, nil, .midYearAddition),
            ("2020-06-15", .naturalClosure, nil, .naturalClosure),
            ("2020-06-15", .exited, nil, nil),
            ("2021-10-15", .removedIneligible, nil, .midYearRemoval),  // no 2021 windows: everything is mid-year
        ] as [(String, StatusEventKind, AdjustmentPhase?, AnnualChangeKind?)])
    func timing(_ date: String, _ kind: StatusEventKind, _ phase: AdjustmentPhase?, _ change: AnnualChangeKind?) throws {
        let d = try CivilDate(date)
        #expect(AdjustmentTiming.phase(of: d, windows: windows) == phase)
        #expect(AdjustmentTiming.changeKind(kind, on: d, windows: windows) == change)
    }

    @Test func aWindowEndingBeforeItStartsOrOutsideItsYearIsRefused() {
        #expect(throws: AdjustmentWindowError.endBeforeStart) {
            try AdjustmentWindow(year: 2021, phase: .visits, from: try CivilDate("2021-10-31"), to: try CivilDate("2021-10-01"))
        }
        #expect(throws: AdjustmentWindowError.outsideYear(2021)) {
            try AdjustmentWindow(year: 2021, phase: .visits, from: try CivilDate("2022-10-01"), to: try CivilDate("2022-10-31"))
        }
    }
}
