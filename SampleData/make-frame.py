#!/usr/bin/env python3
"""Writes frame-2025.csv: a SYNTHETIC sampling frame of communes for the 34 provinces in force
from 1 July 2025 (real codes and names from Sources/SIPASCore/Resources/vn-provinces-2025.csv;
communes, urban flags and household counts are made up). Deterministic: Python's
random.Random(2025) (Mersenne Twister), the same on every Python 3. Also writes
frame-2025-households.csv, the households per province (a margins file for `sipas design weights`).

    python3 SampleData/make-frame.py   # from the repository root
"""
import csv
import math
import os
import random

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
provinces = {}
merged = {}
with open(os.path.join(root, "Sources/SIPASCore/Resources/vn-provinces-2025.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        provinces[row["new_code"]] = row["new_name"]
        merged[row["new_code"]] = merged.get(row["new_code"], 0) + 1

rng = random.Random(2025)
rows = []
for code in sorted(provinces):
    # About 53 communes per pre-2025 province merged in (3 321 communes nationally after July 2025).
    communes = max(15, round(rng.gauss(53, 10) * merged[code]))
    for k in range(1, communes + 1):
        urban = 1 if rng.random() < 0.22 else 0
        households = max(300, round(math.exp(rng.gauss(8.6 + 0.5 * urban, 0.55))))
        kind = "Phường" if urban else "Xã"
        rows.append([code, provinces[code], f"{code}{k:03d}", f"{kind} tổng hợp {k:03d}", urban, households, "synthetic"])

with open(os.path.join(root, "SampleData/frame-2025.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["province_code", "province_name", "commune_code", "commune_name", "urban", "households", "data_source"])
    w.writerows(rows)
totals = {}
for r in rows:
    totals[r[0]] = totals.get(r[0], 0) + r[5]
with open(os.path.join(root, "SampleData/frame-2025-households.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["province_code", "population"])
    w.writerows(sorted(totals.items()))
print(f"frame-2025.csv: {len(rows)} communes in {len(provinces)} provinces, {sum(r[5] for r in rows)} households (synthetic)")
