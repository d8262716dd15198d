"""The dbt CLI resource's shortcuts: the version it reports is the installed dbt's, parse state kept whole."""
import sys
from pathlib import Path

from dagster_project.assets.dbt_cli import PARTIAL_PARSE, WarehouseDbtCli, build_target_path, keep_partial_parse
from dagster_project.settings import get_settings

DBT = str(Path(sys.executable).with_name("dbt"))


def test_version_is_the_dbt_core_the_executable_runs():
    from dbt.version import __version__  # the package the environment's dbt executable imports

    resource = WarehouseDbtCli(project_dir=str(get_settings().dbt_project_dir), dbt_executable=DBT)
    assert str(resource._cli_version) == __version__


def test_partial_parse_state_is_kept_per_warehouse_and_given_to_its_next_build(tmp_path):
    invocation, project = tmp_path / "target" / "run-1", tmp_path
    invocation.mkdir(parents=True)
    one, two = str(tmp_path / "one.duckdb.building"), str(tmp_path / "two.duckdb.building")
    assert keep_partial_parse(invocation, project, one) is False  # an invocation that parsed nothing
    assert not (build_target_path(project, one, "build") / PARTIAL_PARSE).exists()
    (invocation / PARTIAL_PARSE).write_bytes(b"state one")
    assert keep_partial_parse(invocation, project, one) is True
    (invocation / PARTIAL_PARSE).write_bytes(b"state two")
    keep_partial_parse(invocation, project, two)  # another warehouse's build does not replace the first's
    assert (build_target_path(project, one, "build") / PARTIAL_PARSE).read_bytes() == b"state one"
    assert (build_target_path(project, two, "build") / PARTIAL_PARSE).read_bytes() == b"state two"
    (invocation / PARTIAL_PARSE).write_bytes(b"state three")
    keep_partial_parse(invocation, project, one)
    assert (build_target_path(project, one, "build") / PARTIAL_PARSE).read_bytes() == b"state three"
    kept = sorted(p.name for p in (project / "target" / "partial_parse").iterdir())
    assert len(kept) == 2 and all(name.endswith(".msgpack") and not name.startswith(".") for name in kept)
