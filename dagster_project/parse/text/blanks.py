"""Runs of blanks no page needs, folded: what the parse budget is judged on.

A page padded with megabytes of blanks holds its report all the same (a table's cells are never
200 blanks apart), so ingest and the parse both judge a text's size after folding them.
"""
from __future__ import annotations

import re

_LONG_BLANKS = re.compile(r"\s{200,}")


def folded_blanks(text: str, max_chars: int) -> str:
    """``text`` with its long runs of blanks folded to one blank or line break, when it is over ``max_chars``."""
    if len(text) > max_chars:
        text = _LONG_BLANKS.sub(lambda m: "\n" if "\n" in m.group() else " ", text)
    return text
