"""The dbt CLI resource's shortcuts: the version it reports is the installed dbt's, parse state kept whole."""
import sys
from pathlib import Path

from dagster_project.assets.dbt_cli import PARTIAL_PARSE, WarehouseDbtCli, keep_partial_parse
from dagster_project.settings import get_settings

DBT = str(Path(sys.executable).with_name("dbt"))


def test_version_is_the_dbt_core_the_executable_runs():
    from dbt.version import __version__  # the package the environment's dbt executable imports

    resource = WarehouseDbtCli(project_dir=str(get_settings().dbt_project_dir), dbt_executable=DBT)
    assert str(resource._cli_version) == __version__


def test_partial_parse_state_is_copied_to_the_project(tmp_path):
    invocation, project = tmp_path / "target" / "run-1", tmp_path
    invocation.mkdir(parents=True)
    assert keep_partial_parse(invocation, project) is False  # an invocation that parsed nothing
    (invocation / PARTIAL_PARSE).write_bytes(b"state one")
    assert keep_partial_parse(invocation, project) is True
    assert (project / "target" / PARTIAL_PARSE).read_bytes() == b"state one"
    (invocation / PARTIAL_PARSE).write_bytes(b"state two")
    keep_partial_parse(invocation, project)
    assert (project / "target" / PARTIAL_PARSE).read_bytes() == b"state two"
    assert sorted(p.name for p in (project / "target").iterdir()) == [PARTIAL_PARSE, "run-1"]  # no temporary left
