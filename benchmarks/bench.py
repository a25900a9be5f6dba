"""`make bench`: parse throughput, full builds of synthetic archives, and one-issue refreshes.

Prints a table and writes benchmarks/results.json. Sizes come from BENCH_SIZES (default 10,1000,10000);
refreshes are measured on the smallest and the largest archive.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.bench_search import search_timing
from benchmarks.synthetic import REPO, write_archive

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
            extract_statistics(a.body)
            titled = find_titled_people(a.body)  # found once and handed on, as the meetings step does
            extract_meeting(a.headline, a.body, a.kind, titled)
            extract_projects(a.headline, a.body, a.kind, issue.publication.published_on, issue.publication.year)
    seconds = time.perf_counter() - start
    return {"issues": len(texts), "mb": round(size / 1e6, 3), "seconds": round(seconds, 2), "mb_per_s": round(size / 1e6 / seconds, 2)}


class _PeakRss(threading.Thread):
    """Peak resident memory of a process and all its descendants, polled from /proc."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, False

    def run(self):
        while not self.done:
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            time.sleep(0.2)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in open(f"/proc/{p}/task/{task}/children").read().split()]
        except OSError:
            pass
    return pids


def _rss(pid: int) -> int:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_build(mode: str, env: dict) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([PYTHON, "-m", "gazette_pipeline.build", mode], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watcher = _PeakRss(proc.pid)
    watcher.start()
    output = proc.communicate()[0]
    watcher.done = True
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build {mode} failed:\n{output[-3000:]}")
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(watcher.peak / 1e6)}


def bench_size(n: int, workdir: Path, refresh: bool) -> dict:
    folder, home = workdir / f"issues_{n}", workdir / f"home_{n}"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    write_archive(folder, n)
    env = {**os.environ, "ISSUES_DIR": str(folder), "WAREHOUSE_PATH": str(workdir / f"wh_{n}.duckdb"),
           "DAGSTER_HOME": str(home), "PYTHONPATH": str(REPO / "orchestration")}
    text_mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    row = {"issues": n, "text_mb": round(text_mb, 2), "full_build": run_build("all", env)}
    row["search"] = search_timing(workdir / f"wh_{n}.duckdb")  # index rebuilt, then the worst of several queries
    if refresh:
        write_archive(folder, 1, start=n)  # the next day's issue
        row["refresh_one"] = run_build("new", env)
    return row


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10,1000,10000").split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    results = {"sizes": [], "machine": {"cores": os.cpu_count()}}
    try:
        write_archive(workdir / "parse", min(1000, max(sizes)))
        results["parse"] = parse_throughput(workdir / "parse")
        for n in sizes:
            results["sizes"].append(bench_size(n, workdir, refresh=n in (min(sizes), max(sizes))))
            print(json.dumps(results["sizes"][-1]), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    _summarise(results)
    out = REPO / "benchmarks" / "results.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written {out}")


def _summarise(results: dict) -> None:
    p = results["parse"]
    print(f"\nparse throughput (parsing package alone, one core): {p['mb_per_s']} MB/s "
          f"({p['mb']} MB, {p['issues']} issues, {p['seconds']} s)")
    print(f"{'issues':>8} {'text MB':>8} {'build s':>8} {'peak MB':>8} {'refresh 1 s':>12}")
    for row in results["sizes"]:
        fb, rf = row["full_build"], row.get("refresh_one")
        print(f"{row['issues']:>8} {row['text_mb']:>8} {fb['seconds']:>8} {fb['peak_rss_mb']:>8} "
              f"{(rf or {}).get('seconds', ''):>12}")
    sizes = results["sizes"]
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        marginal = (b["full_build"]["seconds"] - a["full_build"]["seconds"]) / (b["issues"] - a["issues"])
        results["marginal_seconds_per_issue"] = round(marginal, 4)
        print(f"marginal cost per issue ({a['issues']}→{b['issues']}): {marginal * 1000:.1f} ms")
    refreshes = [r for r in sizes if "refresh_one" in r]
    if len(refreshes) == 2:
        ratio = refreshes[1]["refresh_one"]["seconds"] / refreshes[0]["refresh_one"]["seconds"]
        results["refresh_ratio_largest_vs_smallest"] = round(ratio, 2)
        print(f"refresh of one issue, {refreshes[1]['issues']} vs {refreshes[0]['issues']} issues: ×{ratio:.2f}")


if __name__ == "__main__":
    main()
