"""Figures stated in the prose of a report (the ``n.*`` indicators).

``extract_prose_figures(text, report_year)`` reads the sentences of a report -- never its tables --
and returns at most one :class:`Figure` per narrative indicator:

=====================  ====  ==========================================================
n.active.items         条    主动公开政府信息2320条 / 共公布政府信息2599条 / 公开政府信息总计32101条
                             / 全年共公开信息253条 (in the section on proactive disclosure)
n.requests.received    件    收到政府信息公开申请75件 / 受理依申请公开政府信息29件 / 收到70件申请
n.requests.closed      件    办结29件 (after a received count) / 办理政府信息公开申请218件
n.review               件    行政复议36起 / 行政复议案件2件 / 收到1份…行政复议申请
n.suit                 件    行政诉讼9起 / 行政诉讼案件1件
n.press_conferences    次    召开新闻发布会2次
=====================  ====  ==========================================================

Precision comes first: a figure is only taken when the indicator keyword, the verb, the number
and the unit sit together in one clause (clauses are split at 。；;，,), and it is rejected when
the clause is about something else (licensing 审批/许可, citizens' petitions 诉求/留言, a sector
or a channel subset 其中…网站, a share 占…%, an earlier year, 累计 totals that are not anchored
to the report year). A "none" statement gives a zero: 未收到/没有收到…申请 (or …申请:无, 无依申请公开…
情况) for requests, 未发生/没有/
无/不存在…行政复议、行政诉讼…的情况 for reviews and lawsuits, when nothing but who and why stands
between the negation and what it negates (see :func:`.patterns.zero_cases`).

The text is the plain text of the page; lines that belong to a rendered table (containing
`` | `` or ending in ``|``) and short cell-like lines without sentence punctuation are ignored,
except a table line that is one cell of paragraphs (a page laid out in a table, copied as text).

The work is split by idea: :mod:`.sentences` cuts the text into sentences and clauses,
:mod:`.patterns` holds the wording of each indicator and the exclusion rules,
:mod:`.scan` reads the candidates of one sentence (:mod:`.proactive_section` decides whether a count
without 主动 stands for the section on proactive disclosure), and this module keeps the best one per
indicator.
"""
from __future__ import annotations

from functools import partial

from ..chinese_numerals import parse_cn_number
from ..model import Figure
from .patterns import NEW_MEDIA
from .scan import Candidate, scan_sentence
from .sentences import Sentence, may_state_figure, prose_blocks, split_sentences

__all__ = ["extract_prose_figures", "parse_cn_number", "NARRATIVE_CODES"]

# how much of the text after a sentence a rule may read (the rest of its section)
_FOLLOWING_CHARS = 300

NARRATIVE_CODES = (
    "n.active.items",
    "n.requests.received",
    "n.requests.closed",
    "n.review",
    "n.suit",
    "n.press_conferences",
)


def _one_of_several_sites(chosen: Candidate | None, cands: list[Candidate]) -> bool:
    """The proactive count chosen is one site's, and another site's count differs from it: a part, with no
    total stated (依托深圳市市场监督管理局门户网站,主动公开…4条。依托深汕特别合作区门户网站,主动公开…11条). A
    website's count beside a WeChat account's stays the year's: the account's posts are no items."""
    if chosen is None or not chosen.site or NEW_MEDIA.search(chosen.evidence):
        return False
    return any(c is not chosen and c.code == chosen.code and c.site and c.value != chosen.value
               and not NEW_MEDIA.search(c.evidence) for c in cands)


def extract_prose_figures(text: str, report_year: int | None = None) -> list[Figure]:
    """The n.* figures stated in the prose of ``text``: at most one per indicator code.

    The first reliable statement about the report year wins (a channel-only statement such as
    通过政府门户网站主动公开… only when nothing better is said). Values carrying 余/多/约/近
    are ``approximate``; 万 multiplies; Chinese numerals are read.
    """
    if not text:
        return []
    cands: list[Candidate] = []
    order = 0
    # (sentence, text before its block, first of its block, its block, where it starts in its block):
    # the text before it (the last 300 characters of the block's context and the block's sentences
    # before it) is cut only for the few sentences read. (The only blank piece of a block is the empty
    # one after its last mark: a block is made of stripped lines, so skipping it adds nothing.)
    pieces: list[tuple[str, str, bool, str, int]] = []
    for block, context in prose_blocks(text):
        first = True
        start = 0
        for raw in split_sentences(block):
            start += len(raw)
            if not raw.strip():
                continue
            pieces.append((raw, context, first, block, start - len(raw)))
            first = False

    def following(k: int) -> str:
        return "".join(piece[0] for piece in pieces[k + 1: k + 8])[:_FOLLOWING_CHARS]

    carried: Candidate | None = None
    for k, (raw, context, first, block, at) in enumerate(pieces):
        if first:
            carried = None
        if carried is None and not may_state_figure(raw):
            # nothing in it can be read (a "均已答复" needs a received count just before), so
            # it is not cut into clauses; one order step keeps the order of what follows
            order += 1
            continue
        paragraph = block[:at]
        sent = Sentence(raw, (context + paragraph)[-300:], report_year, partial(following, k), paragraph)
        carried = scan_sentence(sent, cands, order, carried)
        order += len(sent.clauses) + 1
    best: dict[str, Candidate] = {}
    for c in cands:
        cur = best.get(c.code)
        if cur is None or (c.priority, c.order) < (cur.priority, cur.order):
            best[c.code] = c
    if _one_of_several_sites(best.get("n.active.items"), cands):
        del best["n.active.items"]
    figures = []
    for code in NARRATIVE_CODES:
        c = best.get(code)
        if c is None:
            continue
        figures.append(
            Figure(
                indicator_code=code,
                value=c.value,
                applicant_type="total",
                value_status="approximate" if c.approximate else "reported",
                evidence=c.evidence,
                source="prose",
            )
        )
    return figures
