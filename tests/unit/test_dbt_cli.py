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


def test_old_build_folders_go_and_the_newest_and_the_ones_in_use_stay(tmp_path):
    # an outside trial: every build left its dbt/target/build-* folder (11-12 MB), 52 of them after one afternoon
    import os
    import time

    from dagster_project.assets.dbt_cli import BUILD_FOLDER_IDLE_SECONDS, BUILD_FOLDERS_KEPT, prune_build_folders

    now = time.time()
    target = tmp_path / "target"
    folders = []
    for i in range(BUILD_FOLDERS_KEPT + 4):
        folder = target / f"build-{i:02d}-abc"
        folder.mkdir(parents=True)
        (folder / "dbt.log").write_text("log", encoding="utf-8")
        age = (i + 1) * BUILD_FOLDER_IDLE_SECONDS  # older with each one
        for path in (folder / "dbt.log", folder):
            os.utime(path, (now - age, now - age))
        folders.append(folder)
    in_use = folders[-1]  # the oldest folder, but its build still writes its log
    os.utime(in_use / "dbt.log", (now, now))
    (target / "partial_parse").mkdir()
    removed = prune_build_folders(tmp_path, now)
    assert sorted(removed) == sorted(folders[BUILD_FOLDERS_KEPT - 1:-1])
    assert all(f.exists() for f in folders[:BUILD_FOLDERS_KEPT - 1] + [in_use]) and (target / "partial_parse").exists()
