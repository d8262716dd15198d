"""The run's Dagster event log on SQLite, without a new database engine per event.

Dagster's ``SqliteEventLogStorage`` creates a SQLAlchemy engine, opens the file and disposes of it
again for every event it stores, twice for an asset or check event (the run's database and the
index). A `make run` writes about 750 events (a planned materialization per asset, a
materialization per dbt model, an evaluation per dbt test and GX suite): measured at 10,000
reports under load 7, 65 s of the run went into storing them (88 ms per event) and 29 s of the
start into the planned events. This storage keeps one engine per database file for the life of the
process; the files, their tables and what `make dev` reads from them are Dagster's own.

Only an instance whose event log is the plain SQLite storage (the default of a ``DAGSTER_HOME``)
is given it; any other storage (PostgreSQL of the multi-worker profile) is left alone.
"""
from __future__ import annotations

from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy import create_engine


class ReusedEngineEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage with one engine (and its pooled connection) per shard file."""

    def __init__(self, base_dir: str, inst_data=None):
        super().__init__(base_dir, inst_data)
        self._engines: dict = {}

    @contextmanager
    def _connect(self, shard: str):
        with self._db_lock:
            engine = self._engines.get(shard)
            if engine is None:
                engine = create_engine(self.conn_string_for_shard(shard), pool_size=1, max_overflow=2,
                                       connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
                                                     "check_same_thread": False})
                if shard not in self._initialized_dbs:
                    self._initdb(engine)
                    self._initialized_dbs.add(shard)
                self._engines[shard] = engine
            with engine.connect() as conn:
                with conn.begin():
                    yield conn

    def dispose(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()
        super().dispose()


def reuse_engines(instance) -> bool:
    """Give ``instance`` the reused-engine event log when its event log is Dagster's plain SQLite one."""
    storage = instance.event_log_storage
    if type(storage) is not SqliteEventLogStorage:
        return False
    faster = ReusedEngineEventLogStorage(storage._base_dir, storage.inst_data)  # noqa: SLF001 - same files
    instance._event_storage = faster  # noqa: SLF001 - Dagster has no public way to swap it after loading
    faster.register_instance(instance)
    return True
