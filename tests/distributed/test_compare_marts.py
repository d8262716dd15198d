"""scripts/compare_marts.py on small real DuckDB files: equal marts in any row order, and each kind of difference."""
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import compare_marts  # noqa: E402


def _warehouse(path: Path, rows: list[tuple], order: str = "asc") -> Path:
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.fct (report_id varchar, value bigint, note varchar, parsed_at timestamp)")
    for report_id, value, note in sorted(rows, reverse=order == "desc"):
        con.execute("insert into marts.fct values (?, ?, ?, now())", [report_id, value, note])
    con.execute("create table marts.dim (id integer)")
    con.execute("insert into marts.dim values (1), (2)")
    con.close()
    return path


ROWS = [("r1", 10, "a"), ("r2", 20, None), ("r3", 30, "c")]


def test_same_rows_in_another_order_and_another_build_time_are_the_same(tmp_path, capsys):
    a = _warehouse(tmp_path / "a.duckdb", ROWS, "asc")
    b = _warehouse(tmp_path / "b.duckdb", ROWS, "desc")
    assert compare_marts.main([str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "fct" in out and "        3 rows" in out and "marts are the same" in out
    digests = compare_marts.digest_marts(a)
    assert digests["fct"].rows == 3 and "parsed_at" not in digests["fct"].columns
    assert digests["fct"].content_hash == compare_marts.digest_marts(b)["fct"].content_hash


@pytest.mark.parametrize("changed", [
    [("r1", 10, "a"), ("r2", 20, None), ("r3", 31, "c")],             # one value
    [("r1", 10, "a"), ("r2", 20, "")],                                  # a row lost, NULL vs ''
    [("r1", 10, "a"), ("r2", 20, None), ("r3", 30, "c"), ("r3", 30, "c")],  # a duplicated row
])
def test_a_changed_value_a_lost_row_or_a_copied_row_differs(tmp_path, changed):
    a = _warehouse(tmp_path / "a.duckdb", ROWS)
    b = _warehouse(tmp_path / "b.duckdb", changed)
    assert compare_marts.main([str(a), str(b)]) == 1


def test_a_table_on_one_side_only_differs_and_a_missing_file_is_named(tmp_path, capsys):
    a = _warehouse(tmp_path / "a.duckdb", ROWS)
    b = tmp_path / "b.duckdb"
    shutil.copy(a, b)
    con = duckdb.connect(str(b))
    con.execute("create table marts.extra as select 1 as x")
    con.close()
    assert compare_marts.main([str(a), str(b)]) == 1
    assert "extra  only in the second warehouse  DIFFERENT" in capsys.readouterr().out
    assert compare_marts.main([str(a), str(tmp_path / "missing.duckdb")]) == 2


def test_the_command_line_exit_status():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_marts.py"), "--help"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "--ignore-column" in done.stdout
