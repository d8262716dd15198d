"""A small real corpus, ingested and parsed by real Dagster materializations, for the stage tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.assets.ingest import raw_documents
from dagster_project.assets.stage import report_shards_asset, staged_reports
from dagster_project.ingest.walk import report_id_for
from dagster_project.resources.warehouse import WarehouseResource
from dagster_project.settings import get_settings
from dagster_project.stage.shard_store import ShardStore, default_staged_dir
from dagster_project.stage.shards import shard_of

FIXTURES = Path(__file__).parents[1] / "fixtures"
SHARDS = 4  # few shards, so each holds several of the ~30 documents


def make_raw(root: Path) -> Path:
    """The seed texts and the real Pingtan pages: ~30 documents over 4 shards."""
    raw = root / "raw"
    (raw / "seeds").mkdir(parents=True)
    for path in sorted((FIXTURES / "seeds").glob("*.txt")):
        shutil.copy(path, raw / "seeds" / path.name)
    shutil.copytree(FIXTURES / "pingtan_site" / "reports", raw / "pingtan")
    return raw


def shard_paths(raw: Path, key: str) -> set[str]:
    """The documents of shard ``key``, by the same hash of report_id, computed from the paths."""
    return {p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()
            and shard_of(report_id_for(p.relative_to(raw).as_posix()), SHARDS) == key}


class Stage:
    """One warehouse and raw folder with the settings in force for the test (monkeypatched env)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, raw: Path, warehouse: Path, **env):
        for name, value in {"GOVINFO_RAW_DIR": raw, "GOVINFO_WAREHOUSE": warehouse,
                            "GOVINFO_PARSE_SHARDS": SHARDS, **env}.items():
            monkeypatch.setenv(name, str(value))
        get_settings.cache_clear()
        self.raw, self.warehouse = raw, warehouse
        self.resources = {"warehouse": WarehouseResource(path=str(warehouse))}
        self.store = ShardStore(default_staged_dir(warehouse), SHARDS)

    def ingest(self) -> dg.ExecuteInProcessResult:
        result = dg.materialize([raw_documents], resources=self.resources)
        assert result.success
        return result

    def parse_shard(self, key: str, reparse: bool = False) -> dict:
        """Materialize one partition of parse/shards; returns its materialization's metadata (plain values)."""
        result = dg.materialize([report_shards_asset(SHARDS)], partition_key=key, resources=self.resources,
                                run_config={"ops": {"parse__shards": {"config": {"reparse": reparse}}}})
        assert result.success
        [materialization] = result.asset_materializations_for_node("parse__shards")
        assert materialization.partition == key
        return {k: v.value for k, v in materialization.metadata.items()}

    def stage(self) -> dg.ExecuteInProcessResult:
        result = dg.materialize([staged_reports], resources=self.resources)
        assert result.success
        return result

    def parquet(self, table: str, keys: list[str] | None = None, columns: str = "*", where: str = "true",
                params: list | None = None) -> list[tuple]:
        """Rows of ``table`` in the current generation of the shards ``keys`` (all by default)."""
        files = self.store.files(table, keys)
        if not files:
            return []
        with duckdb.connect() as con:
            return con.execute(f"select {columns} from read_parquet(?) where {where}", [files, *(params or [])]
                               ).fetchall()

    def warehouse_rows(self, sql: str, params=None) -> list[tuple]:
        with duckdb.connect(str(self.warehouse), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    def path_of(self) -> dict[str, str]:
        return dict(self.warehouse_rows("select report_id, source_path from staging.documents"))
