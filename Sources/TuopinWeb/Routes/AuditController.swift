import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/audit`: the audit log for inspectors, offices and administrators, inside their scope
/// (the service enforces it): filters by user, area, action and date, the newest entries
/// first, and, asked by whoever may read the whole log, each chain's verification state.
struct AuditController: Sendable {
    let audit: AuditService
    let site: Site

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self).get(use: list)
    }

    static let limits = [50, 200, 1_000]

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        var filter = AuditQuery.Filter(scope: user.scope, limit: 50)
        if let text = q.get("area"), !text.isEmpty {
            do { filter.area = try AdminCode(text) } catch { throw BadParameter("area", error) }
        }
        if let text = q.get("since"), !text.isEmpty {
            guard let since = Instant.instantOrDay(text) else { throw BadParameter("since", UnknownValue(value: text)) }
            filter.since = since
        }
        if let text = q.get("action"), !text.isEmpty {
            guard AuditAction(token: text) != nil else { throw BadParameter("action", UnknownValue(value: text)) }
            filter.action = text
        }
        filter.actor = q.get("actor").flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        filter.limit = q.get("limit").flatMap(Int.init).flatMap { Self.limits.contains($0) ? $0 : nil } ?? 50
        let rows = try await audit.list(filter, by: user)
        // Verifying rehashes every entry of every chain: only on request (`?verify=1`), and only
        // for whoever may read the whole log.
        let mayVerify = AccessPolicy.decide(user, .viewAudit, area: nil).passed
        let chains = mayVerify && q.get("verify") == "1" ? try await audit.verify(by: user) : nil
        return AuditPage.render(
            filter: filter, since: q.get("since") ?? "", rows: rows, chains: chains, mayVerify: mayVerify, site: site, context: context)
    }
}
