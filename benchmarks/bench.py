"""`make bench`: parse throughput; for every synthetic archive a full build (wall time, CPU time and
cores used by the whole process tree, peak memory) and a re-run with nothing changed; on the smallest
and the largest, the refresh of one new issue against the framework floor (benchmarks/floor.py) and the
sensor's latency under `dagster dev` with one asset page load (benchmarks/bench_sensor.py).

Sizes come from BENCH_SIZES (default 10,1000,10000). Prints tables and writes benchmarks/results.json,
or the file BENCH_OUT names (`make bench-large` keeps its own).
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.bench_search import search_timing
from benchmarks.bench_sensor import sensor_figures
from benchmarks.floor import framework_floor
from benchmarks.proc import memory, process_tree
from benchmarks.synthetic import REPO, next_day, write_archive

PYTHON = sys.executable


def parse_throughput(folder: Path) -> dict:
    """The parsing package alone, one core: every step the assets run, on every issue of ``folder``."""
    from gazette_text.issue import read_issue
    from gazette_text.meetings import extract_meeting
    from gazette_text.people import find_titled_people
    from gazette_text.projects import extract_projects
    from gazette_text.statistics import extract_statistics

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    find_titled_people("区委书记张三主持会议")  # jieba loads its dictionary once, outside the timing
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for text in texts:
        issue = read_issue("x.txt", text)
        for a in issue.articles:
            # found once and handed on, as the workers do (gazette_pipeline/extracting.py)
            stats, titled = extract_statistics(a.body), find_titled_people(a.body)
            extract_meeting(a.headline, a.body, a.kind, titled)
            extract_projects(a.headline, a.body, a.kind, issue.publication.published_on, issue.publication.year,
                             stats, titled)
    seconds = time.perf_counter() - start
    return {"issues": len(texts), "mb": round(size / 1e6, 3), "seconds": round(seconds, 2), "mb_per_s": round(size / 1e6 / seconds, 2)}


class _PeakMemory(threading.Thread):
    """Peak memory of a process and all its descendants, polled from /proc: the sum of their PSS (a page
    shared by n of them counts 1/n in each, so once in all: what the tree takes from the machine) and the
    sum of their RSS (a shared page once per process: the libraries every worker maps count again)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_pss, self.peak_rss, self.done = pid, 0, 0, False

    def run(self):
        while not self.done:
            pss, rss = map(sum, zip(*(memory(p) for p in process_tree(self.pid)), strict=True))
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            time.sleep(0.2)


def run_build(mode: str, env: dict) -> dict:
    """Wall time, CPU time (user + system) of the build's whole process tree, and its peak memory."""
    cpu_before = _children_cpu_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen([PYTHON, "-m", "gazette_pipeline.build", mode], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watcher = _PeakMemory(proc.pid)
    watcher.start()
    output = proc.communicate()[0]
    watcher.done = True
    seconds = time.perf_counter() - start
    cpu = _children_cpu_seconds() - cpu_before
    if proc.returncode != 0:
        raise SystemExit(f"build {mode} failed:\n{output[-3000:]}")
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "cores_used": round(cpu / seconds, 2),
            "peak_mb": round(watcher.peak_pss / 1e6), "peak_rss_sum_mb": round(watcher.peak_rss / 1e6)}


_LAST_RUN_STEPS = """
import json
from dagster import DagsterInstance
instance = DagsterInstance.get()
run = instance.get_runs(limit=1)[0]
print(json.dumps({s.step_key: round(s.end_time - s.start_time, 1)
                  for s in instance.get_run_step_stats(run.run_id) if s.start_time and s.end_time}))
"""


def last_run_steps(env: dict) -> dict[str, float]:
    """Seconds per step of the newest run in the archive's Dagster home: where a build's time went.
    Asked in a process with the archive's settings, as the instance's storage reads them."""
    done = subprocess.run([PYTHON, "-c", _LAST_RUN_STEPS], env=env, cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _children_cpu_seconds() -> float:
    # Descendants count once their parent has waited for them: dbt, worker pools, then the build itself.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def archive_env(workdir: Path, n: int) -> dict:
    """The settings `make run` and `make ui` would get for a scratch archive of ``n`` issues."""
    home = workdir / f"home_{n}"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    return {**os.environ, "ISSUES_DIR": str(workdir / f"issues_{n}"),
            "WAREHOUSE_PATH": str(workdir / f"wh_{n}.duckdb"), "DAGSTER_HOME": str(home),
            "PYTHONPATH": str(REPO / "orchestration"),
            # as the Makefile does: dagster dev's code servers and dbt come from the venv
            "PATH": f"{Path(PYTHON).parent}{os.pathsep}{os.environ['PATH']}"}


def bench_size(n: int, workdir: Path, largest: bool, refresh: bool) -> dict:
    env = archive_env(workdir, n)
    folder, warehouse = Path(env["ISSUES_DIR"]), Path(env["WAREHOUSE_PATH"])
    write_archive(folder, n)
    text_mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    row = {"issues": n, "text_mb": round(text_mb, 2), "full_build": run_build("all", env)}
    row["full_build"]["steps_seconds"] = last_run_steps(env)
    row["rerun_new_no_change"] = run_build("new", env)
    if largest:
        row["rerun_all_no_change"] = run_build("all", env)
    row["search"] = search_timing(warehouse)  # index rebuilt, then the worst of several queries
    if refresh:
        row["floor"] = framework_floor(env, warehouse)
        write_archive(folder, 1, start=next_day(n))  # a page of the next day
        row["refresh_one"] = run_build("new", env)
        row["refresh_one"]["steps_seconds"] = last_run_steps(env)
        row["refresh_vs_floor"] = round(row["refresh_one"]["seconds"] / row["floor"]["seconds"], 2)
        row["sensor"] = _sensor(env, workdir / f"dagster_dev_{n}.log")
        row["sensor_run_vs_floor"] = _sensor_run_vs_floor(row)
    return row


def _sensor_run_vs_floor(row: dict) -> float | None:
    """The same refresh under `make ui`: the sensor's (warm) run from its launch to its end, against the floor."""
    components = row["sensor"].get("components", {})
    if components.get("launch") is None or components.get("run") is None:
        return None
    return round((components["launch"] + components["run"]) / row["floor"]["seconds"], 2)


def _sensor(env: dict, log: Path) -> dict:
    """A sensor that never delivers is a result to print, not a reason to lose the other figures."""
    try:
        return sensor_figures(env, log)
    except RuntimeError as err:
        return {"error": str(err)}


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10,1000,10000").split(",")]
    out = REPO / os.environ.get("BENCH_OUT", "benchmarks/results.json")
    workdir = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    results = {"sizes": [], "machine": {"cores": os.cpu_count(), "gazette_workers": os.environ.get("GAZETTE_WORKERS")}}
    try:
        write_archive(workdir / "parse", min(1000, max(sizes)))
        results["parse"] = parse_throughput(workdir / "parse")
        for n in sizes:
            ends = n in (min(sizes), max(sizes))
            results["sizes"].append(bench_size(n, workdir, largest=n == max(sizes), refresh=ends))
            print(json.dumps(results["sizes"][-1], ensure_ascii=False), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    _summarise(results)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written {out}")
    failed = [r for r in results["sizes"] if "error" in r.get("sensor", {})]
    if failed:
        sys.exit(f"sensor benchmark failed on {', '.join(str(r['issues']) for r in failed)} issues (see above)")


BUILD_COLUMNS = {
    "issues": ("issues",),
    "text MB": ("text_mb",),
    "build s": ("full_build", "seconds"),
    "CPU s": ("full_build", "cpu_seconds"),
    "cores used": ("full_build", "cores_used"),
    "peak MB": ("full_build", "peak_mb"),
    "RSS sum MB": ("full_build", "peak_rss_sum_mb"),
    "new again s": ("rerun_new_no_change", "seconds"),
    "all again s": ("rerun_all_no_change", "seconds"),
    "search worst ms": ("search", "worst_query_ms"),
}
REFRESH_COLUMNS = {
    "issues": ("issues",),
    "refresh s": ("refresh_one", "seconds"),
    "CPU s": ("refresh_one", "cpu_seconds"),
    "no-op run s": ("floor", "dagster_noop_seconds"),
    "dbt build s": ("floor", "dbt_build_seconds"),
    "floor s": ("floor", "seconds"),
    "refresh/floor": ("refresh_vs_floor",),
    "sensor run/floor": ("sensor_run_vs_floor",),
}
SENSOR_COLUMNS = {
    "issues": ("issues",),
    "latency s": ("sensor", "latency_seconds"),  # the slowest warm drop's
    "warm drops s": ("sensor", "warm_latencies_seconds"),
    "first run s": ("sensor", "first_run_since_start", "latency_seconds"),
    "to tick s": ("sensor", "components", "wait_for_tick"),
    "tick s": ("sensor", "components", "tick"),
    "queued s": ("sensor", "components", "queued"),
    "launch s": ("sensor", "components", "launch"),
    "run s": ("sensor", "components", "run"),
    "read s": ("sensor", "components", "read"),
    "idle cores": ("sensor", "idle_cores"),
    "asset page ms": ("sensor", "asset_page", "first_ms"),
    "again ms": ("sensor", "asset_page", "repeat_ms"),
}


def _summarise(results: dict) -> None:
    p, machine = results["parse"], results["machine"]
    print(f"\nparse throughput (parsing package alone, one core): {p['mb_per_s']} MB/s "
          f"({p['mb']} MB, {p['issues']} issues, {p['seconds']} s)")
    print(f"{machine['cores']} cores, GAZETTE_WORKERS={machine['gazette_workers'] or 'unset (one per core)'}")
    sizes = results["sizes"]
    _table("full build (`build all`), then again with nothing changed (`build new`; `build all` on the largest)",
           BUILD_COLUMNS, sizes)
    refreshes = [r for r in sizes if "refresh_one" in r]
    _table("one new issue (`build new`) against the floor: a no-op Dagster run + `dbt build` of the project",
           REFRESH_COLUMNS, refreshes)
    _table("sensor under `dagster dev`: a file dropped into ISSUES_DIR until its articles are in marts.articles",
           SENSOR_COLUMNS, refreshes)
    for row in sizes:
        steps = ", ".join(f"{k} {v}" for k, v in row["full_build"].get("steps_seconds", {}).items())
        print(f"  steps of the full build of {row['issues']} issues (s): {steps}")
    for row in refreshes:
        if "error" in row["sensor"]:
            print(f"sensor on {row['issues']} issues FAILED: {row['sensor']['error']}")
        else:
            steps = ", ".join(f"{k} {v}" for k, v in row["sensor"]["run_steps_seconds"].items())
            print(f"  steps of the sensor's run on {row['issues']} issues (s): {steps}")
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        marginal = (b["full_build"]["seconds"] - a["full_build"]["seconds"]) / (b["issues"] - a["issues"])
        results["marginal_seconds_per_issue"] = round(marginal, 4)
        print(f"marginal cost per issue ({a['issues']}→{b['issues']}): {marginal * 1000:.1f} ms")
    if len(refreshes) == 2:
        ratio = refreshes[1]["refresh_one"]["seconds"] / refreshes[0]["refresh_one"]["seconds"]
        results["refresh_ratio_largest_vs_smallest"] = round(ratio, 2)
        print(f"refresh of one issue, {refreshes[1]['issues']} vs {refreshes[0]['issues']} issues: ×{ratio:.2f}")


def _table(title: str, columns: dict[str, tuple], rows: list[dict]) -> None:
    print(f"\n{title}")
    widths = [max(len(header), 6) for header in columns]
    print("  ".join(header.rjust(w) for header, w in zip(columns, widths)))
    for row in rows:
        print("  ".join(str(_dig(row, path)).rjust(w) for path, w in zip(columns.values(), widths)))


def _dig(row: dict, path: tuple):
    """The figure at ``path``, or blank where this size has none."""
    for key in path:
        if not isinstance(row, dict) or row.get(key) is None:
            return ""
        row = row[key]
    return row


if __name__ == "__main__":
    main()
