"""Which executor runs the steps of `build_warehouse`: ``GOVINFO_EXECUTOR`` = in_process | multiprocess | celery.

in_process (the default, `make run`): every step in the run's own process, one after the other.
multiprocess: each step in a child process of the run; celery: each step as a Celery task on
whichever worker takes it (`make run-distributed`). Steps that write the DuckDB working copy depend
on each other, so they never overlap; the checks that may run side by side open it read-only.
"""
from __future__ import annotations

from typing import Literal

import dagster as dg
from pydantic_settings import BaseSettings, SettingsConfigDict


class ExecutorSettings(BaseSettings):
    """The executor and, for celery, the broker its workers listen on (deploy/distributed/start.sh writes them)."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_")

    executor: Literal["in_process", "multiprocess", "celery"] = "in_process"
    celery_broker: str = "redis://127.0.0.1:56379/0"
    celery_backend: str = "redis://127.0.0.1:56379/1"


def job_executor() -> dg.ExecutorDefinition:
    settings = ExecutorSettings()
    if settings.executor == "in_process":
        return dg.in_process_executor
    if settings.executor == "multiprocess":
        return dg.multiprocess_executor
    from dagster_celery import celery_executor

    return celery_executor.configured(
        {"broker": settings.celery_broker, "backend": settings.celery_backend}, name="celery")
