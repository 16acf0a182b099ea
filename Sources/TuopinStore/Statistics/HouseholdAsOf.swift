import SQLKit

/// Each household's state on a date, from the projection rewound to it: the SQL text that
/// `StatusCountQuery.rewound`, the roll-ups (`RollupQuery`) and the campaigns share. `c` is the
/// household's `household_current` row. Its row answers when nothing of its history is later than
/// the date (`changed_on`); else from its last status but one, or its memberships' span before
/// their last change, when the date falls there (M026); only otherwise are its events or its
/// memberships looked up.
enum HouseholdAsOf {
    /// The status of its last event on or before the date, looked up (NULL before its first).
    static func lookedUpStatus(on date: String) -> SQLQueryString {
        """
        (SELECT e.status FROM status_event e
         WHERE e.county_code = c.county_code AND e.household_number = c.household_number AND e.effective_date <= \(bind: date)
         ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1)
        """
    }

    /// Its memberships active on the date, counted.
    static func lookedUpPeople(on date: String) -> SQLQueryString {
        """
        (SELECT COUNT(*) FROM membership m
         WHERE m.county_code = c.county_code AND m.household_number = c.household_number
           AND m.from_date <= \(bind: date) AND (m.to_date IS NULL OR m.to_date > \(bind: date)))
        """
    }

    /// Its status on the date: the latest, none before the first, the last but one between them,
    /// else looked up.
    static func status(on date: String) -> SQLQueryString {
        """
        (CASE WHEN c.status_date IS NULL OR c.status_date <= \(bind: date) THEN c.status
              WHEN c.first_status_date > \(bind: date) THEN NULL
              WHEN c.previous_status_date <= \(bind: date) THEN c.previous_status
              ELSE \(lookedUpStatus(on: date)) END)
        """
    }

    /// Its people on the date: those of its open memberships on and after their last change, those
    /// of the span before it within that span, none before any membership, else counted.
    static func people(on date: String) -> SQLQueryString {
        """
        (CASE WHEN c.members_changed_on IS NULL OR c.members_changed_on <= \(bind: date) THEN c.people
              WHEN c.members_changed_before IS NULL THEN 0
              WHEN c.members_changed_before <= \(bind: date) THEN c.people_before
              ELSE \(lookedUpPeople(on: date)) END)
        """
    }

    /// Ends a subquery of rows so that the engine computes each row's status once: SQLite would
    /// otherwise flatten it into the grouping around it and evaluate the status expression again
    /// for the filter, the grouping and the result (a limit keeps it a subquery); PostgreSQL's
    /// `OFFSET 0` is the same fence.
    static func fence(_ sql: any SQLDatabase) -> String { sql.dialect.name == "sqlite" ? "LIMIT -1" : "OFFSET 0" }

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
