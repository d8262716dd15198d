"""Whether a failed run failed on a damaged warehouse file, and what a person does about it.

DuckDB names a damaged file in its own words (a block whose checksum fails, a file shorter than its
blocks say); a run over it fails at whichever step first reads a damaged block, with that step's
message. The warehouse is built from the raw folder, so the remedy is a build afresh.
"""
from __future__ import annotations

import re
from pathlib import Path

_DAMAGE = re.compile(r"Corrupt database file|Could not read enough bytes from file|"
                     r"is not a valid DuckDB database file|The file is not a valid DuckDB database")


def damaged_warehouse_hint(messages: list[str], published: Path) -> str | None:
    """The line to print after a failed run whose messages say its warehouse is damaged, or None."""
    if not any(_DAMAGE.search(message or "") for message in messages):
        return None
    return (f"the warehouse {published} is damaged (a truncated or overwritten file); it was left as it was. "
            f"Move it away and run again to build it afresh from the raw folder")
