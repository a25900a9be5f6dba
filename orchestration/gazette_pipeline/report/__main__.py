"""`make report`: write the report of the warehouse as it is (nothing is rebuilt) and print its path."""
from __future__ import annotations

import sys

import duckdb

from ..settings import warehouse_path
from . import report_path, write_report


def main() -> int:
    warehouse = warehouse_path()
    if not warehouse.exists():
        print(f"no warehouse at {warehouse}: build it first (make run)", file=sys.stderr)
        return 1
    # read-only: a report never changes the warehouse, and analysts' read-only sessions may stay open
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        written = write_report(conn, report_path(warehouse), str(warehouse))
    finally:
        conn.close()
    print(written.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
