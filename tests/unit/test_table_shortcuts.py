"""The table readers test a normalised cell against the words of a pattern by membership: the words
must be the pattern's alternatives, or a pattern edited without them loses matches silently."""
from __future__ import annotations

import re

from dagster_project.parse.tables import column_table, other_table


def _alternatives(pattern: re.Pattern) -> set[str]:
    inner = re.fullmatch(r"\^?(?:\(\?:)?([^()]*?)\)?\$?", pattern.pattern).group(1)
    return set(inner.split("|"))


def test_the_label_header_words_are_its_pattern_s() -> None:
    assert _alternatives(column_table.LABEL_HEADER) == column_table._LABEL_HEADERS
    for word in column_table._LABEL_HEADERS:
        assert column_table.LABEL_HEADER.match(word)


def test_the_title_words_are_its_pattern_s() -> None:
    assert _alternatives(other_table._TITLE) == set(other_table._TITLE_WORDS)
