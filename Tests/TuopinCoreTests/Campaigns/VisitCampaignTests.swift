import Testing

@testable import TuopinCore

@Suite("Visit campaigns: targets, rules, differences with the registry, coverage and assignment (REFERENCE §3.11)")
struct VisitCampaignTests {
    static let county = try! AdminCode("430481")
    static let v1 = try! AdminCode("430481100201")
    static let v2 = try! AdminCode("430481100202")
    static let h1 = try! HouseholdNumber("4304811002010001")
    static let h2 = try! HouseholdNumber("4304811002010002")
    static let h3 = try! HouseholdNumber("4304811002020001")

    static func campaign(
        area: AdminCode = county, opens: String = "2020-10-01", closes: String = "2020-10-31", target: CampaignTarget = .enrolled
    )
        -> VisitCampaign
    {
        VisitCampaign(
            kind: .reviewCampaign, area: area, title: "回头看", opens: try! CivilDate(opens), closes: try! CivilDate(closes), target: target,
            createdBy: "county.office")
    }

    static func visit(
        at time: String = "2020-10-12T09:30", met: String = "户主本人", secured: Set<BasicGuarantee> = Set(BasicGuarantee.allCases),
        income: Money? = nil, note: String = "", risks: [RiskType] = [], photo: VisitPhoto? = nil, basis: String = ""
    ) -> CampaignVisit {
        CampaignVisit(
            id: VisitID("visit-0001")!, campaign: CampaignKey(county: "430481", number: 1), household: h1, visitor: "village.cadre",
            visitedAt: VisitTime(time)!, metWith: met, secured: secured, perCapitaIncome: income, note: note, risks: risks, basis: basis,
            photo: photo)
    }

    @Test(
        "a target rule reads and writes its token; anything else is refused",
        arguments: [
            ("enrolled", "enrolled"), ("monitored", "monitored"), ("exited:2020", "exited:2020"),
            ("status:returnedToPoverty+notExited", "status:notExited+returnedToPoverty"), ("status:未脱贫", "status:notExited"),
        ])
    func targetTokens(text: String, token: String) {
        #expect(CampaignTarget(token: text)?.token == token)
    }

    @Test(
        "malformed target rules are refused",
        arguments: ["", "all", "exited", "exited:20", "exited:abcd", "status:", "status:notExited+", "status:x"])
    func badTargets(text: String) {
        #expect(CampaignTarget(token: text) == nil)
    }

    @Test(
        "a campaign's rules: title, area level, period and exit year",
        arguments: [
            (campaign(), []),
            (campaign(area: try! AdminCode("430400")), ["campaign.area"]),
            (campaign(opens: "2020-11-01", closes: "2020-10-31"), ["campaign.period"]),
            (campaign(opens: "2020-01-01", closes: "2021-01-01"), ["campaign.period"]),
            (campaign(opens: "2020-01-01", closes: "2020-12-31"), []),
            (campaign(target: .exitedIn(1900)), ["campaign.target"]),
        ])
    func campaignRules(c: VisitCampaign, failed: [String]) {
        #expect(CampaignRules.evaluate(c).failedChecks.map(\.rule.rawValue) == failed)
    }

    @Test(
        "a visit's rules: inside the period and not in the future, whom was met, note, income, photo size, risks once",
        arguments: [
            (visit(), [String]()),
            (visit(at: "2020-09-30T23:59"), ["visit.date"]),
            (visit(at: "2020-11-01T08:00"), ["visit.date"]),
            (visit(met: "  "), ["visit.metWith"]),
            (visit(met: String(repeating: "户", count: 51)), ["visit.metWith"]),
            (visit(note: String(repeating: "x", count: 501)), ["visit.note"]),
            (visit(income: Money(fen: -1)), ["visit.income"]),
            (visit(income: Money.yuan(10_000_001)), ["visit.income"]),
            (visit(risks: [.illness, .illness]), ["visit.risks"]),
            (visit(met: "户主\u{0}本人"), ["campaign.text"]),
            (visit(note: "见\u{1B}[31m红字"), ["campaign.text"]),
            (visit(note: "第一行\n第二行"), []),
            (visit(photo: VisitPhoto(bytes: [0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: 100))), ["visit.photo"]),
        ])
    func visitRules(v: CampaignVisit, failed: [String]) {
        let d = CampaignRules.evaluate(v, in: Self.campaign(), today: try! CivilDate("2020-10-20"), maxPhotoBytes: 100)
        #expect(d.failedChecks.map(\.rule.rawValue) == failed)
    }

    @Test("a visit dated after today is refused even inside the period")
    func futureVisit() {
        let d = CampaignRules.evaluate(Self.visit(at: "2020-10-21T08:00"), in: Self.campaign(), today: try! CivilDate("2020-10-20"), maxPhotoBytes: 1)
        #expect(d.failedChecks.map(\.rule.rawValue) == ["visit.date"])
    }

    @Test(
        "visit times parse as a browser writes them, to the minute",
        arguments: [("2020-10-12T09:30", "2020-10-12T09:30"), ("2020-10-12 00:00", "2020-10-12T00:00"), ("2020-10-12T23:59", "2020-10-12T23:59")])
    func times(text: String, out: String) {
        #expect(VisitTime(text)?.description == out)
    }

    @Test(
        "bad visit times are refused", arguments: ["", "2020-10-12", "2020-10-12T24:00", "2020-10-12T09:60", "2020-13-01T09:00", "2020-10-12T9:300"])
    func badTimes(text: String) {
        #expect(VisitTime(text) == nil)
    }

    @Test("visit ids are 8–64 ASCII letters, digits and hyphens")
    func ids() {
        #expect(VisitID("0f8c2a8e-6a7b-4a43-9d0e-2f0a7c1d9b11") != nil)
        #expect(VisitID("short") == nil)
        #expect(VisitID(String(repeating: "a", count: 65)) == nil)
        #expect(VisitID("visit 0001") == nil)
        #expect(VisitID("visit'0001") == nil)
        #expect(VisitID("访问编号一二三四五") == nil)
    }

    @Test("a photo's type is read from its first bytes")
    func photoType() {
        #expect(VisitPhoto(bytes: [0xFF, 0xD8, 0xFF, 0xE0])?.kind == .jpeg)
        #expect(VisitPhoto(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])?.kind == .png)
        #expect(VisitPhoto(bytes: Array("<svg>".utf8)) == nil)
        #expect(VisitPhoto(bytes: []) == nil)
    }

    /// The fingerprints were computed independently (Python: FNV-1a 64 over the UTF-8 summary).
    @Test("a snapshot's summary and fingerprint")
    func basis() {
        let s = RegistrySnapshot(secured: [.food, .clothing, .basicMedical], perCapitaIncome: .yuan(4_200), dangerGrade: .b, sanitaryToilet: true)
        #expect(s.summary == "secured=basicMedical+clothing+food;income=4200.00;danger=b;toilet=1")
        #expect(s.basis == "aad83a00121d6626")
        #expect(RegistrySnapshot().basis == "00654cb2a801be00")
    }

    @Test(
        "differences with the registry: guarantees both ways, income beyond the tolerance, danger grade, toilet; unknowns not compared",
        arguments: [
            (RegistrySnapshot(), visit(income: .yuan(1)), [String]()),
            (
                RegistrySnapshot(secured: Set(BasicGuarantee.allCases)), visit(secured: Set(BasicGuarantee.allCases).subtracting([.safeHousing])),
                [
                    "guarantee:safeHousing:yes>no"
                ]
            ),
            (RegistrySnapshot(secured: [.food]), visit(secured: [.food, .clothing]), ["guarantee:clothing:no>yes"]),
            (RegistrySnapshot(perCapitaIncome: .yuan(5_000)), visit(income: .yuan(6_000)), []),
            (RegistrySnapshot(perCapitaIncome: .yuan(5_000)), visit(income: Money(fen: 600_001)), ["income::5000.00>6000.01"]),
            (RegistrySnapshot(perCapitaIncome: .yuan(5_000)), visit(income: .yuan(4_000)), []),
            (RegistrySnapshot(perCapitaIncome: .yuan(5_000)), visit(income: Money(fen: 399_999)), ["income::5000.00>3999.99"]),
            (RegistrySnapshot(perCapitaIncome: .zero), visit(income: Money(fen: 1)), ["income::0.00>0.01"]),
        ])
    func differences(snapshot: RegistrySnapshot, v: CampaignVisit, expected: [String]) {
        let found = VisitDifference.compare(v, with: snapshot, incomeTolerancePercent: 20)
        #expect(found.map { "\($0.kind.token):\($0.subject):\($0.registry)>\($0.visit)" } == expected)
    }

    @Test("a grade and a toilet that differ are differences; a form based on another registry version is a conflict keeping both")
    func gradeToiletConflict() {
        var v = Self.visit(basis: RegistrySnapshot().basis)
        v.dangerGrade = .c
        v.sanitaryToilet = false
        let same = VisitDifference.compare(v, with: RegistrySnapshot(), incomeTolerancePercent: 20)
        #expect(same.isEmpty, "unknown in the registry, and the form saw this very registry")
        let changed = RegistrySnapshot(dangerGrade: .a, sanitaryToilet: true)
        let found = VisitDifference.compare(v, with: changed, incomeTolerancePercent: 20)
        #expect(found.map(\.kind) == [.dangerGrade, .sanitaryToilet, .conflict])
        #expect(found[0].registry == "a" && found[0].visit == "c")
        #expect(found[2].registry == "secured=-;income=-;danger=a;toilet=1")
        #expect(found[2].visit.hasPrefix("secured=basicMedical+clothing+compulsoryEducation+food+safeHousing+safeWater;income=-;danger=c;toilet=0"))
    }

    @Test("households go round each village's cadres in number order; the assigned keep theirs; a village without cadres stays unassigned")
    func assignment() {
        let h4 = try! HouseholdNumber("4304811002010003")
        let households = [
            CampaignHousehold(household: h4, village: Self.v1), CampaignHousehold(household: Self.h2, village: Self.v1),
            CampaignHousehold(household: Self.h1, village: Self.v1), CampaignHousehold(household: Self.h3, village: Self.v2),
        ]
        let out = CampaignAssignment.assign(households, cadres: [Self.v1: ["b", "a"]])
        #expect(out.map(\.household) == [Self.h1, Self.h2, h4, Self.h3])
        #expect(out.map(\.assignee) == ["a", "b", "a", nil])
        var kept = households
        kept[0].assignee = "z"
        #expect(CampaignAssignment.assign(kept, cadres: [Self.v1: ["a"]]).map(\.assignee) == ["a", "a", "z", nil])
    }

    @Test("coverage counts targets, assigned and visited households, in all and by group")
    func coverage() {
        let households = [
            CampaignHousehold(household: Self.h1, village: Self.v1, assignee: "a"), CampaignHousehold(household: Self.h2, village: Self.v1),
            CampaignHousehold(household: Self.h3, village: Self.v2, assignee: "b"),
        ]
        let total = CampaignCoverage(households, visited: [Self.h1, Self.h3])
        #expect(total == CampaignCoverage(targets: 3, assigned: 2, visited: 2))
        #expect(total.percent?.description == "66.67")
        #expect(total.notVisited == 1)
        let byVillage = CampaignCoverage.by(households, visited: [Self.h1]) { $0.village.rawValue }
        #expect(byVillage.map(\.key) == [Self.v1.rawValue, Self.v2.rawValue])
        #expect(byVillage.map(\.coverage.visited) == [1, 0])
        #expect(byVillage.map(\.coverage.targets).reduce(0, +) == 3, "the groups add up to the whole")
        #expect(CampaignCoverage().percent == nil)
    }

    @Test("by default a village is visited by its own cadres, else its township's officers, else the county office; never an admin or inspector")
    func defaultCadres() {
        func user(_ name: String, _ role: Role, _ scope: String?, disabled: Bool = false) -> User {
            User(
                username: try! Username(name), displayName: name, role: role, scope: scope.map { .area(try! AdminCode($0)) } ?? .everywhere,
                isDisabled: disabled)
        }
        let users = [
            user("admin", .administrator, nil), user("inspector", .inspector, "430481"), user("county", .countyOffice, "430481"),
            user("town", .townshipOfficer, "430481100"), user("cadre2", .villageCadre, "430481100201"),
            user("cadre1", .villageCadre, "430481100201"), user("gone", .villageCadre, "430481100202", disabled: true),
        ]
        let other = try! AdminCode("430481200301")
        let out = CampaignAssignment.cadres(for: [Self.v1, Self.v2, other], among: users)
        #expect(out == [Self.v1: ["cadre1", "cadre2"], Self.v2: ["town"], other: ["county"]])
    }
}
