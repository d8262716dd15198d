"""Figures stated in the prose of a report (the ``n.*`` indicators).

``extract_prose_figures(text, report_year)`` reads the sentences of a report -- never its tables --
and returns at most one :class:`Figure` per narrative indicator:

=====================  ====  ==========================================================
n.active.items         条    主动公开政府信息2320条 / 共公布政府信息2599条 / 公开政府信息总计32101条
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
to the report year). Explicit "未收到…申请" sentences give zeros; "无…" sentences give nothing.

The text is the plain text of the page; lines that belong to a rendered table (containing
`` | `` or ending in ``|``) and short cell-like lines without sentence punctuation are ignored.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Figure

__all__ = ["extract_prose_figures", "parse_cn_number", "NARRATIVE_CODES"]

NARRATIVE_CODES = (
    "n.active.items",
    "n.requests.received",
    "n.requests.closed",
    "n.review",
    "n.suit",
    "n.press_conferences",
)

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "零〇一二两三四五六七八九十百千"


def parse_cn_number(text: str) -> int | None:
    """Value of a Chinese numeral below 10000: 一 → 1, 十二 → 12, 二十一 → 21, 两 → 2, 一百零五 → 105.

    Digit strings written without units (二〇一四) are read digit by digit.
    """
    if not text or any(ch not in _CN_CHARS for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):
        if len(text) == 1:
            return _CN_DIGITS[text]
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit:
        total += digit
    return total


# A figure: optional approximation prefix, digits or a Chinese numeral, 万, 余/多, then the unit.
_NUM = (
    r"(?P<pre>约|近|逾|超过|大约)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    r"(?P<wan>万)?(?P<apx>余|多)?"
)
_APX_AFTER = r"(?P<apx2>余|多|左右|以上)?(?!\d)"


@dataclass(frozen=True)
class _Value:
    value: float
    approximate: bool


def _read_value(m: re.Match) -> _Value | None:
    raw = m.group("num").replace(",", "")
    if raw[0].isdigit():
        if "." in raw and not m.group("wan"):
            return None  # counts are whole numbers
        value = float(raw)
    else:
        cn = parse_cn_number(raw)
        if cn is None:
            return None
        value = float(cn)
    if m.group("wan"):
        value = round(value * 10000, 6)
    groups = m.groupdict()
    approx = bool(m.group("pre") or m.group("apx") or groups.get("apx2"))
    return _Value(value, approx)


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_DISCLOSURE = r"(?:政府信息公开|依申请公开|信息公开)"
_REQ_CHANNEL = r"(?:信函|网上|网络|当面|书面|电子邮件|邮寄|传真)?"
_REQ_TAIL = r"(?:共计|共|合计|总计|总数|数量|数|为|达|计)*"
_REQ_UNIT = r"(?P<unit>件|条|个|份|宗)"

# Words that make a clause about something other than disclosure requests.
_NOT_REQUEST = re.compile(
    r"审批|许可|办件|窗口|行政服务|政务服务|服务事项|诉求|留言|咨询|信访|投诉|举报|12345|热线|来信|来电|"
    r"复议|诉讼|提案|建议|议案|采购|招标"
)
_LICENSING_CONTEXT = re.compile(r"审批|许可|办件|窗口|行政服务中心|政务服务|服务事项|诉求|留言|咨询|热线|12345")
_CHANNEL = re.compile(
    r"网站|门户|微博|微信|公众号|客户端|APP|app|公开栏|公告栏|报刊|报纸|电视|广播|新媒体|政务号|头条|抖音|专栏|平台"
)
# A part of the area speaking (各乡镇主动公开…): a subset unless the clause also says 全/共.
_SUBUNIT = re.compile(r"乡镇|街道|区直|县直|市直|省直|村|社区")
_TOTAL_MARK = re.compile(r"全|共|合计|总计|各级")
# A topic speaking (在扶贫领域/财政专栏…主动公开): a sector's count, not the total.
_TOPIC = re.compile(r"领域|专栏|专题|栏目|类信息|方面")
_SUBPERIOD = re.compile(r"季度|上半年|下半年|半年来|月份以来|\d+-\d+月|\d+至\d+月")
_CUMULATIVE = re.compile(r"累计|历年|累积|以来共|成立以来|开通以来|建站以来|运行以来")
_PREVIOUS = re.compile(r"上年|去年|上一年|前年|上年度|结转")
_LEADERS = re.compile(r"负责同志|负责人|领导|出席")

# n.active.items: 主动公开 + a short whitelisted qualifier + number + 条
_ACTIVE_QUAL = (
    r"(?:(?:了|各类|各项|各级各类|各级|我区|本区|全区|全市|全县|全镇|全省|本级|本机关|本单位|本部门|"
    r"我局|我委|我办|我市|我县|我镇|我厅|我部|单位|的)*)"
)
_ACTIVE_A = re.compile(
    r"主动(?:公开|发布|公布)" + _ACTIVE_QUAL + r"(?:政府信息|政务信息|信息|文件)?(?:数量|数|总数|总量)?"
    r"(?:为|共计|共|总计|合计|达到|达|计)*" + _NUM + r"条" + _APX_AFTER
)
# Without 主动: only an explicit total of 政府信息 (共/总计/全年 …公开/公布 政府信息 N 条)
_ACTIVE_B1 = re.compile(
    r"(?:共|总计|合计|共计|全年)[^，。;,]{0,20}?(?:公开|公布|发布)(?:了)?(?:各类)?政府信息"
    r"(?:总计|共计|合计|共|总数|数量|数)?(?:为|达)?" + _NUM + r"条" + _APX_AFTER
)
_ACTIVE_B2 = re.compile(
    r"(?:公开|公布)(?:了)?(?:各类)?政府信息(?:总计|共计|合计|总数|总量)(?:为|达)?" + _NUM + r"条" + _APX_AFTER
)

# n.requests.received
_RECV_VERB = r"(?P<verb>收到|受理|接收|接到|新收|收悉)"
_RECV_1 = re.compile(
    _RECV_VERB + r"(?:了)?(?P<mid>[^，。;,]{0,25}?)" + _DISCLOSURE + r"(?:的)?" + _REQ_CHANNEL
    + r"(?:申请|请求)(?:件)?" + _REQ_TAIL + _NUM + _REQ_UNIT + _APX_AFTER
)
_RECV_2 = re.compile(  # 受理依申请公开政府信息29件 / 共收到政府信息依申请公开1499件
    r"(?:收到|受理|接收|接到)(?:了)?(?P<mid>[^，。;,\d]{0,12}?)依申请公开(?:的)?(?:政府信息|信息)?(?:申请|请求)?"
    r"(?:事项|件)?" + _REQ_TAIL + _NUM + _REQ_UNIT + _APX_AFTER
)
_RECV_3 = re.compile(  # keyword first: 依申请公开受理全市累计23件
    r"(?:依申请公开|政府信息公开申请)(?:方面)?(?:共)?(?:受理|收到)(?:了)?(?P<mid>[^，。;,\d]{0,6}?)"
    + _NUM + _REQ_UNIT + _APX_AFTER
)
_RECV_BARE = re.compile(  # number first: 收到70件申请 / 受理21件政府信息公开申请
    _RECV_VERB + r"(?:了)?(?:各类)?" + _NUM + r"(?P<unit>件|个|份|条)" + r"(?P<qual>" + _DISCLOSURE
    + r"(?:的)?)?" + _REQ_CHANNEL + r"(?:申请|请求)"
)

_RECV_GENERIC = re.compile(  # 受理申请12件: only inside a sentence that is about 依申请公开
    r"(?:收到|受理|接收|接到|新收)(?:了)?(?:各类)?申请(?:共计|共|合计|总计)?" + _NUM + r"(?P<unit>件|条)" + _APX_AFTER
)
_REQ_SINGLE_CHANNEL = re.compile(r"网络|网上|信函|当面|传真|邮件|邮寄|电话|在线")

# n.requests.closed
_CLOSE_VERB = r"(?:办结|答复|回复|办理|处理)(?:完毕|完成)?"
_CLOSE_1 = re.compile(
    _CLOSE_VERB + r"(?:了)?(?:各类)?" + _DISCLOSURE + r"(?:的)?(?:申请)?(?:事项)?"
    r"(?:共计|共|合计|总计|总数|数)?(?:为|达)?" + _NUM + r"(?:件|条)" + _APX_AFTER
)
_CLOSE_2 = re.compile(
    r"(?:政府信息公开|依申请公开)(?:申请)?(?:的)?(?:答复|办结|回复)(?:总数|数量|数)?(?:为|共计|共)?"
    + _NUM + r"(?:件|条)" + _APX_AFTER
)
# Follow-up clause right after a received count in the same sentence: 办结29件 / 共办结148件
_CLOSE_FOLLOW = re.compile(
    r"^(?P<adv>(?:已|均|共|并|且|全部|及时|依法|依规|按时|按期|如期|累计|合计|共计|已经|全年|年内|当年)*)"
    r"(?:办结|答复|回复|办理|处理)(?:完毕|完成)?(?:了)?(?:申请)?(?:共|共计|数)?(?:为)?"
    + _NUM + r"(?:件|条)" + _APX_AFTER
)
# "…申请1条，已受理回复" / "均已答复": every request received was answered.
_ALL_CLOSED = re.compile(
    r"^(?:已|均|都|并|且|全部|均已|都已|现已|已全部|按时|按期|及时|依法)+(?:受理)?(?:并)?"
    r"(?:回复|答复|办结)(?:完毕)?$"
)

# n.review / n.suit
_CASE_UNIT = r"(?P<unit>件|起|宗|个|案)"
_REVIEW_1 = re.compile(
    r"行政复议(?:的)?(?:案件|案|申请)?(?:数|数量|总数)?(?:为|共计|共|合计|总计)*" + _NUM + _CASE_UNIT + _APX_AFTER
)
_REVIEW_2 = re.compile(
    _NUM + r"(?:件|起|宗|份|个)(?:有关|涉及|因)?[^，。;,\d]{0,15}?行政复议(?:的)?(?:申请|案件)"
)
_SUIT_1 = re.compile(
    r"行政诉讼(?:的)?(?:案件|案|申请)?(?:数|数量|总数)?(?:为|共计|共|合计|总计)*" + _NUM + _CASE_UNIT + _APX_AFTER
)
_SUIT_2 = re.compile(
    _NUM + r"(?:件|起|宗|个)(?:有关|涉及|因)?[^，。;,\d]{0,15}?行政诉讼(?:的)?(?:案件)"
)

# n.press_conferences
_PRESS_1 = re.compile(
    r"(?:召开|举办|举行|组织|开展)(?:了)?[^，。;,\d]{0,12}?新闻发布会(?:共|共计)?" + _NUM + r"(?:次|场)" + _APX_AFTER
)
_PRESS_2 = re.compile(r"新闻发布会(?:共|共计)?(?:召开|举办|举行)?(?:了)?" + _NUM + r"(?:次|场)" + _APX_AFTER)

# Zeros: only the explicit "未收到…申请" phrasing.
_ZERO_REQUESTS = re.compile(
    r"未(?:收到|接到|受理|发生)(?:过)?(?P<mid>[^，。;,]{0,20}?)" + _DISCLOSURE + r"(?:的)?申请(?:事项|件)?$"
)
_ZERO_REVIEW_SUIT = re.compile(
    r"未(?:收到|接到|发生)(?:过)?(?P<mid>[^，。;,]{0,25}?)(?P<review>行政复议)?(?:、|和|及|或|与)?"
    r"(?:提起|提出)?(?P<suit>行政诉讼)?(?:的)?(?:申请|案件申请)(?:事项|件)?$"
)

_YEAR = re.compile(r"((?:19|20)\d{2})年")
_BOOK_TITLE = re.compile(r"《[^》]*》|〈[^〉]*〉")

_TRAD_MARKERS = re.compile(r"[開請動條數議訴會發佈辦資訊覆劃屬關與為區個際復]")


# ---------------------------------------------------------------------------------------------
# Text into prose sentences
# ---------------------------------------------------------------------------------------------

_TABLE_LINE = re.compile(r"\s\|\s|\|\s*$|^\s*\|")
_SENTENCE_PUNCT = re.compile(r"[。，；;,！？!?]")
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


def _normalise(text: str) -> str:
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\xa0", " ")
    text = unicodedata.normalize("NFKC", text)
    if _TRAD_MARKERS.search(text):
        try:
            from opencc import OpenCC

            text = OpenCC("t2s").convert(text)
        except Exception:  # pragma: no cover - opencc is a dependency, but never fail on it
            pass
        text = text.replace("资讯", "信息")
    return text


def _is_table_line(line: str) -> bool:
    return bool(_TABLE_LINE.search(line))


def _is_prose_line(line: str) -> bool:
    """A line of sentences, not a cell of a flattened table."""
    stripped = line.strip()
    if not stripped or _is_table_line(stripped):
        return False
    return bool(_SENTENCE_PUNCT.search(stripped)) or len(stripped) >= 60


def _prose_blocks(text: str) -> list[tuple[str, str]]:
    """(block, context_before) pairs: prose blocks (wrapped lines re-joined) and the text before."""
    lines = [ln.rstrip() for ln in _normalise(text).splitlines()]
    blocks: list[tuple[str, str]] = []
    history = ""  # every non-table line seen so far (headings included), for context
    current: str | None = None
    current_ctx = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current is not None:
                blocks.append((current, current_ctx))
                history += current + "\n"
                current = None
            continue
        if _is_table_line(stripped):
            if current is not None:
                blocks.append((current, current_ctx))
                history += current + "\n"
                current = None
            continue
        # A long prose line without final punctuation, followed by more prose: a wrapped line.
        if (
            current is not None
            and len(current) >= 30
            and not re.search(r"[。！？!?；;:：|]$", current)
            and len(stripped) >= 10
            and not _HEADING_START.match(stripped)
            and not re.fullmatch(r"[\d.,%\s]+", stripped)
        ):
            current += stripped
            continue
        if current is not None:
            blocks.append((current, current_ctx))
            history += current + "\n"
            current = None
        if _is_prose_line(stripped):
            current = stripped
            current_ctx = history[-300:]
        else:
            history += stripped + "\n"
    if current is not None:
        blocks.append((current, current_ctx))
    return blocks


_SENT_SPLIT = re.compile(r"(?<=[。！？!?])")
_CLAUSE_SPLIT = re.compile(r"[；;，]|(?<!\d),|,(?!\d)")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------


@dataclass
class _Candidate:
    code: str
    value: float
    approximate: bool
    evidence: str
    order: int
    priority: int = 0  # lower wins; then earlier wins


class _Sentence:
    def __init__(self, text: str, context: str, report_year: int | None):
        self.raw = text
        self.text = _squash(text)
        self.context = _squash(context)
        self.report_year = report_year
        self.clauses = [c for c in (c.rstrip("。！？!?") for c in _CLAUSE_SPLIT.split(self.text)) if c]
        self.no_titles = _BOOK_TITLE.sub("", self.text)

    def year_ok(self, clause_index: int, match_start: int) -> bool:
        """The figure is about the report year: the last year named before it is the report year."""
        if self.report_year is None:
            return True
        before = "，".join(self.clauses[:clause_index] + [self.clauses[clause_index][:match_start]])
        before = _BOOK_TITLE.sub("", before)
        years = _YEAR.findall(before)
        if not years:
            return True
        last = int(years[-1])
        return last == self.report_year

    def cumulative_ok(self, clause: str) -> bool:
        """累计 figures count only when the sentence ties them to the report year (截至2014年, 2025年，…)."""
        if not _CUMULATIVE.search(clause):
            return True
        if "历年" in clause or re.search(r"以来", clause):
            return False
        if re.search(r"(?:全年|本年度|本年|年内|今年|当年)(?:共|共计)?累计", clause):
            return True
        if self.report_year is None:
            return False
        if re.search(r"年底|年末|\d+月", self.no_titles):
            return False
        return f"{self.report_year}年" in self.no_titles

    def disclosure_context(self) -> bool:
        """Review and suit figures count only next to 政府信息公开 (sentence or the heading before)."""
        if re.search(r"信息公开|公开申请|依申请", self.text):
            return True
        tail = self.context[-60:]
        return bool(re.search(r"信息公开", tail) and re.search(r"复议|诉讼", tail))


def _emit(cands: list[_Candidate], code: str, m: re.Match, clause: str, order: int, priority: int = 0) -> bool:
    value = _read_value(m)
    if value is None:
        return False
    cands.append(_Candidate(code, value.value, value.approximate, clause, order, priority))
    return True


def _scan_sentence(
    sent: _Sentence, cands: list[_Candidate], order_base: int, carried: _Candidate | None = None
) -> _Candidate | None:
    """Scan one sentence; returns the received-requests candidate it stated, if any.

    ``carried`` is the received count stated by the previous sentence: the first clause of this
    sentence may then give the closed count (…申请35件。已办结33件…).
    """
    received_in_sentence: _Candidate | None = None
    prev_clause = ""
    for i, clause in enumerate(sent.clauses):
        order = order_base + i
        qizhong = clause.startswith("其中") or prev_clause == "其中"
        share = "占" in clause or (i + 1 < len(sent.clauses) and sent.clauses[i + 1].startswith(("占", "比例")))
        subperiod = bool(_SUBPERIOD.search("，".join(sent.clauses[: i + 1])))
        if subperiod:
            prev_clause = clause
            continue

        # ---- n.active.items -------------------------------------------------------------
        for rx, kind in ((_ACTIVE_A, "A"), (_ACTIVE_B1, "B"), (_ACTIVE_B2, "B")):
            m = rx.search(clause)
            if not m:
                continue
            head = clause[: m.start()]
            channel = bool(_CHANNEL.search(clause[: m.end()]))
            if share or _PREVIOUS.search(head) or not sent.cumulative_ok(clause):
                continue
            if not sent.year_ok(i, m.start()):
                continue
            if _SUBUNIT.search(head) and not _TOTAL_MARK.search(head):
                continue
            if _TOPIC.search(head):
                continue
            if kind == "A":
                between = clause[: m.start()]
                if between.startswith("其中"):
                    between = between[2:]
                between = re.sub(r"(?:19|20)\d{2}年度?|本年度|本年|今年|全年|当年|年内|新增|共计|共|:", "", between)
                if qizhong and between:
                    continue  # 其中 + a subject (其中区直各部门…, 其中通过网站…): a subset
                if qizhong and channel:
                    continue
                _emit(cands, "n.active.items", m, clause, order, 1 if channel else 0)
            else:
                if channel or qizhong:
                    continue
                _emit(cands, "n.active.items", m, clause, order, 0)
            break

        # ---- n.requests.received --------------------------------------------------------
        got_received = False
        if not _PREVIOUS.search(clause.split("申请")[0]) and not subperiod:
            for rx in (_RECV_1, _RECV_2, _RECV_3):
                m = rx.search(clause)
                if not m:
                    continue
                mid = m.groupdict().get("mid") or ""
                if _NOT_REQUEST.search(mid) or _NOT_REQUEST.search(clause[: m.start()][-6:]):
                    continue
                if _REQ_SINGLE_CHANNEL.search(clause[: m.start()] + mid) \
                        and not re.search(r"各类|共|合计|总|、", clause):
                    continue  # one channel's count, not the total
                if _LICENSING_CONTEXT.search(clause):
                    continue
                if qizhong or not sent.cumulative_ok(clause) or not sent.year_ok(i, m.start()):
                    continue
                if _emit(cands, "n.requests.received", m, clause, order):
                    received_in_sentence = cands[-1]
                    got_received = True
                break
            if not got_received:
                m = _RECV_GENERIC.search(clause)
                if m and not qizhong and re.search(r"依申请公开|信息公开申请", sent.text) \
                        and not _LICENSING_CONTEXT.search(sent.text) and not _NOT_REQUEST.search(clause) \
                        and sent.cumulative_ok(clause) and sent.year_ok(i, m.start()):
                    if _emit(cands, "n.requests.received", m, clause, order):
                        received_in_sentence = cands[-1]
                        got_received = True
            if not got_received:
                m = _RECV_BARE.search(clause)
                if m and not qizhong and sent.cumulative_ok(clause) and sent.year_ok(i, m.start()):
                    qualified = bool(m.group("qual"))
                    context_ok = qualified or bool(
                        re.search(r"依申请公开|信息公开申请|公开申请", sent.context[-300:] + sent.text)
                    )
                    licensing = _LICENSING_CONTEXT.search(sent.text) or _NOT_REQUEST.search(clause)
                    if context_ok and not licensing:
                        if _emit(cands, "n.requests.received", m, clause, order):
                            received_in_sentence = cands[-1]
                            got_received = True

        # ---- n.requests.closed ----------------------------------------------------------
        if not got_received:
            m = _CLOSE_1.search(clause) or _CLOSE_2.search(clause)
            if m and not qizhong and not _NOT_REQUEST.search(clause) and sent.cumulative_ok(clause) \
                    and sent.year_ok(i, m.start()):
                _emit(cands, "n.requests.closed", m, clause, order)
            elif (anchor := received_in_sentence or (carried if i == 0 else None)) is not None \
                    and not _NOT_REQUEST.search(clause):
                m = _CLOSE_FOLLOW.search(clause)
                if m and re.search(r"按时|按期|如期", m.group("adv")) and re.search(r"延期|逾期|超期", sent.text):
                    m = None  # 按时办结 next to 延期办结: a part, not the total
                if m and sent.year_ok(i, m.start()):
                    _emit(cands, "n.requests.closed", m, clause, order)
                elif _ALL_CLOSED.match(clause) and (
                    (i > 0 and sent.clauses[i - 1] == anchor.evidence) or (i == 0 and anchor is carried)
                ):
                    r = anchor
                    cands.append(_Candidate("n.requests.closed", r.value, r.approximate,
                                            r.evidence + "，" + clause, order))

        # ---- zeros: 未收到…申请 ---------------------------------------------------------
        m = _ZERO_REQUESTS.search(clause)
        if m and not re.search(r"复议|诉讼|信函|网上|网络|当面|传真|邮件|方式|渠道|涉及|关于", m.group("mid")) \
                and sent.year_ok(i, m.start()):
            cands.append(_Candidate("n.requests.received", 0.0, False, clause, order))
        m = _ZERO_REVIEW_SUIT.search(clause)
        if m and (m.group("review") or m.group("suit")) and sent.year_ok(i, m.start()) \
                and not re.search(r"复议|诉讼", m.group("mid") or "") and sent.disclosure_context():
            if m.group("review"):
                cands.append(_Candidate("n.review", 0.0, False, clause, order))
            if m.group("suit"):
                cands.append(_Candidate("n.suit", 0.0, False, clause, order))

        # ---- n.review / n.suit ----------------------------------------------------------
        for code, rxs in (("n.review", (_REVIEW_1, _REVIEW_2)), ("n.suit", (_SUIT_1, _SUIT_2))):
            for rx in rxs:
                m = rx.search(clause)
                if not m:
                    continue
                if qizhong or not sent.disclosure_context() or not sent.cumulative_ok(clause):
                    break
                if _PREVIOUS.search(clause[: m.start()]) or not sent.year_ok(i, m.start()):
                    break
                if re.search(r"维持|纠正|纠错|驳回|败诉|胜诉|撤销|尚未审结|直接起诉|复议后", clause[: m.start()]):
                    break  # an outcome, not the count
                _emit(cands, code, m, clause, order)
                break

        # ---- n.press_conferences --------------------------------------------------------
        m = _PRESS_1.search(clause) or _PRESS_2.search(clause)
        if m and not _LEADERS.search(clause) and not qizhong and sent.cumulative_ok(clause) \
                and sent.year_ok(i, m.start()) and not _PREVIOUS.search(clause[: m.start()]):
            _emit(cands, "n.press_conferences", m, clause, order)

        prev_clause = clause
    return received_in_sentence


def extract_prose_figures(text: str, report_year: int | None = None) -> list[Figure]:
    """The n.* figures stated in the prose of ``text``: at most one per indicator code.

    The first reliable statement about the report year wins (a channel-only statement such as
    通过政府门户网站主动公开… only when nothing better is said). Values carrying 余/多/约/近
    are ``approximate``; 万 multiplies; Chinese numerals are read.
    """
    if not text:
        return []
    cands: list[_Candidate] = []
    order = 0
    for block, context in _prose_blocks(text):
        running_ctx = context
        carried: _Candidate | None = None
        for raw in _SENT_SPLIT.split(block):
            if not raw.strip():
                continue
            sent = _Sentence(raw, running_ctx, report_year)
            carried = _scan_sentence(sent, cands, order, carried)
            order += len(sent.clauses) + 1
            running_ctx = (running_ctx + raw)[-300:]
    best: dict[str, _Candidate] = {}
    for c in cands:
        cur = best.get(c.code)
        if cur is None or (c.priority, c.order) < (cur.priority, cur.order):
            best[c.code] = c
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
