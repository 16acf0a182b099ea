import TuopinCore

/// The village exit test's conditions on the yearly village profile (REFERENCE §3.4): road,
/// water, power, school, clinic and social security, each NULL when not recorded.
struct M017_VillageConditions: Migration {
    let version = 17
    let name = "village conditions"

    func statements(for dialect: StoreDialect) -> [String] {
        VillageConditionColumns.names.map { "ALTER TABLE village_profile ADD COLUMN \($0) BOOLEAN" }
    }
}

/// The condition columns of `village_profile` and of village_profiles.csv, in `VillageConditions` order.
public enum VillageConditionColumns {
    public static let names = ["road_passable", "safe_water", "power_supply", "school_nearby", "clinic_nearby", "social_security"]

    static func values(_ c: VillageConditions) -> [Bool?] {
        [c.roadPassable, c.safeWater, c.power, c.schoolNearby, c.clinicNearby, c.socialSecurity]
    }

    static func conditions(_ v: [Bool?]) -> VillageConditions {
        VillageConditions(roadPassable: v[0], safeWater: v[1], power: v[2], schoolNearby: v[3], clinicNearby: v[4], socialSecurity: v[5])
    }
}
