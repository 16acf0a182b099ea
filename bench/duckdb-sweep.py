#!/usr/bin/env python3
"""The raw engine's half of bench/run's sweep benchmark (B3): DuckDB (PyPI `duckdb`), in process,
selecting what the monitoring sweep of YEAR selects: each household exited at the end of YEAR
whose per-capita net income of YEAR is within the threshold (THRESHOLD_FEN a head), counted by
township. The registry's household, status_event and income_record tables are copied from the
SQLite file into DuckDB's own tables (through CSV) before any timing. Prints `sweep MEDIAN_MS
HOUSEHOLDS`, the median of REPEAT warm runs, after checking that DuckDB and SQLite select the
same households.

It then does what the sweep does with them besides selecting: opens a case for each household
(numbered per county), with its first step, in one transaction, into DuckDB tables with the
registry's columns and primary keys, and prints `sweep_open MEDIAN_MS CASES`, the median of
REPEAT runs (the cases are deleted between runs, untimed). The case's templates and deadline
are the sweep's constants here, where Tuopin reads them from the workflow tables and the
calendar, and the sweep's one audit entry is left out.

Usage: bench/duckdb-sweep.py DATABASE PREFIX YEAR THRESHOLD_FEN REPEAT
"""
import csv, os, sqlite3, statistics, sys, tempfile, time

import duckdb

db, prefix, year, threshold, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
src = sqlite3.connect(db)
duck = duckdb.connect()
income_columns = [r[1] for r in src.execute("PRAGMA table_info(income_record)")]
tables = {
    "household": ["county_code", "household_number", "village_code", "main_cause"],
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

# The writes: the same selection, each household opened as a case with its first step (M1).
for table in ["monitoring_case", "monitoring_step"]:
    info = list(src.execute(f"PRAGMA table_info({table})"))
    columns = ", ".join(f"{r[1]} {'BIGINT' if 'INT' in r[2].upper() else 'BOOLEAN' if 'BOOL' in r[2].upper() else 'VARCHAR'}"
                        + (" NOT NULL" if r[3] else "") for r in info)
    key = ", ".join(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    duck.execute(f"CREATE TABLE {table} ({columns}, PRIMARY KEY ({key}))")
risk = "CASE h.main_cause " + " ".join(f"WHEN '{c}' THEN '{r}'" for c, r in [
    ("illness", "illness"), ("disability", "disability"), ("schooling", "schooling"), ("disaster", "disaster"),
    ("lackOfLabour", "lackOfLabour"), ("lackOfWater", "drinkingWater")]) + " ELSE 'other' END"
date = f"{year + 1}-01-15"
selected = sql.split("GROUP BY")[0].replace("SELECT SUBSTR(h.village_code, 1, 9) AS township, COUNT(*) AS n",
                                            f"SELECT i.county_code, i.household_number, h.village_code, {risk} AS risk")
open_cases = f"""
    INSERT INTO monitoring_case
    SELECT county_code, ROW_NUMBER() OVER (PARTITION BY county_code ORDER BY household_number), household_number, village_code,
           'sweep', '{date}', 'identification.national', 'elimination.43', '{year + 1}-01-30', 'identifying', 0, NULL, NULL, risk,
           false, false, NULL, NULL, NULL, NULL, '{date}', {year}, ''
    FROM ({selected}) s
"""
open_steps = f"""
    INSERT INTO monitoring_step
    SELECT county_code, case_number, 1, 'M1', NULL, NULL, lead_date, 'bench', NULL, NULL, NULL, 'sweep {year}: unstableExited', state,
           CAST(current_timestamp AS VARCHAR)
    FROM monitoring_case WHERE sweep_year = {year}
"""
times = []
for _ in range(repeat + 1):
    duck.execute("DELETE FROM monitoring_step"); duck.execute("DELETE FROM monitoring_case")
    start = time.perf_counter()
    duck.execute("BEGIN"); duck.execute(open_cases); duck.execute(open_steps); duck.execute("COMMIT")
    times.append((time.perf_counter() - start) * 1000)
opened = duck.execute("SELECT COUNT(*) FROM monitoring_case").fetchone()[0]
steps = duck.execute("SELECT COUNT(*) FROM monitoring_step").fetchone()[0]
if opened != sum(r[1] for r in rows) or steps != opened:
    sys.exit(f"sweep: DuckDB opened {opened} cases with {steps} steps for {sum(r[1] for r in rows)} households")
print(f"sweep_open {statistics.median(times[1:]):.3f} {opened}", flush=True)
