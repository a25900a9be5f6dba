"""The Dagster UI of a built archive, as `make ui` starts it, driven through its GraphQL API."""
from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

from benchmarks.synthetic import REPO

DAGSTER = Path(sys.executable).parent / "dagster"
STARTUP_TIMEOUT_S = 600  # the code location loads dbt's manifest and the first tick scans the whole folder
REQUEST_TIMEOUT_S = 600

SENSOR_TICKS = """
query SensorTicks($limit: Int!) {
  repositoriesOrError { ... on RepositoryConnection { nodes { sensors {
    name
    sensorState { ticks(limit: $limit) { status timestamp endTimestamp runIds skipReason } }
  } } } }
}"""

RUNS = """
query Runs($runIds: [String!]) {
  runsOrError(filter: {runIds: $runIds}) { ... on Runs { results {
    runId status stats { ... on RunStatsSnapshot { launchTime startTime endTime } }
  } } }
}"""

STEPS = """
query Steps($runId: ID!) { runOrError(runId: $runId) { ... on Run { stepStats { stepKey startTime endTime } } } }
"""

# What the asset page asks for first: the partitions and their health, and the latest materialization.
ASSET_PAGE = """
query AssetPage($assetKey: AssetKeyInput!) {
  assetNodeOrError(assetKey: $assetKey) { ... on AssetNode {
    partitionKeysByDimension { name partitionKeys }
    assetPartitionStatuses {
      ... on DefaultPartitionStatuses { materializedPartitions failedPartitions materializingPartitions }
    }
    assetMaterializations(limit: 1) { timestamp runId partition }
  } }
}"""


@dataclass
class DagsterUI:
    url: str
    process: subprocess.Popen
    log: Path
    started_at: float  # epoch seconds, as Dagster's timestamps

    def query(self, text: str, **variables) -> dict:
        body = json.dumps({"query": text, "variables": variables}).encode()
        request = Request(self.url, body, {"Content-Type": "application/json"})
        with urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:
            answer = json.load(response)
        if answer.get("errors"):
            raise RuntimeError(f"GraphQL errors: {answer['errors']}")
        return answer["data"]

    def ticks(self, sensor: str, limit: int = 5) -> list[dict]:
        """The sensor's latest ticks, newest first."""
        repositories = self.query(SENSOR_TICKS, limit=limit)["repositoriesOrError"]["nodes"]
        for sensor_node in (s for r in repositories for s in r["sensors"]):
            if sensor_node["name"] == sensor:
                return sensor_node["sensorState"]["ticks"]
        raise RuntimeError(f"no sensor {sensor} in the code location")

    def runs(self, run_ids: list[str]) -> list[dict]:
        return self.query(RUNS, runIds=run_ids)["runsOrError"]["results"]

    def step_seconds(self, run_id: str) -> dict[str, float | None]:
        steps = self.query(STEPS, runId=run_id)["runOrError"]["stepStats"]
        return {s["stepKey"]: round(s["endTime"] - s["startTime"], 2) if s["startTime"] and s["endTime"] else None
                for s in steps}

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def dagster_dev(env: dict, log: Path):
    """`dagster dev` (webserver, daemon, code servers) on a free port; the whole process group ends after."""
    port, started_at = _free_port(), time.time()
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(DAGSTER), "dev", "-m", "gazette_pipeline.definitions", "-h", "127.0.0.1", "-p", str(port)],
            env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield DagsterUI(f"http://127.0.0.1:{port}/graphql", process, log, started_at)
    finally:
        _stop(process)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM lets dagster dev stop its children; SIGKILL then takes whatever of its group is left."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def wait_for_completed_tick(ui: DagsterUI, sensor: str) -> None:
    """Until the sensor has finished a tick: the code location is loaded and the daemon is warm."""
    deadline, last_error = time.monotonic() + STARTUP_TIMEOUT_S, None
    while time.monotonic() < deadline:
        if ui.process.poll() is not None:
            raise RuntimeError(f"dagster dev exited ({ui.process.returncode}):\n{ui.log_tail()}")
        try:
            if any(t["status"] != "STARTED" and t["timestamp"] >= ui.started_at for t in ui.ticks(sensor)):
                return
        except (URLError, ConnectionError, RuntimeError) as err:  # the webserver or the code location still loading
            last_error = err
        time.sleep(1)
    raise RuntimeError(f"sensor {sensor} finished no tick in {STARTUP_TIMEOUT_S} s ({last_error}):\n{ui.log_tail()}")


def asset_page_load(ui: DagsterUI, asset_key: list[str], repeat: int = 3) -> dict:
    """The asset page's query, timed over HTTP: the first load (cold caches) and the median of the next."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        node = ui.query(ASSET_PAGE, assetKey={"path": asset_key})["assetNodeOrError"]
        timings.append(time.perf_counter() - start)
    keys = sum(len(d["partitionKeys"]) for d in node["partitionKeysByDimension"])
    return {"partitions": keys, "first_ms": round(timings[0] * 1000),
            "repeat_ms": round(statistics.median(timings[1:]) * 1000)}
