"""The wording of the narrative figures: how prose writes a figure, the per-indicator patterns,
and the words that make a clause about something else (exclusion rules).

Patterns are matched against clauses and sentences with whitespace removed (see
:mod:`.prose_sentences`); :mod:`.prose_scan` applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..chinese_numerals import parse_cn_number

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------

# A figure: optional approximation prefix, digits or a Chinese numeral, 万, 余/多, then the unit.
_NUM = (
    r"(?P<pre>约|近|逾|超过|大约)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    r"(?P<wan>万)?(?P<apx>余|多)?"
)
_APX_AFTER = r"(?P<apx2>余|多|左右|以上)?(?!\d)"
# A pattern that starts with a figure starts only where a run of digits or numerals starts: the
# search would otherwise try every position inside a long run and rescan the rest of it from each
# one (quadratic in the run's length; a 16k-digit line took 20 s).
_NUM_START = r"(?<![\d,零〇一二两三四五六七八九十百千])"


@dataclass(frozen=True)
class Value:
    value: float
    approximate: bool


def read_value(m: re.Match) -> Value | None:
    """The value of a match of a pattern built on the figure fragment (None: not a count)."""
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
    return Value(value, approx)


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_DISCLOSURE = r"(?:政府信息公开|依申请公开|信息公开)"
_REQ_CHANNEL = r"(?:信函|网上|网络|当面|书面|电子邮件|邮寄|传真)?"
_REQ_TAIL = r"(?:共计|共|合计|总计|总数|数量|数|为|达|计)*"
_REQ_UNIT = r"(?P<unit>件|条|个|份|宗|项|起|次|例)"

# Words that make a clause about something other than disclosure requests.
# (信访 as a body's name, 阎良区信访局收到政府信息公开申请0件, is no petition: PETITION_BODY_NAME)
PETITION_BODY_NAME = r"(?!(?:和群众工作|与群众工作|接待)?(?:局|办(?![理结件])|委|中心))"  # (信访办理事项: petitions)
NOT_REQUEST = re.compile(
    r"审批|许可|办件|窗口|行政服务|政务服务|服务事项|诉求|留言|咨询|信访" + PETITION_BODY_NAME + r"|投诉|举报|12345|热线|来信|来电|"
    r"复议|诉讼|提案|建议|议案|采购|招标|撤销"
)
LICENSING_CONTEXT = re.compile(r"审批|许可|办件|窗口|行政服务中心|政务服务|服务事项|诉求|留言|咨询|热线|12345")
# a body named for that work (开平市政务服务和数据管理局收到政府信息公开申请4件): its name says nothing of the count
# (a bureau or office, not a hall or centre, nor one of all the area's: 全市政务服务中心 is a channel)
LICENSING_BODY = re.compile(r"(?<!全市)(?<!全县)(?<!全区)(?<!各)(?:政务服务|行政审批|审批服务)[\u4e00-\u9fff]{0,8}?(?:管理局|局|办公室)")
# new media: an account's posts, which are no items of the body's proactive disclosure
NEW_MEDIA = re.compile(r"公众号|微信|微博|抖音|头条|新媒体|客户端|APP|app")
CHANNEL = re.compile(
    r"网站|门户|微博|微信|公众号|客户端|APP|app|公开栏|公告栏|报刊|报纸|电视|广播|新媒体|政务号|头条|抖音|专栏|平台"
)
# A part of the area speaking (各乡镇主动公开…): a subset unless the clause also says 全/共.
# 街道办事处, 我街道, and 街道 opening the clause (截至…,街道主动公开各类政府信息62条): the body itself
SUBUNIT = re.compile(r"乡镇|(?<![我本])(?<!^)街道(?!办事处)|各街道|区直|县直|市直|省直|村|社区")
TOTAL_MARK = re.compile(r"全|共|合计|总计|各级")
# A topic speaking (在扶贫领域/财政专栏…主动公开): a sector's count, not the total.
# 政府信息公开专栏 / "政府信息公开"栏目 is where all of the body's disclosure goes, a channel rather than a topic
TOPIC = re.compile(r"领域|(?<!信息公开)(?<!信息公开”)(?<!信息公开\")(?<!信息公开》)(?:专栏|栏目)|专题|类信息|方面")
# (1-12月份 is the whole year)
# (截至11月底 / 截止2014年10月: the year so far, in a report written before its end)
SUBPERIOD = re.compile(r"季度|上半年|下半年|半年来|月份以来|(?<!\d)(?!1(?:-|至)12月)\d+(?:-|至)\d+月"
                       r"|截[至止](?:到)?(?:(?:19|20)\d\d年)?(?:1[01]|[1-9])月(?:底|末|份)?")


def names_subperiod(clause: str) -> bool:
    """SUBPERIOD is in the clause. Each of its wordings holds 季度, 半年 or 月, so the search (slow: it
    tries the digit-run branch at every position) runs only on a clause holding one of them."""
    return ("月" in clause or "季度" in clause or "半年" in clause) and bool(SUBPERIOD.search(clause))
# (…417条(此数含2008年以来所有主动公开信息数): a count that says it holds the years before)
CUMULATIVE = re.compile(r"累计|历年|累积|以来共|成立以来|开通以来|建站以来|运行以来|含[^，。；;)）]{0,10}?以来")
# the words of the year before the report's (上年, 上一年度, 去年, 前年)
LAST_YEAR_WORDS = r"上一?年度?|去年|前年"
PREVIOUS = re.compile(LAST_YEAR_WORDS + r"|结转")
# press conferences someone attended (出席, 参加或举办), not the ones the body held
LEADERS = re.compile(r"负责同志|负责人|领导|出席|参加")

# n.active.items: 主动公开 + a short whitelisted qualifier + number + 条
_ACTIVE_QUAL = (
    r"(?:(?:了|各类|各项|各种|各级各类|各级|我区|本区|全区|全市|全县|全镇|全省|本级|本机关|本单位|本部门|"
    # (a street office's: 主动公开街道信息423条)
    r"我局|我委|我办|我市|我县|我镇|我厅|我部|单位|的|法定|(?:我|本)?街道(?=信息))*)"
)
# (主动公开和转载各类信息4611条: what it re-posted is disclosed too)
_ACTIVE_VERB = r"主动(?:向社会|向公众|向社会公众|向广大群众|向群众)?(?:公开发布|公开|发布|公布)(?:(?:、|和|并)(?:更新|发布|公布|转载)|[(（]更新[)）])?"
# the kinds listed before the count (主动公开概况信息、重点工作、政策文件、公示公告等政府信息235条): at least
# two, each of two characters or more (市、区县“十四五”规划…等信息近300条 lists places of one kind)
# (…常务会议等在内的信息428条)
_ACTIVE_KINDS = r"(?:[^，。;,:：]{2,30}?、[^，。;,:：]{1,30}?等(?:事项)?(?:在内)?)?"
# the town's own name before its information (主动公开朋普镇政府信息共597条 / 主动公开长桥乡人民政府信息57条), not the
# towns' (各乡镇…)
_ACTIVE_TOWN = r"(?:(?![本我该])(?:(?![各全和与及辖属直、])[\u4e00-\u9fff]){1,8}?(?<![乡村])(?:镇|乡|街道|苏木)(?:人民)?(?=政府信息))?"
# (the old template's summary list: 1.主动公开政府信息的情况:81条)
ACTIVE_A = re.compile(
    # (主动公开政府信息新增22条: the year's new items)
    _ACTIVE_VERB + _ACTIVE_KINDS + _ACTIVE_QUAL + _ACTIVE_TOWN + r"(?:政府信息|政务信息|信息|文件)?(?:的)?(?:数量|条数|数|总数|总量|更新|新增)?"
    r"(?:的?情况[:：])?(?:为|共计|共|总计|合计|达到|达|计|累计)*" + _NUM + r"条" + _APX_AFTER
)
# counted in 件 (older reports): only with 政府信息 named, since 主动公开文件17件 counts documents
ACTIVE_A_PIECES = re.compile(
    _ACTIVE_VERB + _ACTIVE_QUAL + r"(?:政府信息|政务信息)(?:件数|数量|数|总数|总量)?"
    r"(?:为|共计|共|总计|合计|达到|达|计)*" + _NUM + r"件" + _APX_AFTER
)
# Without 主动: only an explicit total of 政府信息 (共/总计/全年 …公开/公布 政府信息 N 条)
ACTIVE_B1 = re.compile(
    # (not the requests: 本年度我局受理依申请公开政府信息19条)
    r"(?:共|总计|合计|共计|全年|本年度)[^，。;,]{0,20}?(?<!申请)(?:公开|公布|发布)(?:了)?(?:各类)?政府信息"
    r"(?:总计|共计|合计|共|总数|数量|数)?(?:为|达)?" + _NUM + r"条" + _APX_AFTER
)
ACTIVE_B2 = re.compile(
    r"(?:公开|公布)(?:了)?(?:各类)?政府信息(?:总计|共计|合计|总数|总量)(?:为|达)?" + _NUM + r"条" + _APX_AFTER
)
# Without 主动 or 政府信息: a count of information published (全年公开各类信息165条, 通过…等渠道公开了
# 预决算…等各类信息221条; not one kind's: 发布政府采购信息30条、…), read only where it stands for the
# section on proactive disclosure (see ``proactive_section``), and only when nothing above is stated
ACTIVE_S = re.compile(
    r"(?:公开|发布|公布|更新)(?:了)?(?:[^，。;,：:]{1,30}?等)?(?:各类|各项)?(?:政府|政务)?信息"
    r"(?:共计|总数达|总数为|总数|合计|总计|共|达)?" + _NUM + r"(?:条|篇)" + _APX_AFTER + r"(?!、)"
)
# the section a clause sits in is the proactive one: 主动公开 is named after any word of the others
ACTIVE_SECTION = re.compile(r"主动公开(?!.*(?:申请|复议|诉讼|收费|咨询|不予公开))", re.S)

# n.requests.received
# 收 alone only right before the request named in full (全年收政府信息公开申请464件): 收取, 收费 are fees
_RECEIVED = r"收到|受理|接收|接受|接到|新收|收悉|收(?=(?:政府)?信息公开申请)"
_RECV_VERB = r"(?P<verb>" + _RECEIVED + r")"
# requests handed in are requests received, when they are named in full (向区政府提交政府信息公开申请187件)
_RECV_OR_HANDED_IN = r"(?P<verb>" + _RECEIVED + r"|提交|提出)"
RECV_1 = re.compile(
    _RECV_OR_HANDED_IN + r"(?:了)?(?P<mid>[^，。;,]{0,25}?)" + _DISCLOSURE + r"(?:的)?" + _REQ_CHANNEL
    # (…公开申请书58条 / 收到和处理政府信息公开申请办理事项为0件)
    + r"(?:申请|请求)(?:书|件|案件|(?:办理)?事项)?" + _REQ_TAIL + _NUM + _REQ_UNIT + _APX_AFTER
)
RECV_2 = re.compile(  # 受理依申请公开政府信息29件 / 共收到政府信息依申请公开1499件 / …依申请公开信件8件 / 依申请件0件
    r"(?:收到|受理|接收|接到)(?:了)?(?P<mid>[^，。;,\d]{0,12}?)依申请(?:(?:政府信息|信息)?公开(?:的)?(?:政府信息|信息)?(?:申请|请求)?"
    r"(?:事项|案件|案例|信件|件)?|件)" + _REQ_TAIL + _NUM + _REQ_UNIT + _APX_AFTER  # (…依申请公开案例2例)
)
RECV_REVERSED = re.compile(  # 收到政府信息申请公开共计9件 / 共收到公开政府信息申请1件 / 收到申请公开21条
    # (收到申请公开件92件 / 接到群众有关公开信息申请数189件)
    # (收到申请政府信息公开事项12件 / 收到申请公开政府信息的要求0条)
    _RECV_VERB + r"(?:了)?(?P<mid>[^，。;,\d]{0,12}?)(?:(?:政府信息)?申请公开(?:的)?(?:政府信息)?(?:申请)?(?:件)?|公开(?:政府)?信息(?:的)?申请"
    r"|申请政府信息公开(?:事项|件)|申请公开(?:政府)?信息(?:的)?要求)"
    + _REQ_TAIL + _NUM + _REQ_UNIT + _APX_AFTER
)
RECV_COUNT = re.compile(  # no verb, the count named: 依申请公开申请数为21件 / 政府信息公开申请数量为3件 / 依申请公开件共12件
    r"(?:依申请公开|政府信息公开)(?:申请(?:数|数量|总数|件数)|件)(?:为|共计|共|达)?" + _NUM + _REQ_UNIT + _APX_AFTER
)
RECV_4 = re.compile(  # number first, the clause ending in the kind: 共收到1件依申请公开 / 收到12起政府信息依申请公开
    # (or how many there were: 截止12月底,共有0例依申请公开; not the ones pending or answered: 尚未办结的共有…)
    r"(?:" + _RECV_VERB + r"(?:了)?|(?:^|(?<=年)|(?<=年度))共有)(?:各类)?" + _NUM + r"(?P<unit>件|起|宗|个|份|项|例)(?:政府信息|信息)?依申请公开(?:的)?"
    r"(?:政府信息|信息)?(?:申请|请求)?(?:事项|件)?$"
)
RECV_3 = re.compile(  # keyword first: 依申请公开受理全市累计23件
    r"(?:依申请公开|政府信息公开申请)(?:方面)?(?:共)?(?:受理|收到)(?:了)?(?P<mid>[^，。;,\d]{0,6}?)"
    + _NUM + _REQ_UNIT + _APX_AFTER
)
RECV_BARE = re.compile(  # number first: 收到70件申请 / 受理21件政府信息公开申请 / 共受理0条依申请公开。 / 收到4条依申请公开信息要求
    # (收到9件“依申请公开”申请 / 收到2宗正式提交的政府信息公开申请)
    _RECV_VERB + r"(?:了)?(?:各类)?" + _NUM + r"(?P<unit>件|个|份|条|宗)" + r"(?P<qual>(?:正式)?(?:提交|提出)?(?:的)?[“\"]?"
    + _DISCLOSURE + r"[”\"]?(?:的)?)?" + _REQ_CHANNEL + r"(?:申请|请求|(?<=依申请公开)(?:事项)?(?=[。，,;；]|$)|(?<=依申请公开)信息要求)"
)

RECV_GENERIC = re.compile(  # 受理申请12件 / 收到公开申请32件 / 收到申请26例 / 收到申请数0件: only inside a sentence that is about 依申请公开
    # (接收到申请书55份 / 受理申请人提出的公开申请0件 / 收到自然人提交的公开申请1项)
    r"(?:收到|受理|接收(?:到)?|接到|新收)(?:了)?(?:各类)?(?:(?:申请人|自然人|公民|群众)(?:提交|提出)的)?(?:公开)?申请"
    r"(?:数|数量|书)?(?:共计|共|合计|总计)?" + _NUM + r"(?P<unit>件|条|例|份|项)" + _APX_AFTER
)
REQ_SINGLE_CHANNEL = re.compile(r"网络|网上|信函|当面|传真|邮件|邮寄|电话|在线")

# n.requests.closed
_CLOSE_VERB = r"(?:办结|答复|回复|办理|处理)(?:完毕|完成)?"
CLOSE_1 = re.compile(
    _CLOSE_VERB + r"(?:了)?(?:各类)?" + _DISCLOSURE + r"(?:的)?(?:申请)?(?:事项)?"
    # (处理依申请公开3次: each time a request)
    r"(?:共计|共|合计|总计|总数|数)?(?:为|达)?" + _NUM + r"(?:件|条|次)" + _APX_AFTER
)
CLOSE_2 = re.compile(
    r"(?:政府信息公开|依申请公开)(?:申请)?(?:的)?(?:答复|办结|回复)(?:总数|数量|数)?(?:为|共计|共)?"
    + _NUM + r"(?:件|条)" + _APX_AFTER
)
# 其中43件已在法定时限内答复 (then 3件结转下年度): the part of the requests handled that was answered
ANSWERED_PART = re.compile(r"^其中" + _NUM + r"件(?:已)?(?:在法定时限内|在规定时限内|按时|依法|均)*(?:予以)?(?:答复|办结)(?:完毕)?$")
# the old format's lead-in to the outcomes: 在已经答复的5件申请中: (all of them answered)
CLOSE_3 = re.compile(r"^(?:在)?(?:已(?:经)?)?(?:答复|办结)(?:的)?" + _NUM + r"件(?:申请)?中")
# Follow-up clause right after a received count in the same sentence: 办结29件 / 共办结148件
CLOSE_FOLLOW = re.compile(
    # (目前 only before a count done: 目前依法办结59件, not 目前处理3件，其余正在办理)
    r"^(?P<adv>(?:已|均|共|并|且|全部|及时|依法|依规|按时|按期|如期|累计|合计|共计|已经|全年|年内|当年|本年度|本年|今年"
    r"|目前(?=[^，,]*?(?:办结|答复|回复|完毕|完成)))*)"
    # (完成 alone: 接收政府信息公开申请52件,完成50件,2件正在办理; the request first: 申请办结数8件)
    r"(?:申请)?(?:完成(?:办结|答复|回复|办理|处理)?|办结|答复|回复|办理|处理)(?:完毕|完成)?(?:了)?(?:(?:公开)?申请)?(?:共|共计|数)?(?:为)?"
    + _NUM + r"(?P<unit>件|条|项|宗|起|份)" + _APX_AFTER  # (新收…申请7份，本年度办结5份)
)
# the closed count right after the received one, in brackets (接受申请98件(当年办结97件，结转下年度1件)) or
# after a 、 (受理…政府信息公开申请30件、已办结30件)
CLOSED_RIGHT_AFTER = re.compile(r"(?:[（(](?:其中)?(?:当年|本年度?|今年)?(?:已)?|、(?:已|均|并)?)(?:办结|答复)" + _NUM + r"件"
                                + _APX_AFTER)
# received and closed at once (收到并办结依申请公开政府信息事项3件): the words between the verb and the request
# (受理并按时回复政府信息依申请公开事项19项)
RECEIVED_AND_CLOSED = re.compile(r"^并(?:已)?(?:全部)?(?:按时|按期|及时|依法)*(?:办结|答复|回复)(?:了)?(?!.*部分)")
# received and handled (收到和处理政府信息公开申请2件): each received was handled, as a closed count's 办理 or
# 处理 is; of none (收到和处理…申请0条) readers wrote the none received alone, so that gives no closed count
RECEIVED_AND_HANDLED = re.compile(r"^和(?:处理|办理|办结|答复)(?:了)?(?:政府)?$")
# within the time the law or the rules allow (在规定时限内, 在法定期限内, 在规定时间内…)
_IN_TIME_LIMIT = r"在(?:规定|法定)(?:时限|期限|时间)内"
# "…申请1条，已受理回复" / "均已答复": every request received was answered.
ALL_CLOSED = re.compile(
    r"^(?:截[至止](?:到)?\d{1,2}月\d{1,2}日)?(?:(?:其中)?(?:上述申请|所有申请|以上申请|所有来件|上述来件))?"
    # (在规定时间内按要求办结: the time limit first; 严格按照《…依申请公开制度》按期答复: the rule)
    r"(?:已经|已|均|都|并|且|全部|均已|都已|皆已|现已|已全部|按时|按期|及时|依法|" + _IN_TIME_LIMIT
    + r"|(?:严格)?(?:按照|依照|依据)《[^《》]{1,40}》(?:的)?(?:规定|要求)?)+"
    # how: 均按要求进行答复 / 均依法依规按时办结 / 均在规定时限内给予了答复 / 已全部按时答复到位
    r"(?:依规|按规|按规定|按照规定|依规定|按要求|按时|按期|及时|依法|依程序|" + _IN_TIME_LIMIT
    + r"|按程序|依规依程序|妥善"
    r"|进行|有效|给予了|给予|予以|全部)*"
    r"(?:(?:受理|办理|处理)?(?:并)?(?:已)?(?:按时|按期|及时|依法)*(?:予以|完成)?(?:规范|书面)?(?:回复|答复|办结)(?:办结)?(?:完毕|到位|完成)?"
    r"|(?:作出|做出)(?:书面)?答复|(?:办理|处理)(?:完毕|完成|结束|完结))$"
    # done (已), the words of how in any order, ending in the answer (都已及时准确地进行了答复, 已根据规定要求和实际
    # 情况回复申请人, 均已按申请人所需信息的指定提供方式答复): none that puts it off, passes it on, asks for it,
    # answers a part or not yet
    r"|^(?:目前)?(?:均已|都已|已全部|已)(?![^，,]*(?:将|待|等|(?<!所)需|须|应|拟|暂缓|无需|不予|年度|次年|结转|转|请示|交由|部分"
    r"|未|尚|没有|正在|(?:督促|要求)(?:相关|有关|承办)))[^，,。;；\d]{0,20}?(?:答复|回复|办结)(?:办结|完毕|到位|完成)?(?:申请人)?$"
    # or all of them (均), with words of how alone (均在规定时间内及时、详细的予以回复, 均通过书面…等渠道予以回复)
    # (均按规范要求及时予以答复, 均严格按照法定时限和规定程序予以答复处理)
    # (受理依申请公开1件，并严格按照规定时限和程序进行了回复)
    r"|^(?:均|都|全部|并)(?:" + _IN_TIME_LIMIT + r"|及时|详细|认真|按期|按时|依法|依规|按(?:照)?(?:规范|规定)?要求|按规定|严格"
    r"|(?:按照|依照)(?:法定|规定)(?:的)?(?:时限|期限|程序)(?:(?:和|及|、)(?:法定|规定)?(?:的)?(?:时限|期限|程序))?"
    r"|准确|通过[^，,。;；]{0,12}?渠道|予以|给予|进行了|进行|的|地|、)*(?:答复|回复|办结)(?:完毕|到位|完成|处理)?(?:申请人)?$"
    # every request granted (…2件，均为网络申请件，均予以邮寄公开): each answered
    r"|^(?:均|都|全部)(?:已)?(?:依法)?予以(?:邮寄|书面|网上|当面)?公开$"
    # 办结率100% right after the count: every request closed
    # (按时办结率、有效回复率均达为100%: each rate named, all at 100%)
    r"|^(?:按时|按期)?(?:办结率|办复率|答复率)(?:、[^，。;,、]{1,6}率)*(?:均)?(?:达到了|达到|达|为)*100%$"
)

# n.review / n.suit
_CASE_UNIT = r"(?P<unit>件|起|宗|个|案|次)"
REVIEW_1 = re.compile(
    r"行政复议(?:的)?(?:案件|案|申请)?(?:数|数量|总数)?(?:为|共计|共|合计|总计|有)*" + _NUM + _CASE_UNIT + _APX_AFTER
)
REVIEW_2 = re.compile(  # (其中6件申请进入行政复议程序; not 2件属于行政复议程序中的案卷材料查阅申请)
    _NUM_START + _NUM + r"(?:件|起|宗|份|个)(?:有关|涉及|因)?[^，。;,\d]{0,15}?(?:行政复议(?:的)?(?:申请|案件)|进入行政复议程序)"
)
SUIT_1 = re.compile(
    r"行政诉讼(?:的)?(?:案件|案|申请)?(?:数|数量|总数)?(?:为|共计|共|合计|总计|有)*" + _NUM + _CASE_UNIT + _APX_AFTER
)
SUIT_2 = re.compile(
    _NUM_START + _NUM + r"(?:件|起|宗|个)(?:有关|涉及|因)?[^，。;,\d]{0,15}?(?:行政诉讼(?:的)?案件|进入行政诉讼程序)"
)

# n.press_conferences
PRESS_1 = re.compile(
    r"(?:召开|举办|举行|组织|开展)(?:了)?[^，。;,\d]{0,12}?新闻发布会(?:共|共计)?" + _NUM + r"(?:次|场)" + _APX_AFTER
)
PRESS_2 = re.compile(r"新闻发布会(?:共|共计)?(?:召开|举办|举行)?(?:了)?" + _NUM + r"(?:次|场)" + _APX_AFTER)
# the count before the noun: 全年召开18场政府新闻发布会
PRESS_3 = re.compile(r"(?:召开|举办|举行)(?:了)?(?:共|共计)?" + _NUM + r"(?P<apx2>余|多)?(?:次|场)(?:政府|专题|主题|例行)?新闻发布会")
# none held: 全年未召开新闻发布会 / 没有举行过新闻发布会 (the clause ends there: 未召开新闻发布会的部门 are others)
ZERO_PRESS = re.compile(r"(?:未|没有)(?:召开|举办|举行)(?:过)?(?:任何)?(?:政府|专题|主题|例行)?新闻发布会(?:的情况)?$")

# Zeros of requests: 未收到/没有收到 … 政府信息公开的申请, the negation and the request in one clause.
# what a none of requests takes in, after them (申请(含转办), 申请(包括上级转办件)): still a none of all
INCLUDING = r"(?:\((?:含|包括|包含)[^()]{1,12}\))?"
# an item's number in a list (5、 / 5. / (5))
LIST_NUMBER = r"(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])?"
ZERO_REQUESTS = re.compile(
    # (无居民群众、企事业单位提出…申请: no one asked; not 无正当理由提出, 无障碍在线提出, 无偿提出)
    r"(?:(?:未|没有)(?:收到|接到|接收到|受理|发生)(?:过)?"
    r"|无(?=(?:人|任何|公民|法人|群众|居民|市民|村民|企业|企事业|单位|个人|组织|社会|申请人)[^，。;,]{0,20}?提出))"
    r"(?P<mid>[^，。;,]{0,20}?)(?:政府信息公开|依申请公开|信息公开|政府信息)(?:和不予(?:以)?公开)?(?:的)?申请(?:事项|事件|件)?"
    # …申请及相关投诉举报情况: none of either; …申请和因政府信息公开申请行政复议、行政诉讼事件: none of the requests
    # and of the cases
    r"(?:(?:及|和|或)(?:相关)?(?:投诉举报|投诉|举报|咨询)(?:情况)?"
    r"|(?:和|及|或)因(?:政府信息公开|信息公开)?(?:申请)?(?:行政复议|行政诉讼)[^，。;,]{0,16}?(?:事件|案件|情况)"
    # (…申请、无相关申请处理情况: none received, so none handled)
    r"|、(?:无|没有)(?:相关)?(?:申请)?(?:处理|办理|答复)(?:情况)?)?"
    + INCLUDING + r"$"
)
# none as a field's value or as the old format's section heading negated: 依申请受理信息公开申请:无 /
# 我乡无依申请公开政府信息和不予公开政府信息的情况
ZERO_REQUESTS_NONE = re.compile(
    r"^(?P<mid>[^，。;,:：]{0,14}?(?:受理|收到)[^，。;,:：]{0,8}?)" + _DISCLOSURE + r"申请(?:数|情况)?[:：]\s*无$"
    # (本年度无申请政府信息公开的情况)
    r"|^(?:[^，。;,:：]{0,20}[:：])?[^，。;,:：]{0,12}?(?:无|没有)(?:发生)?(?:依申请公开(?:政府信息)?|申请政府信息公开|申请公开(?:政府信息)?)"
    r"(?:和不予(?:以)?公开(?:政府信息)?)?(?:的)?(?:情况|事项)$"
    r"|^[^，。;,]{0,8}?(?:无|没有)依申请公开(?:政府信息)?和不予(?:以)?公开(?:的)?政府信息$"
    # the old template's summary list: 2.行政机关依申请公开政府信息的数量:无
    r"|^" + LIST_NUMBER + r"(?:行政机关)?依申请公开(?:政府)?信息的数量[:：]\s*无$"
)
# the other ways a report says no request came: 没有收到依申请公开政府信息的申请 / 未接到要求公开政府信息的
# 申请件 / 未收到依申请公开的事项 / 没有发生依申请信息公开事件 / 未收到申请公开政府信息件
ZERO_REQUESTS_OTHER = re.compile(
    r"(?:未|没有)(?:收到|接到|受理|发生|接收)(?:过)?(?P<mid>[^，。;,]{0,24}?)"
    r"(?:依申请公开|依申请|要求公开|申请政府信息公开|申请公开|公开政府信息)(?:的)?(?:其它|其他)?(?:政府信息|信息)?(?:内容)?(?:公开)?(?:的)?"
    # (未接收到政府信息依申请公开信件 / 未发生依申请公开受理 / 没有受理“依申请公开政府信息”)
    r"(?:相关)?(?:申请件|申请|请求|要求|事项|事宜|事件|情况|受理件|受理事项|受理|信件|办件|件)?[”\"]?" + INCLUDING + r"$"
)
# none, said in the section on requests without naming them in full: 我镇2016年度无申请 / 本年度无依申请
#公开信息 / 未收到依申请公开事项 / 年度内未申请公开件 (read only under a heading about requests, see scan)
ZERO_REQUESTS_IN_SECTION = re.compile(
    r"^(?P<mid>[^，。;,:：]{0,16}?)(?:未|没有|无)(?:收到|受到|接到|接收到|接收|受理|涉及到|涉及|发生)?(?:过)?"
    r"(?P<what>[^，。;,:：]{0,24}?)(?:申请|诉求|事项|信息|申请件|公开件)(?:表》|表)?(?:情况|事项)?$"
)
# No review or lawsuit: a negation, what the cases would have been about, the cases, and at most a
# word for "cases" or "the situation" to the end of the clause (未发生因政府信息公开申请行政复议、提起
# 行政诉讼的情况 / 无涉及政府信息公开行政复议、诉讼案件 / 没有针对我局政府信息公开的行政复议和行政诉讼).
# Anything else after the cases (被纠错的情况, 败诉) is about an outcome, not a count. 尚未发生 in a
# report on an ended year is "did not" (its readers read a zero); 尚未审结 is an outcome (zero_cases).
ZERO_REVIEW_SUIT = re.compile(
    r"(?:未|没有|无|不存在|并无)(?:发生|出现|收到|接到|产生|有)?(?:过)?(?P<mid>[^，。;,]{0,30}?)"
    r"(?:(?:被)?(?:申请|提起|提出)?(?P<review>(?:行政)?复议)(?:类)?(?:案件|案|申请)?"
    # (or the two kinds written one after the other: 未收到行政复议行政诉讼申请)
    # (无提起行政复议诉讼情况: the two kinds in one word)
    r"(?:(?:、|和|及|以及|或者|或|与|(?=行政诉讼)|(?=诉讼))(?P<mid2>[^，。;,]{0,12}?)(?:被)?(?:提起|提出)?(?P<suit_after>(?:行政)?诉讼)(?:类)?(?:案件|案)?)?"
    # the suits first: 未发生…的行政诉讼案、行政复议案和有关申诉案
    r"|(?:被)?(?:提起|提出)?(?P<suit_first>行政诉讼)(?:案件|案)?(?:、|和|及|以及|或者|或|与)(?P<mid3>[^，。;,]{0,12}?)"
    r"(?:被)?(?:申请|提起|提出)?(?P<review_after>行政复议)(?:案件|案|申请)?"
    r"|(?:被)?(?:提起|提出)?(?P<suit>行政诉讼)(?:案件|案)?)"
    # a third kind listed after them: …行政诉讼、行政申诉案 / …复议、诉讼和申诉 / …案件或出现申诉情况
    r"(?:(?:、|和|及|或|以及)(?:出现|接受)?(?:有关|相关)?(?:的)?(?:行政)?(?:申诉|申述|举报申诉|举报投诉|举报|投诉|信访)(?:案件|案|件)?){0,2}(?:等)?"
    r"(?:的)?(?:申请|案件申请|案件|案|事件|事项|事情|情况|情形)?(?:事项|件)?(?:发生)?$"
)
# What the words between the negation and the cases may be: about information disclosure, or only
# who and why (因, 针对我局, 被申请 …); an outcome or a time word makes the zero another statement.
# (or the information itself: 无因政府信息产生行政复议)
_CASES_ABOUT_DISCLOSURE = re.compile(r"信息公开|政务公开|公开申请|依申请|公开工作|公开事务|政府信息")
_CASES_FILLER = re.compile(
    r"(?:全年|本年度|本年|今年|年内|当年|因|由于|由|有关|相关|针对|涉及|关于|对|本单位|本机关|本部门|我单位|"
    r"我[局委办镇乡县区市厅处所站院]|我街道|我中心|的|被|申请|提起|提出|过|任何|产生|引起|引发|而|和|、)*"
)
_CASES_OTHER = re.compile(r"审|结|判|裁|决定|纠|撤|败|胜|违法|确认|维持|驳回|上年|去年|前年|复议|诉讼")


def zero_cases(m: re.Match) -> tuple[bool, bool] | None:
    """(review, suit): which counts a match of ZERO_REVIEW_SUIT says are zero; None when the words
    around the cases make it about something else."""
    # the words before the first kind of cases, with the 申请/提起 the pattern read before it
    first = next(g for g in ("review", "suit_first", "suit") if m.group(g))
    parts = (m.string[m.start("mid"):m.start(first)], m.group("mid2") or "", m.group("mid3") or "")
    if any(_CASES_OTHER.search(part) for part in parts):
        return None
    if not all(not part or _CASES_ABOUT_DISCLOSURE.search(part) or _CASES_FILLER.fullmatch(part) for part in parts):
        return None
    return bool(m.group("review") or m.group("review_after")), \
        bool(m.group("suit") or m.group("suit_after") or m.group("suit_first"))


# 因政府信息公开申请行政复议、提起行政诉讼的情况:无 (the section's heading and its one-word answer, see
# sentences.prose_blocks): none of either
CASES_ANSWERED_NONE = re.compile(r"^" + LIST_NUMBER + r"(?:因政府信息公开(?:申请)?)?(?:申请)?行政复议(?:、|和|及|与)(?:提起)?行政诉讼(?:的)?(?:情况)?:无$")
# 本年度政府信息行政复议和行政诉讼数量均为零: both kinds of cases counted at once, as none
JOINT_ZERO_CASES = re.compile(r"行政复议(?:案件)?(?:和|、|及|与)行政诉讼(?:案件)?(?:的)?(?:数量|数|件数|案件数)?(?:均|都)?为(?:零|0)(?:件|起)?$")

# 行政复议、行政诉讼案件为0件: one count of both kinds of cases, right before a review or suit figure
JOINT_CASES_BEFORE = {
    "n.suit": re.compile(r"行政复议(?:案件|案)?(?:、|和|及|与)(?:被)?(?:提起|提出)?$"),
    "n.review": re.compile(r"行政诉讼(?:案件|案)?(?:、|和|及|与)$"),
}


# ---------------------------------------------------------------------------------------------
# What a clause must hold before a pattern is tried
# ---------------------------------------------------------------------------------------------

# A figure as the patterns read it: a digit or a Chinese numeral right before its unit (万 and 余/多
# may stand between), which every pattern built on the figure fragment needs, or a none written
# 为零/为0 (JOINT_ZERO_CASES). A numeral alone is in too many words (一些, 统一, 进一步) and a digit
# alone in every date to tell a sentence that may state a figure.
#   [\d零〇一二两三四五六七八九十百千]万?[余多]{0,2}[条件个份宗项起次例篇案场]|为[零0]
# Written as the unit with what must stand before it looked back at (one lookbehind for each of the
# six lengths 万?[余多]{0,2} may take): it matches where the form above does, only the match is the
# unit alone, and the callers ask only whether there is one. A search for the form above tries a
# match at every digit and numeral, and numerals are in far more words than the units are.
# (Every match opens with a unit or the 为 of 为零, one set of characters: a pattern that opens with
# one set lets the search skip to the characters of the set, where one that opens with two
# alternatives is tried whole at every character, twice as slow.)
_NUMERAL = r"[\d零〇一二两三四五六七八九十百千]"
_UNIT = r"[条件个份宗项起次例篇案场]"
FIGURE = re.compile(_UNIT[:-1] + "为](?:" + "|".join(f"(?<={_NUMERAL}{between}{_UNIT})" for between in
                                                      ("", "万", "[余多]", "万[余多]", "[余多]{2}", "万[余多]{2}"))
                    + r"|(?<=为)[零0])")
# pattern -> (needs a figure, words of which the clause must hold one): a clause that fails these
# cannot match, so the (much slower) search is skipped. Read off the patterns above.
NEEDS: dict[re.Pattern, tuple[bool, tuple[str, ...]]] = {
    ACTIVE_A: (True, ("主动",)),
    ACTIVE_A_PIECES: (True, ("主动",)),
    ACTIVE_B1: (True, ("政府信息",)),
    ACTIVE_B2: (True, ("政府信息",)),
    ACTIVE_S: (True, ("信息",)),
    RECV_1: (True, ("公开",)),
    RECV_2: (True, ("依申请",)),
    RECV_3: (True, ("申请",)),
    RECV_BARE: (True, ("申请", "请求")),
    RECV_4: (True, ("依申请公开",)),
    RECV_REVERSED: (True, ("申请公开", "公开政府信息", "公开信息", "申请政府信息公开")),
    RECV_COUNT: (True, ("申请",)),
    RECV_GENERIC: (True, ("申请",)),
    CLOSE_1: (True, ("公开",)),
    CLOSE_2: (True, ("公开",)),
    CLOSE_FOLLOW: (True, ("办结", "答复", "回复", "办理", "处理", "完成")),
    REVIEW_1: (True, ("行政复议",)),
    REVIEW_2: (True, ("行政复议",)),
    SUIT_1: (True, ("行政诉讼",)),
    SUIT_2: (True, ("行政诉讼",)),
    PRESS_1: (True, ("新闻发布会",)),
    PRESS_2: (True, ("新闻发布会",)),
    PRESS_3: (True, ("新闻发布会",)),
    ZERO_PRESS: (False, ("新闻发布会",)),
    ZERO_REQUESTS: (False, ("未", "没有", "无")),
    ZERO_REQUESTS_OTHER: (False, ("未", "没有")),
    ZERO_REQUESTS_NONE: (False, ("无", "没有")),
    CLOSE_3: (True, ("答复", "办结")),
    JOINT_ZERO_CASES: (True, ("行政复议",)),
    ZERO_REVIEW_SUIT: (False, ("未", "没有", "无", "不存在")),
    ZERO_REQUESTS_IN_SECTION: (False, ("未", "没有", "无")),
}


# keyed by identity: hashing a compiled pattern hashes its whole source, at every lookup
_NEEDS_BY_ID = {id(rx): needs for rx, needs in NEEDS.items()}


def _fewest(words: set[str]) -> tuple[str, ...]:
    """The words of which a text holds one exactly when it holds one of ``words``: a word that holds
    another of them (依申请公开 holds 申请) adds nothing. Shortest first, which are found most."""
    return tuple(sorted((w for w in words if not any(o != w and o in w for o in words)), key=lambda w: (len(w), w)))


# every word of NEEDS: a clause none of whose patterns can match is skipped at once (str.find looks for
# a word many times faster than a pattern of the words tries each character)
_FIGURE_WORDS = _fewest({w for figure, words in NEEDS.values() if figure for w in words})
_PLAIN_WORDS = _fewest({w for figure, words in NEEDS.values() if not figure for w in words})


def may_match(text: str, has_figure: bool) -> bool:
    """False when no pattern of NEEDS can match ``text`` or any part of it (a clause of a sentence).

    A pattern needs one of its words in the text, and a figure when it is built on one; a part of
    a text holds no word and no figure the text lacks, so a sentence that fails this has no
    clause that passes it."""
    if has_figure:
        for word in _FIGURE_WORDS:
            if word in text:
                return True
    for word in _PLAIN_WORDS:
        if word in text:
            return True
    return False


def may_match_text(text: str) -> bool:
    """``may_match(text, bool(FIGURE.search(text)))``, the figure, the slowest to tell, searched only
    where it decides: where no word a pattern without a figure needs is there, and one a pattern
    built on a figure needs is."""
    for word in _PLAIN_WORDS:
        if word in text:
            return True
    for word in _FIGURE_WORDS:
        if word in text:
            return FIGURE.search(text) is not None
    return False


def search_clause(rx: re.Pattern, clause: str, has_figure: bool) -> re.Match | None:
    """``rx.search(clause)``, skipped when the clause lacks what the pattern needs (see NEEDS)."""
    figure, words = _NEEDS_BY_ID[id(rx)]
    if figure and not has_figure:
        return None
    for w in words:
        if w in clause:
            return rx.search(clause)
    return None
