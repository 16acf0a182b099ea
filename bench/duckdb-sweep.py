#!/usr/bin/env python3
"""The raw engine's half of bench/run's sweep benchmark (B3): DuckDB (PyPI `duckdb`), in process,
selecting what the monitoring sweep of YEAR selects: each household exited at the end of YEAR
whose per-capita net income of YEAR is within the threshold (THRESHOLD_FEN a head), counted by
township. The registry's household, status_event and income_record tables are copied from the
SQLite file into DuckDB's own tables (through CSV) before any timing. Prints `sweep MEDIAN_MS
HOUSEHOLDS`, the median of REPEAT warm runs, after checking that DuckDB and SQLite select the
same households.

Usage: bench/duckdb-sweep.py DATABASE PREFIX YEAR THRESHOLD_FEN REPEAT
"""
import csv, os, sqlite3, statistics, sys, tempfile, time

import duckdb

db, prefix, year, threshold, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
src = sqlite3.connect(db)
duck = duckdb.connect()
income_columns = [r[1] for r in src.execute("PRAGMA table_info(income_record)")]
tables = {
    "household": ["county_code", "household_number", "village_code"],
    "status_event": ["county_code", "household_number", "sequence", "status", "effective_date"],
    "income_record": income_columns,
}
with tempfile.TemporaryDirectory() as folder:
    for table, columns in tables.items():
        declared = {r[1]: r[2].upper() for r in src.execute(f"PRAGMA table_info({table})")}
        path = os.path.join(folder, table + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            writer.writerows(src.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        types = {c: ("BIGINT" if "INT" in declared[c] else "VARCHAR") for c in columns}
        duck.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = true, columns = {types!r})", [path])

# Net income as the sweep computes it: the sixteen income components less production expenses
# (the medical columns are not income).
components = ["migrant_wages", "public_welfare_job_income", "other_wage", "crops", "livestock", "forestry_fruit", "other_business",
              "asset_income_dividend", "land_transfer_rent", "other_property", "family_planning_benefit", "dibao_benefit",
              "tekun_benefit", "pension_benefit", "ecological_compensation", "other_transfer"]
net = " + ".join(f"i.{c}_fen" for c in components) + " - i.production_expense_fen"
sql = f"""
    SELECT SUBSTR(h.village_code, 1, 9) AS township, COUNT(*) AS n
    FROM income_record i JOIN household h ON h.county_code = i.county_code AND h.household_number = i.household_number
    WHERE i.county_code LIKE '{prefix}%' AND i.year = {year}
      AND (SELECT e.status FROM status_event e WHERE e.county_code = h.county_code AND e.household_number = h.household_number
           AND e.effective_date <= '{year}-12-31' ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1)
          IN ('exitedWithPolicies', 'exitedWithoutPolicies')
      AND ({net}) * 1.0 / i.household_size <= {threshold}
    GROUP BY 1 ORDER BY 1
"""
rows = duck.execute(sql).fetchall()
times = []
for _ in range(repeat):
    start = time.perf_counter()
    rows = duck.execute(sql).fetchall()
    times.append((time.perf_counter() - start) * 1000)
if [tuple(r) for r in rows] != [tuple(r) for r in src.execute(sql).fetchall()]:
    sys.exit("sweep: DuckDB and SQLite disagree")
print(f"sweep {statistics.median(times):.3f} {sum(r[1] for r in rows)}", flush=True)
