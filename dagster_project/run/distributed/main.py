"""`python -m dagster_project.run.distributed` (`make run-distributed`): `make run` with the steps on workers.

The same lock, working copy, checks, atomic publish and summary as `make run` (run/main.py); what
differs is how the job executes: out of process (`execute_job` on a job rebuilt by name, job.py),
with the executor of ``GOVINFO_EXECUTOR`` (celery: every step a task on whichever worker takes it)
and the persistent Dagster instance of ``DAGSTER_HOME`` (PostgreSQL in deploy/distributed/), which
the workers write the run's events to. The summary is read back from those stored events.

Exit status as `make run`: 0 built (or nothing changed), 1 failed (nothing published), 75 busy,
130 interrupted; 2 when the instance or executor cannot carry a distributed run.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

from ..children import end_children, interrupted_step
from ..damaged import damaged_warehouse_hint
from ..lock import RunLock, WarehouseBusy
from ..main import EXIT_BUSY, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_SETTINGS, _prune_logs

EXIT_UNSUITABLE = 2


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.run.distributed",
                                     description="Build the warehouse with the steps on the executor of GOVINFO_EXECUTOR.")
    parser.add_argument("--force", action="store_true",
                        default=os.environ.get("FORCE", "").lower() in ("1", "true", "yes"),
                        help="run the whole pipeline even when nothing changed since the last build (FORCE=1)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
    from ...settings import get_settings
    from .executor import ExecutorSettings

    executor = ExecutorSettings().executor
    if executor == "in_process":
        print("govinfo-warehouse: GOVINFO_EXECUTOR is in_process: use `make run`, or set it to multiprocess or celery",
              file=sys.stderr)
        return EXIT_UNSUITABLE
    if not os.environ.get("DAGSTER_HOME"):
        print("govinfo-warehouse: a distributed run needs DAGSTER_HOME with a persistent instance "
              "(deploy/distributed/start.sh writes one on PostgreSQL)", file=sys.stderr)
        return EXIT_UNSUITABLE
    published = get_settings().warehouse
    try:
        lock = RunLock(published).acquire()
    except WarehouseBusy as busy:
        print(f"govinfo-warehouse: {busy}", file=sys.stderr, flush=True)
        return EXIT_BUSY
    try:
        return _run(published, lock, executor, force=args.force)
    finally:
        lock.release()


def _run(published: Path, lock: RunLock, executor: str, force: bool) -> int:
    from ..capture import Capture
    from ..console import StageConsole

    started = time.monotonic()
    since_iso = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    log_dir = published.parent / "logs"
    log_path = log_dir / f"run-{datetime.now().strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    with Capture(log_path, verbose=False, log_after_exit=True) as capture:
        def say(line: str = "") -> None:
            capture.console.write(line + "\n")
            capture.console.flush()
            capture.log(line)

        console = StageConsole(lambda line: say(line) if line else None)
        try:
            return _build(published, lock, executor, console, say, log_path, since_iso, started, force)
        except KeyboardInterrupt:
            say(f"govinfo-warehouse: interrupted; {published} was left as it was (log: {log_path})")
            return EXIT_INTERRUPTED
        except Exception as exc:  # noqa: BLE001 - the traceback goes to the log, the cause to the person
            traceback.print_exc()
            sys.stderr.flush()
            say(f"govinfo-warehouse: run FAILED: {type(exc).__name__}: {exc}")
            say(f"  log                : {log_path}")
            return EXIT_FAILED
        finally:
            _prune_logs(log_dir)
            if ended := end_children():  # (dbt, when the run was stopped during its build)
                say(f"  stopped {len(ended)} process(es) the run had started and left running: pids {ended}")


def _build(published: Path, lock: RunLock, executor: str, console, say, log_path: Path, since_iso: str,
           started: float, force: bool) -> int:
    from ...settings import get_settings
    from ..preflight import other_raw_folder
    from ..unchanged import fingerprint_or_stop, record_and_publish

    settings = get_settings()
    say(f"govinfo-warehouse: documents from {settings.raw_dir}, warehouse {published}, executor {executor}")
    if problem := other_raw_folder(published, settings):
        say(f"govinfo-warehouse: {problem}")
        return EXIT_SETTINGS
    fingerprint = fingerprint_or_stop(published, settings, lock, force, say, started)
    if fingerprint is None:
        return EXIT_OK

    import dagster as dg
    from dagster._core.execution.api import execute_run

    from ..publish import prepare_working_copy
    from ..stale_runs import fail_dead_runs, run_tags
    from ..summary import default_warehouse, summary_lines
    from .events import EventFeed
    from .job import reconstructable_job, run_environment

    with dg.DagsterInstance.get() as instance:
        say(f"  Dagster instance   : {type(instance.run_storage).__name__} in {os.environ['DAGSTER_HOME']}")
        for run_id in fail_dead_runs(instance):
            say(f"  marked run {run_id[:8]} failed: its process is gone")
        work = prepare_working_copy(published, log=lambda text: say(f"  {text}"))
        # Every step, on whichever worker, builds the working copy: it travels with the job's pointer.
        os.environ["GOVINFO_WAREHOUSE"] = str(work)
        get_settings.cache_clear()
        job = reconstructable_job(run_environment())
        run = instance.create_run_for_job(job_def=job.get_definition(), tags=run_tags(),
                                          job_code_origin=job.get_python_origin())
        with EventFeed(instance, run.run_id, lambda entry: _on_event(console, entry)):
            result = execute_run(job, run, instance, raise_on_error=False)
        console.close()
        workers = _workers(instance, result.run_id)
    sys.stdout.flush()
    sys.stderr.flush()

    blocking = console.checks_of("checks").failed + console.checks_of("dbt").failed
    ok = result.success and not blocking
    if ok:
        record_and_publish(work, published, fingerprint)
    if workers:
        say(f"  steps ran on       : {', '.join(f'{name} ({count})' for name, count in sorted(workers.items()))}")
    for line in summary_lines(published=published, default_warehouse=default_warehouse(), log_path=log_path,
                              console=console, fetch_dir=settings.raw_dir / "_fetched", since_iso=since_iso,
                              elapsed=time.monotonic() - started, published_now=ok, raw_dir=settings.raw_dir):
        say(line)
    if ok:
        return EXIT_OK
    failures = console.step_failures or [(name, "blocking check failed") for name in blocking]
    if interrupted := interrupted_step(failures):  # Ctrl-C or SIGTERM, which Dagster reports as a step's failure
        say(f"govinfo-warehouse: interrupted at {interrupted}; {published} was left as it was (log: {log_path})")
        return EXIT_INTERRUPTED
    say(f"  the failed build   : {work} (kept for inspection; the next run starts from the published file)")
    if hint := damaged_warehouse_hint([message for _, message in failures], published):
        say(f"  {hint}")
    step, message = failures[-1] if failures else ("the run", "failed")
    say(f"run failed at {step}:")
    say(message)
    return EXIT_FAILED


def _on_event(console, entry) -> None:
    """The console's handling, plus dbt's node counts, which `make run` reads off dbt's output lines:
    on a worker that output stays in the worker's log, so they are counted from the dbt step's stored
    events (a built model is a materialization, a dbt test a check evaluation)."""
    from ..console import stage_of

    event = entry.dagster_event
    if event is not None and entry.step_key and stage_of(entry.step_key) == "dbt":
        kind = {"ASSET_MATERIALIZATION": "OK", "ASSET_CHECK_EVALUATION": "TEST"}.get(event.event_type_value)
        stage = console.stages.get("dbt")
        if kind and stage is not None:
            stage.dbt_statuses[kind] = stage.dbt_statuses.get(kind, 0) + 1
    console.on_event(entry)


def _workers(instance, run_id: str) -> dict[str, int]:
    """Steps per Celery worker, from the engine events the workers stored ("Executing steps … in celery worker")."""
    counts: dict[str, int] = {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.event_type_value != "ENGINE_EVENT":
            continue
        data = event.event_specific_data
        name = getattr(data, "metadata", {}).get("Celery worker") if data is not None else None
        if name is not None:
            name = getattr(name, "value", name)
            counts[str(name)] = counts.get(str(name), 0) + 1
    return counts
