"""Assembles the code location: assets, resources, executor.

The executor is configuration (docs/scaling.md): GAZETTE_EXECUTOR=in_process (default), multiprocess
or dask picks the default, and a run's config may pick another under ``execution: config:``. Whatever
runs the steps, the warehouse has one writer at a time: every writer is in the pool ``duckdb_writer``
(size 1 in dagster.yaml), which the in-process and multiprocess executors honour themselves and our
Dask executor honours below (stock dagster-dask ignores pools).
"""
from __future__ import annotations

import shutil
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import dagster
from dagster import (
    AssetKey,
    Definitions,
    Field,
    Permissive,
    Selector,
    StringSource,
    execute_job,
    executor,
    multiple_process_executor_requirements,
)
from dagster._core.definitions.assets.job.asset_job import IMPLICIT_ASSET_JOB_NAME
from dagster._core.definitions.executor_definition import (
    IN_PROC_CONFIG,
    MULTI_PROC_CONFIG,
    _core_in_process_executor_creation,
    _core_multiprocess_executor_creation,
)
from dagster._core.definitions.reconstruct import ReconstructableRepository
from dagster._core.errors import raise_execution_interrupts
from dagster._core.events import EngineEventData
from dagster._core.execution.plan.active import ActiveExecution
from dagster._core.execution.plan.instance_concurrency_context import InstanceConcurrencyContext
from dagster._core.execution.retries import RetryMode
from dagster._core.executor.base import Executor
from dagster._core.storage.tags import PARTITION_NAME_TAG
from dagster._utils.error import serializable_error_info_from_exc_info

from .assets.ingest import ingest_issue_files
from .assets.parse import parse_articles
from .assets.extract import extract_articles
from .assets.projects import merge_projects
from .assets.report import overview_report
from .assets.search_index import article_search_index
from .dbt import GazetteDbtCli, dbt_project, gazette_dbt_models
from .resources import Warehouse
from .sensors import daily_marts_schedule, issue_files_sensor, marts_job, per_issue_job
from .settings import dask_address, executor_kind, max_concurrent, warehouse_path


def build_definitions(warehouse: str | None = None) -> Definitions:
    return Definitions(
        assets=[ingest_issue_files, parse_articles, extract_articles, merge_projects, gazette_dbt_models,
                overview_report, article_search_index],
        resources={
            "warehouse": Warehouse(path=warehouse or str(warehouse_path())),
            "dbt": GazetteDbtCli(project_dir=dbt_project, dbt_executable=_dbt_executable()),
        },
        jobs=[per_issue_job, marts_job],
        sensors=[issue_files_sensor],
        schedules=[daily_marts_schedule],
        executor=gazette_executor(),
    )


def _dbt_executable() -> str:
    """The dbt installed beside this Python (venv not activated), else the one on PATH."""
    for candidate in (Path(sys.executable).parent / "dbt", Path(sys.prefix) / "bin" / "dbt"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("dbt") or "dbt"


# --- the executor: in_process | multiprocess | dask, default from GAZETTE_EXECUTOR ----------------

DASK_CONFIG = Field(
    {
        "cluster": Field(
            Selector({
                "existing": Field({"address": StringSource}, description="A running scheduler, tcp://host:8786."),
                "local": Field(Permissive(), description="A LocalCluster for the run (its keyword arguments)."),
            }),
            default_value={"local": {}},
        )
    },
)


def default_execution(kind: str | None = None) -> dict:
    """The executor config GAZETTE_EXECUTOR (or ``kind``) stands for, as under ``execution: config:``."""
    kind = kind or executor_kind()
    if kind == "multiprocess":
        return {"multiprocess": {"max_concurrent": max_concurrent(),
                                 "start_method": {"forkserver": {"preload_modules": [__name__]}}}}
    if kind == "dask":
        address = dask_address()
        return {"dask": {"cluster": {"existing": {"address": address}} if address else {"local": {}}}}
    return {"in_process": {}}


def gazette_executor(kind: str | None = None):
    """One executor with three modes, chosen per run under ``execution: config:`` (the launchpad),
    by default the one GAZETTE_EXECUTOR names."""

    @executor(
        name="gazette_executor",
        config_schema=Field(
            Selector({"in_process": IN_PROC_CONFIG, "multiprocess": MULTI_PROC_CONFIG, "dask": DASK_CONFIG}),
            default_value=default_execution(kind),
        ),
        requirements=lambda config: [] if "in_process" in config else multiple_process_executor_requirements(),
    )
    def _gazette_executor(init_context):
        ((mode, config),) = init_context.executor_config.items()
        if mode == "in_process":
            return _core_in_process_executor_creation(config)
        if mode == "multiprocess":
            return _core_multiprocess_executor_creation(config)
        ((cluster, cluster_config),) = config["cluster"].items()
        return PooledDaskExecutor(cluster, cluster_config)

    return _gazette_executor


class PooledDaskExecutor(Executor):
    """dagster-dask's executor, honouring Dagster pools as the in-process and multiprocess ones do.

    Stock dagster-dask submits every step at once and ignores pools, so the three extraction steps
    (siblings) would open the DuckDB file together. Here a step goes to Dask only when its upstream
    steps are done and it holds a slot of its pool (the instance's concurrency slots, shared with
    every other run), and gives the slot back when it ends. A pool's steps also ask Dask for the
    worker resource of the same name when some worker offers it (``dask worker --resources
    duckdb_writer=1`` on the machine that holds the warehouse), so the writers run there. Each step
    runs as dagster-dask runs it (``query_on_dask_worker``); dask is imported only when a run uses it.
    """

    def __init__(self, cluster_type: str, cluster_configuration: dict):
        self.cluster_type, self.cluster_configuration = cluster_type, dict(cluster_configuration or {})

    @property
    def retries(self) -> RetryMode:
        return RetryMode.DISABLED  # as dagster-dask

    def execute(self, plan_context, execution_plan):
        from dagster_dask.executor import get_dask_resource_requirements

        instance, run = plan_context.instance, plan_context.dagster_run
        if not instance.is_persistent:
            raise dagster.DagsterInvariantViolationError("Dask execution requires a persistent DagsterInstance")
        with ExitStack() as stack:
            client = stack.enter_context(self._client())
            slots = stack.enter_context(InstanceConcurrencyContext(instance, run))
            active = stack.enter_context(
                ActiveExecution(execution_plan, retry_mode=self.retries, instance_concurrency_context=slots)
            )
            offered = {name for worker in client.scheduler_info(n_workers=-1).get("workers", {}).values()
                       for name in worker.get("resources", {})}
            yield dagster.DagsterEvent.engine_event(
                plan_context, f"Executing steps on Dask at {client.scheduler.address}"
                + (f" (writers on the workers offering {sorted(offered)})" if offered else ""),
                EngineEventData())
            running = {}  # future -> step key
            try:
                while not active.is_complete or running:
                    steps = active.get_steps_to_execute()
                    try:
                        for step in steps:
                            resources = dict(get_dask_resource_requirements(step.tags))
                            if step.pool in offered:
                                resources.setdefault(step.pool, 1)
                            call = _StepOnDask(plan_context.reconstructable_job, run, plan_context.run_config,
                                               step.key, instance.get_ref(), active.get_known_state())
                            future = client.submit(call, key=f"{plan_context.job_name}.{step.key}.{run.run_id}",
                                                   pure=False, resources=resources or None)
                            running[future] = step.key
                    except BaseException:  # a step that holds a slot but never reached Dask gives it back
                        for step in steps:
                            if step.key not in running.values():
                                slots.free_step(step.key)
                        raise
                    yield from active.concurrency_event_iterator(plan_context)
                    if running:
                        with raise_execution_interrupts():
                            time.sleep(0.1)
                    else:
                        active.sleep_til_ready()  # waiting for a slot
                    for future in [future for future in running if future.done()]:
                        key = running.pop(future)
                        yield from self._step_events(plan_context, active, key, future)
                        active.verify_complete(plan_context, key)
                    yield from active.plan_events_iterator(plan_context)  # skips after a failure
            except BaseException:
                client.cancel(list(running))
                raise

    def _step_events(self, plan_context, active, key, future):
        try:
            events = future.result()
        except Exception:  # the task itself failed (a worker died, the job could not be loaded)
            step_context = plan_context.for_step(active.get_step_by_key(key))
            events = [self.log_failure_or_retry_event_after_error(
                step_context, serializable_error_info_from_exc_info(sys.exc_info()), active.get_known_state())]
        for event in events:
            yield event
            active.handle_event(event)

    @contextmanager
    def _client(self):
        import dask
        from distributed import Client, LocalCluster

        if self.cluster_type == "existing":
            with Client(self.cluster_configuration["address"], set_as_default=False) as client:
                yield client
            return
        # One thread a worker, as dagster-dask (Dagster's step execution is not thread-safe); workers
        # load the definitions as they start, all at once, not each at its first step; and they are
        # not daemons, whose children Python forbids: a step starts its own workers (GAZETTE_WORKERS).
        options = {"threads_per_worker": 1, "preload": [__name__], **self.cluster_configuration}
        with dask.config.set({"distributed.worker.daemon": False}), \
                LocalCluster(**options) as cluster, Client(cluster, set_as_default=False) as client:
            yield client


class _StepOnDask:
    """One step, as dagster-dask runs it on a worker. The arguments travel inside this object: Dask
    walks tuples it is given as arguments, and Dagster's run record refuses to be walked."""

    def __init__(self, *arguments):
        self.arguments = arguments

    def __call__(self):
        from dagster_dask.executor import query_on_dask_worker

        recon_job, run, run_config, step_key, instance_ref, known_state = self.arguments
        return query_on_dask_worker([], recon_job, run, run_config, [step_key], instance_ref, known_state)


# --- runs from Python (make run / make refresh) on the configured executor ---------------------

def materialize(assets, *, instance, resources=None, run_config=None, tags=None, partition_key=None,
                raise_on_error=True):
    """``dagster.materialize`` on the executor GAZETTE_EXECUTOR names.

    In process it is dagster's own (any instance, the ``resources`` given). Other executors run the
    steps in other processes, which load the definitions from this module and the environment
    (WAREHOUSE_PATH and the rest, as a code server does), so ``resources`` must be those of ``defs``;
    they need a persistent instance (DAGSTER_HOME).
    """
    if executor_kind() == "in_process" and "execution" not in (run_config or {}):
        return dagster.materialize(assets, instance=instance, resources=resources, run_config=run_config,
                                   tags=tags, partition_key=partition_key, raise_on_error=raise_on_error)
    keys = sorted({key for asset in assets for key in asset.keys}, key=AssetKey.to_user_string)
    tags = {**(tags or {}), **({PARTITION_NAME_TAG: partition_key} if partition_key else {})}
    job = ReconstructableRepository.for_module(__name__, "defs").get_reconstructable_job(IMPLICIT_ASSET_JOB_NAME)
    with execute_job(job, instance, run_config=run_config, tags=tags,
                     raise_on_error=raise_on_error, asset_selection=keys) as result:
        return result


defs = build_definitions()
