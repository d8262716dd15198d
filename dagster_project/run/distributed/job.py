"""`build_warehouse` as a job any process can rebuild by name, with the settings of the run that started it.

A Celery worker is a long-lived process on another machine: its environment is not the run's. The
run's ``GOVINFO_*`` settings (the working copy to build, the raw folder, the executor) travel with
the job's code pointer (``build_reconstructable_job`` keyword arguments), and rebuilding the job on
the worker puts them in its environment before the definitions read them, so the assets' resource
and dbt's profile (``env_var('GOVINFO_WAREHOUSE')``) name the same file on every worker.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import dagster as dg

JOB_NAME = "build_warehouse"
# What a step needs besides GOVINFO_*: quiet, offline dbt and Dagster on every worker.
PASSED_THROUGH = ("DBT_SEND_ANONYMOUS_USAGE_STATS", "DAGSTER_DISABLE_TELEMETRY", "GX_ANALYTICS_ENABLED")


def run_environment(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The part of ``environ`` that decides what a run builds: every ``GOVINFO_*`` setting and the quiet flags."""
    return {key: value for key, value in sorted(environ.items())
            if key.startswith("GOVINFO_") or key in PASSED_THROUGH}


def build_job(env: Mapping[str, str], cwd: str | None = None) -> dg.JobDefinition:
    """The ``build_warehouse`` job of the definitions, built with ``env`` in force in this process.

    ``cwd`` is the run's working directory: a detached Celery worker sits in ``/``, and relative
    paths in the settings mean what they meant where the run was started.
    """
    from ...settings import get_settings

    if cwd is not None and os.path.isdir(cwd):
        os.chdir(cwd)
    # the run's settings are all of it: a worker that served an earlier run keeps none of that one's
    # (GOVINFO_FETCH_PREFETCHED of a run with sources, on a run without)
    for key in [key for key in os.environ if key.startswith("GOVINFO_") and key not in env]:
        del os.environ[key]
    os.environ.update(env)
    get_settings.cache_clear()
    from ...definitions import build_definitions

    return build_definitions().get_job_def(JOB_NAME)


def reconstructable_job(env: Mapping[str, str]) -> dg.ReconstructableJob:
    return dg.build_reconstructable_job(__name__, build_job.__name__,
                                        reconstructable_kwargs={"env": dict(env), "cwd": os.getcwd()})
