import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// Historical enrolment through the service: a new household applies in 2014, each stage is
/// recorded by its level, and the announcement enrols it on its date.
@Suite("Enrolment procedure through the service", .serialized)
struct EnrolmentServiceTests {
    static let number = try! HouseholdNumber("4304811002010003")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    static func application() throws -> EnrolmentService.Application {
        let village = try AdminCode(SmallRegistry.village)
        let head = IdentityNumber.make(address: "430481", birthDate: CivilDate(year: 1962, month: 5, day: 3)!, sequence: 31)
        let wife = IdentityNumber.make(address: "430481", birthDate: CivilDate(year: 1964, month: 8, day: 9)!, sequence: 42)
        return EnrolmentService.Application(
            household: Household(
                number: number, village: village, identificationStandard: .national, povertyAttribute: .general, mainCause: .illness,
                secondaryCauses: [.lackOfCapital], firstIdentifiedYear: 2014, plannedExitYear: 2016),
            members: [
                (
                    Member(
                        idNumber: head.rawValue, name: "赵建国", sex: .male, birthDate: head.birthDate, education: .primary, labourCapacity: .weakOrHalf),
                    .head
                ),
                (
                    Member(
                        idNumber: wife.rawValue, name: "孙秀英", sex: .female, birthDate: wife.birthDate, education: .primary, labourCapacity: .ordinary),
                    .spouse
                ),
            ])
    }

    /// Village stages by the cadre, the township review by the township, approval and
    /// announcement by the county; notices 5 days.
    func toTheEnd(_ r: SmallRegistry, _ c: EnrolmentCase) async throws -> EnrolmentCase {
        let service = EnrolmentService(r.environment)
        var c = try await service.step(c.reference, StepRecord(date: d("2014-04-05")), by: r.user("cadre"))  // village appraisal
        c = try await service.step(
            c.reference,
            StepRecord(date: d("2014-04-11"), notice: NoticePeriod(from: d("2014-04-06"), to: d("2014-04-10")), objectionsResolved: true),
            by: r.user("cadre"))
        c = try await service.step(c.reference, StepRecord(date: d("2014-04-15")), by: r.user("township"))
        c = try await service.step(
            c.reference,
            StepRecord(date: d("2014-04-21"), notice: NoticePeriod(from: d("2014-04-16"), to: d("2014-04-20")), objectionsResolved: true),
            by: r.user("township"))
        c = try await service.step(c.reference, StepRecord(date: d("2014-04-25")), by: r.user("county"))
        return try await service.step(c.reference, StepRecord(date: d("2014-04-28")), by: r.user("county"))
    }

    @Test(arguments: TestDatabase.available)
    func aNewHouseholdIsEnrolledOnTheAnnouncementDate(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { r in
            let service = EnrolmentService(r.environment)
            let opened = try await service.apply(try Self.application(), on: d("2014-04-01"), note: "本人申请", by: r.user("cadre"))
            #expect(opened.reference == "430481-E00001" && opened.template == "enrolment.2014.43", "Hunan's own template")
            // Hunan's procedure has a representatives' appraisal and a county data check: walk it generically.
            var c = opened
            let (_, _, template) = try await service.show(c.reference, by: r.user("county"))
            let stages = try #require(template).stages
            var day = d("2014-04-01")
            for stage in stages.dropFirst() {
                let user = try await r.user(stage.level == .village ? "cadre" : stage.level == .township ? "township" : "county")
                if stage.step == .publicNotice {
                    let notice = NoticePeriod(from: day.adding(days: 1), to: day.adding(days: 5))
                    day = day.adding(days: 6)
                    c = try await service.step(c.reference, StepRecord(date: day, notice: notice, objectionsResolved: true), by: user)
                } else {
                    day = day.adding(days: 2)
                    if stage.level != .village {
                        // A village cadre cannot record a township or county stage.
                        await #expect(throws: AccessDenied.self) {
                            _ = try await service.step(c.reference, StepRecord(date: day), by: r.user("cadre"))
                        }
                    }
                    c = try await service.step(c.reference, StepRecord(date: day), by: user)
                }
            }
            #expect(c.state == .enrolled && c.closedOn == day)
            let (_, events) = try await HouseholdService(r.environment).events(Self.number, by: r.user("county"))
            #expect(events.map(\.kind) == [.identified] && events[0].effectiveDate == day && events[0].note == c.reference)
            // Enrolled from the announcement: not the day before.
            let stats = StatisticsService(r.environment)
            let before = try await stats.summary(of: try AdminCode(SmallRegistry.village), asOf: day.adding(days: -1), by: r.user("county"))
            let after = try await stats.summary(of: try AdminCode(SmallRegistry.village), asOf: day, by: r.user("county"))
            #expect(after.counts.enrolledHouseholds == before.counts.enrolledHouseholds + 1)
            #expect(after.counts.enrolledPeople == before.counts.enrolledPeople + 2)
            let steps = try await service.show(c.reference, by: r.user("cadre")).1
            #expect(steps.map(\.step) == stages.map(\.step) && steps.allSatisfy { $0.outcome == "done" })
            let audit = try await AuditService(r.environment).list(.init(action: "enrolmentStep", scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.count == stages.count - 1)
            // Enrolled once: a second application is refused.
            await #expect(throws: EnrolmentError.alreadyEnrolled(Self.number.rawValue)) {
                _ = try await service.apply(.init(household: try Self.application().household), on: d("2015-01-01"), note: "", by: r.user("cadre"))
            }
        }
    }

    @Test func aRefusedApplicationLeavesNoStatusAndMayBeMadeAgain() async throws {
        try await SmallRegistry.with { r in
            let service = EnrolmentService(r.environment)
            var c = try await service.apply(try Self.application(), on: d("2014-04-01"), note: "", by: r.user("cadre"))
            // Someone already in the registry cannot apply as a new member.
            await #expect(throws: EnrolmentError.self) {
                var again = try Self.application()
                again.household.number = try HouseholdNumber("4304811002010004")
                again.members[0].0.idNumber = "430481198001010013"
                again.members[0].0.birthDate = CivilDate(year: 1980, month: 1, day: 1)!
                _ = try await service.apply(again, on: d("2014-04-01"), note: "", by: r.user("cadre"))
            }
            await #expect(throws: EnrolmentError.openCase(c.reference)) {
                _ = try await service.apply(.init(household: try Self.application().household), on: d("2014-05-01"), note: "", by: r.user("cadre"))
            }
            // Hunan: the village appraisal, then the representatives' appraisal.
            c = try await service.step(c.reference, StepRecord(date: d("2014-04-05")), by: r.user("cadre"))
            c = try await service.step(c.reference, StepRecord(date: d("2014-04-06")), by: r.user("cadre"))
            await #expect(throws: EnrolmentError.rejectionWithoutReason) {
                _ = try await service.reject(c.reference, on: d("2014-04-06"), note: " ", by: r.user("cadre"))
            }
            do {
                _ = try await service.reject(c.reference, on: d("2014-04-06"), note: "公示期间", by: r.user("cadre"))
                Issue.record("a notice turned the application down")
            } catch let refusal as EnrolmentRefusal {
                #expect(refusal.decision.failedChecks.map(\.rule) == [EnrolmentRules.rejectingStage])
            }
            // Through the village notice, then the township turns it down at its review.
            c = try await service.step(
                c.reference,
                StepRecord(date: d("2014-04-12"), notice: NoticePeriod(from: d("2014-04-07"), to: d("2014-04-11")), objectionsResolved: true),
                by: r.user("cadre"))
            c = try await service.reject(c.reference, on: d("2014-04-15"), note: "家庭收入高于标准", by: r.user("township"))
            #expect(c.state == .notEnrolled(atStage: 4))
            #expect(try await HouseholdService(r.environment).events(Self.number, by: r.user("county")).1.isEmpty)
            let again = try await service.apply(
                .init(household: try Self.application().household), on: d("2015-03-01"), note: "再次申请", by: r.user("cadre"))
            #expect(again.reference == "430481-E00002" && again.state == .inProgress(stage: 1))
            // Another village's cadre does not see the case.
            await #expect(throws: EnrolmentError.notFound(again.reference)) { _ = try await service.show(again.reference, by: r.user("othercadre")) }
        }
    }

    /// A listing with no area, by a user whose scope is the whole registry, covers the registry's
    /// one top area; with two top areas it asks for one, in words.
    @Test func aListingWithoutAnAreaCoversTheRegistrysTopArea() async throws {
        try await SmallRegistry.with { r in
            _ = try await EnrolmentService(r.environment).apply(try Self.application(), on: d("2014-04-01"), note: "", by: r.user("cadre"))
            let system = TestEnvironment.system
            #expect(try await EnrolmentService(r.environment).cases(in: nil, by: system).map(\.reference) == ["430481-E00001"])
            #expect(try await QualityService(r.environment).check(area: nil, asOf: d("2014-05-01"), by: system).area == "430000")
            try await r.store.transaction { tx in
                try await tx.sql.raw("INSERT INTO area (code, name, kind, level) VALUES ('440000', '广东省', 'province', 'province')").run()
            }
            await #expect(throws: AreaNeeded(tops: ["430000", "440000"])) {
                _ = try await MonitoringService(r.environment).cases(in: nil, by: system)
            }
        }
    }
}
