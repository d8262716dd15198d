"""GOVINFO_EXECUTOR chooses the job's executor; the run's settings are what travels to the workers."""
import os

import pytest
from pydantic import ValidationError

from dagster_project.run.distributed.executor import job_executor
from dagster_project.run.distributed.job import run_environment


def test_the_default_is_in_process(monkeypatch):
    monkeypatch.delenv("GOVINFO_EXECUTOR", raising=False)
    assert job_executor().name == "in_process"


def test_multiprocess_and_celery_with_the_broker_of_the_settings(monkeypatch):
    monkeypatch.setenv("GOVINFO_EXECUTOR", "multiprocess")
    assert job_executor().name == "multiprocess"
    monkeypatch.setenv("GOVINFO_EXECUTOR", "celery")
    monkeypatch.setenv("GOVINFO_CELERY_BROKER", "redis://127.0.0.1:6390/0")
    monkeypatch.setenv("GOVINFO_CELERY_BACKEND", "redis://127.0.0.1:6390/1")
    celery = job_executor()
    assert celery.name == "celery"
    config = celery.config_schema.resolve_config({}).value["config"]
    assert (config["broker"], config["backend"]) == ("redis://127.0.0.1:6390/0", "redis://127.0.0.1:6390/1")


def test_an_unknown_executor_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("GOVINFO_EXECUTOR", "kubernetes")
    with pytest.raises(ValidationError, match="executor"):
        job_executor()


def test_the_run_environment_is_the_govinfo_settings_and_the_quiet_flags(tmp_path):
    environ = {"GOVINFO_WAREHOUSE": str(tmp_path / "wh.duckdb.building"), "GOVINFO_RAW_DIR": "raw",
               "DBT_SEND_ANONYMOUS_USAGE_STATS": "False", "HOME": "/root", "PATH": "/usr/bin"}
    env = run_environment(environ)
    assert env == {"DBT_SEND_ANONYMOUS_USAGE_STATS": "False", "GOVINFO_RAW_DIR": "raw",
                   "GOVINFO_WAREHOUSE": str(tmp_path / "wh.duckdb.building")}


def test_a_worker_keeps_no_setting_of_an_earlier_run(tmp_path, monkeypatch):
    # a Celery worker builds the job of each run in one long-lived process
    from dagster_project.run.distributed.job import build_job
    from dagster_project.settings import get_settings

    monkeypatch.setenv("GOVINFO_FETCH_PREFETCHED", str(tmp_path / "wh.duckdb.fetched.json"))
    env = {"GOVINFO_WAREHOUSE": str(tmp_path / "wh.duckdb.building"), "GOVINFO_RAW_DIR": str(tmp_path)}
    saved = dict(os.environ)  # build_job sets the process's environment, as a worker's
    try:
        assert build_job(env).name == "build_warehouse"
        assert "GOVINFO_FETCH_PREFETCHED" not in os.environ and get_settings().fetch.prefetched is None
        assert os.environ["GOVINFO_WAREHOUSE"] == env["GOVINFO_WAREHOUSE"]
    finally:
        os.environ.clear()
        os.environ.update(saved)
        get_settings.cache_clear()
