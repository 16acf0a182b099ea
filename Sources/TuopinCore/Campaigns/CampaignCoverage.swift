/// A campaign's coverage over some of its households: how many it targets, how many are
/// assigned to a cadre, how many were visited (at least once; a visit sent twice counts once).
public struct CampaignCoverage: Hashable, Sendable {
    public var targets: Int
    public var assigned: Int
    public var visited: Int

    public init(targets: Int = 0, assigned: Int = 0, visited: Int = 0) {
        self.targets = targets
        self.assigned = assigned
        self.visited = visited
    }

    public init(_ households: some Sequence<CampaignHousehold>, visited: Set<HouseholdNumber>) {
        self.init()
        for h in households {
            targets += 1
            if h.assignee != nil { assigned += 1 }
            if visited.contains(h.household) { self.visited += 1 }
        }
    }

    /// Visited ÷ targets, in percent to two places; nil when there are none.
    public var percent: FixedDecimal? { targets == 0 ? nil : Ratio(visited, targets).percent(places: 2) }

    public var notVisited: Int { targets - visited }

    /// Coverage per group (a child area, a cadre), in key order.
    public static func by<K: Hashable & Comparable>(
        _ households: [CampaignHousehold], visited: Set<HouseholdNumber>, _ key: (CampaignHousehold) -> K
    ) -> [(key: K, coverage: CampaignCoverage)] {
        Dictionary(grouping: households, by: key).map { ($0.key, CampaignCoverage($0.value, visited: visited)) }.sorted { $0.key < $1.key }
    }
}

/// Assigns a campaign's households to cadres: in each village, the households in number order go
/// round the village's cadres in name order. Households already assigned keep their cadre; a
/// village without a cadre leaves its households unassigned.
public enum CampaignAssignment {
    public static func assign(_ households: [CampaignHousehold], cadres: [AdminCode: [String]]) -> [CampaignHousehold] {
        var next: [AdminCode: Int] = [:]
        return households.sorted { $0.household.rawValue < $1.household.rawValue }.map { h in
            guard h.assignee == nil, let names = cadres[h.village]?.sorted(), !names.isEmpty else { return h }
            var out = h
            let i = next[h.village, default: 0]
            out.assignee = names[i % names.count]
            next[h.village] = i + 1
            return out
        }
    }
}

extension CampaignAssignment {
    /// The cadres who visit each village when none are named: the enabled users who may record
    /// visits there (village cadres, township officers, county offices — not administrators or
    /// inspectors), those with the narrowest scope holding the village: its village cadres where
    /// it has some, else its township's officers, else the county office.
    public static func cadres(for villages: some Sequence<AdminCode>, among users: [User]) -> [AdminCode: [String]] {
        let visitors = users.filter { u in
            !u.isDisabled && u.role != .administrator && AccessPolicy.allowed(u.role).contains(.editRegistry) && u.scope.code != nil
        }
        var out: [AdminCode: [String]] = [:]
        for village in villages {
            let holding = visitors.filter { $0.scope.contains(village) }
            guard let narrowest = holding.map({ $0.scope.code!.rawValue.count }).max() else { continue }
            out[village] = holding.filter { $0.scope.code!.rawValue.count == narrowest }.map(\.username.rawValue).sorted()
        }
        return out
    }
}
