"""Peer for BENCHMARKS.md: polars' weighted share satisfied per item and sector (point estimates only).

Same rule as the instruments' sat5 scale: codes 4-5 satisfied, 8-9 excluded, blanks excluded.
Usage: python3 polars_shares.py FILE.csv OUT.csv ITEM,ITEM,...

Written as polars' user guide recommends (docs.pola.rs, "Lazy API" and "Aggregation"): one lazy
`scan_csv` with `schema_overrides` (items Int64, weight Float64: typed while parsing, no string
columns cast per row), projection pushdown by the optimizer (only sector, weight and the items are
parsed), and every item as one expression of a single `group_by("sector").agg([...])`, so the file is
scanned once and the expressions run in parallel. The wide result is unpivoted to (sector, item, share).
"""
import sys

import polars as pl

path, out = sys.argv[1], sys.argv[2]
items = sys.argv[3].split(",")
frame = pl.scan_csv(path, schema_overrides={"weight": pl.Float64, **{item: pl.Int64 for item in items}})
weight = pl.col("weight")
shares = [
    (100 * weight.filter(pl.col(item).is_in([4, 5])).sum() / weight.filter(pl.col(item).is_between(1, 5)).sum()).alias(item)
    for item in items
]
wide = frame.group_by("sector").agg(shares).collect()
wide.unpivot(index="sector", variable_name="item", value_name="share").sort("item", "sector").write_csv(out)
