"""The dbt project's own contracts: every model documented and typed beside its SQL, its grain tested,
its computed columns unit-tested, and its sources the assets the Dagster code really produces.

dbt itself checks the rest: enforced contracts fail a build whose columns or types differ from the
YAML, and the unit tests (run here, not by the pipeline) fail a model whose logic changed.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from dagster import AssetKey
from dagster_dbt import DagsterDbtTranslator

from conftest import DBT_DIR

MODELS = DBT_DIR / "models"

# Staging views that only select columns of their source, unchanged: nothing to unit-test.
PASS_THROUGH = {"stg_issues", "stg_meetings", "stg_projects"}


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    """dbt's manifest of the project as it is now (parsed into a temporary target, not the shared one)."""
    target = tmp_path_factory.mktemp("dbt_target")
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run(
        [str(dbt), "parse", "--profiles-dir", ".", "--target-path", str(target), "--quiet"],
        cwd=DBT_DIR, check=True,
    )
    return json.loads((target / "manifest.json").read_text(encoding="utf-8"))


def _models(manifest) -> dict[str, dict]:
    return {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}


def _tests_of(manifest, model: str) -> list[dict]:
    model_id = _models(manifest)[model]["unique_id"]
    return [
        n for n in manifest["nodes"].values()
        if n["resource_type"] == "test" and n.get("attached_node") == model_id
    ]


def test_each_model_is_described_in_a_yaml_file_beside_it(manifest):
    for name, model in _models(manifest).items():
        sql = Path(model["original_file_path"])
        assert model["patch_path"] == f"gazette://{sql.with_suffix('.yml')}", name
    for path in MODELS.rglob("*.yml"):
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        names = [m["name"] for m in entries.get("models", [])]
        assert names in ([path.stem], []), f"{path} describes {names}, not only {path.stem}"


def test_every_model_and_column_is_described_and_typed(manifest):
    for name, model in _models(manifest).items():
        assert model["description"].strip(), name
        assert model["config"]["contract"]["enforced"], f"{name}: its columns and types are not checked"
        assert model["columns"], name
        for column, info in model["columns"].items():
            assert info["description"].strip() and "{{" not in info["description"], f"{name}.{column}"
            assert info["data_type"], f"{name}.{column} has no data_type"


def test_the_dagster_ui_shows_the_column_types(manifest):
    translator = DagsterDbtTranslator()
    for name, model in _models(manifest).items():
        spec = translator.get_asset_spec(manifest, model["unique_id"], None)
        schema = spec.metadata["dagster/column_schema"]
        assert [c.type for c in schema.columns] == [c["data_type"] for c in model["columns"].values()], name


def test_every_model_has_its_grain_tested(manifest):
    """The primary key: one column unique and not null, or several unique together and each not null
    (a not_null test on a view, a not_null constraint on a table, which DuckDB enforces on insert)."""
    for name, model in _models(manifest).items():
        tests = [(t["test_metadata"]["name"], t["test_metadata"]["kwargs"]) for t in _tests_of(manifest, name)]
        not_null = {kw["column_name"] for test, kw in tests if test == "not_null"}
        not_null |= {column for column, info in model["columns"].items()
                     if any(c["type"] == "not_null" for c in info.get("constraints", []))}
        keys = [[kw["column_name"]] for test, kw in tests if test == "unique"]
        keys += [kw["combination_of_columns"] for test, kw in tests if test == "unique_combination_of_columns"]
        assert any(set(key) <= not_null for key in keys), f"{name}: no unique + not_null key"


def test_every_model_that_computes_a_column_has_a_unit_test(manifest):
    unit_tests = list(manifest["unit_tests"].values())
    tested = {t["model"] for t in unit_tests}
    for name, model in _models(manifest).items():
        if name in PASS_THROUGH:
            continue
        assert name in tested, f"{name} has no unit test"
    for t in unit_tests:
        if _models(manifest)[t["model"]]["config"]["materialized"] == "incremental":
            assert t["overrides"]["macros"] == {"is_incremental": False}, t["name"]


def test_pass_through_models_only_select_columns():
    for name in PASS_THROUGH:
        sql = (MODELS / "staging" / f"{name}.sql").read_text(encoding="utf-8")
        select_list = re.search(r"select\n(.*?)\n\n\s*from source", sql, re.S).group(1)
        for item in select_list.split(","):
            assert re.fullmatch(r"\s*\w+\s*", item), f"{name} computes {item.strip()!r}: give it a unit test"


def test_sources_are_the_assets_the_python_code_produces(manifest):
    from gazette_pipeline.definitions import defs
    from gazette_pipeline.dbt import gazette_dbt_models

    produced = {key for a in defs.assets if a is not gazette_dbt_models for key in a.keys}
    translator = DagsterDbtTranslator()
    sources = list(manifest["sources"].values())
    assert sources
    for source in sources:
        key = translator.get_asset_key(source)
        assert key == AssetKey([source["source_name"], source["name"]]) == AssetKey(source["meta"]["dagster"]["asset_key"])
        assert key in produced, f"source {key.to_user_string()} is no Dagster asset"


@pytest.mark.e2e
def test_the_unit_tests_pass_on_the_built_seeds(built, tmp_path, manifest):
    """The pipeline's builds leave the unit tests out (dbt.PRODUCTION_BUILD): they run here, on a copy of
    the seeds' warehouse (dbt reads the column types of each model's parents from it)."""
    from gazette_pipeline.dbt import PRODUCTION_BUILD

    assert PRODUCTION_BUILD[-2:] == ["--exclude-resource-type", "unit_test"]
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(built, warehouse)
    dbt = Path(sys.executable).parent / "dbt"
    done = subprocess.run(
        [str(dbt), "test", "--select", "test_type:unit", "--profiles-dir", ".", "--target-path", str(tmp_path / "target")],
        cwd=DBT_DIR, env={**os.environ, "WAREHOUSE_PATH": str(warehouse)}, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    # each unit test's own line (`PASS=` also counts the on-run-start hook)
    passed = set(re.findall(r" PASS (\w+::\w+) ", done.stdout))
    assert len(passed) == len(manifest["unit_tests"]) > 0, done.stdout[-1000:]


def test_not_null_constraints_are_not_null_columns_of_the_built_marts(built, manifest):
    """A mart column with a not_null constraint (instead of a not_null test: one dbt node fewer on every
    refresh) is NOT NULL in the warehouse, so DuckDB refuses the build that would put a null there."""
    from conftest import warehouse_rows

    constrained = {(model["schema"], name, column) for name, model in _models(manifest).items()
                   for column, info in model["columns"].items()
                   if any(c["type"] == "not_null" for c in info.get("constraints", []))}
    assert len(constrained) >= 40
    not_null = set(warehouse_rows(built, "select table_schema, table_name, column_name from information_schema.columns "
                                         "where is_nullable = 'NO'"))
    assert constrained <= not_null, sorted(constrained - not_null)[:5]
