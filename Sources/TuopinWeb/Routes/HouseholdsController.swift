import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/households`: search and list the households of the user's area (filters and paging in
/// the query string, so a list can be bookmarked); `/households/{number}`: one household's file.
/// Scope is the services': a household outside it is not found.
struct HouseholdsController: Sendable {
    let households: HouseholdFileService
    let statistics: StatisticsService
    let site: Site
    let today: @Sendable () -> CivilDate

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .get(":number", use: file)
    }

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        var area: AdminCode? = nil
        if let text = q.get("area"), !text.isEmpty {
            do { area = try AdminCode(text) } catch { throw BadParameter("area", error) }
        }
        if area == nil { area = try await statistics.home(of: user) }
        guard let area else {
            let s = site.strings[context.language]
            return site.page(
                "dashboard", ["empty": true, "emptyMessage": s.text("dashboard.empty")], context: context, title: s.text("households.title"))
        }
        var filter = HouseholdListQuery.Filter(area: area)
        filter.text = q.get("q").map { String($0.prefix(64)) }
        filter.status = try Self.code(q.get("status"), name: "status")
        filter.attribute = try Self.code(q.get("attribute"), name: "attribute")
        filter.cause = try Self.code(q.get("cause"), name: "cause")
        filter.monitored = q.get("monitored") == "1"
        let page = q.get("page").flatMap { Int($0) }.map { min(max($0, 1), 1_000_000) } ?? 1
        let list = try await households.list(filter, page: page, by: user)
        return HouseholdsPage.render(list, site: site, context: context)
    }

    func file(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let text = context.parameters.get("number") ?? ""
        let number: HouseholdNumber
        do { number = try HouseholdNumber(text) } catch { throw BadParameter("number", NotAHouseholdNumber(text: text)) }
        let file = try await households.file(number, by: user)
        return HouseholdPage.render(file, today: today(), site: site, context: context)
    }

    /// A code-list value from the query (empty: no filter), else a worded 400.
    static func code<T: CodeListValue>(_ text: String?, name: String) throws -> T? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = T(token: text) else { throw BadParameter(name, UnknownValue(value: text)) }
        return value
    }
}

/// A path segment that is no household number.
struct NotAHouseholdNumber: WordedError, Sendable {
    var text: String
    func message(_ s: Localizer) -> String { s.text("households.error.number", ["text": String(text.prefix(40))]) }
}
