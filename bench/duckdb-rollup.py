#!/usr/bin/env python3
"""The raw engine's half of bench/run's statistics benchmark: DuckDB (PyPI `duckdb`), in process,
running the same as-of roll-up as Tuopin (households and people by status, grouped by child area)
on the same rows: the registry's household, status_event and membership tables, exported from
the SQLite file as CSV and loaded into DuckDB's own tables before any timing. Each figure is the
median of REPEAT warm runs, printed as `NAME MEDIAN_MS` with the names tuopin-bench prints, and
the rows of each roll-up are checked against the SQLite answer of the same SQL.

Usage: bench/duckdb-rollup.py DATABASE CITY COUNTY NOW PAST BASELINE REPEAT
"""
import csv, os, sqlite3, statistics, sys, tempfile, time

import duckdb

db, city, county, now, past, baseline, repeat = sys.argv[1:8]
repeat = int(repeat)
src = sqlite3.connect(db)
duck = duckdb.connect()
tables = {
    "household": ["county_code", "household_number", "village_code"],
    "status_event": ["county_code", "household_number", "sequence", "status", "effective_date"],
    "membership": ["county_code", "household_number", "from_date", "to_date"],
}
with tempfile.TemporaryDirectory() as folder:
    for table, columns in tables.items():
        path = os.path.join(folder, table + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            writer.writerows(src.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        types = {c: ("INTEGER" if c == "sequence" else "VARCHAR") for c in columns}
        duck.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = true, columns = {types!r})", [path])


def rollup_sql(prefix, key_length, date):
    """The as-of roll-up of StatusCountQuery, the same text for both engines."""
    return f"""
        WITH latest AS (
            SELECT county_code, household_number, status,
                   ROW_NUMBER() OVER (PARTITION BY county_code, household_number ORDER BY effective_date DESC, sequence DESC) AS rn
            FROM status_event WHERE county_code LIKE '{prefix}%' AND effective_date <= '{date}'
        ), people AS (
            SELECT county_code, household_number, COUNT(*) AS n FROM membership
            WHERE county_code LIKE '{prefix}%' AND from_date <= '{date}' AND (to_date IS NULL OR to_date = '' OR to_date > '{date}')
            GROUP BY county_code, household_number
        )
        SELECT SUBSTR(h.village_code, 1, {key_length}) AS area_key, l.status, COUNT(*) AS households, COALESCE(SUM(p.n), 0) AS people
        FROM household h
        JOIN latest l ON l.county_code = h.county_code AND l.household_number = h.household_number AND l.rn = 1
        LEFT JOIN people p ON p.county_code = h.county_code AND p.household_number = h.household_number
        WHERE h.county_code LIKE '{prefix}%' AND h.village_code LIKE '{prefix}%'
        GROUP BY 1, 2 ORDER BY 1, 2
    """


def measure(name, sql):
    duck.execute(sql).fetchall()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = duck.execute(sql).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    expected = [tuple(r) for r in src.execute(sql.replace("to_date = ''", "to_date IS NULL")).fetchall()]
    if [tuple(r) for r in rows] != expected:
        sys.exit(f"{name}: DuckDB and SQLite disagree")
    print(f"{name} {statistics.median(times):.3f}", flush=True)


city_prefix = city[:4]
measure("city_by_county_now", rollup_sql(city_prefix, 6, now))
measure("city_by_county_past", rollup_sql(city_prefix, 6, past))
measure("city_by_county_baseline", rollup_sql(city_prefix, 6, baseline))
measure("county_by_village_now", rollup_sql(county, 12, now))
measure("county_by_village_past", rollup_sql(county, 12, past))
