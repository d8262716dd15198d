"""A count of information published without 主动 (全年共公开信息253条), read as the items proactively
disclosed only where it stands for the section on proactive disclosure: the section's own count, not
one kind's, one channel's among others, a social-media account's, a part of a count stated before, or
a count until a month before the year's end."""
from __future__ import annotations

import re

from .patterns import ACTIVE_SECTION, NEW_MEDIA, TOPIC, read_value
from .sentences import Sentence, last_heading

# a channel named in parentheses (通过政府网站(政府信息公开专栏)公开…) is no topic
_PARENTHESES = re.compile(r"[(（][^)）]{0,30}[)）]")
_OTHER_COUNT = re.compile(r"\d+(?:余|多)?(?:条|篇)")
_PUBLISHED_COUNT = re.compile(r"(?:发布|公开|推送|上传|推文)[^。；;，,]{0,25}?(?P<count>\d+)(?:余|多)?(?:条|篇)")
_ACTIVE_COUNT = re.compile(r"主动公开[^。；;，,]{0,20}?\d")
_WEBSITE = re.compile(r"网|平台|公开栏|公示栏")
_UNTIL_MONTH = re.compile(r"截[至止](?:到)?(?:(?:19|20)\d{2}年)?(\d{1,2})月")
_NEXT_SECTION = re.compile(r"依申请|[(]?[二三四五六七八九十][)、]")
# the sentence after a count that opens on 其中, to its end or the next heading (the text after a sentence
# comes without its line breaks)
_PARTS_SENTENCE = re.compile(r"\s*其中[^。\n]*?(?:[。\n]|(?=[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)|$)")
_PART_COUNT = re.compile(r"(\d+)(?:条|篇)")
# items given on request counted among the parts of a count of items (其中依申请公开信息2条)
_REQUESTED_ITEMS = re.compile(r"申请[^。]*?\d+条")
# a count named only as the total of information (信息总数10条), with no 为/达 before the number
_BARE_TOTAL = re.compile(r"总数\d")
# a count that stands now, not the year's (目前,我局在网站公开信息总数1200条)
_STANDING = re.compile(r"目前|现有|至今|迄今")
# the proactive section's own sub-heading on how much was published (二、主动公开政府信息情况 (一)公开的数量)
_COUNT_HEADING = re.compile(r"(?:主动)?公开(?:政府)?(?:信息)?的?(?:数量|总数|条数)")


def _parts_follow(m: re.Match, rest: str) -> bool:
    """The counts published after the match, from the first on, add up to it: its parts by channel
    (累计公开政府信息106条。…政府网站公开信息103条…内网门户网站公开信息3条)."""
    value = read_value(m)
    if value is None or value.approximate:
        return False
    total = 0
    for count in _PUBLISHED_COUNT.finditer(rest):
        total += int(count.group("count"))
        if total >= value.value:
            return total == value.value
    return False


def _breaks_it_down(m: re.Match, parts: str) -> bool:
    """The sentence opened by 其中 after the count lists some of its parts (其中:政策文件1条,财政资金3条,其他主动
    公开内容23条 under 27): counts of no request (其中依申请公开2条) and of no social-media account (其中政策文件
    5条,通过微信公众号发布信息45条: another channel beside the website's), which together do not pass it."""
    value = read_value(m)
    if value is None or value.approximate or "申请" in parts or NEW_MEDIA.search(parts):
        return False
    return sum(int(n) for n in _PART_COUNT.findall(parts)) <= value.value


def stands_for_the_section(sent: Sentence, i: int, clause: str, m: re.Match) -> bool:
    """Whether the match ``m`` of ``ACTIVE_S`` in clause ``i`` is the count of the proactive section."""
    before = sent.text_before(i)
    head = clause[: m.start()]
    if "其中" in before or "申请" in clause or "信息中" in m.group() \
            or TOPIC.search(_PARENTHESES.sub("", clause[: m.end()].replace("各类", ""))):
        return False  # a part of a count stated before (其中…, 主动公开的政府信息中…), a topic's count
    after = sent.text[len(before) + m.end():]
    if _OTHER_COUNT.search(before + after.split("其中")[0]):
        return False  # one channel's count among others (网站3972条, 微博5092条…)
    if _STANDING.search(before + head):
        return False  # a standing count, not the year's
    rest = sent.after
    parts = _PARTS_SENTENCE.match(rest)
    if parts and _REQUESTED_ITEMS.search(parts.group()) \
            or _BARE_TOTAL.search(m.group()) and re.search(r"其中[^。]*申请", after):
        # …发布信息27条。其中依申请公开信息2条 / 信息总数10条,其中依申请公开2条: a count of every item, the
        # requested ones too (a portal's list of its numbers after the count, …依申请公开:59件, is read as before)
        return False
    if (cut := _NEXT_SECTION.search(rest)) is not None:
        rest = rest[: cut.start()]
    if parts is not None and _breaks_it_down(m, parts.group()):
        rest = rest[parts.end():]  # the next sentence breaks this count down
    if (_PUBLISHED_COUNT.search(rest) or _ACTIVE_COUNT.search(rest)) and not _parts_follow(m, rest):
        return False  # another channel's count follows in the section (微信公众号发布…30篇)
    section = sent.context[-150:] + before + head
    if not ACTIVE_SECTION.search(section):
        return False  # not in the section on proactive disclosure
    since = section[section.rfind("主动公开"):]
    heading = last_heading(since)
    if _PUBLISHED_COUNT.search(since) or heading is not None and not _COUNT_HEADING.match(heading):
        return False  # another channel's count came before, or another heading
    if heading is not None and "申请" in after:
        return False  # under 公开的数量, a count with the requests among its parts (…10条,其中依申请公开2条)
    said = before + head
    if NEW_MEDIA.search(said) and not _WEBSITE.search(said):
        return False  # a social-media account's posts (公众号…累计发布信息331篇)
    to = _UNTIL_MONTH.search(since + sent.text)
    return to is None or to.group(1) == "12"  # not a count until 截止到2014年11月
