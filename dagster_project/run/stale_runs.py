"""Runs that a kill left `STARTED` in Dagster's run storage are marked failed at the next start."""
from __future__ import annotations

import socket

from ..durable import pid_alive

PID_TAG = "govinfo/pid"
HOST_TAG = "govinfo/host"


def run_tags() -> dict[str, str]:
    """Tags that let a later run tell whether this run's process is still there."""
    import os

    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def _run_pid(instance, run) -> int | None:
    if run.tags.get(PID_TAG):
        return int(run.tags[PID_TAG])
    # runs started elsewhere (the UI): the process that wrote the run's first event
    from dagster import DagsterEventType

    records = instance.get_records_for_run(run.run_id, of_type=DagsterEventType.RUN_START, limit=1).records
    return records[0].event_log_entry.pid if records else None


def fail_dead_runs(instance) -> list[str]:
    """Mark every started run of this host whose process is gone as failed; returns their ids."""
    from dagster import DagsterRunStatus, RunsFilter

    failed = []
    for run in instance.get_runs(filters=RunsFilter(statuses=[DagsterRunStatus.STARTED])):
        if run.tags.get(HOST_TAG, socket.gethostname()) != socket.gethostname():
            continue
        pid = _run_pid(instance, run)
        if pid is None or pid_alive(pid):
            continue
        instance.report_run_failed(run, message=f"The run's process (pid {pid}) is gone: it was killed or crashed.")
        failed.append(run.run_id)
    return failed
