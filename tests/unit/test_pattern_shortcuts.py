"""The shortcuts that spare the issuer, gate and year readers a pattern tried at every character give
what the pattern gives, on the openings and tails of every text fixture (real reports and look-alikes).

Each shortcut is coupled to its pattern (the words a match opens with, the character a match needs):
a pattern edited without its shortcut fails here, where it would otherwise lose matches silently."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dagster_project.parse import classify, metadata
from dagster_project.parse.agency import signals
from dagster_project.parse.labels import TAIWAN_TERMS, mainland_terms, nfkc, normalise_folded, normalise_label, without_pinyin
from dagster_project.parse.traditional import strip_pinyin

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]


def _opening(text: str) -> str:
    """The issuer reader's opening: the folded head's non-empty lines, stripped of table bars."""
    lines = [line.strip().strip("|").strip() for line in nfkc(without_pinyin(text[:4000])).splitlines()]
    return "\n".join(line for line in lines if line)


OPENINGS = [_opening(t) for t in TEXTS]
_KINDS = (signals._AtWords, signals._FromLineStarts)
# the named shortcuts and those among the issuer sentences, named by their place there
SHORTCUTS = {name: value for name, value in vars(signals).items() if isinstance(value, _KINDS)}
SHORTCUTS |= {f"_SENTENCES[{i}]": value for i, value in enumerate(signals._SENTENCES)
              if isinstance(value, _KINDS) and all(value is not named for named in SHORTCUTS.values())}


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def _plain(shortcut) -> re.Pattern:
    return shortcut.pattern if isinstance(shortcut, signals._AtWords) else shortcut._whole


def test_the_fixtures_give_many_openings_and_every_shortcut_matches_some() -> None:
    assert len(OPENINGS) > 3000
    assert len(SHORTCUTS) >= 8
    quiet = [name for name, shortcut in SHORTCUTS.items() if not any(_plain(shortcut).search(o) for o in OPENINGS)]
    assert len(quiet) <= 2, quiet  # (a shortcut whose pattern never matches here is not tested by it)


@pytest.mark.parametrize("name", sorted(SHORTCUTS))
def test_a_shortcut_finds_the_matches_its_pattern_finds(name: str) -> None:
    shortcut = SHORTCUTS[name]
    wrong = [o[:60] for o in OPENINGS if _spans(shortcut.finditer(o)) != _spans(_plain(shortcut).finditer(o))]
    assert wrong == []


def test_a_shortcut_with_words_its_pattern_does_not_open_with_misses_matches() -> None:
    # the test above can fail: 现/特 of the publishing sentence given as 特 alone loses every 现将…
    pattern = next(s.pattern for s in SHORTCUTS.values() if isinstance(s, signals._AtWords) and s._words == ("现", "特"))
    narrowed = signals._AtWords(pattern, ("特",))
    assert any(_spans(narrowed.finditer(o)) != _spans(pattern.finditer(o)) for o in OPENINGS)


def test_the_head_cut_from_the_whole_fold_is_the_head_folded() -> None:
    for text in TEXTS:
        for size in (4000, 1000):
            assert signals._folded_head(text, size) == nfkc(without_pinyin(text[:size]))
    # a fold that changes the length of the lines before the cut, and pinyin in the head
    for text in ("ﬁ①\n㍿x\n" * 300, "申請(qǐng)\n" * 600, "a\u0301\n\u0308b" * 900, "no line break" * 400):
        assert signals._folded_head(text, 4000) == nfkc(without_pinyin(text[:4000]))


def test_the_forms_of_a_month_are_every_character_whose_fold_holds_one() -> None:
    import sys
    import unicodedata

    forms = {chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
             and unicodedata.decomposition(chr(c)) and "月" in unicodedata.normalize("NFKD", chr(c))}
    assert forms == set(signals._MONTH_FORMS)
    for line in ("2023年㋀", "２０２３年１２月", "2023年12⽉5日", "㋀"):
        assert signals._date_lines(["签发", line]) == [i for i, x in enumerate(["签发", line]) if signals._DATE_LINE.match(nfkc(x))]


def test_the_date_lines_of_a_tail_are_those_that_read_as_a_date() -> None:
    for text in TEXTS:
        tail = [kept for line in text[-3000:].splitlines() if (kept := line.strip().strip("|").strip())]
        assert signals._date_lines(tail) == [i for i, line in enumerate(tail) if signals._DATE_LINE.match(nfkc(line))]


def test_the_gate_and_year_shortcuts_agree_with_their_patterns() -> None:
    sections = re.compile(classify._SECTION.pattern.replace(r"\n\s*", r"^\s*", 1), re.M)
    for text in TEXTS:
        opening = normalise_label(text[:classify.OPENING_CHARS])
        assert classify._speaks_of_itself(opening) == bool(classify._SELF_REFERENCE.search(opening))
        assert classify._national_sections(text) == {m.group(1) for m in sections.finditer(text[:classify.SAMPLE_CHARS])}
        assert classify._may_hold_placeholders(text) == bool(classify._PLACEHOLDER_END.search(text))
        head = text[:6000]
        norm = normalise_folded(head, nfkc(head))
        assert norm == normalise_label(head)
        found = metadata._report_named(norm)
        plain = metadata._REPORT_NAMED.search(norm)
        assert (found and found.span()) == (plain and plain.span())


def test_the_text_shortcuts_agree_with_the_full_work() -> None:
    for text in TEXTS:
        assert without_pinyin(text) == strip_pinyin(text)
        plain = text
        for taiwan, mainland in TAIWAN_TERMS:
            plain = plain.replace(taiwan, mainland) if taiwan in plain else plain
        assert mainland_terms(text) == plain


def test_find_title_reads_only_the_lines_that_hold_the_character_every_report_word_holds():
    """find_title passes over a line without 报: each of _REPORT_WORDS holds it, no other character folds
    to it, and no mainland term brings it."""
    import sys

    assert all("报" in word for word in classify._alternatives(metadata._REPORT_WORDS))
    assert [cp for cp in range(sys.maxunicode + 1) if chr(cp) != "报" and "报" in nfkc(chr(cp))] == []
    assert not any("报" in mainland for _, mainland in TAIWAN_TERMS)
