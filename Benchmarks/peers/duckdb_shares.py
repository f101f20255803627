"""Peer for BENCHMARKS.md: DuckDB's weighted share satisfied per item and sector.

Point estimates only (DuckDB has no design-based standard errors). Same rule as the
instruments' sat5 scale: codes 4-5 satisfied, 8-9 excluded, blanks excluded.
Usage: python3 duckdb_shares.py FILE.csv OUT.csv ITEM,ITEM,... [THREADS]

Written as DuckDB's documentation recommends for one pass over a CSV (duckdb.org/docs, "CSV
import" and "Aggregate functions"): `read_csv` with the types of the columns the query reads given
(`types`: items INTEGER, weight DOUBLE, so no column is cast per row and the sniffer only has the
dialect to find), one scan with projection pushdown (only sector, weight and the items are
parsed), and every item in one GROUP BY with `sum(...) FILTER (WHERE ...)`, so the file is read
once, not once per item. The wide result is unpivoted to (sector, item, share) rows.
"""
import sys

import duckdb

path, out = sys.argv[1], sys.argv[2]
items = sys.argv[3].split(",")
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
types = ", ".join([f"'{item}': 'INTEGER'" for item in items] + ["'weight': 'DOUBLE'"])
shares = ",\n       ".join(
    f"100 * sum(weight) FILTER (WHERE {item} IN (4, 5)) / sum(weight) FILTER (WHERE {item} BETWEEN 1 AND 5) AS \"{item}\""
    for item in items
)
query = f"""
WITH wide AS (
  SELECT sector,
       {shares}
  FROM read_csv('{path}', header = true, types = {{{types}}})
  GROUP BY sector
)
SELECT sector, item, share FROM (UNPIVOT wide ON {", ".join(f'"{item}"' for item in items)} INTO NAME item VALUE share)
ORDER BY item, sector
"""
con.execute(f"COPY ({query}) TO '{out}' (HEADER)")
