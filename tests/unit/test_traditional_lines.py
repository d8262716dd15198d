"""t2s converts only the lines that hold a character it may rewrite: the text must come out as
OpenCC's own conversion of the whole text, on real Traditional and Simplified documents."""
from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from dagster_project.parse.traditional import to_simplified

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = [
    "quirks/plain_traditional_2015.txt",
    "quirks/html_traditional_2021.html",
    "agencies/pages/p19_zhangye_tongjiju_trad.txt",
    "seeds/001_cfbdc836ed46ac6d.txt",  # Simplified, with 覆盖: a line OpenCC reads and leaves as it is
]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_same_text_as_converting_the_whole_document(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert to_simplified(text) == opencc.OpenCC("t2s").convert(text)


def test_a_traditional_page_is_converted():
    text = (FIXTURES / "quirks/plain_traditional_2015.txt").read_text(encoding="utf-8")
    assert "資訊" in text or "開" in text
    converted = to_simplified(text)
    assert "開" not in converted and "公开" in converted


def test_simplified_text_without_traditional_forms_is_returned_as_is():
    text = "本机关全年共收到政府信息公开申请35件，办结33件。\n行政复议0件。"
    assert to_simplified(text) is text


def test_only_a_line_holding_a_rewritten_entry_goes_through_opencc():
    """覆 alone is Simplified (覆盖), 答覆 is not: the line with 覆盖 is left alone, the other converted."""
    from dagster_project.parse import traditional

    to_simplified("開")  # loads the converter
    assert not traditional._may_change("本机关网站覆盖全部乡镇")
    assert traditional._may_change("依法予以答覆")
    assert to_simplified("依法予以答覆\n网站覆盖全部乡镇") == "依法予以答复\n网站覆盖全部乡镇"


def test_every_line_said_unchanged_is_unchanged_by_opencc():
    from dagster_project.parse import traditional

    converter = opencc.OpenCC("t2s")
    to_simplified("開")
    lines = {line for path in FIXTURES.rglob("*") if path.suffix in (".txt", ".html")
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()}
    assert len(lines) > 3_000
    said_unchanged = [line for line in lines if not traditional._may_change(line)]
    assert len(said_unchanged) > len(lines) // 2
    assert [line for line in said_unchanged if converter.convert(line) != line] == []
