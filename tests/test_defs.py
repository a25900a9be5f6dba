"""The Dagster code location loads, and its graph runs file -> parse -> dbt staging -> marts."""
from __future__ import annotations

from dagster import AssetKey

from gazette_pipeline.definitions import defs


def test_definitions_load_with_one_lineage_graph():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"raw/issue_files", "parsed/articles", "staging/stg_articles", "marts/articles", "marts/issues"} <= keys
    # dbt's sources are the Python assets themselves, not separate stubs: one graph from file to mart
    assert AssetKey(["parsed", "articles"]) in graph.get(AssetKey(["staging", "stg_articles"])).parent_keys
    assert AssetKey(["staging", "stg_articles"]) in graph.get(AssetKey(["marts", "articles"])).parent_keys
    assert AssetKey(["raw", "issue_files"]) in graph.get(AssetKey(["parsed", "articles"])).parent_keys


def test_every_warehouse_writer_shares_one_pool():
    for assets_def in defs.assets:
        assert assets_def.op.pool == "duckdb_writer", assets_def.node_def.name


def test_dbt_tests_are_asset_checks():
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert any(name.startswith("accepted_values_articles_kind") for name in checks)
    assert any(name.startswith("relationships_articles_issue_id") for name in checks)
