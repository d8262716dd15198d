"""The warehouse file as the ingest connection opens it: new files in the storage format the SQL
prompt reads, and small row groups for the table of report texts (a checkpoint after appending
rewrites the table's last row group whole). Real DuckDB files."""
from dagster_project.resources.duckdb_file import STORAGE_VERSION, open_warehouse, storage_version


def _row_groups(con, table: str) -> list[int]:
    return [rows for (rows,) in con.execute(
        f"select max(count) from pragma_storage_info('{table}') group by row_group_id order by row_group_id").fetchall()]


def test_a_row_group_size_applies_to_what_the_connection_writes(tmp_path):
    path = tmp_path / "wh.duckdb"
    con = open_warehouse(path, row_group_size=2048)
    assert storage_version(con).startswith(STORAGE_VERSION)  # a new file, created in the pinned format
    con.execute("create table texts as select range as id, repeat('年', 50) as text from range(5000)")
    con.execute("checkpoint")
    assert _row_groups(con, "texts") == [2048, 2048, 904]
    con.close()
    con = open_warehouse(path)  # the same file opened as the marts open it: DuckDB's default size
    con.execute("create table marts as select range as id from range(5000)")
    con.execute("checkpoint")
    assert _row_groups(con, "marts") == [5000]
    assert _row_groups(con, "texts") == [2048, 2048, 904]
    con.close()
    con = open_warehouse(path, read_only=True, row_group_size=2048)
    assert con.execute("select count(*), sum(id) from texts").fetchone() == (5000, sum(range(5000)))
    con.close()


def test_appending_to_a_table_of_small_row_groups_leaves_the_full_ones_alone(tmp_path):
    path = tmp_path / "wh.duckdb"
    con = open_warehouse(path, row_group_size=2048)
    con.execute("create table texts as select range as id, repeat('年', 50) as text from range(4096)")
    con.execute("checkpoint")
    con.execute("insert into texts select range + 4096, 'new' from range(10)")
    con.execute("checkpoint")
    assert _row_groups(con, "texts") == [2048, 2048, 10]
    con.close()
