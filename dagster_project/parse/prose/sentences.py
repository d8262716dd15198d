"""The prose of a report as sentences and clauses, table lines left out.

A plain text (the rendering of a page) is cut into prose blocks -- lines that belong to a rendered
table (containing `` | `` or ending in ``|``) and short cell-like lines without sentence
punctuation are skipped, wrapped lines are re-joined -- then into sentences (at 。！？) and clauses
(at ；;，,).
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Callable

from .patterns import CUMULATIVE, may_match_text
from ..labels import nfkc_text, without_pinyin
from ..traditional import has_traditional_marks, to_simplified

_TABLE_LINE = re.compile(r"\s\|\s|\|\s*$|^\s*\|")
_SENTENCE_PUNCT = re.compile(r"[。，；;,！？!?]")
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")

_YEAR = re.compile(r"((?:19|20)\d{2})年")
# a heading of the old or the new format, with what it is about
_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])([^。；;]{0,30})")
_BOOK_TITLE = re.compile(r"《[^》]*》|〈[^〉]*〉")
# a year the text compares with (申请数量与2021年持平, 较2020年增加): not the period the next figure is about
# a year named to compare with, or the year requests were carried over from (2020年结转312件): not the period
_COMPARED_YEAR = re.compile(r"(?:与|较|比|同比)(?:19|20)\d{2}年度?(?:同期)?(?:相比|持平|比较)?|(?:19|20)\d{2}年度?(?=结转)")


# since the regulations took effect (1 May 2008): more than the report's year, save in a 2008 report
_SINCE_THE_RULES = re.compile(r"条例》?(?:正式)?(?:颁布|公布)?(?:实施|施行|实行)以来")
# the 2008 template's section on cases, printed without its 因政府信息公开 (三、申请行政复议和提起行政诉讼情况):
# the report's own section, about disclosure as its full title says; a bare 行政复议和行政诉讼情况 is not it
_TEMPLATE_CASES = re.compile(r"申请行政复议(?:和|、|及|与)?提起行政诉讼(?:的)?情况")


def last_heading(text: str) -> str | None:
    """What the last numbered heading in ``text`` is about (二、依申请公开… -> 依申请公开…), if any."""
    found = None
    for found in _HEADING.finditer(text):
        pass
    return found.group(1) if found else None


def _normalise(text: str) -> str:
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\xa0", " ")
    text = without_pinyin(text)  # a mirror that writes pinyin after characters: 申請(qǐng)公開
    text = nfkc_text(text)
    if has_traditional_marks(text):
        try:
            text = to_simplified(text)
        except Exception:  # pragma: no cover - opencc is a dependency, but never fail on it
            pass
        text = text.replace("资讯", "信息")
    return text


_NONE_ANSWER = re.compile(r"(?:无|没有)[。.]?")
_CASES_HEADING = re.compile(r"行政复议.{0,8}行政诉讼")


# the bar between white space of _TABLE_LINE, found from the bar: a pattern that opens with a set of
# characters is tried at every character, one that opens with a character skips to it
_BAR_BETWEEN_SPACES = re.compile(r"\|(?<=\s\|)(?=\s)")


def _is_table_line(line: str) -> bool:
    """``_TABLE_LINE.search(line)``: a bar between white space, or a bar that white space alone
    parts from either end (str.strip takes the white space \\s matches)."""
    return "|" in line and (line.lstrip().startswith("|") or line.rstrip().endswith("|")
                            or _BAR_BETWEEN_SPACES.search(line) is not None)


# a short line that states something about the year without punctuation (2009年我白洋街道没有收到政府信息公开申请)
_SHORT_STATEMENT = re.compile(r"(?:19|20)\d{2}年度?[^|:：]{6,}$"
                              # or a short line under a heading that says none came (无申请行政复议、提起行政诉讼的情况)
                              r"|(?:无|没有|未)[^|:：]{0,4}(?:申请|复议|诉讼|收到|发生)[^|:：]{4,}$"
                              # or an item of the old template's summary list (2.行政机关依申请公开政府信息的数量:无)
                              r"|\d{1,2}[.、．][^|:：]{4,40}的(?:情况|数量)[:：][^|:：]{1,10}$")


# the characters a match of _SHORT_STATEMENT opens with, besides a digit (of its year or its item number)
_SHORT_STATEMENT_FIRSTS = ("无", "没", "未")


def _is_prose_line(stripped: str) -> bool:
    """A line (stripped, not a table line) of sentences, not a cell of a flattened table."""
    return len(stripped) >= 60 or bool(_SENTENCE_PUNCT.search(stripped)) \
        or (stripped[:1].isdecimal() or stripped.startswith(_SHORT_STATEMENT_FIRSTS)) \
        and bool(_SHORT_STATEMENT.match(stripped))


def _layout_cell(line: str) -> str | None:
    """The paragraphs of a table line that is one cell of prose: a page laid out in a table, copied
    as text (a whole report on one line ending in ``|``)."""
    if len(line) < 60:
        return None  # too short to hold a cell of a paragraph's length (most rows of data tables)
    cells = [cell for cell in (piece.strip() for piece in line.split("|")) if cell]
    if len(cells) == 1 and len(cells[0]) >= 60 and _SENTENCE_PUNCT.search(cells[0]):
        return cells[0]
    return None


# a line of figures alone (compiled once: re.fullmatch looks a pattern up in its cache at each call)
_FIGURES_ONLY = re.compile(r"[\d.,%\s]+")
# what ends a line that is not wrapped: the end of a sentence, a clause or a lead-in
_CLOSING_MARKS = tuple("。！？!?；;:：|")


def prose_blocks(text: str) -> list[tuple[str, str]]:
    """(block, context_before) pairs: prose blocks (wrapped lines re-joined) and the text before."""
    blocks: list[tuple[str, str]] = []
    history = ""  # every non-table line seen so far (headings included), for context
    current: str | None = None
    current_ctx = ""
    previous = ""  # the last line that was not blank
    for line in _normalise(text).splitlines():
        stripped = line.strip()
        if not stripped:
            if current is not None:
                blocks.append((current, current_ctx))
                history += current + "\n"
                current = None
            continue
        before, previous = previous, stripped
        if _is_table_line(stripped) and (stripped := _layout_cell(stripped)) is None:
            if current is not None:
                blocks.append((current, current_ctx))
                history += current + "\n"
                current = None
            continue
        # A long prose line without final punctuation, followed by more prose: a wrapped line.
        if (
            current is not None
            and len(current) >= 30
            and not current.endswith(_CLOSING_MARKS)
            and len(stripped) >= 10
            and not _HEADING_START.match(stripped)
            and not _FIGURES_ONLY.fullmatch(stripped)
        ):
            current += stripped
            continue
        if current is not None:
            blocks.append((current, current_ctx))
            history += current + "\n"
            current = None
        if len(stripped) <= 3 and _NONE_ANSWER.fullmatch(stripped) and _HEADING_START.match(before) and _CASES_HEADING.search(before):
            # the old format's section on reviews and suits answered by one word on the next line
            # (五、因政府信息公开申请行政复议、提起行政诉讼的情况 / 无。): read as one statement, heading:无
            blocks.append((_HEADING_START.sub("", before) + ":无", history[-300:]))
            history += stripped + "\n"
        elif _is_prose_line(stripped):
            current = stripped
            current_ctx = history[-300:]
        else:
            history += stripped + "\n"
    if current is not None:
        blocks.append((current, current_ctx))
    return blocks


# the marks that end a sentence, and the ASCII full stop, which ends one only after a Chinese character
_SENT_END = re.compile(r"[。！？!?.]")
_CLAUSE_SPLIT = re.compile(r"[；;，]|(?<!\d),|,(?!\d)")
# the same split when no comma sits between two digits (every comma then splits): a plain
# character class, which the regex engine scans many times faster than the alternation above
_CLAUSE_SPLIT_ALL = re.compile(r"[；;，,]")
_DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")


def _clauses(text: str) -> list[str]:
    if "," in text and _DIGIT_COMMA_DIGIT.search(text):
        return _CLAUSE_SPLIT.split(text)
    return _CLAUSE_SPLIT_ALL.split(text)


# a sentence with its end mark, or the text after the last mark: in a block without an ASCII full stop
# every mark ends a sentence, and findall cuts the pieces in one call
_SENTENCE_PIECE = re.compile(r"[^。！？!?]*[。！？!?]|[^。！？!?]+\Z")


def split_sentences(block: str) -> list[str]:
    """The sentences of a prose block, each keeping its final 。！？ (empty pieces included)."""
    if "." not in block:
        pieces = _SENTENCE_PIECE.findall(block)
        if not block or block[-1] in "。！？!?":
            pieces.append("")  # (the empty piece after the last mark)
        return pieces
    # (one scan for the marks: a split at a lookbehind tries it at every position of the block)
    pieces = []
    start = 0
    for m in _SENT_END.finditer(block):
        end = m.end()
        # a full stop typed as ASCII after a Chinese character ends a sentence too (未收到依申请公开事项. (三)…);
        # after a digit it is a decimal point or a list number
        if m.group() == "." and not (end >= 2 and "\u4e00" <= block[end - 2] <= "\u9fff"):
            continue
        pieces.append(block[start:end])
        start = end
    pieces.append(block[start:])
    return pieces


def _squash(text: str) -> str:
    return "".join(text.split())  # = re.sub(r"\s+", ""), much faster on Chinese text


def may_state_figure(raw: str) -> bool:
    """False when no clause of the sentence ``raw`` can match a pattern (see patterns.NEEDS): the
    check runs on the whole sentence with whitespace removed, of which every clause is a part."""
    return may_match_text(_squash(raw))


class Sentence:
    """One sentence with whitespace removed, its clauses, and the text before it (context)."""

    def __init__(self, text: str, context: str, report_year: int | None,
                 following: Callable[[], str] | None = None, paragraph: str | None = None):
        self.raw = text
        self._following = following
        self._paragraph = paragraph  # the sentences of its block (its paragraph) before it, when known
        self.text = _squash(text)
        self._context = context
        self.report_year = report_year
        self.clauses = [c for c in (c.rstrip("。！？!?.") for c in _clauses(self.text)) if c]

    # the context and the text without book titles are read by few sentences: made when asked
    @cached_property
    def context(self) -> str:
        return _squash(self._context)

    @cached_property
    def after(self) -> str:
        """The text after the sentence (up to a few sentences), whitespace removed."""
        return _squash(self._following()) if self._following else ""

    def _start(self, i: int) -> int:
        # clauses are cut at one separator each: the text of clause i starts after the ones before
        return sum(map(len, self.clauses[:i])) + i

    def text_before(self, i: int) -> str:
        """The sentence's text before clause ``i``."""
        return self.text[: self._start(i)]

    def text_after(self, i: int) -> str:
        """The sentence's text after clause ``i``."""
        return self.text[self._start(i) + len(self.clauses[i]):]

    @cached_property
    def near_proactive(self) -> bool:
        """主动公开 is named in the sentence or the text just before it (the section may be the proactive one)."""
        return "主动公开" in self.text or "主动公开" in self.context[-150:]

    @cached_property
    def no_titles(self) -> str:
        return _BOOK_TITLE.sub("", self.text)

    def year_ok(self, clause_index: int, match_start: int) -> bool:
        """The figure is about the report year: the last year named before it is the report year."""
        if self.report_year is None:
            return True
        before = "，".join(self.clauses[:clause_index] + [self.clauses[clause_index][:match_start]])
        before = _COMPARED_YEAR.sub("", _BOOK_TITLE.sub("", before))
        years = _YEAR.findall(before)
        if not years:
            return True
        last = int(years[-1])
        return last == self.report_year

    def cumulative_ok(self, clause: str) -> bool:
        """累计 figures count only when the sentence ties them to the report year (截至2014年, 2025年，…)."""
        since = _SINCE_THE_RULES.search(self.text)
        if since and self.report_year != 2008 and since.end() <= self.text.find(clause):
            return False  # 自《条例》实施以来,共受理…56件: the years since 2008 (the first reports' whole period)
        if not CUMULATIVE.search(clause):
            return True
        if "历年" in clause or re.search(r"以来", clause):
            return False
        if re.search(r"(?:全年|本年度|本年|年内|今年|当年|一年来)(?:共|共计)?累计|全年[^，。;,]{2,20}?累计", clause) \
                or re.match(r"(?:一年来|全年)[,，]", self.text):  # 一年来,全区累计主动公开…
            return True
        if self.report_year is None:
            return False
        # a period that opens on the year's first day (自2016年1月1日到12月31日累计…) is that year
        if re.search(rf"{self.report_year}年(?:度)?1月1日(?:起)?(?:至|到|—|-|~)", self.no_titles) \
                and not re.search(r"截至|截止", self.no_titles):
            return True
        if re.search(r"年底|年末|\d+月", self.no_titles):
            return False
        return f"{self.report_year}年" in self.no_titles or self._paragraph_of_the_year()

    def _paragraph_of_the_year(self) -> bool:
        """The sentences of its paragraph (its block) before this one name the report year and no
        other, nor a date or a stock: 累计 is then the year's (2022年，…进行办理和答复。累计收到…申请2件)."""
        if not self._paragraph:
            return False
        paragraph = _BOOK_TITLE.sub("", _squash(self._paragraph))
        years = _YEAR.findall(paragraph)
        return (bool(years) and set(years) == {str(self.report_year)}
                and not re.search(r"年底|年末|\d+月|截至|截止|以来|历年", paragraph))

    def disclosure_context(self) -> bool:
        """Review and suit figures count only next to 政府信息公开 (sentence or the heading before)."""
        if re.search(r"信息公开|公开申请|依申请", self.text):
            return True
        tail = self.context[-60:]
        if re.search(r"信息公开", tail) and re.search(r"复议|诉讼", tail):
            return True
        # under a heading about requests (二、依申请公开…): 答复后被行政复议9件 / 今年发生行政复议5件
        heading = last_heading(self.context[-200:])
        return heading is not None and bool(re.search(r"依申请|申请公开|公开申请", heading) or _TEMPLATE_CASES.match(heading))
