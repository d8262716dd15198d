"""A warehouse remembers the raw folder it is built from: a run over another folder is stopped (it would
remove what that folder lacks) until it is allowed once."""
import shutil
from pathlib import Path

import duckdb

from dagster_project.ingest.raw_folder import other_folder_problem, record
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


def _problem(warehouse: Path, raw: Path, allowed: bool = False) -> str | None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return other_folder_problem(con, raw, warehouse, allowed)
    finally:
        con.close()


def test_the_same_folder_goes_on_and_another_one_is_named_with_what_to_do(tmp_path):
    raw, warehouse = _built(tmp_path / "project")
    assert _problem(warehouse, raw) is None
    other = tmp_path / "elsewhere"
    other.mkdir()
    problem = _problem(warehouse, other)
    assert problem.startswith(f"the warehouse {warehouse} was built from the raw folder {raw}, and this run reads {other}")
    assert f"Set GOVINFO_RAW_DIR={raw} to go on building it" in problem and problem.endswith("Nothing was changed.")
    assert _problem(warehouse, other, allowed=True) is None


def test_a_warehouse_copied_into_another_project_stops_and_is_allowed_once(tmp_path):
    raw, warehouse = _built(tmp_path / "project")
    # copied into another clone's warehouse/ beside its raw/: the same layout, another folder of documents
    other = tmp_path / "colleague"
    (other / "warehouse").mkdir(parents=True)
    (other / "raw").mkdir()
    shutil.copy(warehouse, other / "warehouse")
    assert _problem(other / "warehouse" / "govinfo.duckdb", other / "raw") is not None
    con = duckdb.connect(str(other / "warehouse" / "govinfo.duckdb"))
    try:
        record(con, other / "raw")  # what an allowed run's ingest stores
    finally:
        con.close()
    assert _problem(other / "warehouse" / "govinfo.duckdb", other / "raw") is None


def test_a_warehouse_that_records_no_folder_or_holds_no_document_takes_any(tmp_path):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    assert _problem(empty, tmp_path) is None
    raw, warehouse = _built(tmp_path / "project")
    (tmp_path / "elsewhere").mkdir()
    assert _problem(warehouse, tmp_path / "elsewhere") is not None
    con = duckdb.connect(str(warehouse))
    con.execute("delete from staging.documents")
    con.close()
    assert _problem(warehouse, tmp_path / "elsewhere") is None


def test_a_folder_that_is_not_there_is_left_to_ingest_to_name(tmp_path):
    raw, warehouse = _built(tmp_path / "project")
    assert _problem(warehouse, tmp_path / "no-such-folder") is None
