"""Reading the candidate figures of one sentence, clause by clause and indicator by indicator."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import (
    ACTIVE_A,
    ACTIVE_A_PIECES,
    ACTIVE_B1,
    ACTIVE_B2,
    ACTIVE_S,
    ALL_CLOSED,
    ANSWERED_PART,
    CLOSED_RIGHT_AFTER,
    RECEIVED_AND_CLOSED,
    RECEIVED_AND_HANDLED,
    CHANNEL,
    CLOSE_1,
    CLOSE_2,
    CLOSE_3,
    CLOSE_FOLLOW,
    LAST_YEAR_WORDS,
    LEADERS,
    LICENSING_BODY,
    LICENSING_CONTEXT,
    NOT_REQUEST,
    PETITION_BODY_NAME,
    PRESS_1,
    PRESS_2,
    PRESS_3,
    PREVIOUS,
    RECV_1,
    RECV_2,
    RECV_3,
    RECV_4,
    RECV_COUNT,
    RECV_REVERSED,
    RECV_BARE,
    RECV_GENERIC,
    REQ_SINGLE_CHANNEL,
    REVIEW_1,
    REVIEW_2,
    SUBUNIT,
    SUIT_1,
    SUIT_2,
    TOPIC,
    TOTAL_MARK,
    ZERO_REQUESTS,
    ZERO_REQUESTS_NONE,
    ZERO_REQUESTS_OTHER,
    ZERO_REQUESTS_IN_SECTION,
    ZERO_REVIEW_SUIT,
    ZERO_PRESS,
    JOINT_ZERO_CASES,
    CASES_ANSWERED_NONE,
    JOINT_CASES_BEFORE,
    FIGURE,
    may_match,
    names_subperiod,
    read_value,
    search_clause,
    zero_cases,
)
from .proactive_section import stands_for_the_section
from .sentences import Sentence, last_heading


# a clause that only names the site a count was published on (依托…门户网站 / 通过区政府网站)
_BY_WAY_OF = re.compile(r"^(?:依托|通过|在|利用)[^，,。；;]{0,30}?(?:网站|门户|平台|公开栏)$")


@dataclass
class Candidate:
    """A figure one clause states for an indicator; the best candidate per code is kept."""

    code: str
    value: float
    approximate: bool
    evidence: str
    order: int
    priority: int = 0  # lower wins; then earlier wins
    site: bool = False  # a proactive count one site carried (通过政府门户网站主动公开… / 依托…门户网站,主动公开…)


# words before the request in a "none received" clause that make it a channel's, a kind's or
# another matter's zero, not the count's
_NOT_ZERO_REQUESTS = re.compile(
    r"复议|诉讼|信函|网上|网络|当面|传真|邮件|方式|渠道|涉及|关于|超期|逾期|延期|收费|费用|不予|答复|办结|投诉|咨询|举报"
)

# requests other bodies passed on (未收到下属单位转来的申请, 上级交办的, 12345平台派发的): some of the body's, not all,
# unless the words take in the others too (直接提交或转送的, 任何形式(包括转办)的, 申请及转办申请). Asked of the
# words between the negation and the requests: an 和 in the subject (本局和下属单位未收到转办的申请) joins bodies
_FORWARDED = re.compile(r"转来|转办|转交|转送|转过来|转发|分转|交办|移送|移交|派发|报送")
_ALSO_DIRECT = re.compile(r"直接|任何|包括|含|及|或|也|既|和|等|、")
_JOINS = frozenset("及或和")
# 除上级转办件外未收到其他申请: some requests came (the ones excepted), so the none is of the others alone
_EXCEPT = re.compile(r"除(?:了)?[^，,。;；]{1,24}?(?:以外|之外|外)")


def _none_of_some(words: str, clause: str, end: int) -> bool:
    """A none (ending at ``end``) of some requests only: forwarded ones (``words``, what the none is of),
    or all but those excepted before it."""
    return _forwarded_only(words) or _EXCEPT.search(clause, 0, end) is not None


def _forwarded_only(text: str) -> bool:
    if _FORWARDED.search(text) is None:
        return False
    for m in _ALSO_DIRECT.finditer(text):
        # (a list (市、县转办的, 上级交办的、其他行政机关依法转送的) joins forwarded kinds, unless the kind after
        # a 、, up to its 的, the next 、 or a joiner, is not forwarded: 上级转办的、群众提交的)
        if m.group() == "、":
            after = _kind_after(text, m.end())
            if not after or _FORWARDED.search(after):  # (交办、或转送的: the joiner after it joins)
                continue
            return False
        # (上级交办或其他行政机关依法转送的: a join of two kinds of forwarded requests takes in no other;
        # each kind read whole, between the joiners, the 、 and the 的 around it; 上级或其他部门转办的: an
        # upper body alone shares the verb after it)
        before = _kind_before(text, m.start())
        if m.group() not in _JOINS or not ((_FORWARDED.search(before) or _UPPER_BODY.fullmatch(before))
                                            and _FORWARDED.search(_kind_after(text, m.end()))):
            return False
    return True


# where one kind of requests ends: 上级交办的、群众提交或其他机关转送的 (及时 is no joiner: 依法及时转送)
_KIND_END = re.compile(r"的|、|及(?!时)|或|和")
_UPPER_BODY = re.compile(r"(?:由)?上级(?:机关|部门|单位|政府)?")


def _kind_before(text: str, at: int) -> str:
    head = text[:at].rstrip("的、")
    ends = [m.end() for m in _KIND_END.finditer(head)]
    return head[ends[-1] if ends else 0:]


def _kind_after(text: str, at: int) -> str:
    end = _KIND_END.search(text, at)
    return text[at:end.start() if end else len(text)]


# what a none in the section on requests may be about besides the requests themselves
_NOT_ZERO_IN_SECTION = re.compile(
    r"复议|诉讼|收费|费用|不予|不应|不宜|不得|不能|超期|逾期|延期|结转|投诉|举报|咨询|答复|办结|纠错|主动|减免|撤回|来信|来访"
    r"|信访" + PETITION_BODY_NAME
)


def _in_requests_section(sent: Sentence, i: int) -> bool:
    """The last heading before clause ``i`` is about requests (二、依申请公开政府信息情况 / (二)依申请公开)."""
    heading = last_heading(sent.context[-200:] + sent.text_before(i))
    return heading is not None and "申请" in heading and not re.search(r"复议|诉讼|收费", heading)


_HANDLED = re.compile(r"(?:办理|处理)")


def _emit(cands: list[Candidate], code: str, m: re.Match, clause: str, order: int, priority: int = 0) -> bool:
    value = read_value(m)
    if value is None:
        return False
    cands.append(Candidate(code, value.value, value.approximate, clause, order, priority))
    return True


# what the body made or obtained (制作、获取的政府信息2196条，其中主动公开文件753条): of these, the part disclosed
_MADE_OR_OBTAINED = re.compile(r"制作|获取|产生|形成")


def _documents_among_the_published(sent: Sentence, i: int, m: re.Match) -> bool:
    """门户网站发布各类信息5489条，其中，主动公开文件数232条: the documents among the items published, a kind of
    them, unless what comes before 其中 is what the body made or obtained, of which the disclosed part is the count."""
    if "文件" not in m.group():
        return False
    start = next((k for k, c in enumerate(sent.clauses[:i + 1]) if c.startswith("其中")), i)
    return not _MADE_OR_OBTAINED.search("".join(sent.clauses[:start]))


# another channel's count right after a count (…申请3件、纸质申请36件): the first is one channel's, not the total
_ANOTHER_CHANNEL_AFTER = re.compile(r"、(?:纸质|书面|网上|网络|在线|信函|当面|电话|邮寄|传真|线上|线下)(?:申请|提交|渠道)?\d+件")
# the year's new items, after the stock they join (本年度新增的主动公开信息169条)
_NEW_OF_THE_YEAR = re.compile(r"(?:本年度?|当年|今年|全年|(?:19|20)\d\d年度?)新增(?:的)?$")
# a total before it already of the year (全年主动公开政府信息2000条，其中…新增…): then the new ones are a part of it
_TIED_TO_THE_YEAR = re.compile(r"全年|本年|今年|当年|年内|(?:19|20)\d\d年")
# …unless it is the stock at the year's end (本办到2016年底累计主动公开政府信息625条)
_A_STOCK = re.compile(r"累计|年底|年末|截至|截止|共整理")


# a negation right before the verb (我乡未收到一件政府信息公开申请 / 并未接收到一例依申请公开请求): not even one
_NEGATED = re.compile(r"(?:未|没有|从未|并未|尚未)接?$")  # (未接|收到…: the search may start at 收到)


def _emit_received(cands: list[Candidate], m: re.Match, clause: str, order: int) -> bool:
    """A received count, or after a negation not even one of them (未收到一件…申请): a none; a larger count
    after a negation (未收到3件…) says nothing."""
    if not _NEGATED.search(clause, 0, m.start()):
        return _emit(cands, "n.requests.received", m, clause, order)
    value = read_value(m)
    if value is None or value.value != 1:
        return False
    cands.append(Candidate("n.requests.received", 0.0, False, clause, order))
    return True


# a breakdown of the year's disclosures into kinds follows (具体情况是:政策信息1条、…), as after 其中
_BREAKDOWN = re.compile(r"(?:具体(?:情况)?(?:是|为|如下)|分别(?:是|为))[:：]?")
_OTHER_KIND = re.compile(r"(?:其他|其它)$")
# 其他应主动公开政府信息1053条 after the other kinds' counts: the kind left after them, a part (a line
# cut inside the sentence's 其中 leaves it without); but 除…外，其他应主动公开政府信息共2602条 is the whole
_LEFT_AFTER_THE_OTHERS = re.compile(r"(?:其他|其它)应?$")
_A_COUNT = re.compile(r"\d+(?:条|件|项|篇)")


# a none of the year before (上年度未发生行政复议案件…, 去年无提起行政复议诉讼情况), not of the report's: the clause
# opens on that year, and does not set it beside this one (上年度和本年度均未…, 与上年度一样未…, 自前年起连续…)
_LAST_YEAR = re.compile(r"^(?:在|我局|本局|我单位|本单位)?(?:" + LAST_YEAR_WORDS + ")")
_THIS_YEAR_TOO = re.compile(r"本年|今年|当年|连续|一样|相比|之后|以来|结转")


def _of_last_year(before: str) -> bool:
    return _LAST_YEAR.match(before) is not None and _THIS_YEAR_TOO.search(before) is None


# a character of a name: not a word that joins the body to the units or says what the body is
_NAME_CHAR = r"(?:(?![及和与暨同连含包系为是在对以还、])[\u4e00-\u9fff])"
# what the units under a body are called, at the end of their name
_UNIT_WORD = r"(?:单位|医院|学校|院校|高校|企业|公司|站所|分局|中心|机构|幼儿园|所|站|院|校|馆|队|学)"
# 局属事业单位和企业, 下属各医院及社区卫生服务中心: more units joined to the first. Never the body itself, though
# its name may end as a unit's: 本单位, 我中心, 本院, 局机关内设机构 (本局, 局机关 end no unit)
_MORE_UNITS = (r"(?:(?:以及|[和及与、])(?![本我])(?:各)?(?:(?:下属|所属|直属)(?:的)?(?:各)?)?(?:(?!辖区|机关)" + _NAME_CHAR
               + r"){0,8}?" + _UNIT_WORD + r")*")
# a none of the units under the body (本局下属单位未收到…, 局属各医院…, 委属医院…), not of the body itself: its
# own count is not said. Only when the units are the whole subject: the body possessive at most
# before them, and nothing after but 均/都. Any other word (我局、局属各单位…, 本局及下属单位…, 本局（含
# 下属单位）…, 本院为市属医院…, 在下属单位的配合下…) leaves the none the body's, as it was read before.
_UNITS_ALONE = re.compile(
    r"^(?:(?:19|20)\d\d年度?|本年度?|今年|当年|年内|报告期内)?(?:全年|年内)?(?:本|我)?" + _NAME_CHAR + r"{0,5}?"
    r"(?:(?:下属|所属|直属|[局委厅办区县市省院校]属)(?:的)?(?:各)?(?:(?!辖区)" + _NAME_CHAR + r"){0,4}?" + _UNIT_WORD
    + r"|(?<![本我])(?:各)?(?:二级单位|二级机构|下级单位|基层单位|派出机构))" + _MORE_UNITS
    + r"(?:全年|今年|年内|也|亦|同样|同期|(?:与|同)往年一样)?(?:均|都)?(?:全年|今年|年内|也|亦|同样|同期)?$")
_NEGATION = re.compile(r"未|没有|无|不存在")


def _of_sub_units(clause: str, m: re.Match) -> bool:
    """The words before the match's negation (the clause's subject) are units under the body alone."""
    negation = _NEGATION.search(clause, m.start())
    return _UNITS_ALONE.match(clause[:negation.start() if negation else m.start()]) is not None


# requests carried over from the year before (上年结转申请1件 / 上一年度结转)
_FROM_LAST_YEAR = r"(?:上年度?|上一年度?)结转"

# the ways a request comes (a channel), as the clauses between a count and its closing name them
_HOW_THEY_CAME = "(?:" + REQ_SINGLE_CHANNEL.pattern + r"|电子邮件|书面)"
# clauses that may stand between a received count and its "all answered": the count's parts by
# channel, how they came, or no carry-over (…申请19条，无上年度结转，均按规定予以答复)
_BETWEEN_RECEIVED_AND_CLOSED = re.compile(
    # (…公开3件，主要为信函申请3件，且均为个人申请，均已…答复: how they came and who asked)
    r"^(?:其中|主要为|主要是)?(?:" + _HOW_THEY_CAME + r"|自然人|法人(?:或其他组织)?|其他组织)"
    r"(?:提出|提交|方式)?(?:的)?申请\d+件$|^无上年度结转(?:申请)?$|^" + _FROM_LAST_YEAR + r"(?:政府信息公开)?申请0件$"
    # …受理依申请公开件9件，均通过信函递交，已全部办理结束: how they came
    r"|^(?:均|全部|都)(?:通过|以|由|为|是)[^，,]{1,10}(?:递交|提交|提出|寄送)(?:的)?$"
    # (…申请2件，均为网络申请，均已办结: the one way they came)
    r"|^(?:且)?(?:均|全部|都)(?:为|是)(?:" + _HOW_THEY_CAME + r"|个人|自然人|公民)(?:申请|提交|方式)?(?:件)?$"
    # (…申请1件，经审查，…按期答复: how they were looked at)
    r"|^经(?:审查|审核)$"
    r"|^(?:其中)?\d+(?:件|份|个)(?:是|为)(?:网络|网上|纸质|书面|当面|信函|电子邮件|邮寄|传真)[^，,]{0,8}$"
)


# a count that takes in the requests carried over from the year before: (含上年结转1件) / (含上年结转申请3件)
_TAKES_IN_THE_CARRIED = re.compile(r"[（(](?:其中)?(?:含|包括|包含)(?:" + LAST_YEAR_WORDS + r")结转")
# requests carried into the next year (3件结转下年度办理 / 转下一年度继续办理3件)
_CARRIED_FORWARD = re.compile(r"^(?:\d+件)?(?:结转|转)(?:至)?下一?年度?|结转下一?年度?|下年度继续办理")


# the wordings of the items proactively disclosed, strongest first; the last (a count without 主动)
# only near the section on proactive disclosure. Each with the unit its count is in: a clause without
# it is not searched (ACTIVE_S counts in 条 or 篇, so it is searched on every clause)
_ACTIVE_PATTERNS = ((ACTIVE_A, "A", "条"), (ACTIVE_A_PIECES, "A", "件"), (ACTIVE_B1, "B", "条"), (ACTIVE_B2, "B", "条"),
                    (ACTIVE_S, "S", ""))
_CASES = (("n.review", (REVIEW_1, REVIEW_2)), ("n.suit", (SUIT_1, SUIT_2)))

# the parts of a count stated in the sentence before: carried over and new (其中，上年结转申请1件，本年新收申请2件)
_PART_OF_CARRIED = re.compile(r"^(?:其中)?(?:" + _FROM_LAST_YEAR + r"|(?:本年度?|当年|今年)新收)(?:申请)?\d+件$|^其中$")


# what follows a count of reviews or suits and makes it one of other matters, or more than the disclosure
# ones (行政诉讼案件1件,系不服行政处罚决定 / 行政复议案件27件,均不涉及政府信息公开 / …8件,其中涉及政府信息公开的2件)
_CASES_OF_OTHER_MATTERS = re.compile(
    r"(?:均|都|全部|皆)?(?:不|未|没有|并未|均未)涉及(?:政府)?信息公开|(?:与|同)(?:政府)?信息公开无关"
    r"|(?:均|都|全部)?(?:为|系|属于?)(?!.*信息公开)[^，。；;,]{0,16}(?:类|决定|纠纷|补偿|处罚|征收|拆迁|工伤)"
    r"|其中(?:涉及|关于|因|有关)(?:政府)?信息公开")
# the body deciding others' reviews (本机关作为复议机关,全年办理…行政复议案件15件), not reviewed itself
_AS_THE_REVIEWING_BODY = re.compile(r"作为(?:行政)?复议机关|复议机关(?:受理|办理|审理)")


# the count closed right after the count handled (共办理49件，办结47件)
_CLOSED_LATER = re.compile(r"^[，,]\s*(?:已|均|共|全部|依法)?(?:办结|答复)(?:了)?\d+件")


def _since_semicolon(text: str) -> str:
    """The part of a sentence's text after its last semicolon: the statement a clause belongs to."""
    return re.split(r"[；;]", text)[-1]


# the disputes about disclosure a 其中 divides into reviews and suits (因信息公开引发行政争议3件，其中，行政复议1件，
# 行政诉讼2件): the clause of the total says what they are about (a body's disputes of every kind are not)
_DISPUTES_TOTAL = re.compile(r"(?:因|涉及|关于|针对)[^，,]{0,12}?(?:信息公开|政务公开)[^，,]{0,12}?"
                             r"(?:行政争议|行政复议(?:和|及|、|与)行政诉讼(?:案件)?)(?:共|共计|合计)?\d+(?:件|起)$")


# requests a 其中 counts that went on to a review or a suit (…办结依申请公开事项14件。其中6件申请进入行政复议程序):
# those cases are the year's
_REQUESTS_INTO_CASES = re.compile(r"\d+件(?:申请)?(?:进入|提起|引发|引起)(?:了)?行政(?:复议|诉讼)")


def _of_disputes(sent: Sentence, i: int, clause: str) -> bool:
    """The 其中 before the clause divides a count of disputes, whose parts are the reviews and the suits."""
    parent = i - 1 if clause.startswith("其中") else i - 2
    return parent >= 0 and _DISPUTES_TOTAL.search(sent.clauses[parent]) is not None


# what says, after an "all answered", that some were not (…，其中1件结转下一年度 / 另有2件仍在处理中 / 1件暂未答复 /
# 均予以公开，已答复4件): the count of the closed is then another figure, stated or not. Read in the rest of the
# sentence, and in the next one when it goes on with them (…19项。截至12月31日，已办结18项 / …申请…) and is not
# about another matter (来信, 12345, 建议, 许可…); not where it is denied (未出现延期答复情况, 不存在未办结申请,
# 结转下年度继续办理0件) or is last year's (上年结转的1件申请)
_LEFT_OPEN = re.compile(r"结转|转入(?:下一?年度?|(?:19|20)\d\d年)|延期|(?:正在|仍在|尚在)(?:办理|处理)|尚有[^，,。]{0,6}在办"
                        r"|未办结|暂未答复|尚未答复")
_ANSWERED_COUNT = re.compile(r"(?:已|共)?(?:办结|答复|回复)\d+(?:件|项|条)")
_DENIED = re.compile(r"(?:无|没有|未|不存在|并无)[^，,。;；]{0,6}$")
_NONE_LEFT = re.compile(r"^[^，,。;；]{0,10}?(?<!\d)0(?:件|项)")
_LAST_YEARS = re.compile(r"上一?年度?$")


def _left_open_in(text: str) -> bool:
    for m in _LEFT_OPEN.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if not (_DENIED.search(before) or _LAST_YEARS.search(before) or _NONE_LEFT.match(text[m.end():])):
            return True
    return False


def _some_left_open(sent: Sentence, i: int) -> bool:
    rest = sent.text_after(i)
    if _left_open_in(rest) or _ANSWERED_COUNT.search(rest):
        return True
    following = sent.after.lstrip("。；;！!？? \n")
    next_sentence = re.split(r"[。！!？?\n]", following[:160], maxsplit=1)[0]
    about_requests = ("申请" in next_sentence or next_sentence.startswith(("截至", "截止", "其中", "目前"))) \
        and not NOT_REQUEST.search(next_sentence)
    if about_requests and _ANSWERED_COUNT.search(next_sentence):
        return True
    # the words of some left open, anywhere in the rest of the paragraph about requests (…19件。申请内容主要涉及…。
    # 截至年底，仍有2件…延期答复。)
    paragraph = [s for s in re.split(r"[。！!？?]", following[:400].split("\n", 1)[0])
                 if re.search(r"申请|答复|\d+(?:件|项)", s) and not NOT_REQUEST.search(s)]
    return any(_left_open_in(s) for s in paragraph)


def _all_closed(sent: Sentence, i: int, clause: str, anchor: Candidate, carried: Candidate | None,
                cands: list[Candidate], order: int) -> None:
    """"…申请1条，均已答复": the received count right before (clause or sentence) was all closed."""
    j = i - 1
    while j >= 0 and _BETWEEN_RECEIVED_AND_CLOSED.match(sent.clauses[j]):
        j -= 1  # 收到4件申请，其中网络申请2件，信函申请2件，均已按时办结: the parts of the count
    if carried is not None and sent.clauses[0].startswith("其中") \
            and all(_PART_OF_CARRIED.match(c) for c in sent.clauses[:i]):
        # 共收到申请3件。其中，上年结转申请1件，本年新收申请2件，均已办结: all of the count before
        anchor, j = carried, -1
    if ALL_CLOSED.match(clause) and (
        (j >= 0 and sent.clauses[j] == anchor.evidence) or (j < 0 and anchor is carried)
    ) and not _some_left_open(sent, i):
        cands.append(Candidate("n.requests.closed", anchor.value, anchor.approximate,
                               anchor.evidence + "，" + clause, order))


def scan_sentence(
    sent: Sentence, cands: list[Candidate], order_base: int, carried: Candidate | None = None
) -> Candidate | None:
    """Scan one sentence; returns the received-requests candidate it stated, if any.

    ``carried`` is the received count stated by the previous sentence: the first clause of this
    sentence may then give the closed count (…申请35件。已办结33件…).

    Every figure is read by a pattern of ``NEEDS`` except "均已答复" after a received count, so a
    clause for which :func:`.patterns.may_match` is false is read only for that (and
    extract_prose_figures skips such a sentence with nothing carried): a new rule that reads a
    clause otherwise must be added there.
    """
    received_in_sentence: Candidate | None = None
    prev_clause = ""
    subperiod = False
    first_of_sentence = len(cands)
    for i, clause in enumerate(sent.clauses):
        order = order_base + i
        # a sub-period named in this clause or an earlier one (no match spans the joining "，")
        subperiod = subperiod or names_subperiod(clause)
        if subperiod:
            prev_clause = clause
            continue
        fig = bool(FIGURE.search(clause))
        if not may_match(clause, fig):
            # no pattern can match it: only "均已答复" right after a received count is read
            anchor = received_in_sentence or (carried if i == 0 else None)
            if anchor is not None and not NOT_REQUEST.search(clause):
                _all_closed(sent, i, clause, anchor, carried, cands, order)
            prev_clause = clause
            continue
        qizhong = clause.startswith("其中") or prev_clause == "其中"
        share = "占" in clause or (i + 1 < len(sent.clauses) and sent.clauses[i + 1].startswith(("占", "比例")))

        # ---- n.active.items -------------------------------------------------------------
        active = () if not fig or ("信息" not in clause and "主动" not in clause) \
            else _ACTIVE_PATTERNS if sent.near_proactive else _ACTIVE_PATTERNS[:-1]
        for rx, kind, unit in active:
            if unit not in clause:
                continue
            m = search_clause(rx, clause, fig)
            if not m:
                continue
            head = clause[: m.start()]
            channel = bool(CHANNEL.search(clause[: m.end()]))
            if share or PREVIOUS.search(head) or not sent.cumulative_ok(clause):
                continue
            if not sent.year_ok(i, m.start()):
                continue
            if SUBUNIT.search(head) and not TOTAL_MARK.search(head):
                continue
            if TOPIC.search(head):
                continue
            if _LEFT_AFTER_THE_OTHERS.search(head):
                said = sent.text_before(i) + head
                if _A_COUNT.search(said) and "除" not in said:
                    continue
            if kind == "A":
                before = "".join(sent.clauses[:i])
                if _NEW_OF_THE_YEAR.search(head) and not channel \
                        and (not _TIED_TO_THE_YEAR.search(before) or _A_STOCK.search(before)):
                    # 共整理公开政府信息3819条，其中…，本年度新增的主动公开信息169条: the year's new items, named as
                    # such, over the stock they join (and over any other count)
                    _emit(cands, "n.active.items", m, clause, order, -1)
                    break
                between = clause[: m.start()]
                if between.startswith("其中"):
                    between = between[2:]
                between = re.sub(r"(?:19|20)\d{2}年度?|本年度|本年|今年|全年|当年|年内|新增|共计|共|:", "", between)
                # (this clause or one before it opens on 其中 or a breakdown)
                after_qizhong = any(c.startswith("其中") or _BREAKDOWN.match(c) for c in sent.clauses[:i + 1])
                if after_qizhong and (between or _documents_among_the_published(sent, i, m)) or _OTHER_KIND.search(head):
                    # 其中 + a subject (其中区直各部门…, 其中通过网站…), and every clause after it in the
                    # sentence (其中,工作动态信息32条,…;法定主动公开信息7条), or after 具体情况是 (具体情况是:政策信息
                    # 1条、法定主动公开信息10条): a subset; so is 其他主动公开信息3条
                    continue
                if channel and after_qizhong:
                    continue  # 其中,通过政府网站…326条,通过…新媒体共…707条: each channel's part
                if channel and "、" in m.group():
                    continue  # kinds one channel carried (在门户网站主动公开发布公告公示、部门动态等85条)
                if _emit(cands, "n.active.items", m, clause, order, 1 if channel else 0):
                    # (the site named in the clause or in the one before: 依托深汕特别合作区门户网站,主动公开…11条)
                    cands[-1].site = channel or i > 0 and _BY_WAY_OF.match(sent.clauses[i - 1]) is not None
            elif kind == "S":
                if qizhong or not stands_for_the_section(sent, i, clause, m):
                    continue
                _emit(cands, "n.active.items", m, clause, order, 2)
            else:
                if channel or qizhong:
                    continue
                _emit(cands, "n.active.items", m, clause, order, 0)
            break

        # ---- n.requests.received --------------------------------------------------------
        got_received = False
        if fig and ("申请" in clause or "公开" in clause or "请求" in clause) \
                and not PREVIOUS.search(clause.split("申请")[0]) and not subperiod:
            for rx in (RECV_1, RECV_2, RECV_3, RECV_4, RECV_REVERSED, RECV_COUNT):
                m = search_clause(rx, clause, fig)
                if not m:
                    continue
                mid = m.groupdict().get("mid") or ""
                if NOT_REQUEST.search(mid) or NOT_REQUEST.search(clause[: m.start()][-6:]):
                    continue
                if REQ_SINGLE_CHANNEL.search(clause[: m.start()] + mid) \
                        and not re.search(r"各类|共|合计|总|、", clause):
                    continue  # one channel's count, not the total
                if LICENSING_CONTEXT.search(clause) and LICENSING_CONTEXT.search(LICENSING_BODY.sub("", clause)):
                    continue
                if qizhong or not sent.cumulative_ok(clause) or not sent.year_ok(i, m.start()):
                    continue
                if _emit_received(cands, m, clause, order):
                    received_in_sentence = cands[-1]
                    got_received = True
                    if _TAKES_IN_THE_CARRIED.match(clause, m.end()):
                        # 受理…申请24件(含上年结转1件): the year's and the year before's, no count of the year's
                        # received; what was closed of them still is (办结541件 / 均已答复)
                        cands.pop()
                    if _NEGATED.search(clause, 0, m.start()):
                        pass  # 未收到并办结…一件: none received, so none closed of them
                    elif closed := CLOSED_RIGHT_AFTER.match(clause, m.end()):
                        _emit(cands, "n.requests.closed", closed, clause, order)
                    elif (RECEIVED_AND_CLOSED.match(mid) or RECEIVED_AND_HANDLED.match(mid) and received_in_sentence.value) \
                            and not _some_left_open(sent, i):
                        _emit(cands, "n.requests.closed", m, clause, order)
                break
            if not got_received:
                m = search_clause(RECV_GENERIC, clause, fig)
                # about 依申请公开: the sentence, or the lines right before it (…申请渠道办理流程。共受理申请38件);
                # (申请 alone in a petition bureau's clause may be its petitions: 县信访局收到各类申请356件)
                if m and not qizhong and re.search(r"依申请公开|信息公开申请", sent.context[-300:] + sent.text) \
                        and not LICENSING_CONTEXT.search(sent.text) and not NOT_REQUEST.search(clause) \
                        and "信访" not in clause and sent.cumulative_ok(clause) and sent.year_ok(i, m.start()):
                    if _emit_received(cands, m, clause, order):
                        received_in_sentence = cands[-1]
                        got_received = True
            if not got_received:
                m = search_clause(RECV_BARE, clause, fig)
                if m and not qizhong and sent.cumulative_ok(clause) and sent.year_ok(i, m.start()):
                    qualified = bool(m.group("qual"))
                    context_ok = qualified or bool(
                        re.search(r"依申请公开|信息公开申请|公开申请", sent.context[-300:] + sent.text)
                    )
                    licensing = LICENSING_CONTEXT.search(sent.text) or NOT_REQUEST.search(clause) \
                        or (not qualified and "信访" in clause)
                    if context_ok and not licensing:
                        if _emit_received(cands, m, clause, order):
                            received_in_sentence = cands[-1]
                            got_received = True

        # ---- n.requests.closed ----------------------------------------------------------
        if not got_received:
            m = fig and ("公开" in clause or "答复" in clause or "办结" in clause) and (
                search_clause(CLOSE_1, clause, fig) or search_clause(CLOSE_2, clause, fig)
                or search_clause(CLOSE_3, clause, fig))
            if m and ("办理" in clause or "处理" in clause) \
                    and _CARRIED_FORWARD.search(sent.text_after(i) + sent.after[:120]):
                m = None  # 处理申请46件…其中43件已答复，3件结转下年度 / 办理、答复申请151件…结转5件: handled, not closed
            if m and _ANOTHER_CHANNEL_AFTER.match(clause, m.end()):
                m = None  # 通过政府门户网站…答复信息公开申请3件、纸质申请36件: one channel's count
            if m and not qizhong and not NOT_REQUEST.search(clause) and sent.cumulative_ok(clause) \
                    and sent.year_ok(i, m.start()):
                # 办理/处理 (handled) gives way to a count closed (办结/答复) elsewhere: 指导和办理依申请公开9件 among
                # a channel's tasks, then 共收到…申请9件，共办结8件 in the requests' own paragraph
                _emit(cands, "n.requests.closed", m, clause, order, priority=1 if _HANDLED.match(m.group(0)) else 0)
            elif qizhong and (m := ANSWERED_PART.match(clause)) and i + 1 < len(sent.clauses) \
                    and _CARRIED_FORWARD.match(sent.clauses[i + 1]) and sent.year_ok(i, m.start()):
                # …其中43件已在法定时限内答复，3件结转下年度办理: the closed count is the part answered
                _emit(cands, "n.requests.closed", m, clause, order)
            elif (anchor := received_in_sentence or (carried if i == 0 else None)) is not None \
                    and not NOT_REQUEST.search(clause):
                m = search_clause(CLOSE_FOLLOW, clause, fig)
                if m and m.group("unit") == "份" and not re.search(rf"(?<!\d){anchor.value:.0f}份", anchor.evidence):
                    m = None  # 答复5份: papers sent, unless the requests too were counted in 份 (申请7份，办结5份)
                if m and re.search(r"按时|按期|如期", m.group("adv")) and re.search(r"延期|逾期|超期", sent.text):
                    m = None  # 按时办结 next to 延期办结: a part, not the total
                if m and re.search(r"办理|处理", m.group(0)) and _CLOSED_LATER.search(sent.text_after(i)):
                    m = None  # 共办理49件，办结47件: handled, then the count closed
                if m and sent.year_ok(i, m.start()):
                    _emit(cands, "n.requests.closed", m, clause, order)
                else:
                    _all_closed(sent, i, clause, anchor, carried, cands, order)

        # ---- zeros: 未收到…申请 ---------------------------------------------------------
        # (each indicator's patterns need one of a few words: a clause without them skips the indicator)
        negated = "未" in clause or "没有" in clause or "无" in clause or "不存在" in clause
        m = negated and (search_clause(ZERO_REQUESTS, clause, fig) or search_clause(ZERO_REQUESTS_OTHER, clause, fig)
                         or search_clause(ZERO_REQUESTS_NONE, clause, fig))
        # 未收到公众关于政府信息公开的申请: 关于 right before what was asked for names no other matter
        if m and not _NOT_ZERO_REQUESTS.search(re.sub(r"关于$", "", m.group("mid") or "")) and sent.year_ok(i, m.start()) \
                and not _of_last_year(clause[:m.start()]) and not _none_of_some(m.group("mid") or "", clause, m.end()):
            # (a none of the units alone is no figure, nor read again below as the section's none)
            if not _of_sub_units(clause, m):
                cands.append(Candidate("n.requests.received", 0.0, False, clause, order))
        elif negated and (m := search_clause(ZERO_REQUESTS_IN_SECTION, clause, fig)) and sent.year_ok(i, m.start()) \
                and not _NOT_ZERO_IN_SECTION.search(clause) \
                and not _none_of_some(m.group("what") or "", clause, m.end()) \
                and _in_requests_section(sent, i) and not _of_sub_units(clause, m):
            cands.append(Candidate("n.requests.received", 0.0, False, clause, order, 2))
        # (every wording of ZERO_REVIEW_SUIT names 复议 or 诉讼 as well as its negation; its lazy gaps
        # make a failing search slow)
        m = negated and ("复议" in clause or "诉讼" in clause) and search_clause(ZERO_REVIEW_SUIT, clause, fig)
        zeros = zero_cases(m) if m else None
        if zeros is None and ("零" in clause or "0" in clause) and (m := JOINT_ZERO_CASES.search(clause)):
            zeros = (True, True)
        if zeros is None and clause.endswith(":无") and (m := CASES_ANSWERED_NONE.match(clause)):
            zeros = (True, True)
        if zeros and sent.year_ok(i, m.start()) and sent.disclosure_context() and not _of_last_year(clause[:m.start()]) \
                and not _of_sub_units(clause, m):
            for code, zero in zip(("n.review", "n.suit"), zeros):
                if zero:
                    cands.append(Candidate(code, 0.0, False, clause, order))

        # ---- n.review / n.suit ----------------------------------------------------------
        cases = _CASES if "行政复议" in clause or "行政诉讼" in clause else ()
        for code, rxs in cases:
            for rx in rxs:
                m = search_clause(rx, clause, fig)
                if not m:
                    continue
                if qizhong and not (_of_disputes(sent, i, clause) or _REQUESTS_INTO_CASES.search(clause)) \
                        or not sent.disclosure_context() \
                        or not sent.cumulative_ok(clause):
                    break
                if PREVIOUS.search(clause[: m.start()]) or not sent.year_ok(i, m.start()):
                    break
                if re.search(r"维持|纠正|纠错|驳回|败诉|胜诉|撤销|尚未审结|直接起诉|复议后", clause[: m.start()]):
                    break  # an outcome, not the count
                right_after = clause[m.end():].lstrip("，,") or (sent.clauses[i + 1] if i + 1 < len(sent.clauses) else "")
                said_before = _since_semicolon(sent.text[: max(sent.text.find(clause), 0)]) + clause[: m.start()]
                if _CASES_OF_OTHER_MATTERS.match(right_after) or _AS_THE_REVIEWING_BODY.search(said_before):
                    break
                if JOINT_CASES_BEFORE[code].search(clause[: m.start()]):
                    # reviews and lawsuits counted together: a zero is both, another count neither
                    value = read_value(m)
                    if value is not None and value.value == 0:
                        cands += [Candidate(joint, 0.0, False, clause, order) for joint in ("n.review", "n.suit")]
                    break
                _emit(cands, code, m, clause, order)
                break

        # ---- n.press_conferences --------------------------------------------------------
        m = "新闻发布会" in clause and (search_clause(PRESS_1, clause, fig) or search_clause(PRESS_2, clause, fig)
                                    or search_clause(PRESS_3, clause, fig))
        # (who attended or led, said before the count: 参加或举办…; what else was done after it is no matter)
        if m and not LEADERS.search(clause[: m.end()]) and not qizhong and sent.cumulative_ok(clause) \
                and sent.year_ok(i, m.start()) and not PREVIOUS.search(clause[: m.start()]):
            _emit(cands, "n.press_conferences", m, clause, order)
        elif "新闻发布会" in clause and (m := search_clause(ZERO_PRESS, clause, fig)) and not qizhong \
                and sent.year_ok(i, m.start()) and not PREVIOUS.search(clause[: m.start()]) \
                and not _of_last_year(clause[: m.start()]):
            cands.append(Candidate("n.press_conferences", 0.0, False, clause, order))

        prev_clause = clause
    _keep_the_bodys_own(sent, cands, first_of_sentence)
    return received_in_sentence


# a sentence that gives the area's figure and the body's own (汇总全县共主动公开…15236条…；
# 本局自身主动公开信息64条 / 全区共召开新闻发布会45场，本局未召开新闻发布会): the body's own is its report's
_AREA = re.compile(r"全(?:县|市|区|省|州|旗|盟|镇|乡)|各(?:部门|单位|县|区|乡镇)|汇总")
_OWN = re.compile(r"本(?:局|机关|单位|部门|委|办)|我(?:局|委|办|单位)|自身")


def _keep_the_bodys_own(sent: Sentence, cands: list[Candidate], first: int) -> None:
    codes = [c.code for c in cands[first:]]
    if len(set(codes)) == len(codes):
        # (most sentences read state no figure, or one a code: an area's figure gives way only to
        # the body's own of the same code)
        return
    scope: dict[int, str] = {}  # the last scope word up to the figure's clause: the area's or the body's
    for index in range(first, len(cands)):
        at = sent.text.find(cands[index].evidence)
        upto = sent.text[: at + len(cands[index].evidence)] if at >= 0 else cands[index].evidence
        area = max((m.start() for m in _AREA.finditer(upto)), default=-1)
        own = max((m.start() for m in _OWN.finditer(upto)), default=-1)
        scope[index] = "own" if own > area else "area" if area > own else ""
    own_codes = {cands[i].code for i, word in scope.items() if word == "own"}
    for index in sorted(scope, reverse=True):
        if scope[index] == "area" and cands[index].code in own_codes:
            del cands[index]
