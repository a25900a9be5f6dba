"""Sensor latency under `dagster dev`: an issue file dropped into the ISSUES_DIR of a built archive,
until a reader gets its articles from marts.articles; where that time went (waiting for a tick, the
tick, the run queue, the run's launch, its steps), for the first run since the UI started and for the
next ones (warm), the CPU `dagster dev` takes while nothing comes (the sensor watching the folder), and
one load of the asset page of parsed/articles.
`make bench` runs it on the smallest and the largest archive it builds.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import duckdb

from benchmarks.bench_ui import DagsterUI, asset_page_load, dagster_dev, wait_for_completed_tick
from benchmarks.proc import cpu_seconds, process_tree
from benchmarks.synthetic import PAGES_PER_DAY, next_day, write_archive

SENSOR = "issue_files_sensor"
ASSET_KEY = ["parsed", "articles"]
TIMEOUT_S = 120
POLL_S = 0.25
# Between the two files: the launcher's next worker loads once the first file's run has ended (3-4 s);
# in use, files come minutes apart.
SETTLE_S = 10
WARM_DROPS = 3
IDLE_WINDOW_S = 15  # three of the daemon's sensor loops


def sensor_figures(env: dict, log: Path) -> dict:
    """Figures of the synthetic archive that ``env`` names; it gains 1 + WARM_DROPS issue files (the
    next days').

    The first file is the first run since the UI started, which loads the code location as it
    launches (run_launcher.py: the daemon creates the launcher then); the others, each SETTLE_S after
    the one before is in the marts, are timed warm. A drop waits 0-5 s for the daemon's next sensor
    loop, by chance: the figures are the slowest warm drop's, with every warm latency beside them.
    """
    folder, warehouse, home = Path(env["ISSUES_DIR"]), Path(env["WAREHOUSE_PATH"]), Path(env["DAGSTER_HOME"])
    with dagster_dev(env, log) as ui:
        wait_for_completed_tick(ui, SENSOR)
        idle_cores = _cores_used(ui, IDLE_WINDOW_S)
        page = asset_page_load(ui, ASSET_KEY)  # before the drop: an idle UI, no run competing
        day = next_day(len(list(folder.glob("*.txt"))))
        drops = [_drop_one(ui, folder, home, warehouse, day, after=ui.started_at)]
        for _ in range(WARM_DROPS):
            time.sleep(SETTLE_S)
            day += PAGES_PER_DAY
            drops.append(_drop_one(ui, folder, home, warehouse, day, after=drops[-1]["tick_started_at"]))
        requesting = [t for t in ui.ticks(SENSOR, limit=60) if t["runIds"] and t["timestamp"] >= ui.started_at]
    first, warm = drops[0], drops[1:]
    slowest = max(warm, key=lambda drop: drop["latency_seconds"])
    return {
        **{k: v for k, v in slowest.items() if k != "tick_started_at"},
        "warm_latencies_seconds": [drop["latency_seconds"] for drop in warm],
        "first_run_since_start": {k: first[k] for k in ("latency_seconds", "components")},
        "ticks_requesting_runs": len(requesting),  # one a drop: the fresh UI re-read nothing the build had read
        "idle_cores": idle_cores,
        "asset_page": page,
    }


def _cores_used(ui: DagsterUI, seconds: float) -> float:
    """CPU seconds per second of the whole `dagster dev` process tree (webserver, daemon, code server
    and the run worker waiting for its run) over ``seconds`` in which nothing comes."""
    pids = process_tree(ui.process.pid)
    before = cpu_seconds(pids)
    time.sleep(seconds)
    return round((cpu_seconds(pids) - before) / seconds, 3)


def _drop_one(ui: DagsterUI, folder: Path, home: Path, warehouse: Path, index: int, after: float) -> dict:
    """Synthetic page ``index`` (the first of a day after the archive's) written into the folder, until
    its articles are in the marts, and where the time went. Its run is the first a tick started after
    ``after`` requested (a tick already under way when the file came may be the one that saw it)."""
    dropped = write_archive(folder, 1, start=index)[0]
    dropped_at = dropped.stat().st_mtime
    visible_at = wait_until_in_marts(ui, home, warehouse, dropped.name, dropped_at)
    tick, run = _tick_and_run(ui, [t for t in ui.ticks(SENSOR, limit=20) if t["runIds"] and t["timestamp"] > after])
    return {
        "tick_started_at": tick["timestamp"],
        "latency_seconds": round(visible_at - dropped_at, 1),
        "components": _components(dropped_at, tick, run["stats"], visible_at),
        "run_steps_seconds": ui.step_seconds(run["runId"]),
        "run_status": run["status"],
    }


def wait_until_in_marts(ui: DagsterUI, home: Path, warehouse: Path, source_file: str, since: float) -> float:
    """When a reader first got the dropped file's articles from marts.articles (epoch seconds).

    Read only while no run is in progress: a run's steps keep readers out anyway, and a reader's lock
    would make the run wait. Whether one is, is read from the instance's run storage, not asked of the
    webserver: four GraphQL queries a second took CPU from the run being timed, on two cores.
    """
    while time.time() < since + TIMEOUT_S:
        if not _runs_in_progress(home) and _articles_in_marts(warehouse, source_file):
            return time.time()
        time.sleep(POLL_S)
    raise RuntimeError(f"the articles of {source_file} are not in marts.articles {TIMEOUT_S} s after the drop; "
                       f"latest ticks: {ui.ticks(SENSOR)}\n{ui.log_tail()}")


_UNFINISHED = ("QUEUED", "NOT_STARTED", "MANAGED", "STARTING", "STARTED", "CANCELING")


def _runs_in_progress(home: Path) -> bool:
    """Any run queued or running, from DAGSTER_HOME's SQLite run storage (dagster.yaml's default)."""
    with sqlite3.connect(f"file:{home / 'history' / 'runs.db'}?mode=ro", uri=True, timeout=5) as conn:
        marks = ",".join("?" * len(_UNFINISHED))
        return conn.execute(f"select count(*) from runs where status in ({marks})", _UNFINISHED).fetchone()[0] > 0


def _articles_in_marts(warehouse: Path, source_file: str) -> bool:
    """The file's issue is in marts.issues with its articles. Not marts.articles.source_file: at 100,000
    issues the generator repeats whole issues, and a repeat's articles keep the first file's name."""
    try:
        with duckdb.connect(str(warehouse), read_only=True) as conn:
            return conn.execute("select count(*) from marts.issues where list_contains(source_files, ?) "
                                "and article_count > 0", [source_file]).fetchone()[0] > 0
    except duckdb.Error:  # a writer holds the file (DuckDB's lock): read again next time
        return False


def _tick_and_run(ui: DagsterUI, requesting: list[dict]) -> tuple[dict, dict]:
    """The earliest of these ticks, and the run it requested."""
    if not requesting:
        raise RuntimeError(f"the articles are in the marts but no tick of {SENSOR} requested a run")
    tick = min(requesting, key=lambda t: t["timestamp"])
    return tick, ui.runs(tick["runIds"][:1])[0]


def _components(dropped_at: float, tick: dict, run_stats: dict, visible_at: float) -> dict:
    """Drop → tick start → tick end → run launched → run started → run ended → rows read, in seconds. A
    tick that was already watching the folder when the file came counts from the drop (no wait)."""
    marks = {
        "wait_for_tick": max(tick["timestamp"], dropped_at),
        "tick": tick["endTimestamp"],
        "queued": run_stats["launchTime"],  # until the daemon's run queue launches a process
        "launch": run_stats["startTime"],  # the new process reports RUN_START once it has loaded the code location
        "run": run_stats["endTime"],
        "read": visible_at,
    }
    figures, previous = {}, dropped_at
    for name, at in marks.items():
        figures[name] = round(at - previous, 2) if at and previous else None
        previous = at
    return figures
