"""The whole `build_warehouse` job, materialized in this process against a given raw folder and warehouse."""
import pytest


def materialize(raw_dir, warehouse, **env):
    """Run every asset and check with ``GOVINFO_RAW_DIR``/``GOVINFO_WAREHOUSE`` (and any other
    ``GOVINFO_*`` variable given) set for the duration of the run; returns the execution result."""
    from dagster_project.definitions import build_definitions
    from dagster_project.settings import get_settings

    monkeypatch = pytest.MonkeyPatch()
    for key, value in {"GOVINFO_RAW_DIR": raw_dir, "GOVINFO_WAREHOUSE": warehouse, **env}.items():
        monkeypatch.setenv(key, str(value))
    get_settings.cache_clear()
    try:
        return build_definitions().get_job_def("build_warehouse").execute_in_process(raise_on_error=False)
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
