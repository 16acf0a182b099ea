import TuopinCore
import TuopinStore

/// The households of a user's area to browse, search and open: a page of the list (ID numbers
/// always masked there; names masked unless the user may see private data), and a household's
/// whole file (members, incomes, status history, measures, cadres, monitoring cases), masked
/// the same way. A household outside the user's scope is not found, as if it did not exist.
public struct HouseholdFileService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public static let pageSize = 50

    public struct HouseholdList: Sendable {
        public var filter: HouseholdListQuery.Filter
        public var rows: [HouseholdListQuery.Row]
        public var total: Int
        /// 1-based.
        public var page: Int
        public var pageCount: Int { max(1, (total + HouseholdFileService.pageSize - 1) / HouseholdFileService.pageSize) }
    }

    /// A page of the filter's households, inside the user's scope.
    public func list(_ filter: HouseholdListQuery.Filter, page: Int, by user: User) async throws -> HouseholdList {
        try await environment.authorize(user, .view, area: filter.area)
        let page = max(1, page)
        let (rows, total) = try await HouseholdListQuery.page(
            environment.store.sql, filter, offset: (page - 1) * Self.pageSize, limit: Self.pageSize)
        let clear = AccessPolicy.decide(user, .viewPrivate, area: filter.area).passed
        let shown = rows.map { row -> HouseholdListQuery.Row in
            var row = row
            row.headIdNumber = row.headIdNumber.map(Masking.identityNumber)
            if !clear { row.headName = row.headName.map(Masking.name) }
            return row
        }
        return HouseholdList(filter: filter, rows: shown, total: total, page: page)
    }

    public struct HouseholdFile: Sendable {
        public var household: Household
        /// Names of the areas from the county down to the village.
        public var areaNames: [(code: AdminCode, name: String)]
        public var events: [StatusEvent]
        public var members: [HouseholdFileQuery.MemberLine]
        /// Per-capita net income by year, oldest first.
        public var incomes: [(year: Int, perCapita: Money)]
        /// The latest year's home-visit facts (两不愁三保障, water, house), if any were recorded.
        public var latestYear: HouseholdYear?
        public var measures: [AssistanceMeasure]
        public var cadres: [CadreAssignment]
        public var cases: [MonitoringCase]
        /// The cases still open, each with its recorded steps and procedures (its current
        /// step is the one a form may record next), read in the same snapshot.
        public var openCases: [CaseFile]
        /// Its visits in campaigns (回头看, 入户调查全覆盖 …), latest first, with the campaign's title and whether a photo was kept.
        public var visits: [(visit: StoredVisit, title: String, photo: Bool)] = []
        /// Whether private data is shown (else names, ID numbers, birth dates, phones and accounts are masked).
        public var clear: Bool
    }

    public func file(_ number: HouseholdNumber, by user: User) async throws -> HouseholdFile {
        let village = try await MonitoringService(environment).householdVillage(number, by: user)
        try await environment.authorize(user, .view, area: village)
        let clear = AccessPolicy.decide(user, .viewPrivate, area: village).passed
        let county = String(village.rawValue.prefix(6))
        var file = try await environment.store.read { db in
            let sql = db.sql
            guard let household = try await HouseholdQuery.household(county: county, number, sql) else {
                throw MonitoringError.householdNotFound(number.rawValue)
            }
            var names: [(code: AdminCode, name: String)] = []
            for length in [6, 9, 12] {
                guard let code = try? AdminCode(String(village.rawValue.prefix(length))) else { continue }
                names.append((code, try await MonitoringQuery.areaName(code, sql)))
            }
            let incomes = try await HouseholdYearQuery.incomes(county: county, household: number, sql).sorted { $0.key < $1.key }
            var latest: HouseholdYear?
            for year in incomes.map(\.key).reversed() {
                if let facts = try await HouseholdYearQuery.year(county: county, household: number, year: year, sql) {
                    latest = facts
                    break
                }
            }
            let cases = try await MonitoringQuery.cases(county: county, household: number, sql)
            var open: [CaseFile] = []
            if cases.contains(where: { $0.closedOn == nil }) {
                let templates = try await WorkflowQuery.templates(sql)
                for c in cases where c.closedOn == nil { open.append(try await CaseFile.read(c, templates: templates, db)) }
            }
            return HouseholdFile(
                household: household, areaNames: names, events: try await HouseholdYearQuery.events(county: county, household: number, sql),
                members: try await HouseholdFileQuery.members(county: county, household: number, sql),
                incomes: incomes.map { ($0.key, $0.value) }, latestYear: latest,
                measures: try await AssistanceQuery.measures(county: county, household: number, sql),
                cadres: try await AssistanceQuery.assignments(in: village, household: number, sql), cases: cases, openCases: open,
                visits: try await VisitQuery.visits(county: county, household: number, sql).map { ($0.0, $0.title, $0.photo) }, clear: clear)
        }
        if !clear {
            file.household.phone = file.household.phone.map(Masking.privateField)
            file.household.bankAccount = file.household.bankAccount.map(Masking.privateField)
            for i in file.members.indices {
                file.members[i].member.name = Masking.name(file.members[i].member.name)
                file.members[i].member.idNumber = Masking.identityNumber(file.members[i].member.idNumber)
            }
            for i in file.cadres.indices { file.cadres[i].phone = Masking.privateField(file.cadres[i].phone) }
        }
        return file
    }
}
