"""Cleaning a printed agency name, and the kind of body a name denotes."""
from __future__ import annotations

import re
import unicodedata

from ..traditional import strip_pinyin, to_simplified

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
# (a ? or � is a character a mirror could not encode)
_EDGE_JUNK = "|:：,，。.;；、 \t\"'“”‘’《》<>【】[]()（）-—_*·•▲△▼▽►▶◆◇■□●○★☆→?？\ufffd"

# words of the gambling spam that mirrors write into pages, never in a body's name (体育 alone is a
# sports bureau's, 彩票 a lottery centre's, 棋牌 a sports centre's, 太阳城 a place's: only 彩票网 is the spam's,
# and a brand written over the place, 中国体育彩票市统计局, 优米体育足球财政局)
_SPAM = re.compile(
    r"赌|博彩|投注|娱乐城|百家乐|官网|彩票网(?!点)|金年会|(?:成人|西甲|英超|足球|篮球|NBA|在线)直播"
    # casinos', lotteries' and bookmakers' brands
    r"|威廉希尔(?:公司)?|欧博|葡京|威尼斯人|娱乐场|澳门金沙|金沙城中心|幸运飞艇|时时彩|六合彩|北京赛车|皇冠体育|华体会|老虎机"
    r"|(?<![A-Za-z])[Bb][Ee][Tt]|[Bb][Ee][Tt](?=\d|-|体育|官)"
    # a brand written over the place: 葡京娱乐县, bet365体育县人民政府, 中国体育彩票市统计局, 优米体育足球财政局
    r"|娱乐(?=[县市区])|体育(?=[县市区](?:人民)?政府)|体育足球|体育彩票(?=[市县区])"
)
_SPAM_SITE_WORDS = re.compile(r"^(?:[(（]中国[)）]|[^\u4e00-\u9fff]|入口|官方网站|网站|官网|平台|主页|首页)+")
_STARTS_WITH_PLACE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|旗|镇|乡|街道)")
_LEADING_DOMAIN = re.compile(r"^(?:https?://)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/?(?=[\u4e00-\u9fff])")

STREET_SUFFIX = ("街道办事处", "街道办", "街道")
# the words that end a zone's name (新区 is left out: 滨海新区, 清新区 are districts; each use says
# whether it counts)
ZONE_WORDS = "实验区|试验区|示范区|开发区|高新区|经开区|合作区|园区|保税港区|保税区|综保区"
TOWN_WORDS = ("镇", "乡", "苏木")
_OTHER = re.compile(r"(?:公司|集团|医院|学校|大学|学院|中学|小学|银行|研究院|出版社)$")
_DEPARTMENT = re.compile(
    r"(?:局|厅|委|委员会|办公室|办公厅|办|中心|院|署|所|站|队|部|处|室|馆|社|台|会|分局|支队|大队|科|股)$"
)


# what a page prints after a name: its buttons (【打印】【关闭】), a seal's place ([盖章]), the short name a
# sentence gives it ((简称“区统计局”), (以下简称市局))
_AFTER_THE_NAME = re.compile(r"(?:[【\[(（](?:打印(?:本页)?|关闭(?:窗口)?|盖章|收藏|分享|返回)[】\])）]"
                             r"|[(（](?:以下)?(?:简称|下称)[^()（）]{1,12}[)）])+$")


# a second name in brackets after the body's: 嘉兴市人民防空办公室(民防局), 省政府研究室(发展研究中心)
SECOND_NAME = re.compile(r"\(([^()]{2,16})\)$")


def _strip_edges(text: str) -> str:
    # the bracket that closes a name's own brackets stays: 长江镇(如皋港区)
    kept = text.strip(_EDGE_JUNK)
    if kept.count("(") > kept.count(")") and text.rstrip(_EDGE_JUNK.replace(")", "")).endswith(")"):
        kept += ")"
    return kept


def _after_spam(text: str) -> str:
    """What follows the last spam words and the site words after them, when it names its place
    (开云手机官网入口·(中国)官方网站励家镇人民政府: 励家镇人民政府); else '' (北京市手机彩票网民政局: the
    spam replaced the district, and 民政局 alone names no body)."""
    tail = _SPAM_SITE_WORDS.sub("", text[list(_SPAM.finditer(text))[-1].end():])
    return tail if _STARTS_WITH_PLACE.match(tail) else ""


def clean_name(name: str | None) -> str:
    """A printed name without injected pinyin, invisible characters, spaces or edge punctuation,
    in Simplified characters; '' when nothing is left."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", name))
    text = strip_pinyin(text)
    text = _strip_edges(_AFTER_THE_NAME.sub("", "".join(text.split())))
    if text and not text.isascii():  # t2s leaves Simplified text as it is; a name is too short to sniff
        text = to_simplified(text)
    # 名  称: 海口市卫生局2010年… / 标题 流峪镇人民政府2015年… (a field's label, with or without its colon)
    text = _strip_edges(re.sub(r"^(?:关于|中共)|^(?:名称|标题|题名|文件名称|信息名称)[:：]?"
                               r"|^(?:信息来源|来源|发布机构|发文机关|发布单位)[:：】\]]", "", text))
    text = _LEADING_DOMAIN.sub("", text)  # a mirror's host written over the place: puroview.com沙头镇
    # what a label or a mirror's spam joined to the name with a colon (文号:关键字:白银区人民政府, 网易体育:…), or the
    # spam with _ (沙巴体育在线_欧洲杯预选赛投注:林业厅; a site's name after _ is no spam: …街道办事处_…区人民政府)
    if ":" in text or "：" in text:
        text = _strip_edges(re.split(r"[:：](?!//)", text)[-1])
    if "_" in text and _SPAM.search((halves := text.rsplit("_", 1))[0]):
        text = _strip_edges(halves[1])
    if _SPAM.search(text):
        text = _after_spam(text)
    return text.replace("管委会", "管理委员会")


def agency_kind(name: str | None, zone: bool = False) -> str | None:
    """government / department / township / street_office / other, from the canonical name."""
    if not name:
        return None
    if name.endswith(("人民政府办公室", "人民政府办公厅", "管理委员会办公室")):
        return "department"
    if name.endswith(STREET_SUFFIX):
        return "street_office"
    if re.search(r"(?:镇|乡|苏木)(?:人民)?政府$", name):
        return "township"
    if name.endswith("管理委员会"):  # a zone's committee governs it; 城市管理委员会 is a department
        return "government" if re.search(r"(?:区|园|城|岛|港)管理委员会$", name) else "department"
    if name.endswith(("人民政府", "行政公署", "政府")):
        return "government"
    if _OTHER.search(name):
        return "other"
    if _DEPARTMENT.search(name):
        return "department"
    return "other"
