"""The fetch of `make run` comes first: only after it does the run know whether anything changed.

A run over a sources manifest used to build every time, since what the URLs hold is only known by
asking them. Now the run asks them (conditional requests: a report that did not change costs a 304)
before it compares the raw folder with the last build, so a fetch that stored nothing new ends in
"nothing changed" like a run without sources. The summary of that fetch is written beside the
warehouse and named in ``GOVINFO_FETCH_PREFETCHED``, and the run's fetch asset reports it instead
of asking every URL a second time.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

PREFETCHED_ENV = "GOVINFO_FETCH_PREFETCHED"


class _LogLines:
    """The fetch's per-URL lines go to the run's log (stdout is captured there), not the terminal."""

    def info(self, message: str) -> None:
        print(message, file=sys.stdout, flush=True)

    warning = error = info


def summary_path(published: Path) -> Path:
    return published.with_name(published.name + ".fetched.json")


def fetch_first(published: Path, settings, say) -> Path | None:
    """Fetch every source of the manifest now; the summary's path, or None when there is no source."""
    from ..fetch.manifest import ManifestError, read_manifest
    from ..fetch.run import fetch_all
    from .console import seconds

    os.environ.pop(PREFETCHED_ENV, None)
    try:
        # (the rows read otherwise than they may have been meant are shown here, and the fetch is given the rows)
        entries = read_manifest(settings.sources_path, warn=lambda message: say(f"  {message}"))
        if not entries:
            return None
    except ManifestError as unreadable:  # the documents already in the raw folder are built all the same
        say(f"  {'fetch':<12} {'FAILED':<7} {'':>9}  {unreadable}: no source fetched")
        return None
    started = time.monotonic()
    summary = fetch_all(settings, log=_LogLines(), entries=entries)
    path = summary_path(published)
    path.parent.mkdir(parents=True, exist_ok=True)
    summary.save(path)
    os.environ[PREFETCHED_ENV] = str(path)
    say(f"  {'fetch':<12} {'done':<7} {seconds(time.monotonic() - started):>9}  {summary.line()}")
    return path
