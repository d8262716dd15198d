"""Which report page each fetched attachment came from: ``staging.attachment_pages``.

A site often publishes a report as a page and its statistics tables (or the whole report) as a file
linked from it. The fetch records the page of each attachment in the provenance log; ingest keeps
that link beside the documents, so that the warehouse can read the file as part of the page's report
(its year and agency when the file names none: a table alone names neither) rather than as a report
of its own. The table is replaced whole on every ingest: it holds what the log says now.
"""
from __future__ import annotations


def write_attachment_pages(con, pages: dict[str, str]) -> int:
    """Replace ``staging.attachment_pages`` with ``pages`` ({stored path: page URL}); returns the rows."""
    con.execute("begin transaction")
    try:
        con.execute("delete from staging.attachment_pages")
        if pages:
            con.executemany("insert into staging.attachment_pages values (?, ?)", sorted(pages.items()))
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return len(pages)


def stored_attachment_pages(con) -> dict[str, str]:
    """The links a warehouse holds ({} for one built before the table existed)."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'staging' and table_name = 'attachment_pages'").fetchone()[0]
    if not exists:
        return {}
    return dict(con.execute("select source_path, page_url from staging.attachment_pages").fetchall())
