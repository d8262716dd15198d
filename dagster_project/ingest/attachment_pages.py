"""Which report page each fetched attachment came from: ``staging.attachment_pages``.

A site often publishes a report as a page and its statistics tables (or the whole report) as a file
linked from it. The fetch records the page of each attachment in the provenance log (its URL, and
the stored version of the page that links to it); ingest keeps that link beside the documents, so
that the warehouse can read the file as part of the page's report (its year and agency when the
file names none: a table alone names neither) rather than as a report of its own. The table is
replaced whole on every ingest: it holds what the log says now.
"""
from __future__ import annotations

from ..resources.duckdb_file import has_table


def links(state) -> dict[str, tuple[str, str | None]]:
    """{stored path of an attachment: (its page's URL, the stored version of the page that links to it)}
    of a provenance state (fetch/provenance_index.py)."""
    return {path: (url, state.page_path.get(path)) for path, url in state.page.items()}


def write_attachment_pages(con, pages: dict[str, tuple[str, str | None]]) -> int:
    """Replace ``staging.attachment_pages`` with ``pages`` (:func:`links`); returns the rows."""
    con.execute("begin transaction")
    try:
        con.execute("delete from staging.attachment_pages")
        if pages:
            con.executemany("insert into staging.attachment_pages (source_path, page_url, page_path) values (?, ?, ?)",
                            [(path, url, page_path) for path, (url, page_path) in sorted(pages.items())])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return len(pages)


def stored_attachment_pages(con) -> dict[str, tuple[str, str | None]]:
    """The links a warehouse holds, as :func:`links` ({} for one built before the table existed)."""
    if not has_table(con, "staging", "attachment_pages"):
        return {}
    rows = con.execute("select source_path, page_url, page_path from staging.attachment_pages").fetchall()
    return {path: (url, page_path) for path, url, page_path in rows}
