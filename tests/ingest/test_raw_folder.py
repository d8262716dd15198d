"""A warehouse remembers the raw folder it is built from: a run over another folder is stopped (it would
remove what that folder lacks), by its name, with the two ways on."""
import shutil
from pathlib import Path

import duckdb

from dagster_project.ingest.raw_folder import built_from_elsewhere, other_folder_problem, record
from dagster_project.ingest.scan import ingest_folder

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _built(project: Path) -> tuple[Path, Path]:
    raw, warehouse = project / "raw", project / "warehouse" / "govinfo.duckdb"
    raw.mkdir(parents=True)
    warehouse.parent.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], raw)
    con = duckdb.connect(str(warehouse))
    try:
        ingest_folder(con, raw)
        record(con, raw)
    finally:
        con.close()
    return raw, warehouse


def _elsewhere(warehouse: Path, raw: Path, fallback: str | None = None) -> str | None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return built_from_elsewhere(con, raw, fallback)
    finally:
        con.close()


def test_the_same_folder_goes_on_and_another_one_is_named_with_what_to_do(tmp_path):
    raw, warehouse = _built(tmp_path / "my project")
    assert _elsewhere(warehouse, raw) is None
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert _elsewhere(warehouse, other) == str(raw)
    problem = other_folder_problem(str(raw), other, warehouse)
    assert problem.startswith(f"the warehouse {warehouse} was built from the raw folder {raw}, and this run reads {other}")
    # the folder to set, quoted as a shell takes it (a path with a space)
    assert f"Set GOVINFO_RAW_DIR='{raw}' to go on building it" in problem and problem.endswith("The warehouse was not changed.")


def test_a_warehouse_copied_into_another_project_is_another_folder(tmp_path):
    raw, warehouse = _built(tmp_path / "project")
    # copied into another clone's warehouse/ beside its raw/: the same layout, another folder of documents
    other = tmp_path / "colleague"
    (other / "warehouse").mkdir(parents=True)
    (other / "raw").mkdir()
    shutil.copy(warehouse, other / "warehouse")
    assert _elsewhere(other / "warehouse" / "govinfo.duckdb", other / "raw") == str(raw)


def test_a_warehouse_that_records_no_folder_is_judged_by_the_fallback_and_one_without_documents_takes_any(tmp_path):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    assert _elsewhere(empty, tmp_path) is None
    raw, warehouse = _built(tmp_path / "project")
    con = duckdb.connect(str(warehouse))
    con.execute("drop table staging.raw_folder")
    con.close()
    (tmp_path / "elsewhere").mkdir()
    assert _elsewhere(warehouse, tmp_path / "elsewhere") is None  # nothing recorded, nothing to go by
    assert _elsewhere(warehouse, tmp_path / "elsewhere", fallback=str(raw)) == str(raw)
    con = duckdb.connect(str(warehouse))
    con.execute("delete from staging.documents")
    con.close()
    assert _elsewhere(warehouse, tmp_path / "elsewhere", fallback=str(raw)) is None


def test_a_folder_that_is_not_there_is_left_to_ingest_to_name(tmp_path):
    raw, warehouse = _built(tmp_path / "project")
    assert _elsewhere(warehouse, tmp_path / "no-such-folder") is None
