import SQLKit

/// Each household's state on a date, from the projection rewound to it: the one SQL text that
/// `StatusCountQuery.rewound` and the roll-ups (`RollupQuery`) share. `c` is the household's
/// `household_current` row; its own row answers when nothing of its history is later than the
/// date (`changed_on`), else its events and memberships are looked up.
enum HouseholdAsOf {
    /// The status of its last event on or before the date (NULL before its first).
    static func status(on date: String) -> SQLQueryString {
        """
        (SELECT e.status FROM status_event e
         WHERE e.county_code = c.county_code AND e.household_number = c.household_number AND e.effective_date <= \(bind: date)
         ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1)
        """
    }

    /// Its memberships active on the date.
    static func people(on date: String) -> SQLQueryString {
        """
        (SELECT COUNT(*) FROM membership m
         WHERE m.county_code = c.county_code AND m.household_number = c.household_number
           AND m.from_date <= \(bind: date) AND (m.to_date IS NULL OR m.to_date > \(bind: date)))
        """
    }

    /// Every household of the area with its status and people on the date.
    static func rows(_ filter: AreaFilter, on date: String) -> SQLQueryString {
        """
        SELECT c.county_code, c.household_number, c.village_code,
            CASE WHEN c.changed_on <= \(bind: date) THEN c.status ELSE \(status(on: date)) END AS status,
            CASE WHEN c.changed_on <= \(bind: date) THEN c.people ELSE \(people(on: date)) END AS people
        FROM household_current c
        WHERE \(filter.counties("c.county_code")) AND c.village_code LIKE \(bind: filter.codePattern)
        """
    }
}
