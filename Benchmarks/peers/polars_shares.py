"""Peer for BENCHMARKS.md: polars' weighted share satisfied per item and sector (point estimates only).

Same rule as the instruments' sat5 scale: codes 4-5 satisfied, 8-9 excluded, blanks excluded.
Usage: python3 polars_shares.py FILE.csv OUT.csv ITEM,ITEM,...
"""
import sys

import polars as pl

path, out = sys.argv[1], sys.argv[2]
frame = pl.scan_csv(path, infer_schema=False).with_columns(pl.col("weight").cast(pl.Float64))
items = sys.argv[3].split(",")
results = []
for item in items:
    code = pl.col(item).cast(pl.Int64, strict=False)
    results.append(
        frame.filter(code.is_between(1, 5))
        .group_by("sector")
        .agg((100 * (pl.col("weight") * code.is_in([4, 5])).sum() / pl.col("weight").sum()).alias("share"))
        .with_columns(pl.lit(item).alias("item"))
    )
pl.concat(pl.collect_all(results)).select("sector", "item", "share").sort("item", "sector").write_csv(out)
