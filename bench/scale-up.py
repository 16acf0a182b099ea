#!/usr/bin/env python3
"""Builds a province-sized import folder from an export of the Hengyang demo.

Usage: bench/scale-up.py SOURCE_DIR DEST_DIR COPIES
       bench/scale-up.py SOURCE_DIR DEST_DIR --households N

With --households, exactly N households are written: as many copies as that takes, the last one
cut after its first households in file order (with their events, members and incomes only).

The areas, area events and village profiles are written once; households, their status events,
members and incomes are written COPIES times. Copy 0 is the source itself; copy k > 0 puts k
into the household number after the 12-digit village code (4304050012000001 becomes
43040500120k0001), and moves each ID number to another province (the first two digits) with its
check digit recomputed, so every copy is a valid, distinct set of households and people in the
same villages. 9 copies of the demo city give about 1.05 million households.
"""
import csv
import os
import sys

PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
             "41", "42", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def moved_id(number, copy):
    if copy == 0 or len(number) != 18:
        return number
    body = PROVINCES[(copy - 1) % len(PROVINCES)] + number[2:17]
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def moved_household(number, copy):
    return number if copy == 0 else number[:12] + str(copy) + number[12:]


def copy_file(source, dest, name, copies, columns, last_copy_households=None):
    path = os.path.join(source, name)
    if not os.path.exists(path):
        return 0
    rows = 0
    with open(path, newline="", encoding="utf-8") as f, open(os.path.join(dest, name), "w", newline="", encoding="utf-8") as out:
        reader = csv.reader(f)
        header = next(reader)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        body = list(reader)
        index = {c: header.index(c) for c in columns if c in header}
        for copy in range(copies):
            for row in body:
                if copy == copies - 1 and last_copy_households is not None and "household_number" in index \
                        and row[index["household_number"]] not in last_copy_households:
                    continue
                row = list(row)
                if "household_number" in index:
                    row[index["household_number"]] = moved_household(row[index["household_number"]], copy)
                if "id_number" in index:
                    row[index["id_number"]] = moved_id(row[index["id_number"]], copy)
                writer.writerow(row)
                rows += 1
    return rows


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    source, dest = sys.argv[1], sys.argv[2]
    last = None
    if sys.argv[3] == "--households":
        if len(sys.argv) != 5 or not sys.argv[4].isdigit() or int(sys.argv[4]) < 1:
            sys.exit(__doc__)
        wanted = int(sys.argv[4])
        with open(os.path.join(source, "households.csv"), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            column = next(reader).index("household_number")
            numbers = [row[column] for row in reader]
        copies = -(-wanted // len(numbers))
        last = set(numbers[:wanted - (copies - 1) * len(numbers)])
    else:
        copies = int(sys.argv[3])
    if not 1 <= copies <= len(PROVINCES) + 1:
        sys.exit(f"COPIES must be 1…{len(PROVINCES) + 1}")
    os.makedirs(dest, exist_ok=True)
    total = 0
    for name in ["areas.csv", "area_events.csv", "village_profiles.csv"]:
        total += copy_file(source, dest, name, 1, [])
    for name in ["households.csv", "status_events.csv", "members.csv", "incomes.csv"]:
        n = copy_file(source, dest, name, copies, ["household_number", "id_number"], last)
        total += n
        if name == "households.csv":
            households = n
    print(f"{households} households, {total} rows in {dest}")


if __name__ == "__main__":
    main()
