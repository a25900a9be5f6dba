"""Dagster code location of gazette: wires the plain `gazette_text` parser to DuckDB and dbt."""
