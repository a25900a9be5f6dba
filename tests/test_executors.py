"""The executor is configuration: the same input gives the same marts, row for row, whatever runs the
steps — in process with one or two inner workers (GAZETTE_WORKERS), Dagster's multiprocess executor,
Dask on the local cluster dagster-dask starts, and Dask on a cluster started as docs/scaling.md says
(`dask scheduler`, `dask worker …`, the writer worker offering ``duckdb_writer``). Under each, the
warehouse writers never run at the same time, and the pool ``duckdb_writer`` is what holds the sibling
steps after the marts (the report and the search index) back.

Each configuration is one `make run`-like build in a process of its own (a few side by side), in a
scratch WAREHOUSE_PATH and DAGSTER_HOME, from one scratch ISSUES_DIR.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from dagster._core.system_config.objects import ResolvedRunConfig

from conftest import REPO, SEEDS, all_marts as _marts
from gazette_pipeline import definitions
from gazette_pipeline.settings import DUCKDB_POOL

DEV_PAGES = REPO / "tests" / "fixtures" / "dev-pages"
EXTRA = ["d03_nodate.txt", "d09_2023-12-20.txt", "records.jsonl"]  # text-dated, half-width, records

# --- fast: the setting and the launchpad's `execution:` block ---------------------------------------

@pytest.mark.parametrize("kind, address, expected", [
    (None, None, {"in_process": {}}),
    ("in_process", "tcp://10.0.0.5:8786", {"in_process": {}}),
    ("multiprocess", None, {"multiprocess": {"max_concurrent": 3, "start_method": {
        "forkserver": {"preload_modules": ["gazette_pipeline.definitions"]}}}}),  # a step starts in ~1 s, not ~5
    ("dask", None, {"dask": {"cluster": {"local": {}}}}),
    ("dask", "tcp://10.0.0.5:8786", {"dask": {"cluster": {"existing": {"address": "tcp://10.0.0.5:8786"}}}}),
])
def test_gazette_executor_picks_the_default_execution(monkeypatch, kind, address, expected):
    for name, value in {"GAZETTE_EXECUTOR": kind, "GAZETTE_DASK_ADDRESS": address, "GAZETTE_MAX_CONCURRENT": "3"}.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert definitions.default_execution() == expected


def test_an_unknown_executor_is_refused(monkeypatch):
    monkeypatch.setenv("GAZETTE_EXECUTOR", "celery")
    with pytest.raises(ValueError, match="GAZETTE_EXECUTOR"):
        definitions.default_execution()


@pytest.mark.parametrize("execution", [
    None,  # the default GAZETTE_EXECUTOR names
    {"in_process": {}},
    {"multiprocess": {"max_concurrent": 2}},
    {"dask": {"cluster": {"existing": {"address": "tcp://127.0.0.1:8786"}}}},
    {"dask": {"cluster": {"local": {"n_workers": 2}}}},
])
def test_a_runs_config_may_choose_another_executor(execution):
    """What the launchpad's `execution: config:` block may say, for every job of the code location."""
    defs = definitions.defs
    run_config = {"execution": {"config": execution}} if execution else {}
    for job in [defs.resolve_implicit_global_asset_job_def(), *defs.resolve_all_job_defs()]:
        chosen = ResolvedRunConfig.build(job, run_config).execution.execution_engine_config
        expected = execution or definitions.default_execution()
        assert list(chosen) == list(expected), job.name
        assert expected[next(iter(expected))].items() <= chosen[next(iter(chosen))].items(), job.name


# --- end to end: the same marts from every executor ---------------------------------------------------

@dataclass(frozen=True)
class Build:
    name: str
    warehouse: Path
    home: Path
    pid: int  # the build's process: the run's orchestrator


_BUILD = """
import sys, gazette_pipeline.build as build
sys.exit(build.main(["all"]))
"""

# Started in this order (the slowest first), AT_ONCE at a time.
CONFIGS = {
    "dask-local": {"GAZETTE_EXECUTOR": "dask", "GAZETTE_WORKERS": "2"},  # dagster-dask's LocalCluster
    # three steps at a time allowed: only the pool keeps the siblings apart
    "multiprocess": {"GAZETTE_EXECUTOR": "multiprocess", "GAZETTE_MAX_CONCURRENT": "3", "GAZETTE_WORKERS": "2"},
    "in_process-1": {"GAZETTE_EXECUTOR": "in_process", "GAZETTE_WORKERS": "1"},
    # batches of three files: the next batch read and the last one loaded while the workers parse
    "in_process-2": {"GAZETTE_EXECUTOR": "in_process", "GAZETTE_WORKERS": "2", "GAZETTE_BATCH_FILES": "3"},
    "dask-cluster": {"GAZETTE_EXECUTOR": "dask"},  # + GAZETTE_DASK_ADDRESS: the inner pool on Dask too
}
SIBLINGS = ("reports__overview", "search__article_index")  # both need only the marts
AT_ONCE = 3  # builds wait on process start-ups and pool slots: three keep two cores busy


def _env(root: Path, name: str) -> dict:
    home = root / name / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(REPO / "dagster.yaml", home)  # as the Makefile sets up DAGSTER_HOME
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}
    return {**env, "ISSUES_DIR": str(root / "issues"), "WAREHOUSE_PATH": str(root / name / "warehouse.duckdb"),
            "DAGSTER_HOME": str(home), **CONFIGS[name]}


def _start(root: Path, name: str, env: dict) -> tuple[subprocess.Popen, Build]:
    with (root / name / "build.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-c", _BUILD], env=env, cwd=REPO, stdout=log,
                                   stderr=subprocess.STDOUT)
    return process, Build(name, Path(env["WAREHOUSE_PATH"]), Path(env["DAGSTER_HOME"]), process.pid)


def _finish(root: Path, process: subprocess.Popen, build: Build, started: float) -> Build:
    process.wait(timeout=600)
    output = (root / build.name / "build.log").read_text(encoding="utf-8", errors="replace")
    assert process.returncode == 0, f"{build.name}:\n{output[-3000:]}"
    assert output.strip().splitlines()[-1].startswith("built "), output[-3000:]
    print(f"{build.name}: {time.monotonic() - started:.0f} s")
    return build


@dataclass
class DaskCluster:
    address: str
    processes: list

    def writer_pid(self) -> int:
        from distributed import Client

        with Client(self.address, set_as_default=False, timeout=30) as client:
            workers = client.scheduler_info(n_workers=-1)["workers"]
            writers = [address for address, worker in workers.items() if DUCKDB_POOL in worker.get("resources", {})]
            assert len(writers) == 1, workers
            return client.run(os.getpid, workers=writers)[writers[0]]

    def wait_for_workers(self):
        from distributed import Client

        with Client(self.address, set_as_default=False, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _start_dask_cluster(root: Path, env: dict) -> DaskCluster:
    """As docs/scaling.md deploys it: a scheduler, the writer's worker (one thread, the resource
    duckdb_writer) and one more worker, each with the build's settings in its environment."""
    dask = [sys.executable, "-m", "dask"]
    scheduler_file, logs = root / "scheduler.json", root / "dask"
    logs.mkdir()

    def run(args, log):
        with (logs / log).open("w") as output:
            return subprocess.Popen(args, env=env, cwd=REPO, stdout=output, stderr=subprocess.STDOUT)

    processes = [run([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                      "--scheduler-file", str(scheduler_file)], "scheduler.log")]
    deadline = time.monotonic() + 60
    while not scheduler_file.exists():
        assert time.monotonic() < deadline and processes[0].poll() is None, (logs / "scheduler.log").read_text()
        time.sleep(0.2)
    address = json.loads(scheduler_file.read_text())["address"]
    env["GAZETTE_DASK_ADDRESS"] = address
    common = ["--scheduler-file", str(scheduler_file), "--nthreads", "1", "--no-dashboard"]
    processes.append(run([*dask, "worker", *common, "--name", "writer", "--resources", f"{DUCKDB_POOL}=1"], "writer.log"))
    processes.append(run([*dask, "worker", *common, "--name", "other"], "other.log"))
    return DaskCluster(address, processes)  # its workers start while the first builds run


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Every configuration built from the same input (the seeds and a few dev files), side by side."""
    root = tmp_path_factory.mktemp("executors")
    issues = root / "issues"
    shutil.copytree(SEEDS, issues)
    for name in EXTRA:
        shutil.copy(DEV_PAGES / name, issues / name)
    envs = {name: _env(root, name) for name in CONFIGS}
    cluster = _start_dask_cluster(root, envs["dask-cluster"])
    done, running, waiting, started = {}, {}, list(CONFIGS), time.monotonic()
    try:
        while waiting or running:
            while waiting and len(running) < AT_ONCE:
                name = waiting.pop(0)
                if name == "dask-cluster":
                    cluster.wait_for_workers()
                running[name] = (*_start(root, name, envs[name]), time.monotonic())
            time.sleep(0.5)
            for name, (process, build, began) in list(running.items()):
                if process.poll() is not None:
                    del running[name]
                    done[name] = _finish(root, process, build, began)
        print(f"all builds: {time.monotonic() - started:.0f} s")
        yield done, _events(list(done.values())), cluster.writer_pid()
    finally:
        for process, _, _ in running.values():
            process.kill()
        cluster.stop()


_EVENTS = """
import json, os, sys
from dagster import DagsterInstance
events = {}
for home in sys.argv[1:]:
    os.environ["DAGSTER_HOME"] = home  # the instance's dagster.yaml reads it
    with DagsterInstance.from_config(home) as instance:
        events[home] = [
            {"run": run.run_id, "type": record.dagster_event.event_type_value, "step": record.dagster_event.step_key,
             "pid": record.dagster_event.pid, "time": record.timestamp, "message": record.user_message}
            for run in instance.get_runs()
            for record in instance.all_logs(run.run_id) if record.dagster_event
        ]
print(json.dumps(events))
"""


def _events(builds: list[Build]) -> dict[str, list[dict]]:
    """Every Dagster event of each build's instance, by build name (read in another process)."""
    out = subprocess.run([sys.executable, "-c", _EVENTS, *(str(b.home) for b in builds)], cwd=REPO,
                         capture_output=True, text=True, check=True)
    events = json.loads(out.stdout)
    return {b.name: events[str(b.home)] for b in builds}


def _step_spans(events: list[dict]) -> list[tuple[float, float, str, int]]:
    """(start, end, step, pid) of every step of every run."""
    starts = {(e["run"], e["step"]): e for e in events if e["type"] == "STEP_START"}
    ends = {(e["run"], e["step"]): e for e in events if e["type"] in ("STEP_SUCCESS", "STEP_FAILURE")}
    assert starts.keys() == ends.keys()
    return sorted((starts[k]["time"], ends[k]["time"], k[1], starts[k]["pid"]) for k in starts)


@pytest.mark.e2e
def test_every_executor_and_worker_count_gives_the_same_marts(builds):
    done, _, _ = builds
    expected = _marts(done["in_process-1"].warehouse)
    assert sum(len(rows) for rows in expected.values()) > 250  # not a comparison of empty marts
    for table in ("articles", "statistics", "meetings", "meeting_participants", "people_mentions", "projects"):
        assert expected[table], table
    for name, build in done.items():
        got = _marts(build.warehouse)
        assert sorted(got) == sorted(expected), name
        for table in expected:
            missing = sorted(set(expected[table]) - set(got[table]))
            extra = sorted(set(got[table]) - set(expected[table]))
            assert got[table] == expected[table], f"{name}: marts.{table}: missing {missing[:2]}, unexpected {extra[:2]}"


@pytest.mark.e2e
def test_the_warehouse_writers_never_run_at_the_same_time(builds):
    _, events, _ = builds
    for name, build_events in events.items():
        spans = _step_spans(build_events)
        assert set(SIBLINGS) <= {s[2] for s in spans}
        for (_, end, step, _), (start, _, following, _) in zip(spans, spans[1:]):
            assert start >= end, f"{name}: {following} started before {step} ended"


@pytest.mark.e2e
def test_the_pool_holds_the_sibling_steps_back_on_every_parallel_executor(builds):
    """The report and the search index are ready at once; multiprocess (three at a time allowed) and Dask
    would start them together, and it is the pool duckdb_writer that makes one wait."""
    _, events, _ = builds
    for name in ("multiprocess", "dask-local", "dask-cluster"):
        blocked = {e["step"] for e in events[name]
                   if e["type"] == "ENGINE_EVENT" and f"limit for pool {DUCKDB_POOL}" in (e["message"] or "")}
        assert blocked & set(SIBLINGS), name


@pytest.mark.e2e
def test_each_executor_runs_the_steps_where_it_says(builds):
    """In process: the build's own process. Multiprocess and Dask: other processes. On the cluster:
    every writer on the worker that offers duckdb_writer."""
    done, events, writer_pid = builds
    for name, build in done.items():
        spans = _step_spans(events[name])
        pids = {pid for _, _, _, pid in spans}
        if name.startswith("in_process"):
            assert pids == {build.pid}, name
        else:
            assert build.pid not in pids, name
        if name == "multiprocess":
            assert len(pids) == len(spans), spans  # a process for each step
        if name == "dask-cluster":
            assert pids == {writer_pid}, pids
