"""Peer for BENCHMARKS.md: DuckDB's weighted share satisfied per item and sector.

Point estimates only (DuckDB has no design-based standard errors). Same rule as the
instruments' sat5 scale: codes 4-5 satisfied, 8-9 excluded, blanks excluded.
Usage: python3 duckdb_shares.py FILE.csv OUT.csv ITEM,ITEM,... [THREADS]
"""
import sys

import duckdb

path, out = sys.argv[1], sys.argv[2]
items = sys.argv[3].split(",")
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
parts = [
    f"""SELECT sector, '{item}' AS item,
           100 * SUM(weight * (TRY_CAST({item} AS INTEGER) IN (4, 5))::INTEGER) / SUM(weight) AS share
        FROM data WHERE TRY_CAST({item} AS INTEGER) BETWEEN 1 AND 5 GROUP BY sector"""
    for item in items
]
con.execute(f"CREATE TEMP VIEW data AS SELECT * FROM read_csv('{path}', types = {{'weight': 'DOUBLE'}}, all_varchar = true)")
con.execute(f"COPY ({' UNION ALL '.join(parts)} ORDER BY item, sector) TO '{out}' (HEADER)")
