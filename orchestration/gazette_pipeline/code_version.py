"""What a warehouse was last built with: a fingerprint of the parser, the pipeline and the dbt models.

`make run` reads every file again only when that changed (or when asked to); with the same code, files
already in the warehouse with the same bytes would give the same rows, so a second `make run` costs a
scan of the folder, not a rebuild.
"""
from __future__ import annotations

import hashlib

from .resources import table_exists
from .settings import DBT_PROJECT_DIR, REPO_ROOT

_SOURCES = [
    (REPO_ROOT / "orchestration" / "gazette_text", "*.py"),
    (REPO_ROOT / "orchestration" / "gazette_pipeline", "*.py"),
    (DBT_PROJECT_DIR / "models", "*"),
    (DBT_PROJECT_DIR / "macros", "*"),
    (DBT_PROJECT_DIR, "dbt_project.yml"),
]
_TABLE = "raw.built_with"  # in the warehouse: a copy of the file knows what it was built with


def code_version() -> str:
    digest = hashlib.sha256()
    for folder, pattern in _SOURCES:
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def built_with(warehouse) -> str | None:
    with warehouse.connect() as conn:
        if not table_exists(conn, _TABLE):
            return None
        row = conn.execute(f"select code_version from {_TABLE}").fetchone()
    return row[0] if row else None


def save_built_with(warehouse, version: str) -> None:
    with warehouse.connect() as conn:
        conn.execute(f"create table if not exists {_TABLE} (code_version varchar, built_at timestamp)")
        conn.execute(f"delete from {_TABLE}")
        conn.execute(f"insert into {_TABLE} values (?, now()::timestamp)", [version])
