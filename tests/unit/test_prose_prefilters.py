"""The cheap tests that let the prose reader skip a sentence or a clause agree with the patterns
they stand for, on every clause of the text fixtures (real reports) and on each wording."""
from __future__ import annotations

from pathlib import Path

import pytest

import re

from dagster_project.parse.prose.patterns import FIGURE, NEEDS, SUBPERIOD, may_match, may_match_text, names_subperiod
from dagster_project.parse.prose.sentences import (
    _TABLE_LINE, Sentence, _is_prose_line, _is_table_line, _SENTENCE_PUNCT, _SHORT_STATEMENT, may_state_figure,
    prose_blocks, split_sentences,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _sentences() -> list[str]:
    out = []
    for path in sorted(FIXTURES.rglob("*.txt")):
        for block, _ in prose_blocks(path.read_text(encoding="utf-8", errors="replace")):
            out += [s for s in split_sentences(block) if s.strip()]
    return out


SENTENCES = _sentences()
CLAUSES = [c for s in SENTENCES for c in Sentence(s, "", None).clauses]


def test_fixtures_give_many_clauses() -> None:
    assert len(CLAUSES) > 5000
    assert any(rx.search(c) for c in CLAUSES for rx in NEEDS)  # some figures are read


def test_a_pattern_matches_only_where_its_needs_are() -> None:
    # what search_clause, may_match and may_state_figure skip on
    wrong = [(rx.pattern[:30], c) for c in CLAUSES for rx, (figure, words) in NEEDS.items()
             if rx.search(c) and ((figure and not FIGURE.search(c)) or not any(w in c for w in words))]
    assert wrong == []


def test_a_clause_may_match_wherever_a_pattern_does() -> None:
    missed = [c for c in CLAUSES if not may_match(c, bool(FIGURE.search(c)))
              and any(rx.search(c) for rx in NEEDS)]
    assert missed == []


def test_a_sentence_is_skipped_only_when_no_clause_may_match() -> None:
    skipped = [s for s in SENTENCES if not may_state_figure(s)]
    assert skipped  # most sentences of a report state no figure
    assert [s for s in skipped for c in Sentence(s, "", None).clauses
            if may_match(c, bool(FIGURE.search(c)))] == []


@pytest.mark.parametrize("clause", ["第一季度收到申请3件", "上半年", "下半年共办结", "半年来", "1月份以来",
                                    "1-6月收到", "3至5月", "本年度收到申请12件", "月均", "2023年12月31日"])
def test_sub_period_prefilter_matches_the_pattern(clause: str) -> None:
    assert names_subperiod(clause) == bool(SUBPERIOD.search(clause))


def test_sub_period_prefilter_on_real_clauses() -> None:
    assert [c for c in CLAUSES if names_subperiod(c) != bool(SUBPERIOD.search(c))] == []
    assert any(names_subperiod(c) for c in CLAUSES)


# the figure as its comment writes it, which FIGURE finds with its unit or its 为 first
_FIGURE_AS_WRITTEN = re.compile(r"[\d零〇一二两三四五六七八九十百千]万?[余多]{0,2}[条件个份宗项起次例篇案场]|为[零0]")


@pytest.mark.parametrize("text", ["收到申请3件", "1万余条", "30万多多件", "为零", "为0", "统一", "3万", "一二三", "件3", "为o"])
def test_the_figure_is_found_where_its_written_form_is(text: str) -> None:
    assert bool(FIGURE.search(text)) == bool(_FIGURE_AS_WRITTEN.search(text))


def test_the_figure_on_real_sentences_and_clauses() -> None:
    assert [t for t in SENTENCES + CLAUSES if bool(FIGURE.search(t)) != bool(_FIGURE_AS_WRITTEN.search(t))] == []


def test_may_match_asks_for_every_word_of_needs() -> None:
    # (may_match looks for fewer words: those that hold none of the others)
    def plain(text: str, figure: bool) -> bool:
        return any(w in text for fig, words in NEEDS.values() if figure or not fig for w in words)

    for text in SENTENCES + CLAUSES:
        for figure in (False, True):
            assert may_match(text, figure) == plain(text, figure)
        assert may_match_text(text) == may_match(text, bool(FIGURE.search(text)))


def _lines() -> list[str]:
    return [line for path in sorted(FIXTURES.rglob("*.txt"))
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]


@pytest.mark.parametrize("line", ["| a", " | x", "a |", "a | b", "a|b", "a |b", "\u3000|\u3000", "|", "a|\n", "a |\t\n", "x\t|\u2003y"])
def test_a_table_line_is_one_the_table_pattern_finds(line: str) -> None:
    assert _is_table_line(line) == bool(_TABLE_LINE.search(line))


@pytest.mark.parametrize("line", ["2009年我白洋街道没有收到政府信息公开申请", "无申请行政复议、提起行政诉讼的情况", "没有收到申请的情况说明",
                                  "2.行政机关依申请公开政府信息的数量:无", "٣.行政机关依申请公开政府信息的数量:无", "目录", "12"])
def test_a_prose_line_is_one_its_patterns_find(line: str) -> None:
    plain = len(line) >= 60 or bool(_SENTENCE_PUNCT.search(line)) or bool(_SHORT_STATEMENT.match(line))
    assert _is_prose_line(line) == plain


def test_table_and_prose_lines_of_the_fixtures() -> None:
    lines = _lines()
    assert [line for line in lines if _is_table_line(line) != bool(_TABLE_LINE.search(line))] == []
    stripped = [s for line in lines if (s := line.strip())]
    assert [s for s in stripped if _is_prose_line(s) != (len(s) >= 60 or bool(_SENTENCE_PUNCT.search(s))
                                                         or bool(_SHORT_STATEMENT.match(s)))] == []
