"""``staging.refused_documents``: every file under the raw folder that is not a document, with why.

Each run writes the whole list (a file that became readable leaves it); a file refused for the
same reason as before keeps the time it was first refused.
"""
from __future__ import annotations

import re
from datetime import datetime

from ..resources.duckdb_file import has_table
from .reader_process import SERVER_ENDED
from .walk import Refusal


# refusals judged against a setting: judged again at every read, as the setting may have moved
JUDGED_BY_SETTINGS = frozenset({"over the parse budget"})


def still_refused(refusal: Refusal | None, size: int, mtime_ns: int, edge: str | None = None) -> bool:
    """The file is as it was when ``refusal`` judged it (size and mtime, and the hash of its edges when
    given) and the refusal hangs on no setting: it stands without the file being read again."""
    return (refusal is not None and refusal.category not in JUDGED_BY_SETTINGS
            and (refusal.size_bytes, refusal.mtime_ns) == (size, mtime_ns)
            and (edge is None or refusal.edge_sha256 == edge))


# the category of a file an attachment reader refused ("doc: refused by reader"): judged by the readers'
# code, so judged again after the parser changed (a .doc refused before the .doc reader is read by it).
# A reader stopped by a limit says which ("pdf: refused by reader (over 120 s)", "(over 2048 MB)", "(over
# 2000000 characters)"): judged again once that limit is raised; one whose server ended ("(over reader
# server ended)") at the next run.
BY_A_READER = ": refused by reader"
_OVER_LIMIT = re.compile(rf"\(over (?:([0-9.]+) (s|MB|characters)|({re.escape(SERVER_ENDED)}))\)$")
_LIMIT_OF_UNIT = {"s": "seconds", "MB": "memory_mb", "characters": "max_chars"}


def known_refusals(con, limits=None) -> dict[str, Refusal]:
    """Files refused for their content last time, by path: read again only when they changed, or,
    for a reader's refusal, when the parser changed since the warehouse was built or the limit it
    ran into was raised (``limits``: the ReaderLimits in force)."""
    refusals = {row[0]: Refusal(*row) for row in con.execute(
        "select source_path, size_bytes, reason, category, mtime_ns, edge_sha256 from staging.refused_documents "
        "where edge_sha256 is not null").fetchall()}
    if _parser_changed(con):
        refusals = {path: r for path, r in refusals.items() if BY_A_READER not in r.category}
    return {path: r for path, r in refusals.items() if not _limit_raised(r.category, limits)}


def _limit_raised(category: str, limits) -> bool:
    over = _OVER_LIMIT.search(category)
    if over is None or limits is None:
        return False
    value, unit, ended = over.groups()
    if ended:
        return True
    return float(value) < getattr(limits, _LIMIT_OF_UNIT[unit])


def _parser_changed(con) -> bool:
    from ..stage.write_reports import parser_version

    if not has_table(con, "staging", "build_state"):
        return False  # never built: no refusal of another parser's
    built = con.execute("select parser_version from staging.build_state").fetchone()
    return built is not None and built[0] != parser_version()


def write_refused(con, refused: list[Refusal], now: datetime) -> None:
    import pandas as pd

    frame = pd.DataFrame(
        [(r.source_path, r.size_bytes, r.reason, r.category, now, r.mtime_ns, r.edge_sha256) for r in refused],
        columns=["source_path", "size_bytes", "reason", "category", "refused_at", "mtime_ns", "edge_sha256"],
    )
    # the integer columns as nullable integers from the values themselves: a column of ints and None
    # is inferred as float64, which rounds a nanosecond mtime, and the file looked changed at every run
    for column, values in (("size_bytes", [r.size_bytes for r in refused]), ("mtime_ns", [r.mtime_ns for r in refused])):
        frame[column] = pd.array(values, dtype="Int64")
    con.register("incoming_refused", frame)
    try:
        con.execute("begin transaction")
        con.execute("""create or replace temp table refused_next as
                       select i.source_path, i.size_bytes, i.reason, i.category,
                              coalesce(o.refused_at, i.refused_at) as refused_at, i.mtime_ns, i.edge_sha256
                       from incoming_refused i
                       left join staging.refused_documents o using (source_path, reason)""")
        con.execute("delete from staging.refused_documents")
        con.execute("insert into staging.refused_documents by name select * from refused_next")
        con.execute("drop table refused_next")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("incoming_refused")
