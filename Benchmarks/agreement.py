"""Checks that a peer's numbers equal sipas's: item shares (and SEs when the peer has them) by sector.

Usage: python3 agreement.py SIPAS.json PEER.csv  -> prints the largest absolute differences.
"""
import csv
import json
import sys

records = json.load(open(sys.argv[1]))["records"]
sipas = {
    (r["group_value"], r["indicator"].removeprefix("item:")): r
    for r in records
    if r["group_variable"] == "sector" and r["level"] == "item" and r["statistic"] == "share"
}
worst_share = worst_se = 0.0
rows = list(csv.DictReader(open(sys.argv[2])))
for row in rows:
    mine = sipas[(row["sector"], row["item"])]
    worst_share = max(worst_share, abs(mine["estimate"] - float(row["share"])))
    if "se" in row:
        worst_se = max(worst_se, abs(mine["se"] - float(row["se"])))
print(f"{len(rows)} item x sector shares; max |difference| share {worst_share:.2e} pp"
      + (f", SE {worst_se:.2e} pp" if rows and "se" in rows[0] else ""))
