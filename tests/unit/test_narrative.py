"""Figures stated in prose (n.*): real reports with hand-checked gold, and one test per phrasing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagster_project.parse.model import Figure
from dagster_project.parse.prose.narrative import extract_prose_figures, parse_cn_number
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "prose"
# name -> {"report_year": int, "values": {code: gold value}}: the n.* gold of the seeds and of the
# Pingtan pages (copied from the hand-checked gold files next to the texts).
EXPECTED: dict[str, dict] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _figures(text: str, year: int | None = 2017) -> dict[str, Figure]:
    figures = extract_prose_figures(text, year)
    codes = [f.indicator_code for f in figures]
    assert len(codes) == len(set(codes)), "at most one figure per indicator"
    return {f.indicator_code: f for f in figures}


def _values(text: str, year: int | None = 2017) -> dict[str, float]:
    return {code: f.value for code, f in _figures(text, year).items()}


# ---------------------------------------------------------------------------------------------
# Real reports against their gold
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_report_matches_gold(name: str) -> None:
    spec = EXPECTED[name]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    figures = _figures(text, spec["report_year"])
    gold = spec["values"]
    # Nothing emitted contradicts the gold.
    unlabelled_zeros = set()
    for code, fig in figures.items():
        if code in gold:
            assert fig.value == gold[code], (code, fig.evidence)
        elif code in ("n.review", "n.suit") and fig.value == 0:
            # the seeds' gold leaves out the zeros of "none" statements (未收到因…提起行政诉讼的案件)
            unlabelled_zeros.add(code)
        else:
            # Unlabelled figures may only be approximate ones (5300余条, 7700余条).
            assert fig.value_status == "approximate", (code, fig.value, fig.evidence)
    # Every labelled figure is found, as reported.
    reported = {c: f.value for c, f in figures.items() if f.value_status == "reported" and c not in unlabelled_zeros}
    assert reported == gold
    for fig in figures.values():
        assert fig.source == "prose"
        assert fig.applicant_type == "total"
        assert fig.evidence


def test_corpus_totals() -> None:
    gold_n = correct = wrong = missed = 0
    for name, spec in EXPECTED.items():
        text = (FIXTURES / name).read_text(encoding="utf-8")
        got = _values(text, spec["report_year"])
        for code, value in spec["values"].items():
            gold_n += 1
            if code not in got:
                missed += 1
            elif got[code] == value:
                correct += 1
            else:
                wrong += 1
    assert gold_n == 73
    assert (correct, wrong, missed) == (73, 0, 0)


def test_evidence_is_the_clause() -> None:
    text = (FIXTURES / "seed_001_cfbdc836ed46ac6d.txt").read_text(encoding="utf-8")
    figs = _figures(text, 2017)
    assert figs["n.requests.received"].evidence == "全年全区受理依申请公开政府信息29件"
    assert figs["n.press_conferences"].evidence == "召开新闻发布会2次"
    assert figs["n.active.items"].evidence == "全区通过各种渠道公开政府信息总计32101条"


def test_unlabelled_approximate_statements() -> None:
    t = (FIXTURES / "pingtan_202603_105587.txt").read_text(encoding="utf-8")
    f = _figures(t, 2025)["n.active.items"]
    assert (f.value, f.value_status) == (7700, "approximate")
    t = (FIXTURES / "pingtan_201412_80787.txt").read_text(encoding="utf-8")
    figs = _figures(t, 2014)
    assert figs["n.active.items"].value_status == "approximate"
    assert "n.requests.received" not in figs  # 共受理申请121510件 is licensing


# ---------------------------------------------------------------------------------------------
# Phrasings
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, code, value",
    [
        ("2017年，市质监局主动公开政府信息236条，其中利用政府信息网站主动公开政务信息98条。", "n.active.items", 236),
        ("截至12月31日，主动公开信息2320条，主要包括中心职能。", "n.active.items", 2320),
        ("全区通过各种渠道公开政府信息总计32101条。", "n.active.items", 32101),
        ("今年，我区政府信息公开单位共公布政府信息2599条。", "n.active.items", 2599),
        ("全年主动公开我区各级单位政府信息2645条。", "n.active.items", 2645),
        ("通过政府门户网站全年主动公开各类政府信息10407条。", "n.active.items", 10407),
        ("2014年主动公开政府信息 2543条。", "n.active.items", 2543),
        ("全县共主动公开政府信息12,345条。", "n.active.items", 12345),
        ("全年全区受理依申请公开政府信息29件，办结29件，办结率100%。", "n.requests.received", 29),
        ("全年全区受理依申请公开政府信息29件，办结29件，办结率100%。", "n.requests.closed", 29),
        ("2020年全区各级行政机关共受理政府信息公开申请21件。", "n.requests.received", 21),
        ("（二）依申请公开方面。本年度全区共收到70件申请，及时依法依规办结69件。", "n.requests.received", 70),
        ("依申请公开方面，本年度全区共收到70件申请，及时依法依规办结69件。", "n.requests.closed", 69),
        ("2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件。", "n.requests.received", 81),
        ("全年办理政府信息公开申请218件。", "n.requests.closed", 218),
        ("对依申请公开的答复总数21条，其中同意公开答复数17条。", "n.requests.closed", 21),
        ("全区共收到政府信息公开申请154件，共办结148件，结转6件。", "n.requests.closed", 148),
        ("全年共收到政府信息公开申请35件。已办结33件，2件正在办理中。", "n.requests.closed", 33),
        ("全区收到有关政府信息公开的信函申请1条，已受理回复。", "n.requests.closed", 1),
        ("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。", "n.review", 36),
        ("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。", "n.suit", 9),
        ("全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件。", "n.review", 2),
        ("全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件。", "n.suit", 1),
        ("全区未收到依申请公开申请，收到1份有关政府信息公开行政复议申请已及时处理。", "n.review", 1),
        ("我局收到以有关政府信息公开行政复议0件。", "n.review", 0),
        ("2017年，全区通过各种渠道公开政府信息；召开新闻发布会2次。", "n.press_conferences", 2),
        ("通过不同渠道和方式回应解读情况：举办新闻发布会12次，组织政府网站在线访谈0次。", "n.press_conferences", 12),
        ("2019年孝感市政府研究室主动公开信息16条，收到依申请公开请求2件，按时办结2件。", "n.requests.received", 2),
        # 收 alone before the request named in full, and the closed count after the carried-over one
        ("全年收政府信息公开申请464件,结转上年度政府信息公开申请3件,本年度办结441件,剩余26件结转下年度办理。", "n.requests.received", 464),
        ("全年收政府信息公开申请464件,结转上年度政府信息公开申请3件,本年度办结441件,剩余26件结转下年度办理。", "n.requests.closed", 441),
        # the two kinds of cases written one after the other
        ("(二)依申请公开情况2017年度未收到行政复议行政诉讼申请,尽职履行、依法保障公民的依申请公开权利。", "n.review", 0),
        ("(二)依申请公开情况2017年度未收到行政复议行政诉讼申请,尽职履行、依法保障公民的依申请公开权利。", "n.suit", 0),
        # a short line under its heading that says none came
        ("五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无申请行政复议、提起行政诉讼的情况", "n.review", 0),
        ("五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无申请行政复议、提起行政诉讼的情况", "n.suit", 0),
        # every rate named at 100%: all closed
        ("2017年,共受理政府信息公开申请104件,按时办结率、有效回复率均达为100%。", "n.requests.closed", 104),
        # what a site re-posted is disclosed too; 公开申请 in a sentence about 依申请公开; requests sent as letters
        ("2017年,大理市政府网站主动公开和转载各类信息4611条。", "n.active.items", 4611),
        ("进一步提升依申请公开工作质量。全年共收到公开申请32件,均在法定期限内予以答复。", "n.requests.received", 32),
        ("2017年,收到政府信息依申请公开信件8件,办结8件,办结率100%。", "n.requests.received", 8),
        # 完成 alone closes requests right after their count; both kinds of cases counted at once as none
        ("(二)依申请公开答复方面。2017年接收政府信息公开申请52件,完成50件,2件正在办理。", "n.requests.closed", 50),
        ("(二)依申请公开答复方面。本年度政府信息行政复议和行政诉讼数量均为零。", "n.review", 0),
        ("(二)依申请公开答复方面。本年度政府信息行政复议和行政诉讼数量均为零。", "n.suit", 0),
        # who attended is said after the count, in the next item of the clause; requests counted in 例
        ("2017年召开新闻发布会4场、参加政行风热线2次、网络问政1次。", "n.press_conferences", 4),
        ("制作依申请公开信息495条,收到申请26例,均依法进行办理。", "n.requests.received", 26),
        # the requests named without a verb, or asked as 要求; 街道 opening the clause is the street office itself
        ("网上申请、信件邮寄等形式的依申请公开件共12件,均依法依规按时办结。", "n.requests.received", 12),
        ("2017年度我单位共收到4条依申请公开信息要求,均已按要求答复。", "n.requests.received", 4),
        ("1、主动公开情况。截至2017年12月31日,街道主动公开各类政府信息62条。", "n.active.items", 62),
        # no request, in the words of three pages
        ("(二)依申请公开情况 2017年我单位未接收到政府信息依申请公开信件。", "n.requests.received", 0),
        ("三、依申请公开政府信息办理情况 2017年我局未发生依申请公开受理。", "n.requests.received", 0),
        ("(二)依申请公开政府信息办理情况。2017年度我局没有受理“依申请公开政府信息”。", "n.requests.received", 0),
        # a third kind after the cases as some pages spell it (申述 for 申诉)
        ("2016年度我委未发生因政府信息公开申请行政复议、提起行政诉讼和行政申述情况。", "n.review", 0),
        ("2016年度我委未发生因政府信息公开申请行政复议、提起行政诉讼和行政申述情况。", "n.suit", 0),
        # ... and of five more (办件, 受理事项, 相关事项, no one who asked, a heading's none)
        ("2021年,我办未收到依申请公开办件。", "n.requests.received", 0),
        ("三、政府信息依申请公开情况 本街道2017年度未发生依申请公开信息受理事项。", "n.requests.received", 0),
        ("2018年度内江市市中区交通运输局没有接到依法申请公开政府信息相关事项。", "n.requests.received", 0),
        ("2017年,我街道无居民群众、企事业单位提出政府信息公开申请。", "n.requests.received", 0),
        ("三、依申请公开信息的情况和不予公开政府信息的情况\n无申请公开和不予公开的情况", "n.requests.received", 0),
        ("2019年孝感市政府研究室主动公开信息16条，收到依申请公开请求2件，按时办结2件。", "n.requests.closed", 2),
        ("2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。", "n.requests.received", 1499),
        ("本局2017年共受理信息公开申请10件，其中当面申请1宗，占10%。", "n.requests.received", 10),
        ("全区共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。", "n.suit", 2),
        ("2018年，共制作政府信息3021条，其中主动公开信息1027条，依申请公开信息459条。", "n.active.items", 1027),
        ("本区到年底累计主动公开政府信息5928条，其中，本年度新增主动公开政府信息2110条。", "n.active.items", 2110),
        # (second_readers/prose_j p016 and p019: a street's and a town's none of requests)
        ("2022年度,长兴岛街道收到和处理政府信息公开申请办理事项为0件。", "n.requests.received", 0),
        ("2025年度,我镇未收到政府信息公开申请、无相关申请处理情况,未发生政府信息公开行政复议、行政诉讼情况。",
         "n.requests.received", 0),
        # (second_readers/prose_k p07: 主动公开发布, the two verbs joined)
        # (prose_l p017: the year's new items)
        ("本机关2015年共主动公开政府信息新增22条,其中全文电子化率达100%。", "n.active.items", 22),
        ("(一)主动公开情况。截至2025年12月31日,虹山乡通过政府信息网主动公开发布各类信息7条,内容涉及民政扶贫救灾社会保障就业类"
         "信息1条、安全生产、应急管理类信息2条、其他信息4条。", "n.active.items", 7),
    ],
)
def test_phrasing(sentence: str, code: str, value: float) -> None:
    figs = _figures(sentence, None)
    assert code in figs, sentence
    assert figs[code].value == value
    assert figs[code].value_status == "reported"
    assert figs[code].source == "prose"


def test_no_need_to_ask_is_no_none_of_requests() -> None:
    # 无 before one who asks is a none of requests only as "no one asked": 无需, 无论 and 无法 are not
    assert _values("群众无需提出政府信息公开申请即可获取。") == {}
    assert _values("无论何人提出政府信息公开申请,均依法答复。") == {}
    assert _values("无法通过网络提出政府信息公开申请的,可当面提出。") == {}
    # nor how or on what grounds one asks (a second reader's cases)
    assert _values("个别申请人无正当理由大量、反复提出政府信息公开申请,占用了大量行政资源。") == {}
    assert _values("群众可通过政府门户网站无障碍在线提出政府信息公开申请。") == {}
    assert _values("公民、法人和其他组织可以无偿提出政府信息公开申请。") == {}


def test_bare_request_count_needs_disclosure_context() -> None:
    assert _values("本年度全区共收到70件申请，及时依法依规办结69件。") == {}


def test_review_case_under_a_heading_line() -> None:
    text = "五、因信息公开引起的行政复议和行政诉讼情况\n2017年度针对我局有关的行政复议案0件。"
    assert _values(text) == {"n.review": 0}


def test_review_under_a_heading_line() -> None:
    text = "五、因政府信息公开申请行政复议和提起行政诉讼情况\n  2017年，全区共收到行政复议1件，办结1件。"
    assert _values(text) == {"n.review": 1}  # 办结1件 closes the review, not a request


def test_review_without_disclosure_context_is_ignored() -> None:
    assert _values("全年共办理行政复议案件56件，行政诉讼案件30件。") == {}


# ---- approximate, 万, Chinese numerals ------------------------------------------------------


def test_approximate_yu_duo() -> None:
    f = _figures("共主动公开政府信息5300余条，其中区直、县直各单位主动公开政府信息4000多条。", 2014)
    assert (f["n.active.items"].value, f["n.active.items"].value_status) == (5300, "approximate")
    f = _figures("全年主动公开政府信息约1200条。")
    assert f["n.active.items"].value_status == "approximate"


def test_wan_multiplies() -> None:
    f = _figures("2018年，我局共主动公开政府信息1.2万余条。", 2018)["n.active.items"]
    assert (f.value, f.value_status) == (12000, "approximate")
    assert _values("全年主动公开政府信息28万条。") == {"n.active.items": 280000}


def test_chinese_numerals() -> None:
    assert parse_cn_number("一") == 1
    assert parse_cn_number("两") == 2
    assert parse_cn_number("十二") == 12
    assert parse_cn_number("二十一") == 21
    assert parse_cn_number("一百零五") == 105
    assert parse_cn_number("是") is None
    got = _values("召开新闻发布会两次。收到因政府信息公开申请引发的行政复议申请一件。受理政府信息公开申请十二件，办结十二件。")
    assert got == {
        "n.press_conferences": 2,
        "n.review": 1,
        "n.requests.received": 12,
        "n.requests.closed": 12,
    }
    assert _values("受理依申请公开政府信息二十一件，办结二十一件。")["n.requests.received"] == 21


def test_traditional_chinese() -> None:
    got = _values("全年主動公開政府資訊2,645條，收到政府資訊公開申請70件，因政府資訊公開申請行政復議3起。")
    assert got == {"n.active.items": 2645, "n.requests.received": 70, "n.review": 3}


# ---- zeros ----------------------------------------------------------------------------------


def test_zero_from_explicit_not_received_phrasing() -> None:
    got = _values("2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。", 2011)
    assert got == {"n.requests.received": 0, "n.review": 0}
    got = _values("2015年我区未收到有关政府信息公开行政复议、提起行政诉讼的申请。", 2015)
    assert got == {"n.review": 0, "n.suit": 0}
    assert _values("我局办公室未收到政府信息公开申请。") == {"n.requests.received": 0}


def test_zero_reviews_and_suits_from_none_statements() -> None:
    # the wordings of real reports (2009-2023): 未发生 / 没有 / 无 / 不存在, the cases, 的情况 / 案件
    assert _values("全区行政机关未收到因政府信息公开申请提起行政诉讼的案件。") == {"n.suit": 0}
    both = {"n.review": 0, "n.suit": 0}
    assert _values("全年未发生因政府信息公开申请提起行政复议、行政诉讼的情况。") == both
    assert _values("2017年未发生因政府信息公开工作而被申请行政复议、提起行政诉讼的情况。") == both
    assert _values("无涉及政府信息公开行政复议、诉讼案件。") == both
    assert _values("不存在有关政府信息公开行政复议和行政诉讼情况。") == both
    assert _values("全年未发生因政府信息公开产生申请行政复议或者提起行政诉讼的情况。") == both
    assert _values("2017年没有针对我镇政府信息公开申请而提起行政复议和行政诉讼的情况发生。") == both
    assert _values("也未发生政府信息依申请行政复议案和政府信息依申请被提起行政诉讼案。") == both
    assert _values("2017年未發生因政府信息公開申請行政復議和提起行政訴訟情況。") == both
    assert _values("本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。") == both
    assert _values("依申请公开3次，行政复议0次，行政诉讼0次。") == both
    # appeals (申诉) listed after them (seed 000 and real reports of 2012-2025)
    assert _values("无依申请公开项，无行政复议、诉讼、申诉情况，公众满意度较高。") == both
    assert _values("2017年度我局未发生针对本部门有关政府信息公开事务的行政复议、行政诉讼、行政申诉案。") == both
    assert _values("2017年度未接到有关政府信息公开方面的复议、诉讼和申诉。") == both
    assert _values("2017年度,我办收到政府信息公开申请2件,未发生行政复议、行政诉讼案件或出现申诉情况。") == {
        "n.requests.received": 2, **both}
    assert _values("全年没有发生有关政府信息公开事务的行政复议申请和行政诉讼案件。") == both
    # a heading about disclosure cases before a sentence that does not name disclosure itself
    assert _values("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n2017年未发生申请行政复议和提起行政诉讼情况。") == both


def test_no_zero_from_other_none_statements() -> None:
    # an outcome, not the count; not yet; another subject; another year; a joint count of both kinds
    assert _values("全年未发生因政府信息公开被行政复议纠错的情况。") == {}
    assert _values("未发生因政府信息公开引起的行政复议和行政诉讼败诉案件。") == {}
    assert _values("2017年尚未审结的政府信息公开行政复议案件。") == {}
    assert _values("全年未发生因征地拆迁引起的行政复议、行政诉讼案件。") == {}
    assert _values("办理行政许可事项1200件，未发生行政复议、行政诉讼。") == {}
    assert _values("2016年未发生因政府信息公开申请行政复议的情况。", 2017) == {}
    assert _values("本年度涉及政府信息公开的行政复议、行政诉讼案件为3件。") == {}
    # two kinds with nothing between them
    assert _values("市局全年无行政复议行政诉讼件。") == {}
    # a list of more than two other kinds after them
    assert _values("2017年未发生有关政府信息公开的行政复议、行政诉讼、申诉、信访和举报案件。") == {}


# ---- what is not an indicator ---------------------------------------------------------------


def test_requests_of_the_year_are_no_items_disclosed() -> None:
    # 本年度 opens a total of items published, but 依申请公开 before the count makes it requests
    assert _values("本年度我局受理依申请公开政府信息19条。") == {"n.requests.received": 19}


def test_the_old_formats_section_on_cases_answered_by_one_word() -> None:
    # a city bureau's 2013 report (prose_pages/batch_r/17, and its Traditional mirror batch_zo/06)
    text = ("四、政府信息公开的收费及减免情况\n无\n五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无\n"
            "六、政府信息公开工作存在的主要问题及改进情况\n")
    assert _values(text) == {"n.review": 0, "n.suit": 0}
    # the fees section answered the same way says nothing of cases
    assert _values("四、政府信息公开的收费及减免情况\n无\n") == {}
    # the word with its full stop (无。) answers the section as well
    assert _values(text.replace("情况\n无\n六", "情况\n无。\n六")) == {"n.review": 0, "n.suit": 0}


def test_every_clause_after_qizhong_is_a_part() -> None:
    # 其中 opens the sentence: each kind after it, in any clause, is a part of the 101 (a real page)
    text = ("2017年,通过政府门户网站累计主动公开政府信息101条。其中,工作动态信息32条,实时展现乡内各项工作的推进进程与实际成效;"
            "法定主动公开信息7条,严格恪守法律法规规定,保障公众依法享有的知情权;政策文件3条。")
    assert _values(text).get("n.active.items") != 7
    text = ("2017年,街道及时主动公开政策文件、机构职能等方面内容。其中通过区政府门户网站大石街道子站点主动公开政府信息142条,"
            "通过政务公开专区主动公开政府信息5条,通过华龙网、合川日报等新闻媒体公开宣传街道民生信息45条。")
    assert "n.active.items" not in _values(text)
    # 具体情况是 opens a breakdown as 其中 does, and 其他主动公开信息 is one kind (a real 2020 opening)
    text = ("2020年,我局公开政府信息新增信息14条。具体情况是:政策信息1条、法定主动公开信息10条(财政资金中财政预决算信息2条、"
            "行政事业性收费信息8条);其他主动公开信息3条(建议提案办理3条)。")
    assert "n.active.items" not in _values(text, 2020)
    assert _values("2020年,我局主动公开政府信息120条,具体情况是:政策文件20条、工作动态100条。", 2020) == {"n.active.items": 120}


@pytest.mark.parametrize(
    "sentence",
    [
        # cumulative
        "2015年，我区累计在平潭政府采购信息网上主动公开政府采购项目信息188条。",
        "今年累计主动公开采购信息25条、工程招投标信息188条。",
        "截至2017年底，累计主动公开政府信息120000条。",
        "自2008年《条例》实施以来，累计主动公开政府信息50000条。",
        "2019年累计公布网上信息、安全提示等1000余条。",
        # licensing / petitions / messages
        "目前，区县已入驻审批服务部门和单位13个，开设窗口26个，共受理申请121510件。",
        "截至12月14日，中国平潭网与区行政服务中心共同累计收件9898件，累计办结9542件。",
        "今年我局共受理审批事项117件，办结171件，办结率100%。",
        "区社会事业局不断公开城乡低保等信息，受理各类群众诉求259起。",
        "组织开展19期《问政平潭之有事你说》，收到群众诉求348件，现场解决162件。",
        "截至目前我区政府网站共收到网友留言11条，已100%及时整改并按时办结回复。",
        "截至目前共收到15564件咨询投诉件，已办结15042件。",
        # accounts, followers, channels, sectors
        "截止2017年底，我区开通政务微博22个，开通政务微信69个。",
        "《信州资讯》粉丝28万个，是江西省十大官方微信。",
        "2017年行政服务中心共发布官方微信679条、微博765条。",
        "今年以来，通过“中国平潭”门户网站公开政府信息3636条。",
        "主动公开规范性文件17条。",
        "财政资金信息今年共发布348条信息，全年共发布信息166条。",
        "2011年制作、获取政府信息总数1873条，作为依申请公开信息数46条。",
        "回应公众关注热点或重大舆情数309余次。",
        "市质监局召开政府信息公开工作会议或专题会议3次。",
        "主要负责同志参加新闻发布会3次。",
        "2016年，参加或举办新闻发布会21次。",
        # subsets and shares
        "区直、县直各单位主动公开政府信息303条，占71.3%。",
        "其中利用政府信息网站主动公开政务信息98条。",
        "一季度主动公开政府信息300条。",
        "收到公民政府信息公开申请12件，按时办结10件，延期办结2件。",
        "全年通过网络收到政府信息公开申请12件。",
        # other years
        "与上年相比，主动公开政府信息增加了300条。",
        "2016年，全区受理政府信息公开申请10件。",
        # half-year, topics, leaders
        "2022年上半年，全区各行政机关共受理政府信息公开申请267件，答复263件。",
        "在扶贫领域主动公开政府信息120条。",
        "全年共举办191场市政府新闻发布活动，市政府领导出席新闻发布会共计25人次。",
        "其中，疫情防控新闻发布会累计举行151场。",
        "全年上海市人民政府网站共发布各类信息46106条。",
    ],
)
def test_not_an_indicator(sentence: str) -> None:
    got = _values(sentence, 2017)
    if sentence.startswith("收到公民"):
        assert got == {"n.requests.received": 12}  # but no closed: 按时办结 is a part
    else:
        assert got == {}, sentence


def test_table_lines_are_ignored() -> None:
    text = "\n".join(
        [
            "2017年度政府信息公开情况统计表 | ||",
            "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) |",
            "条 |",
            "2320 |",
            "主动公开政府信息 | 2320条 |",
            "1.参加或举办新闻发布会总次数",
            "次",
            "2",
            "(一)收到申请数",
            "29",
            "主动公开政府信息2320条",  # a short cell-like line: not a sentence
            "四、行政复议数量 | 件 | 1 |",
        ]
    )
    assert _values(text) == {}


def test_first_statement_about_the_year_wins() -> None:
    text = (
        "2016年，全区受理政府信息公开申请10件。"
        "2017年，全区受理政府信息公开申请12件，办结12件。"
        "全年受理政府信息公开申请13件。"
    )
    assert _values(text, 2017) == {"n.requests.received": 12, "n.requests.closed": 12}


def test_channel_statement_only_when_nothing_better() -> None:
    text = "通过政府网站主动公开政府信息800条。\n全年共主动公开政府信息1500条。"
    assert _values(text) == {"n.active.items": 1500}
    assert _values("通过政府门户网站全年主动公开各类政府信息10407条。") == {"n.active.items": 10407}


def test_a_count_that_holds_the_years_before_or_stops_before_the_years_end_is_no_years_figure() -> None:
    # a second reader's twelfth round (prose_l p009, p012): the count says it holds every item since 2008; a
    # year-end account written in November counts to its end
    text = "本局2011年度共主动公开政府信息417条(此数含2008年以来所有主动公开信息数),主动公开信息全文电子化率达100%。"
    assert "n.active.items" not in _values(text, 2011)
    text = "市人口计生委严格遵照《政府信息公开条例》的有关规定,截至11月底,共主动公开政务信息254条次。"
    assert "n.active.items" not in _values(text, 2014)
    # (the whole year's end is no part of it)
    assert _values("截至12月底,共主动公开政务信息254条。", 2014) == {"n.active.items": 254}


def test_one_of_two_sites_counts_is_no_years_figure() -> None:
    # a second reader's eleventh round (prose_k p19): each portal's count is a part, and no total is stated
    text = ("(一)主动公开情况。依托深圳市市场监督管理局门户网站,主动公开本单位财政预决算、政府信息公开工作年度报告、涉企相关信息等4条。"
            "依托深汕特别合作区门户网站,主动公开规范性文件、专项应急预案、法治政府建设年度报告及各类涉企信息等11条。")
    assert "n.active.items" not in _values(text, 2025)
    # a website's count beside a WeChat account's stays the year's (the account's posts are no items)
    text = "2016年,我局通过政府网站渠道主动公开信息共459条,通过政务微博微信渠道主动公开信息共139条。"
    assert _values(text, 2016)["n.active.items"] == 459


def test_empty_text() -> None:
    assert extract_prose_figures("") == []
    assert extract_prose_figures("没有任何数字。", 2017) == []


def test_prose_in_one_cell_of_a_layout_table() -> None:
    # a page laid out in a table, copied as text: the whole report on one line ending in " |"
    text = ("索引号: | /2015-34352 | 公开方式: | 主动公开 |\n"
            "2013年度某镇政府信息公开工作年度报告 | ||\n"
            "2013年,我镇认真贯彻落实《中华人民共和国政府信息公开条例》。 一、政府信息主动公开情况 2013年度"
            "我镇主动公开政府信息123条。 二、依申请公开情况 2013年,我镇收到政府信息公开申请5件,均已答复。 |\n")
    assert _values(text, 2013) == {"n.active.items": 123, "n.requests.received": 5, "n.requests.closed": 5}
    # a row of a data table is not prose, however long its label
    row = "主动公开政府信息数（条），其中通过政府网站、政府公报、新闻发布会等渠道公开的政府信息 | 123 | 456 |\n"
    assert _values(row, 2013) == {}


def test_zero_requests_from_other_none_statements() -> None:
    # the wordings of real reports (2010-2022) besides 未收到…政府信息公开申请
    for sentence in ("2021年，我镇没有收到依申请公开政府信息的申请。",
                     "2021年度我镇没有接到群众主动要求公开政府信息的申请。",
                     "2021年度我办未收到依申请公开的事项。",
                     "本单位2021年度没有收到要求公开信息的申请。",
                     "由于主动公开及时准确，2021年没有发生依申请信息公开事件。",
                     "2021年度，本單位未收到申請公開政府信息件。"):
        assert _values(sentence, 2021) == {"n.requests.received": 0}, sentence
    # a channel's zero, a fee, a late reply, another year
    for sentence in ("2021年未收到信函方式的依申请公开申请。",
                     "2021年未发生依申请公开收费情况。",
                     "2021年未发生依申请公开超期答复的情况。",
                     "2020年没有收到依申请公开政府信息的申请。"):
        assert _values(sentence, 2021) == {}, sentence
    # "not yet" in a report on a year that has ended is "not": every reader of such openings
    # (2008, 2015, 2019) read a zero
    assert _values("年内,我局尚未收到权利人申请公开政府信息的申请。", 2021) == {"n.requests.received": 0}


def test_zero_requests_as_a_field_value_or_a_negated_heading() -> None:
    # real openings (2008, 2018, 2019): 依申请受理信息公开申请:无 / 我乡无依申请公开政府信息和不予公开政府信息的情况
    for sentence in ("依申请受理信息公开申请:无。",
                     "我乡无依申请公开政府信息和不予公开政府信息的情况。",
                     "卫生健康局无依申请公开事项。",
                     "全年未接收到受理政府信息公开申请。"):
        assert _values(sentence, 2021) == {"n.requests.received": 0}, sentence
    # a channel's none, a fee's none
    for sentence in ("网上受理信息公开申请:无。", "无依申请公开收费情况。"):
        assert _values(sentence, 2021) == {}, sentence


def test_requests_counted_before_their_kind_and_closed_in_other_words() -> None:
    assert _values("2020年，市公安局共收到1件依申请公开，本单位在规定时间内予以答复。", 2020) == {
        "n.requests.received": 1}
    assert _values("2014年，我局收到12起政府信息依申请公开，均严格按程序和时限办理。", 2014) == {
        "n.requests.received": 12}
    assert _values("2024年，我局共收到依申请公开政府信息案件7件，提起行政诉讼0件。", 2024) == {
        "n.requests.received": 7, "n.suit": 0}
    assert _values("2021年，省交通运输厅共收到依申请公开16项，办理15项，结转下年度继续办理1项。", 2021) == {
        "n.requests.received": 16, "n.requests.closed": 15}
    assert _values("2023年，我委收到政府信息公开申请44件，上年度结转0件，本年度办结39件。", 2023) == {
        "n.requests.received": 44, "n.requests.closed": 39}
    for closing in ("均按要求进行答复", "均依法依规按时办结", "均在规定时限内给予了答复", "上述申请已全部按时答复到位"):
        text = f"2023年，市生态环境局共收到依申请公开件7件，{closing}。"
        assert _values(text, 2023) == {"n.requests.received": 7, "n.requests.closed": 7}, closing


def test_active_items_published_to_the_public_and_in_pieces() -> None:
    assert _values("2024年，我局及时主动向社会公布信息共590条，其中法律法规和政策文件4条。", 2024) == {
        "n.active.items": 590}
    assert _values("2013年度我镇在主动公开政府信息件数为123件，处理网上投诉件36只。", 2013) == {
        "n.active.items": 123}
    # documents counted in 件 are documents, not the items disclosed
    assert _values("2013年主动公开规范性文件17件。", 2013) == {}
    assert _values("2013年主动公开文件17件。", 2013) == {}


def test_more_wordings_of_requests_and_their_answers() -> None:
    # real reports of 2012-2021
    assert _values("本年度没有收到群众的政府信息公开申请。", 2012) == {"n.requests.received": 0}
    assert _values("2012年未收到要求公开其它信息的申请,也不存在不予公开政府信息。", 2012) == {"n.requests.received": 0}
    assert _values("2021年我局收到政府信息申请公开共计9件,办结9件。", 2021) == {
        "n.requests.received": 9, "n.requests.closed": 9}
    # its reader read 截至12月31日已全部办结 as every request closed
    assert _values("我局2021年度依申请公开申请数为21件,截至12月31日已全部办结。", 2021) == {
        "n.requests.received": 21, "n.requests.closed": 21}
    assert _values("2014年,某市环境保护局共收到政府信息公开申请1件,全部按规定及时办理并予以答复。", 2014) == {
        "n.requests.received": 1, "n.requests.closed": 1}
    # a joint count of both kinds of cases: zero is both, another count neither
    assert _values("全年发生因政府信息公开而被申请行政复议、提起行政诉讼的案件0件。", 2013) == {"n.review": 0, "n.suit": 0}
    assert _values("全年发生因政府信息公开而被申请行政复议、提起行政诉讼的案件2件。", 2013) == {}
    # the count of a channel or of items is not the count of requests
    assert _values("2021年依申请公开申请数中网上申请数为12件。", 2021) == {}


def test_requests_for_disclosure_of_government_information_in_that_order() -> None:
    assert _values("2024年,我办共收到公开政府信息申请1件,已全部答复,办结率100%。", 2024) == {
        "n.requests.received": 1, "n.requests.closed": 1}


def test_wordings_of_the_last_batch_and_pinyin_injected_by_mirrors() -> None:
    # real reports of 2013-2022 (tests/fixtures/prose_pages/batch_f)
    assert _values("我局本年度没有接到公开政府信息的申请。", 2017) == {"n.requests.received": 0}
    assert _values("2017年度我局未收到有关政府信息公开申请行政复议、提起行政诉讼、举报投诉件。", 2017) == {
        "n.review": 0, "n.suit": 0}
    assert _values("2022年,收到申请公开21条,办结21条。", 2022) == {"n.requests.received": 21, "n.requests.closed": 21}
    # a mirror that writes pinyin after some characters (申請(qǐng)), in Traditional characters
    assert _values("2015年我街道未發(fā)生因政府信息公開而申請(qǐng)行政復(fù)議、提起行政訴訟的情況。", 2015) == {
        "n.review": 0, "n.suit": 0}


def test_more_wordings_of_real_openings() -> None:
    # a street office counting its own items (街道办事处 is the body, not its sub-units)
    assert _values("2021年街道办事处主动公开政府信息6条:其中机构职能类信息3条。", 2021) == {"n.active.items": 6}
    # a count of requests before their kind ending in 件, then the closed count
    assert _values("2021年,沟赵办事处共收到7件依申请公开件,办结6件,结转下年度继续办理1件。", 2021) == \
        {"n.requests.received": 7, "n.requests.closed": 6}
    # "all answered" after the count's parts or after no carry-over, or said as 已办理完毕
    assert _values("2018年度我镇共收到4件信息公开申请,其中网络申请2件,信函申请2件,均已及时受理并已按时办结。", 2018) == \
        {"n.requests.received": 4, "n.requests.closed": 4}
    assert _values("本年度我局受理依申请公开政府信息19条,无上年度结转,均按规定在法定期限内予以答复。", 2024) == \
        {"n.requests.received": 19, "n.requests.closed": 19}
    assert _values("2023年度厚桥街道收到政府信息公开申请一件,已办理完毕。", 2023) == \
        {"n.requests.received": 1, "n.requests.closed": 1}
    # no reviews or lawsuits, with petitions or appeals and reports listed after them
    for sentence in ("年内,我局未发生因政府信息公开申请行政复议、提起行政诉讼和信访的情况。",
                     "全年未发生因政府信息公开被申请行政复议、提起行政诉讼或接受行政申诉、举报等情况。"):
        assert _values(sentence, 2008) == {"n.review": 0, "n.suit": 0}, sentence
    assert _values("2017年未发生有关政府信息公开的行政复议、行政诉讼、申诉和信访案件。") == {"n.review": 0, "n.suit": 0}
    # a clause between the count and "all answered" that is not one of its parts breaks the link
    assert _values("2018年我镇共收到4件信息公开申请,其中2件为上年度结转,均已按时办结。", 2018) == {"n.requests.received": 4}


def test_a_year_named_to_compare_with_is_not_the_period() -> None:
    # a real opening (2022): the clause after 与2021年持平 is still about 2022
    text = "2022年,我街共受理政府信息公开申请1件,申请数量与2021年持平;答复政府信息公开申请1件,为部分公开。"
    assert _values(text, 2022) == {"n.requests.received": 1, "n.requests.closed": 1}
    # a figure of the year before stays out
    assert _values("2020年主动公开政府信息90条。", 2021) == {}


def test_requests_accepted_and_none_asked_for() -> None:
    # real openings (2020, 2014): 接受…申请, and no 要求 to disclose
    assert _values("全年接受政府信息公开申请98件(当年办结97件,结转下年度1件)。", 2020)["n.requests.received"] == 98
    assert _values("2014年我局未收到申请公开政府信息的要求。", 2014) == {"n.requests.received": 0}
    assert _values("2014年我局未收到依申请公开收费的要求。", 2014) == {}


def test_requests_of_a_tenth_batch_of_openings() -> None:
    # the count in the sentence after the one about 依申请公开, then "all answered"
    assert _values("全年依申请公开工作严格遵循《条例》要求,优化申请渠道办理流程。共受理申请38件,均在法定期限内完成答复。", 2025) == \
        {"n.requests.received": 38, "n.requests.closed": 38}
    # "all answered" said of 所有申请, after the count's parts by applicant
    text = ("全年共接收政府信息公开申请16件,其中自然人申请15件、法人或其他组织申请1件,申请内容主要集中在城市规划等领域。"
            "所有申请均在法定期限内完成答复。")
    assert _values(text, 2025) == {"n.requests.received": 16, "n.requests.closed": 16}
    # no requests: the old heading negated with 不予以公开
    assert _values("2020年,我局无依申请公开和不予以公开政府信息。", 2020) == {"n.requests.received": 0}
    # a received count is not one of its own parts: the closed count needs it right before
    assert _values("依申请公开工作。共受理申请38件,均按时答复。", 2025) == {"n.requests.received": 38, "n.requests.closed": 38}


def test_the_old_formats_lead_in_to_the_outcomes_gives_the_closed_count() -> None:
    # real openings (2015, 2016): 在已经答复的5件申请中: then the outcomes
    assert _values("2015年度共受理政府信息公开申请5件。在已经答复的5件申请中:同意公开3件。", 2015) == \
        {"n.requests.received": 5, "n.requests.closed": 5}


def test_not_yet_in_a_report_on_an_ended_year_is_none() -> None:
    # real openings (2015, 2019): 尚未发生/尚未接到 … 行政复议、行政诉讼 read as zeros by their readers
    assert _values("五、因政府信息公开申请行政复议、提起行政诉讼的情况\n2015年度我委尚未发生相关申请行政复议、提起行政诉讼的情况。",
                   2015) == {"n.review": 0, "n.suit": 0}
    assert _values("截至2019年12月30日,我苏木尚未接到有关政府信息公开的举报、投诉、行政复议和行政诉讼。", 2019) == \
        {"n.review": 0, "n.suit": 0}
    # cases not yet decided are an outcome, not a count
    assert _values("2017年尚未审结的政府信息公开行政复议案件。") == {}


def test_a_count_published_in_the_section_on_proactive_disclosure() -> None:
    # real openings (2021, 2022, 2023): no 主动 in the sentence, but the section is the proactive one
    assert _values("(一)主动公开情况 全年通过区政府信息公开网站共公开信息314条,其中,人员招录信息公开3条。", 2022) == \
        {"n.active.items": 314}
    assert _values("二、主动公开政府信息情况 2021年,我局通过政府门户网、政府采购网等渠道公开了预决算、政府采购、"
                   "资金拨付和使用等各类信息221条。", 2021) == {"n.active.items": 221}
    assert _values("(一)主动公开 2023年,县应急局主动公开和更新了各类信息439条。", 2023) == {"n.active.items": 439}
    assert _values("(一)主动公开情况。2021年,我院依托市政府信息公开网、医院官网、微信公众号等载体向社会公布信息747条。",
                   2021) == {"n.active.items": 747}
    # a statement with 主动 still wins
    assert _values("(一)主动公开情况 全年发布信息98条。2017年主动公开政府信息120条。") == {"n.active.items": 120}


def test_no_count_from_one_kind_one_channel_or_another_section() -> None:
    # one kind's count, listed with others (real opening, 2022)
    assert _values("(一)主动公开 发布政府采购信息30条、通知公告信息21条、教育动态信息100余条。", 2022) == {}
    # one channel's count among others, in the sentence or after it in the section (2021, 2024)
    assert _values("(一)主动公开 市卫生健康委网站共发布信息3972条,微博5092条,微信1103条。", 2021) == {}
    assert _values("(一)及时主动公开 2024年,我局通过政府网站的政府信息公开平台发布政府信息448条。通过微信公众号平台,"
                   "发布职业技能相关推文30篇。 (二)依规进行依申请公开", 2024) == {}
    # a social-media account's posts, a count until November, a part of a count (2025, 2014)
    assert _values("(一)主动公开 鱼峰区里雍镇公众号公开内容涵盖本地美景美食推介,2025年度累计发布信息331篇。", 2025) == {}
    assert _values("(一)主动公开 截止到2014年11月,政府门户网站发布各类政府信息21503条。", 2014) == {}
    assert _values("(一)主动公开 在网站上主动公开的政府信息中便民办事服务信息6条。", 2014) == {}
    # outside the proactive section
    assert _values("(二)依申请公开 全年公开信息5条。") == {}
    assert _values("2017年,我局网站发布信息95条。") == {}


def test_a_short_line_about_the_year_without_punctuation_is_a_sentence() -> None:
    # real openings (2009, 2016): the old format's section holds one line without 。
    assert _values("三、依申请公开政府信息和不予公开政府信息的情况\n2009年我白洋街道没有收到政府信息公开申请\n四、咨询情况\n", 2009) \
        == {"n.requests.received": 0}
    assert _values("二、依申请公开政府信息和不予以公开政府信息的情况\n2016年度未收到公众要求公开政府信息内容的申请\n", 2016) \
        == {"n.requests.received": 0}
    # a heading or a field is not one
    assert _values("三、2009年依申请公开政府信息情况\n发布时间:2010年03月01日 收到申请5件\n", 2009) == {}


def test_none_said_in_the_section_on_requests() -> None:
    # real openings (2016, 2010, 2020, 2024): the heading says what the none is about
    assert _values("三、依申请公开政府信息和不予公开政府信息情况\n我镇2016年度无申请。\n四、收费情况", 2016) == \
        {"n.requests.received": 0}
    assert _values("三、依申请公开政府信息情况\n本年度无依申请公开信息。\n四、行政复议和诉讼情况\n", 2010) == \
        {"n.requests.received": 0}
    assert _values("(二)依申请公开情况。年度内未申请公开件。(三)政府信息管理情况。", 2020) == {"n.requests.received": 0}
    assert _values("(二)依申请公开情况\n2024年,寻召乡没有收到个人和组织递交的《信息公开申请表》。\n", 2024) == \
        {"n.requests.received": 0}
    # a count stated anywhere wins over it
    assert _values("(二)依申请公开 本年度无依申请公开信息。共收到政府信息公开申请3件。") == {"n.requests.received": 3}


def test_no_none_from_other_matters_or_other_sections() -> None:
    # other matters under the same heading (2016)
    assert _values("三、依申请公开政府信息和不予公开政府信息情况\n没有任何不应向社会公开的政府信息。\n", 2016) == {}
    assert _values("(二)依申请公开 全年无超期答复的申请。", 2016) == {}
    # another section's none
    assert _values("(一)主动公开 本年度无应公开未公开的信息。") == {}
    assert _values("本年度无依申请公开信息。") == {}


def test_more_wordings_of_received_and_closed_counts() -> None:
    # real openings (2012, 2020, 2025): units 起 and 次, 申请案件
    assert _values("2012年,我厅共受理政府信息公开申请263起,申请公开事项主要涉及环境影响评价。", 2012) == \
        {"n.requests.received": 263}
    assert _values("2020年,市住房和城乡建设局共收到政府信息公开申请4次,无不予公开情况。", 2020) == {"n.requests.received": 4}
    assert _values("2025年,我镇共受理政府信息公开申请案件4件,办结3件。", 2025) == \
        {"n.requests.received": 4, "n.requests.closed": 3}
    # everything closed, in other words (2021, 2020, 2022, 2025)
    for sentence, year, n in (
        ("全年共收到政府信息公开申请3件,均已按期依规依程序答复。", 2020, 3),
        ("2022年,我县共收到政府信息公开申请21件,均在规定时间内按要求回复。", 2022, 21),
        ("2025年共收到依申请公开1件,已经办结。", 2025, 1),
        ("全年受理向市政府提出的信息公开申请176件,办复率达到了100%。", 2020, 176),
        ("2021年受理依申请公开件9件,均通过信函递交,已全部办理结束。", 2021, 9),
    ):
        assert _values(sentence, year)["n.requests.closed"] == n, sentence
    # a closed count of its own (2025, 2021) and the old format's lead-in without 已 (2023)
    assert _values("2025年区政府办公室共收到政府信息公开申请32件,办结上年结转3件,今年共办结35件。", 2025) == \
        {"n.requests.received": 32, "n.requests.closed": 35}
    assert _values("全年累计受理政府信息公开申请57件,同比增长71.9%;完成答复54件,转下一年度继续办理3件。", 2021) == \
        {"n.requests.received": 57, "n.requests.closed": 54}
    assert _values("全年共受理政府信息公开申请7件。在办结的5件申请中,予以公开3件。", 2023) == \
        {"n.requests.received": 7, "n.requests.closed": 5}
    # a rate that is not 100% says nothing about the count closed
    assert _values("全年共收到政府信息公开申请3件,办结率95%。", 2020) == {"n.requests.received": 3}


def test_reviews_and_suits_under_the_heading_on_requests_and_suits_named_first() -> None:
    # real openings (2023, 2025): reviews counted in the section on requests
    assert _values("(三)依申请公开情况\n全年共收到依申请公开申请15件,其中网络申请1件,信函申请14件;答复完毕15件。答复后被行政复议9件,全部维持。\n",
                   2023)["n.review"] == 9
    assert _values("(二)依申请公开。2025年区政府办公室共收到政府信息公开申请32件。今年发生行政复议5件,发生行政诉讼3件。\n", 2025) \
        == {"n.requests.received": 32, "n.review": 5, "n.suit": 3}
    assert _values("2025年因政府信息公开问题被申请行政复议有3件。", 2025) == {"n.review": 3}
    # the suits named before the reviews (2025)
    assert _values("(二)依申请公开方面。2025年,未发生针对本部门有关政府信息公开事务的行政诉讼案、行政复议案和有关申诉案。", 2025) \
        == {"n.review": 0, "n.suit": 0}
    # not under such a heading, a review count says nothing of disclosure
    assert _values("(三)法治政府建设\n今年发生行政复议5件。\n", 2025) == {}


def test_a_counts_parts_and_its_cumulative_total_do_not_replace_it() -> None:
    # a real 2025 opening: 均已办结 after the parts (carried over, new) closes the whole count
    assert _values("(二)依申请公开情况\n2025年,共收到政府信息公开申请3件。其中,上年结转申请1件,本年新收申请2件,均已依法按期办结。", 2025) \
        == {"n.requests.received": 3, "n.requests.closed": 3}
    # without the parts, 均已办结 closes the count it follows
    assert _values("2025年,共收到政府信息公开申请2件,均已依法按期办结。", 2025)["n.requests.closed"] == 2
    # a real 2014 opening: the year's count (主动公开、更新) before the cumulative one
    assert _values("2014年,区政府确保政府信息公开的主动性,共主动公开、更新各类信息222条,累计主动公开信息2382条。", 2014) == \
        {"n.active.items": 222}


def test_requests_handed_in_and_other_words_for_none_and_closed() -> None:
    # real openings (2024, 2022, 2023): requests handed in (提交) are requests received, named in full
    assert _values("2024年公众通过邮递、网站、现场申请等途径向区政府提交政府信息公开申请187件,已全部办结,办结率100%。", 2024) == \
        {"n.requests.received": 187, "n.requests.closed": 187}
    assert _values("2022年,公民、法人提交的政府信息公开申请17件,申请内容主要涉及建设规划,当年办结18件(含上年结转1件)。", 2022) == \
        {"n.requests.received": 17, "n.requests.closed": 18}
    assert _values("2023年未收到依申请公开事宜。", 2023) == {"n.requests.received": 0}
    assert _values("2023年共收到政府信息公开申请70件,全部依法依规按程序办结。", 2023)["n.requests.closed"] == 70
    # a court's words about what one applicant handed in are no count of requests
    assert _values("但该答复并没有对卢某提交的申请公开的6项信息有针对性地作答。", 2016) == {}


def test_active_items_after_the_kinds_they_cover() -> None:
    # real openings (2019, 2013): the kinds listed before the count, at least two of them
    assert _values("(一)主动公开政府信息。全年主动公开概况信息、重点工作、政策文件、公示公告等政府信息235条。", 2019) == \
        {"n.active.items": 235}
    assert _values("主动公开职能职责、行业法律法规、行政许可、行政处罚、行政收费、水利工程建设招投标等政府信息89条。", 2013) == \
        {"n.active.items": 89}
    # one kind is a topic's count; kinds on one channel are that channel's
    assert _values("2019年主动公开财政预决算等信息5条。", 2019) == {}
    assert _values("2021年通过微信公众号发布信息886篇,在门户网站主动公开发布公告公示、部门动态等85条。", 2021) == {}


def test_more_wordings_of_none_asked_and_all_answered() -> None:
    # real openings (2019, 2021, 2025): none received, in other words
    assert _values("2019年,我局未收到相关政府信息申请。", 2019) == {"n.requests.received": 0}
    assert _values("2021年,我办未收到申请政府信息公开事项,未发生针对本单位有关政府信息公开事务的行政复议。", 2021)[
        "n.requests.received"] == 0
    assert _values("2025年,大石坝街道未收到申请政府信息公开的受理件。", 2025) == {"n.requests.received": 0}
    # all answered (2023, 2021)
    assert _values("2023年,我局共收到政府信息公开申请3件,均按期依法作出书面答复。", 2023) == \
        {"n.requests.received": 3, "n.requests.closed": 3}
    assert _values("2021年我局共收到9份政府信息依申请公开事项,其中8份是网络依申请公开,1份是纸质依申请公开,皆已全部按时答复。",
                   2021) == {"n.requests.received": 9, "n.requests.closed": 9}
    # 关于 right before what was asked for names no other matter; a topic after 关于 does
    assert _values("2015年未收到公众关于政府信息公开的申请。", 2015) == {"n.requests.received": 0}
    assert _values("2015年未收到关于征地补偿的政府信息公开申请。", 2015) == {}


def test_requests_handled_with_some_carried_forward_are_not_all_closed() -> None:
    # a real 2025 opening: 处理…46件 holds 3 carried into the next year; the part answered is the closed count
    assert _values("2025年,全区各部门累计处理政府信息公开申请46件(含上年度结转1件),同比增长约5%。"
                   "其中43件已在法定时限内答复,3件结转下年度办理。", 2025) == {"n.requests.closed": 43}
    # handled with nothing carried forward is still the closed count
    assert _values("2025年共收到政府信息公开申请5件,办理政府信息公开申请5件。", 2025)["n.requests.closed"] == 5
    # a real 2021 opening: handled and answered (办理、答复) with 5 carried forward is not the closed count
    assert _values("2021年依法办理、规范答复政府信息公开申请151件(含上年结转13件),办结146件,结转下年度继续办理5件。", 2021) == {}


def test_the_street_speaking_of_itself_is_no_sub_unit() -> None:
    # real openings (2025, 2020): 我街道 is the body; 各街道 are its parts
    assert _values("(一)主动公开 2025年,我街道主动公开信息794条,其中在区政府门户网站公开120条。", 2025) == \
        {"n.active.items": 794}
    assert _values("我街道2020年度无依申请公开情况。", 2020) == {"n.requests.received": 0}
    assert _values("2025年,各街道主动公开信息794条。", 2025) == {}


def test_active_items_counted_over_the_year_from_its_first_day_and_on_the_disclosure_column() -> None:
    # real openings (2010, 2016): 累计 over a period that opens on the year's first day is the year's count
    assert _values("2010年大安市牧业管理局累计主动公开政府信息30条,所列数据的统计时限从2010年1月1日至2010年12月31日。", 2010) == \
        {"n.active.items": 30}
    assert _values("我镇自2016年1月1日到12月31日累计主动公开政府信息915条,电子化全文公开率达100%。", 2016) == \
        {"n.active.items": 915}
    # up to a day of the year (截至) is still a total since the start (a real 2014 opening)
    assert _values("截至2014年12月31日,在县政府网站累计主动公开政府信息846条。", 2014) == {}
    # real openings (2010, 2012, 2013): the disclosure column is a channel of all the body's disclosure, not a topic
    assert _values("2010年,通过政府信息公开专栏及我局政务网站主动公开政府信息2585条,全文电子化率为100%。", 2010) == \
        {"n.active.items": 2585}
    assert _values("2013年,农业部网站信息公开专栏共主动公开信息773条,基本做到应公开尽公开。", 2013) == {"n.active.items": 773}
    assert _values("2013年,在财政专栏主动公开信息73条。", 2013) == {}
    # real openings (2012, 2025): the count named as such
    assert _values("(一)主动公开政府信息的数量共192条。", 2012) == {"n.active.items": 192}
    assert _values("2025年度,芦庙镇主动公开政府信息条数921条。", 2025) == {"n.active.items": 921}


def test_the_old_formats_none_with_its_own_words() -> None:
    # real openings (2018, 2010): the 2008 format's sentence with 有关的 before its third kind of cases
    assert _values("我区2018年度未发生针对本部门有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案。", 2018) == \
        {"n.review": 0, "n.suit": 0}
    # its outcome is another statement
    assert _values("2018年度针对本部门有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案均未被纠错。", 2018) == {}
    # real openings (2017, 2020): none asked, in the words of the old format's heading; after a field label
    assert _values("2017年度未收到公众关于政府信息公开和不予公开的申请。", 2017) == {"n.requests.received": 0}
    assert _values("(二)依申请公开工作情况:2020年度我镇无依申请公开政府信息事项,也无有关政府信息公开事务的举报、投诉。", 2020) == \
        {"n.requests.received": 0}
    assert _values("(二)主动公开工作情况:2020年度我镇无其他公开事项。", 2020) == {}


def test_closed_in_brackets_after_the_received_count_and_answered_in_other_words() -> None:
    # a real 2019 opening: the closed count in brackets right after the received one
    assert _values("全年接受政府信息公开申请98件(当年办结97件,结转下年度1件),按照《条例》要求进行了认真办理。", 2019) == \
        {"n.requests.received": 98, "n.requests.closed": 97}
    # real openings (2019, 2021): answered in other words; none carried over stands between
    assert _values("全年收到政府信息公开申请1件,并在法定时限内予以规范答复。", 2019) == \
        {"n.requests.received": 1, "n.requests.closed": 1}
    assert _values("全年新收政府信息公开申请11件,上年结转政府信息公开申请0件,全部按时办结完成。", 2021) == \
        {"n.requests.received": 11, "n.requests.closed": 11}
    # some carried over: "all closed" is then more than the year's new requests
    assert _values("全年新收政府信息公开申请11件,上年结转政府信息公开申请2件,全部按时办结完成。", 2021) == \
        {"n.requests.received": 11}


def test_the_disclosure_column_of_a_site_quoted_or_not_is_a_channel() -> None:
    # real openings (2022, 2014): the "政府信息公开" column of a site, quoted or not, is that channel too
    assert _values("2022年,通过秀山县政府网站兰桥“政府信息公开”栏目主动公开政府信息186条。", 2022) == {"n.active.items": 186}
    assert _values("2014年,我局在市人民政府门户网站和市审计局门户网站信息公开栏目分别主动公开政府信息148条。", 2014) == \
        {"n.active.items": 148}
    assert _values("2022年,在财政栏目主动公开信息18条。", 2022) == {}


def test_a_full_stop_typed_in_ascii_and_none_said_with_complaints() -> None:
    # a real 2022 opening: an ASCII full stop after a Chinese character ends the sentence
    assert _values("(二)依申请公开情况 2022年,未收到依申请公开事项. (三)政府信息管理情况 我局高度重视。", 2022) == \
        {"n.requests.received": 0}
    # after a digit it is a decimal point
    assert _values("2022年,共收到政府信息公开申请3.5件。", 2022) == {}
    # a real 2025 opening: none of the requests and none of the complaints about them
    assert _values("2025年,我镇未收到任何单位、个人提交的政府信息公开申请及相关投诉举报情况。", 2025) == \
        {"n.requests.received": 0}


def test_requests_for_disclosure_by_application_and_a_years_total_on_a_site() -> None:
    # real openings (2023, 2021): 依申请政府信息公开事项, all handed in by citizens and all answered
    assert _values("本年度受理依申请政府信息公开事项54件,均为自然人提交,均已在法定期限内妥善答复。", 2023) == \
        {"n.requests.received": 54, "n.requests.closed": 54}
    # a real 2020 opening: 全年 before the site and its 累计 makes it the year's count
    assert _values("全年在明光市人民政府公开网站累计主动公开政府信息895条,其中重点领域信息发布523条。", 2020) == \
        {"n.active.items": 895}
    assert _values("截至目前,在明光市人民政府公开网站累计主动公开政府信息8950条。", 2020) == {}


def test_a_count_without_its_verb_followed_by_its_parts_by_channel() -> None:
    # a real 2021 opening: the section's count, then its parts by channel, which add up to it
    text = ("(一)主动公开政府信息情况。\n1.信息发布情况。2021年,累计公开政府信息106条(不含政务服务等专业平台发布的数据)。\n"
            "从公开渠道来看,政府网站公开信息103条,占比97.2%;市财政局内网门户网站公开信息3条,占比2.8%。\n")
    assert _values(text, 2021) == {"n.active.items": 106}
    # channels whose counts do not add up to it are other channels' counts
    text = ("(一)主动公开政府信息情况。\n2021年,累计公开政府信息106条。\n"
            "通过微信公众号发布信息300条,微博发布信息40条。\n")
    assert _values(text, 2021) == {}


def test_more_words_around_a_years_count_of_items() -> None:
    # real openings (2025, 2022, 2025): updated (更新), 累计 over 一年来 or after 全年, requests 依申请信息公开
    assert _values("我县本年度主动公开政府信息更新5231条,其中概况类信息更新66条。", 2025) == {"n.active.items": 5231}
    assert _values("一年来,全区累计主动公开政府信息843条。", 2022) == {"n.active.items": 843}
    assert _values("截至12月31日,全年通过政府网站主动公开信息累计700条(点击量52582次)。", 2022) == {"n.active.items": 700}
    assert _values("我局2025年共受理依申请信息公开10件,已依法依规按时办结。", 2025) == \
        {"n.requests.received": 10, "n.requests.closed": 10}
    # 以来 without the year is a running total
    assert _values("建站以来,全区累计主动公开政府信息8430条。", 2022) == {}


def test_the_year_requests_were_carried_over_from_is_not_the_period() -> None:
    # real openings (2021, 2022): the closed count after a carry-over from the year before
    assert _values("2021年,全市各级行政机关依法规范办理政府信息公开申请,全年共收到申请9695件,2020年结转312件,共办结9816件,"
                   "结转至2022年195件。", 2021)["n.requests.closed"] == 9816
    assert _values("2022年,共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件。", 2022) == \
        {"n.requests.received": 10, "n.requests.closed": 10}
    # a count said of the year before is still that year's
    assert "n.requests.closed" not in _values("2021年共收到政府信息公开申请20件。2020年共办结18件。", 2021)


def test_statutory_information_proactively_disclosed() -> None:
    # a real 2023 opening: 主动公开法定信息77条
    assert _values("2023年,市统计局主动公开法定信息77条,在公开的法定信息中,机构职能类5条。", 2023) == {"n.active.items": 77}


def test_requests_closed_said_in_more_ways() -> None:
    # real openings (2023, 2021, 2023, 2020): all answered after how they came, in the time limit
    # first, all of them under a rule, after a review
    assert _values("2023年我厅共收到依申请公开信件2件,均为网络申请,其中所有来件均在法定时限内办结。", 2023) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("2021年,淮北市气象局共收到网上依申请公开1件,在规定时间内按要求办结。", 2021) == \
        {"n.requests.received": 1, "n.requests.closed": 1}
    assert _values("2023年,我局收到依申请公开3件,已按规定全部办结。", 2023) == \
        {"n.requests.received": 3, "n.requests.closed": 3}
    assert _values("2020年,我中心支行共受理政府信息公开申请1件,经审查,严格按照《中心支行政府信息依申请公开制度》按期答复。",
                   2020) == {"n.requests.received": 1, "n.requests.closed": 1}
    # (2022, 2025, 2025): closed in the sentence after, 目前 or with 公开申请; after a 、 in the same clause
    assert _values("2022年,共收到政府信息公开申请58件,上年结转3件,共计61件。目前依法办结59件,其中予以公开的18件。", 2022) == \
        {"n.requests.received": 58, "n.requests.closed": 59}
    assert _values("2025年累计收到公民、法人依申请公开申请35件,其中网络收件23件、邮寄收件10件、来访2件。"
                   "累计回复公开申请38件。", 2025) == {"n.requests.received": 35, "n.requests.closed": 38}
    assert _values("2025年,我局共受理自然人、商业主体政府信息公开申请30件、已办结30件,上年度结转办理1件。", 2025) == \
        {"n.requests.received": 30, "n.requests.closed": 30}
    # who applied is no way they came: a part of the count is not all of it
    assert "n.requests.closed" not in _values("2023年共收到依申请公开信件5件,均为自然人,其中3件已办结。", 2023)


def test_a_body_named_for_services_and_requests_received_and_closed_at_once() -> None:
    # real openings (2025, 2022): a government-services bureau's own disclosure requests; received
    # and closed in one verb
    assert _values("2025年,開平市政務服務和數據管理局收到政府信息公開申請4件。", 2025) == {"n.requests.received": 4}
    assert _values("本年度淮安市體育局收到並辦結(jié)依申請(qǐng)公開政府信息事項(xiàng)3件,其中予以公開2件。", 2022) == \
        {"n.requests.received": 3, "n.requests.closed": 3}
    # the services themselves are no disclosure requests
    assert _values("2025年,政务服务大厅共受理政府信息公开申请之外的审批申请400件。", 2025) == {}
    assert "n.requests.closed" not in _values("本年度收到并转交依申请公开政府信息事项3件。", 2022)
    assert "n.requests.closed" not in _values("2022年我局收到并答复了部分政府信息公开申请3件。", 2022)
    # a city's service centres are a channel of the city's requests
    assert _values("2022年,全市政务服务中心共收到政府信息公开申请120件。", 2022) == {}


def test_all_answered_in_words_of_how_in_any_order() -> None:
    # real openings (2022, 2025, 2012, 2021): 都已…进行了答复, 已根据…回复申请人, 均…及时、详细的予以回复, 目前已…答复办结
    assert _values("2022年,累计收到政府信息公开申请2件,都已及时准确地进行了答复。", 2022) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("2025年,受理依申请公开事项2件,已根据规定要求和实际情况回复申请人。", 2025) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("2012年,我委共受理政府依申请公开8件,均在规定时间内及时、详细的予以回复,满意率100%。", 2012) == \
        {"n.requests.received": 8, "n.requests.closed": 8}
    assert _values("2021年,我局共受理依申请公开4份网络申请,目前已按时限、依程序严格做好答复办结。", 2021)["n.requests.closed"] == 4
    # put off, passed on, asked for, a part, or not yet: not all answered
    for rest in ("均已转交相关部门答复", "已部分答复", "尚未答复", "均正在答复", "均将在法定期限内答复", "均结转至下年度答复",
                 "已全部登记待答复", "均需答复", "均已督促承办单位按时答复", "均已转相关科室答复", "均不予答复"):
        assert "n.requests.closed" not in _values(f"2025年,受理依申请公开事项2件,{rest}。", 2025), rest


def test_requests_counted_first_with_the_kind_quoted_or_handed_in() -> None:
    # real openings (2021, 2011): 收到9件“依申请公开”申请, 收到2宗正式提交的政府信息公开申请
    assert _values("2021年度,我县共收到9件“依申请公开”申请,其中5件为协助市政务公开科办理。", 2021) == \
        {"n.requests.received": 9}
    assert _values("2011年,省文化厅收到2宗正式提交的政府信息公开申请,已按照法定程序、时限答复。", 2011) == \
        {"n.requests.received": 2, "n.requests.closed": 2}


def test_reviews_and_suits_as_the_parts_of_the_disputes_and_none_said_of_the_information() -> None:
    # real openings (2022, 2024): the disputes a 其中 divides into reviews and suits; none that
    # answers or the information itself gave rise to
    assert _values("2022年因信息公开引发行政争议3件,其中,行政复议1件,行政诉讼2件,均结果维持。", 2022) == \
        {"n.review": 1, "n.suit": 2}
    # (answers of any matter may give rise to them: 因答复不当 says nothing of which)
    assert _values("(二)依申请公开。2024年,我办共收到公开政府信息申请1件,已全部答复,办结率100%。"
                   "未出现因答复不当引起的行政复议、行政诉讼等情况。", 2024) == \
        {"n.requests.received": 1, "n.requests.closed": 1}
    assert _values("(二)依申请公开情况。2024年县自然资源局收到依申请公开5件,所有申请均已按时办结。"
                   "无因政府信息产生行政复议,提起行政诉讼情况发生。", 2024) == \
        {"n.requests.received": 5, "n.requests.closed": 5, "n.review": 0}
    # a 其中 under another count divides that count, not the disputes; a body's disputes of every kind
    # are not those about disclosure
    assert "n.review" not in _values("2022年共受理各类事项3件,其中,行政复议1件。", 2022)
    assert "n.review" not in _values("2022年,我局共发生行政复议和行政诉讼案件15件,其中,行政复议10件,行政诉讼5件,"
                                     "均不涉及政府信息公开。", 2022)


def test_items_of_kinds_named_with_zainei() -> None:
    # a real 2024 opening: the kinds listed with 在内 (…常务会议等在内的信息428条)
    assert _values("2024年,我局主动公开机构职能、政策文件、常务会议等在内的信息428条。", 2024) == {"n.active.items": 428}
    # one kind after 包括 may be that kind's count (主动公开包括部门预决算等信息35条)
    assert _values("2020年,我乡主动公开包括机构职能等信息144条,向县委办、县政府办报送信息。", 2020) == {}


def test_items_of_each_kind_to_the_public_and_requests_handled_as_times() -> None:
    # real openings (2021, 2022, 2020): 主动公开各种政府信息, 主动向广大群众公开…等信息, 处理依申请公开3次
    assert _values("2021年度,营山县司法局主动公开各种政府信息346条,内容涵盖司法行政工作通知。", 2021) == {"n.active.items": 346}
    assert _values("2022年,我局通过县市场监管局微信公众号等平台,主动向广大群众公开食品、药品安全、特种设备安全、"
                   "质量安全等信息312条。", 2022) == {"n.active.items": 312}
    assert _values("2020年,公开行政许可事项1项,处理依申请公开3次,做到社会公众关切问题及时回复。", 2020) == \
        {"n.requests.closed": 3}
    # the times of other matters are not requests (处理网民留言12次)
    assert _values("2020年,处理网民留言12次,答复政府信息公开咨询5次。", 2020) == {}


def test_none_asked_in_events_or_situations_and_how_many_there_were() -> None:
    # real openings (2022, 2021, 2021)
    for sentence in ("本年度未收到和处理政府信息公开申请事件。", "本年度无申请政府信息公开的情况。", "截止12月底,共有0例依申请公开。"):
        assert _values("(二)依申请公开情况\n2021年" + sentence, 2021) == {"n.requests.received": 0}, sentence
    assert _values("2021年共有5例依申请公开,均已按时答复。", 2021) == {"n.requests.received": 5, "n.requests.closed": 5}
    # a letter of another kind, or some requests not had, is no zero; no letters is one channel's none
    assert _values("2021年未收到群众来信。", 2021) == {}
    assert _values("2021年无申请政府信息公开的费用。", 2021) == {}
    assert _values("本年度,我局未收到依申请公开来信。通过政府信息公开平台收到申请2件,均已按时办结。", 2021) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    # the ones pending or answered are not the ones received
    for sentence in ("截至12月31日,尚未办结的共有2件依申请公开申请,将结转下一年度办理。", "本年度按期答复的共有5件依申请公开申请。"):
        assert "n.requests.received" not in _values("2021年," + sentence, 2021), sentence


def test_all_answered_after_who_asked_and_in_the_way_they_asked() -> None:
    # real openings (2024, 2023, 2022)
    assert _values("2024年,全区共收到依申请政府信息公开3件,主要为信函申请3件,且均为个人申请,均已按照相关要求进行了规范答复。",
                   2024) == {"n.requests.received": 3, "n.requests.closed": 3}
    assert _values("2023年,收到公民信息公开申请7件,均按规范要求及时予以答复。", 2023) == \
        {"n.requests.received": 7, "n.requests.closed": 7}
    assert _values("2022年全年收到依申请公开申请2条,均已按申请人所需信息的指定提供方式答复。", 2022) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    # still not when it needs doing or is passed on
    for rest in ("均已按需进一步答复", "均按要求转交相关部门", "且均为个人申请,均需答复"):
        assert "n.requests.closed" not in _values(f"2023年,收到公民信息公开申请7件,{rest}。", 2023), rest
    # a real 2016 opening: none happened (…的事情发生)
    assert _values("2016年,至今无因政府信息公开申请行政复议、提起行政诉讼的事情发生。", 2016) == {"n.review": 0, "n.suit": 0}


def test_more_words_for_requests_and_the_months_of_the_whole_year() -> None:
    # real openings (2022, 2024): months one to twelve are the year (2022年1-12月,…共发布信息6条)
    assert _values("2022年1-12月,在木兰县政府门户网站主动公开政府信息6条。", 2022) == {"n.active.items": 6}
    # some of its months are not, nor a running total to a month of it, nor a 累计 of all years
    assert _values("2024年3-12月主动公开政府信息27条。", 2024) == {}
    assert _values("截至2024年1-12月,累计主动公开政府信息27条。", 2024) == {}
    assert _values("2023年1-12月,政府网站累计主动公开信息5万条,其中本年新增500条。", 2023) == {}
    # real openings (2024, 2023, 2025, 2024): 7份, 案例2例, 收到申请数0件, 严格按照法定时限…答复处理
    assert _values("2024年新收政府信息公开申请7份,本年度办结5件,结转下年度继续办理2件。", 2024) == \
        {"n.requests.received": 7, "n.requests.closed": 5}
    assert _values("2023年,开发区共收到依申请公开案例2例,已按照规范回复,未收到投诉与举报信息。", 2023) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("(二)依申请公开。2024年收到申请数0件,办结0件。", 2024) == \
        {"n.requests.received": 0, "n.requests.closed": 0}
    assert _values("2025年,区司法局共新收到政府信息公开申请2件,均严格按照法定时限和规定程序予以答复处理。", 2025) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    # cases of another kind counted 例 are no requests; papers sent (答复5份) are no requests closed
    assert _values("2023年,开发区共收到信访案例2例。", 2023) == {}
    assert _values("2023年,我局共收到政府信息公开申请3件,答复5份。", 2023) == {"n.requests.received": 3}
    # what the catalogue holds, or a stock, is not the year's items (主动公开内容共18条, …的信息共有1640条)
    assert _values("2023年,一是规范公开目录。对照《条例》要求,梳理明确主动公开内容共18条,并在门户网站予以公开。", 2023) == {}
    assert _values("目前,政府信息公开目录中主动公开的信息共有1640条。", 2023) == {}


def test_requests_answered_by_disclosure_or_at_once_and_cases_with_complaints() -> None:
    # real openings (2021, 2022, 2021): all granted (均予以邮寄公开), received and answered at once (受理并按时回复),
    # answered as the rules say (并严格按照规定时限和程序进行了回复)
    assert _values("2021年我委收到依申请公开政府信息2件,均为网络申请件,均予以邮寄公开。", 2021) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("2022年度,亳州高新区管委会受理并按时回复政府信息依申请公开事项19项,全部为自然人申请。", 2022) == \
        {"n.requests.received": 19, "n.requests.closed": 19}
    assert _values("2021年,受理依申请公开1件,并严格按照规定时限和程序进行了回复。", 2021) == \
        {"n.requests.received": 1, "n.requests.closed": 1}
    # a part granted is not all answered, nor a part answered at once
    assert _values("2021年我委收到依申请公开政府信息2件,其中1件予以公开。", 2021) == {"n.requests.received": 2}
    assert _values("2022年度,我局受理并部分回复政府信息依申请公开事项19项。", 2022) == {"n.requests.received": 19}
    # a Heilongjiang template's none (…的行政复议案件、行政诉讼案件和举报申诉件)
    assert _values("全年未发生针对背荫河镇有关政府信息公开事务的行政复议案件、行政诉讼案件和举报申诉件。", 2022) == \
        {"n.review": 0, "n.suit": 0}
    # …的有N条 is a part (属于已主动公开的有2条 among the answers, …的信息有28条被转载), a stock (目录中…有1640条), and
    # 没有依申请公开信息的情况 says nothing was disclosed on request, which a count of requests may follow
    assert _values("2013年度主动公开信息的有5条;", 2013) == {}
    assert _values("在已答复的申请中,同意公开的有5条,属于已主动公开的有2条。", 2013) == {}
    assert _values("本年度没有依申请公开信息的情况。全年受理政府信息公开申请2件,均为申请信息不存在,已依法告知申请人。", 2013) == \
        {"n.requests.received": 2}
    # "all answered" when some were carried forward or answered later is no closed count
    assert _values("全年受理依申请公开3件,并严格按照规定时限进行回复,其中1件因申请人补正材料结转至下一年度办理。", 2021) == \
        {"n.requests.received": 3}
    assert _values("全年共收到政府信息公开申请5件,经审查,均予以公开,截至12月31日,已答复4件,1件结转至2022年办理。", 2021) == \
        {"n.requests.received": 5, "n.requests.closed": 4}
    assert _values("2022年度,受理并按时回复政府信息依申请公开事项19项。截至12月31日,已办结18项,1项结转下年度。", 2022) == \
        {"n.requests.received": 19}  # (the 18 closed stand in a sentence of their own, after a date)
    # …已全部办结,无结转下年度继续办理件 says none was carried
    assert _values("2024年,全市共收到依申请公开政府信息38件,已全部办结,无结转下年度继续办理件。", 2024) == \
        {"n.requests.received": 38, "n.requests.closed": 38}


def test_none_of_requests_and_cases_in_one_clause_items_published_and_both_cases_in_one_word() -> None:
    # real openings (2017, 2022, 2022)
    assert _values("同时,我局没有收到政府信息公开申请和因政府信息公开申请行政复议、行政诉讼事件。", 2017) == \
        {"n.requests.received": 0, "n.review": 0, "n.suit": 0}
    # items 发布 after the kind may be one channel's or a running total (通过政务微博主动公开信息发布2300条)
    assert _values("截至2022年底,全年主动公开信息发布12015条。", 2022) == {}
    # a none of the year before is not the report year's (上年度没有收到…, 去年无提起行政复议诉讼情况)
    assert _values("上年度没有收到政府信息公开申请和因政府信息公开申请行政复议、行政诉讼事件,本年度收到政府信息公开申请2件,"
                   "均已按时答复。", 2021) == {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("全年发生政府信息公开行政复议1件,去年无提起行政复议诉讼情况。", 2021) == {"n.review": 1}
    assert _values("2022年收到信息公开申请4件,申请公开信息均已按规定时间予以回复,无提起行政复议诉讼情况。", 2022) == \
        {"n.requests.received": 4, "n.review": 0, "n.suit": 0}
    # requests and something else negated is no zero of the requests (没有收到…申请和…的答复)
    assert "n.requests.received" not in _values("我局没有收到政府信息公开申请和因此产生的投诉。", 2017)


def test_all_answered_unless_some_were_left_open_and_nones_of_last_year() -> None:
    received_3 = "2021年,我局主动公开政府信息120条。全年共收到政府信息公开申请3件,均已按时答复"
    # words that deny a delay, another matter's counts or delays, last year's carry-over: all 3 answered
    for rest in (",未出现延期答复情况。", ",无超期、延期答复情况。", "。局长信箱共收到群众来信56件,已回复56件。",
                 "。上年结转的1件申请已于1月办结。", "。受疫情影响,原定的政府开放日活动延期举行。", ",结转下年度继续办理0件。"):
        assert _values(received_3 + rest, 2021)["n.requests.closed"] == 3, rest
    # some still open, in the sentence or later in the paragraph: no closed count
    for text in ("全年共收到政府信息公开申请5件,均予以公开,其中1件转入2022年继续办理。",
                 "全年受理并按时回复政府信息公开申请19件,另有2件仍在处理中。",
                 "全年受理并及时回复政府信息公开申请19件。申请内容主要涉及水利工程建设、河道采砂管理等方面,群众关注度较高。"
                 "截至年底,仍有2件因需征求第三方意见而延期答复。"):
        assert "n.requests.closed" not in _values(text, 2021), text
    # a none that sets last year beside this one, or whose words only contain 上年度 (线上年度评议), is this year's
    assert _values("我局上年度和本年度均未收到政府信息公开申请。", 2021) == {"n.requests.received": 0}
    assert _values("全年共收到政府信息公开申请3件,均已按时答复。线上年度评议中未发生政府信息公开行政复议、行政诉讼案件。", 2021) == \
        {"n.requests.received": 3, "n.requests.closed": 3, "n.review": 0, "n.suit": 0}


def test_a_petition_bureau_s_name_is_no_petition() -> None:
    # 信访 is a channel the requests did not come by (收到信访件), but 信访局 is the body that speaks
    assert _values("2025年,阎良区信访局共收到政府信息公开申请0件。", 2025) == {"n.requests.received": 0}
    assert _values("2025年,市信访和群众工作局共收到政府信息公开申请5件,均已办结。", 2025) == \
        {"n.requests.received": 5, "n.requests.closed": 5}
    assert _values("二、收到和处理政府信息公开申请情况\n2025年,区信访局未收到政府信息公开申请。", 2025) == \
        {"n.requests.received": 0}
    for text in ("2025年,本局通过信访渠道收到政府信息公开申请3件。", "2025年,我局共受理信访申请3件。"):
        assert _values(text, 2025) == {}, text
    # but 申请 alone in the bureau's clause may be its petitions, and 信访办理 is no bureau
    assert _values("2022年,县信访局收到各类申请356件,均已按期办结。全县共收到政府信息公开申请45件。", 2022) == \
        {"n.requests.received": 45}
    assert _values("2022年,市信访局依法受理申请12件,均在法定期限内作出复查意见。", 2022) == {}
    for text in ("本年度无信访办理事项。", "县信访局未收到群众来信反映事项。"):
        assert _values("二、收到和处理政府信息公开申请情况\n" + text, 2022) == {}, text


def test_a_none_of_forwarded_requests_is_no_none_of_all() -> None:
    # requests passed on by other bodies are some of the body's, not all of them
    for text in ("2023年,本局未收到下属单位转来的政府信息公开申请。", "2023年,本局未收到上级机关转办的政府信息公开申请。",
                 "二、依申请公开情况\n2023年,本局未收到其他机关转送的政府信息公开申请。"):
        assert "n.requests.received" not in _values(text, 2023), text
    assert _values("2023年,本局未收到上级交办的政府信息公开申请。", 2023) == {}
    # an 和 or 及 in the subject joins bodies, not requests: the none is still of forwarded ones alone
    for text in ("二、依申请公开情况\n2023年,本局和下属单位未收到转办的政府信息公开申请。",
                 "二、依申请公开情况\n2023年,本局及下属单位均未收到上级转来的政府信息公开申请。",
                 "二、依申请公开情况\n2023年,我局和局属单位无转办的依申请公开事项。"):
        assert "n.requests.received" not in _values(text, 2023), text
    assert _values("二、依申请公开情况\n2023年,本局和下属单位未收到政府信息公开申请。", 2023) == {"n.requests.received": 0}
    # two kinds of forwarded requests joined take in no others; a none of all but the ones excepted is no none
    for text in ("2023年,本局未收到上级交办或其他部门转送的政府信息公开申请。",
                 "2023年,本局未收到上级交办或其他行政机关依法转送的政府信息公开申请。",
                 "2023年,本局未收到上级交办的或其他行政机关依法转送的政府信息公开申请。",
                 "2023年,本局未收到上级机关交办及同级政府办公室依法转送的政府信息公开申请。",
                 "2023年,本局未收到上级机关或其他行政机关转送的政府信息公开申请。",
                 "2023年,本局未收到由上级机关交办、或其他行政机关依法转送的政府信息公开申请。",
                 "2023年,本局未收到上级交办或者下级单位报送的政府信息公开申请。",
                 "2023年,本局未收到上级交办或申请人通过其他机关转送的政府信息公开申请。",
                 "二、依申请公开情况\n2023年,本局无上级转办及交办申请。",
                 "二、依申请公开情况\n2023年,本局除上级转办件外未收到其他申请。",
                 "2023年,本局除上级交办的1件外未收到其他政府信息公开申请。"):
        assert "n.requests.received" not in _values(text, 2023), text
    # unless the words take in the others too: then a none of all
    for text in ("2023年,本局未收到直接提交或其他机关转送的政府信息公开申请。",
                 "2023年,本局未收到群众提交的或上级交办的政府信息公开申请。",
                 # a kind that is not forwarded between two that are
                 "2023年,本局未收到上级交办或群众提交或其他机关转送的政府信息公开申请。",
                 "2023年,本局未收到上级交办、群众提交或其他机关转送的政府信息公开申请。",
                 "2023年,本局未收到任何形式(包括上级转办)的政府信息公开申请。",
                 "二、依申请公开情况\n2023年,本局全年未收到政府信息公开申请及转办申请。",
                 "二、依申请公开情况\n2023年,本局无依申请公开及转办事项。"):
        assert _values(text, 2023) == {"n.requests.received": 0}, text
    assert _values("2023年,本局未收到转来的政府信息公开申请,共收到政府信息公开申请4件。", 2023) == \
        {"n.requests.received": 4}


def test_a_none_that_takes_in_forwarded_requests_by_name_is_a_none_of_all() -> None:
    # what the none includes, in brackets after the requests, or a list whose other kind is no forwarding
    for text in ("2023年,本机关未收到政府信息公开申请(含转办)。", "2023年,本机关未收到政府信息公开申请（包括上级转办件）。",
                 "2023年,我局未收到上级转办的、群众提交的政府信息公开申请。",
                 "2023年,我局未接到依申请公开申请(含网上申请)。"):
        assert _values(text, 2023) == {"n.requests.received": 0}, text
    # a none that leaves them out, or a list of forwarding bodies or kinds, is still of forwarded ones alone
    for text in ("2023年,本机关未收到政府信息公开申请(不含转办)。", "2023年,我局未收到市、县转办的政府信息公开申请。",
                 "2023年,我局未收到上级交办的、其他部门转送的政府信息公开申请。",
                 "2023年,未收到上级交办的、其他行政机关依法转送的政府信息公开申请。",
                 "2021年,本机关未收到市政府办公室、市政务服务管理局转办的政府信息公开申请。"):
        assert "n.requests.received" not in _values(text, 2023), text


def test_a_none_of_the_units_under_the_body_is_not_the_body_s() -> None:
    # the units under it said none; the body's own count is not said
    for text in ("2023年,本局全年下属单位没有收到政府信息公开申请。", "2023年,局属各医院未收到政府信息公开申请。",
                 "2023年,我局所属各单位均未收到政府信息公开申请。", "本年度我局直属各单位无依申请公开事项。"):
        assert "n.requests.received" not in _values(text, 2023), text
    assert _values("2023年,局属各单位未发生因政府信息公开引起的行政复议、行政诉讼。", 2023) == {}
    assert _values("2023年,我局共收到政府信息公开申请5件,下属单位没有收到政府信息公开申请。", 2023) == \
        {"n.requests.received": 5}
    # the body named with them, or as the subject after them, or them as a circumstance: the body's none
    for text in ("2023年,本局及下属单位均未收到政府信息公开申请。", "我局机关和下属单位未收到政府信息公开申请。",
                 "各科室积极配合,我局全年未收到政府信息公开申请。", "在各科室配合下我局未收到政府信息公开申请。"):
        assert _values(text, 2023) == {"n.requests.received": 0}, text
    assert _values("2023年,本单位及所属二级单位均未发生因政府信息公开引起的行政复议、行政诉讼。", 2023) == \
        {"n.review": 0, "n.suit": 0}
    for text in ("2023年,本局（含下属单位）全年未收到政府信息公开申请。", "2023年,市水务局及下属单位均未收到政府信息公开申请。",
                 "2023年,下属单位以及本局均未收到政府信息公开申请。", "2023年,局机关、直属各单位均未收到政府信息公开申请。",
                 "2023年,本局在下属单位的配合下未收到政府信息公开申请。", "2023年,本局各科室均未收到政府信息公开申请。",
                 "2023年,全县各乡镇、各部门均未收到政府信息公开申请。", "本局作为市政府直属机构全年未收到政府信息公开申请。",
                 "2023年,我局、局属各单位均未收到政府信息公开申请。", "2023年,我公司系市属企业全年未收到信息公开申请。"):
        assert _values(text, 2023) == {"n.requests.received": 0}, text
    # units joined to units are units alone; a body named among them keeps the none its own
    for text in ("2023年,局属事业单位和企业均未收到政府信息公开申请。", "2023年,局属学校和幼儿园均未收到政府信息公开申请。",
                 "2023年,下属二级单位以及直属企业均未收到政府信息公开申请。",
                 "2023年,委属各医院、社区卫生服务中心均未收到政府信息公开申请。"):
        assert "n.requests.received" not in _values(text, 2023), text
    assert _values("2023年,直属单位和下属企业均未发生因政府信息公开引起的行政复议、行政诉讼。", 2023) == {}
    # said like the body's, or like the years before: still the units' none
    for text in ("2023年,委属各单位同样未收到政府信息公开申请。", "2023年,下属单位与往年一样未收到政府信息公开申请。",
                 "2023年,局属单位同期均未收到政府信息公开申请。", "2023年,本局派出机构均未收到政府信息公开申请。"):
        assert "n.requests.received" not in _values(text, 2023), text
    assert _values("2023年,委属各医院同样未收到政府信息公开申请,本委收到政府信息公开申请2件。", 2023) == \
        {"n.requests.received": 2}
    for text in ("2023年,下属单位和局机关均未收到政府信息公开申请。", "2023年,直属单位和局本级均未收到政府信息公开申请。",
                 "2023年,所属各单位和机关各科室均未收到政府信息公开申请。", "2023年,局属单位、本局均未收到政府信息公开申请。"):
        assert _values(text, 2023) == {"n.requests.received": 0}, text
    # a body of a longer name before its units, or the units but its office
    for text in ("2023年,市卫健委所属医疗卫生单位和各社区卫生服务中心均未收到政府信息公开申请。",
                 "2023年,除局机关外下属单位均未收到政府信息公开申请。"):
        assert "n.requests.received" not in _values(text, 2023), text
    assert _values("2023年,全局包括下属各单位均未收到政府信息公开申请。", 2023) == {"n.requests.received": 0}
    # the body itself among them, though its name ends as a unit's: its none
    for text in ("2023年,直属单位和本单位均未收到政府信息公开申请。", "2023年,下属单位和我中心同样未收到政府信息公开申请。",
                 "2023年,局属单位和局机关内设机构均未收到政府信息公开申请。", "2023年,所属学校和本校均未收到政府信息公开申请。",
                 "2023年,本派出机构全年未收到政府信息公开申请。"):
        assert _values(text, 2023) == {"n.requests.received": 0}, text
    assert _values("2023年,局属事业单位和企业均未收到政府信息公开申请,局机关收到政府信息公开申请3件。", 2023) == \
        {"n.requests.received": 3}
    # the units' none is not the body's: the body's own count, said after it, is read
    assert _values("2023年,委属医院未收到政府信息公开申请,本委共收到政府信息公开申请3件。", 2023) == \
        {"n.requests.received": 3}
    assert _values("2023年,本局二级机构均未收到政府信息公开申请,本局机关收到政府信息公开申请6件。", 2023) == \
        {"n.requests.received": 6}


def test_requests_named_yi_shen_qing_jian():
    # 依申请件: the requests without 公开 (prose_pages/batch_zzr/27, batch_n/24)
    assert _values("依照《条例》的规定,2024年,我场开展了依申请公开受理工作,共收到依申请件0件。", 2024) == \
        {"n.requests.received": 0}
    assert _values("2024年,全区共收到政府信息依申请件454件,答复458件(含上年结转8件),结转下年办理4件。", 2024) == \
        {"n.requests.received": 454, "n.requests.closed": 458}


def test_requests_a_qizhong_counts_into_a_review_or_a_suit_are_the_years_cases():
    # prose_pages/batch_zzr/29: 全年规范受理并办结依申请公开事项14件…其中6件申请进入行政复议程序
    page = (Path(__file__).resolve().parents[1] / "fixtures/prose_pages/batch_zzr/29.txt").read_text(encoding="utf-8")
    figures = {f.indicator_code: f.value for f in parse_document(page, "29.txt").figures}
    assert figures == {"n.requests.received": 14, "n.requests.closed": 14, "n.review": 6}
    into_a_suit = page.replace("其中6件申请进入行政复议程序", "其中2件申请进入行政诉讼程序")
    assert {f.indicator_code: f.value for f in parse_document(into_a_suit, "29.txt").figures} == \
        {"n.requests.received": 14, "n.requests.closed": 14, "n.suit": 2}
    # requests about a review's or a suit's papers are no cases
    for about_papers in ("对2件属于行政复议程序中的案卷材料查阅申请,告知申请人依照《行政复议法》办理",
                         "对1件属于行政诉讼程序中查阅案卷材料的申请,告知申请人向人民法院申请"):
        text = page.replace("其中6件申请进入行政复议程序", about_papers)
        assert {f.indicator_code: f.value for f in parse_document(text, "29.txt").figures} == \
            {"n.requests.received": 14, "n.requests.closed": 14}, about_papers


def test_no_case_under_the_template_s_section_printed_without_its_disclosure_words():
    # prose_pages/batch_zzx/03: 三、申请行政复议和提起行政诉讼情况 / 全年没有发生申请行政复议和行政诉讼事件。
    page = (Path(__file__).resolve().parents[1] / "fixtures/prose_pages/batch_zzx/03.txt").read_text(encoding="utf-8")
    figures = {f.indicator_code: f.value for f in parse_document(page, "03.txt").figures}
    assert figures == {"n.active.items": 49, "n.requests.received": 0, "n.review": 0, "n.suit": 0}
    # a section on reviews and suits of any kind is not the template's
    other = page.replace("三、申请行政复议和提起行政诉讼情况", "三、行政复议和行政诉讼情况")
    assert {f.indicator_code for f in parse_document(other, "03.txt").figures} == {"n.active.items", "n.requests.received"}


def test_a_count_since_the_regulations_took_effect_is_not_the_year_s():
    # 自《条例》实施以来 (1 May 2008): every year since, save in a 2008 report, whose period began then
    text = "自《条例》实施以来，我局共受理政府信息公开申请56件。"
    assert _values(text, 2011) == {}
    assert _values(text, 2008) == {"n.requests.received": 56}
    assert _values("2011年，我局共受理政府信息公开申请12件，自《条例》实施以来累计56件。", 2011) == {"n.requests.received": 12}


def test_no_press_conference_held_is_a_zero():
    for text in ("全年未召开新闻发布会。", "本年度没有举行过新闻发布会。"):
        assert _values(text, 2013) == {"n.press_conferences": 0}, text
    # a part of the year, the year before, or others who held none
    for text in ("上半年未召开新闻发布会。", "去年未召开新闻发布会。", "未召开新闻发布会的部门要加强。"):
        assert _values(text, 2013) == {}, text


def test_reviews_and_suits_of_other_matters_or_decided_as_the_reviewing_body_are_not_counted():
    # cases a second reader wrote before running them (96 prose cases): each gave the count of all matters
    assert _values("2014年，我局未发生因政府信息公开引起的行政复议。行政诉讼案件1件，系不服行政处罚决定。", 2014) == {"n.review": 0}
    assert _values("全年办理行政复议案件27件，均不涉及政府信息公开，未发生因政府信息公开引起的行政诉讼。", 2020) == {"n.suit": 0}
    assert _values("2020年，本机关共发生行政复议案件8件，其中涉及政府信息公开的2件；行政诉讼案件5件，均为征收补偿类，"
                   "未涉及政府信息公开。", 2020) == {}
    assert _values("本机关作为复议机关，全年办理政府信息公开类行政复议案件15件；本机关因政府信息公开被申请行政复议2件。", 2020) == \
        {"n.review": 2}
    # the disclosure cases themselves, and what became of them, still count
    assert _values("2020年，因政府信息公开被申请行政复议3件，行政诉讼1件。", 2020) == {"n.review": 3, "n.suit": 1}
    assert _values("2020年，发生政府信息公开行政复议案件2件，均维持原决定。", 2020) == {"n.review": 2}


def test_a_sentence_with_the_areas_figure_and_the_bodys_own_gives_the_bodys():
    # cases a second reader wrote before running them: each gave the area's figure
    assert _values("县统计局作为全县政府信息公开统计汇总单位，汇总全县共主动公开政府信息15236条，受理申请87件；"
                   "本局自身主动公开信息64条，未收到政府信息公开申请。", 2020) == {"n.active.items": 64, "n.requests.received": 0}
    assert _values("市政府新闻办统筹全市各部门召开新闻发布会150场；本局召开新闻发布会4场。", 2021) == {"n.press_conferences": 4}
    assert _values("全区共召开新闻发布会45场，本局未召开新闻发布会。", 2020) == {"n.press_conferences": 0}
    # the area's figure alone is the figure a government's report gives
    assert _values("2020年，全县共主动公开政府信息5000条，收到政府信息公开申请30件。", 2020) == \
        {"n.active.items": 5000, "n.requests.received": 30}


def test_requests_handled_then_closed_give_the_closed():
    # a second reader's case: 共办理49件 takes in the 3 carried from the year before; 办结47件 is the closed count
    text = "2020年，本机关新收政府信息公开申请46件，上年结转政府信息公开申请3件，共办理49件，办结47件，结转下年度继续办理2件。"
    assert _values(text, 2020) == {"n.requests.received": 46, "n.requests.closed": 47}
    assert _values("2020年共受理政府信息公开申请12件，办理12件。", 2020) == {"n.requests.received": 12, "n.requests.closed": 12}


def test_requests_received_as_application_letters_in_pieces_or_named_after_the_verb_s_object():
    # the openings of prose_pages batch_a/20, batch_za/19, batch_zzt/07 and batch_zzt/09, whose labels give these counts
    assert _values("二是依申请公开情况。2025年度市自然资源局接收到申请书55份，申请公开的政府信息主要涉及征地信息。", 2025) == \
        {"n.requests.received": 55}
    assert _values("四、依申请公开情况\n2017年度接到群众有关公开信息申请数189件。", 2017) == {"n.requests.received": 189}
    assert _values("2023年我局共收到申请公开件92件、上一年度结转2件。", 2023) == {"n.requests.received": 92}
    assert _values("2023年我局收到政府信息公开申请书58条，已处理54条，结转下年度继续办理4条。", 2023) == \
        {"n.requests.received": 58, "n.requests.closed": 54}
    # an application letter of another kind, outside a sentence on disclosure requests, is no request
    assert _values("2023年，市自然资源局接收到用地申请书55份。", 2023) == {}


def test_requests_received_and_handled_at_once_or_closed_in_pieces():
    # the openings of prose_pages batch_zzs/28, batch_zzp/18 and batch_zzg/09, whose labels give these counts
    assert _values("2024年，台安县交通运输局收到和处理政府信息公开申请2件。", 2024) == \
        {"n.requests.received": 2, "n.requests.closed": 2}
    assert _values("政府信息依申请公开情况：2023年收到和处理政府依申请公开8条。", 2023) == \
        {"n.requests.received": 8, "n.requests.closed": 8}
    assert _values("2024年新收政府信息公开申请7份，本年度办结5份，结转下年度继续办理2份。", 2024) == \
        {"n.requests.received": 7, "n.requests.closed": 5}
    # batch_za/14: of none received and handled, its reader wrote the none received alone
    assert _values("2021年，东山镇在秀英区政府信息公开平台网站上更新各类信息76条，收到和处理政府信息公开申请0条。", 2021) == \
        {"n.requests.received": 0}


def test_requests_that_take_in_those_carried_over_are_no_count_of_the_years_received():
    # a second reader's case (兴安盟行署办公室, 2025) and the openings of prose_pages batch_zza/06 and batch_zf/18, whose
    # readers left the received count out (it holds the year before's) and kept what was closed
    assert _values("2025年,兴安盟行署办公室共受理政府信息公开申请24件(含上年结转1件),申请内容主要涉及土地征收。", 2025) == {}
    assert _values("全年共受理公众向市政府(市政府办公厅)提交的政府信息公开申请543件(含上年度结转6件),申请内容主要集中在城市更新、"
                   "征收拆迁。依法办结541件,结转下年度办理2件。", 2024) == {"n.requests.closed": 541}
    assert _values("全年共受理政府信息公开申请103件(含上年结转申请3件),所有申请均在法定期限内完成答复。", 2024) == \
        {"n.requests.closed": 103}


def test_the_old_templates_summary_list_of_the_years_figures():
    # a second reader's case (岳阳县长湖乡, 2018), and the agencies page t06 (舟曲县八楞乡, 2021) whose items run on one line
    text = ("一、情况概述\n1.主动公开政府信息的情况:81条\n2.行政机关依申请公开政府信息的数量:无\n3.不予以公开政府信息的数量:无\n"
            "4.政府信息公开的收费及减免情况:无\n")
    assert _values(text, 2018) == {"n.active.items": 81, "n.requests.received": 0}
    text = ("现将2021年工作情况汇报如下: 一、总体情况 1、主动公开政府信息的情况:40条,其内容涉及财政预算决算、工程招标。 "
            "2、行政机关依申请公开政府信息的数量:无。 3、不予以公开政府信息的数量:无。 "
            "5、因政府信息公开申请行政复议、提起行政诉讼的情况:无。")
    assert _values(text, 2021) == {"n.active.items": 40, "n.requests.received": 0, "n.review": 0, "n.suit": 0}


def test_not_even_one_request_received_is_a_none():
    # a second reader's third round (a township, 2020): the count after a negation was read as one request received
    assert _values("（二）依申请公开。2020年1月1日以来，我乡并未接收到一例依申请公开请求，因此未涉及到收费问题，"
                   "未引起行政复议与行政诉讼。", 2020) == {"n.requests.received": 0, "n.review": 0, "n.suit": 0}
    assert _values("2020年，我乡未收到一件政府信息公开申请。", 2020) == {"n.requests.received": 0}
    # without the negation, one is one
    assert _values("2020年，我乡收到一件政府信息公开申请。", 2020) == {"n.requests.received": 1}
    # and none received is none closed of them
    assert _values("2020年，我乡未收到并办结依申请公开政府信息事项一件。", 2020) == {"n.requests.received": 0}


def test_the_items_of_the_town_named_by_its_own_name():
    # a second reader's third round (朋普镇, 2024) and the opening of prose_pages batch_o/20 (长桥乡, 2019)
    assert _values("2024年以来，通过市政府政务网站、新媒体平台、宣传栏等方式主动公开朋普镇政府信息共597条。2024年度门户网站主动公开"
                   "政府信息6条。", 2024) == {"n.active.items": 597}
    assert _values("2019年我乡通过广昌县人民政府(http://www.jxgc.gov.cn)主动公开长桥乡人民政府信息57条:其中部门公告4条。", 2019) \
        == {"n.active.items": 57}
    # the towns' information, counted by an area, is not named by one town
    assert _values("2024年，各乡镇主动公开各乡镇政府信息共597条。", 2024) == {}


def test_documents_among_the_items_published_are_a_kind_of_them():
    # a second reader's third round (自治区生态环境厅, 2023): the documents were read as the year's items
    text = ("（一）主动公开情况\n2023年，自治区生态环境厅门户网站发布各类信息5489条，其中，主动公开文件数232条，重要通知公告33条，"
            "生态环境厅系统预算决算信息57条。")
    assert _values(text, 2023) == {"n.active.items": 5489}
    # the doc_type page batch_1/08 (厦门市发展和改革委员会, 2015): of the information made, the part disclosed is the count
    text = "2015年本机关制作、获取的政府信息2196条，其中主动公开文件753条，作为可依申请公开文件518条，不予公开文件925条。"
    assert _values(text, 2015) == {"n.active.items": 753}


def test_a_street_offices_items_requests_named_before_the_disclosure_and_closed_after_the_request():
    # a second reader's third round (杭州 长河街道, 台州 桐屿街道, 嘉兴市市场监管局; 2023, 2023, 2022)
    assert _values("（一）主动公开\n2023年，本街道在政府官网上主动公开街道信息423条，其中工作总结1条。", 2023) == \
        {"n.active.items": 423}
    assert _values("（二）依申请公开\n2023年，收到申请政府信息公开事项12件，已进行行政答复。", 2023) == \
        {"n.requests.received": 12, "n.requests.closed": 12}
    assert _values("（二）依申请公开情况。2022年，嘉兴市市场监管局受理政府信息依申请公开11件，其中网络申请11件，申请办结数8件，"
                   "结转下一年办理1件。", 2022) == {"n.requests.received": 11, "n.requests.closed": 8}


def test_the_years_new_items_over_the_stock_they_join():
    # a second reader's fourth round (广州市环保局, 2010): the platform's stock was read as the year's items
    text = ("二、政府信息主动公开情况\n我局在政务网站设置了政府信息公开平台,并新建工程建设领域项目公开专栏,在该平台共整理公开政府信息3819条,"
            "其中全文电子化达100%,本年度新增的主动公开信息169条,并对部分失效信息进行了清理。")
    assert _values(text, 2010) == {"n.active.items": 169}


def test_one_channels_count_of_requests_answered_is_not_the_total():
    # a second reader's fifth round (东湖街道, 2023): the portal's 3 was read as every request answered (3 and 36: 39)
    assert _values("（二）依申请公开情况\n2023年度东湖街道办事处通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件。", 2023) == {}


def test_a_reviewers_cases_on_this_rounds_prose_rules():
    # cases a reviewer of the changes wrote against the new rules: each was read otherwise before it was mended
    # the area's streets are no town naming its own items
    assert _values("（一）主动公开\n2020年，我区主动公开政府信息2000条，主动公开辖区各街道政府信息共1200条。", 2020) == \
        {"n.active.items": 2000}
    # requests carried into the next year leave the year's received as counted
    assert _values("2020年共受理政府信息公开申请24件(含结转下年度办理3件)。", 2020) == {"n.requests.received": 24}
    # the year's new ones after a total already of the year are a part of it
    assert _values("（一）主动公开\n全年主动公开政府信息2000条，其中，本年度新增主动公开信息169条。", 2020) == \
        {"n.active.items": 2000}
    # papers in 份 after requests in 件, some of them in 份 (其中书面申请2份): no closed count
    assert _values("2020年收到政府信息公开申请7件(其中书面申请2份)，答复5份。", 2020) == {"n.requests.received": 7}
    # a request to take back what was published is no disclosure request
    assert _values("（二）依申请公开\n2020年收到撤销已公开信息申请3件。", 2020) == {}


def test_requests_received_as_requests_to_disclose_or_handed_in_by_the_applicant():
    # the openings of prose_pages batch_zi/20, batch_zu/15, batch_zz/01 and batch_zzs/01, and of agencies/pages
    # g03 (古溪镇), whose labels give these counts
    assert _values("收到申请公开政府信息的要求0条。", 2020) == {"n.requests.received": 0}
    assert _values("2021年度我局收到申请公开信息要求0件，同意公开数0件。", 2021) == {"n.requests.received": 0}
    assert _values("我镇收到申请公开政府信息的要求7件，均完成答复。", 2020) == \
        {"n.requests.received": 7, "n.requests.closed": 7}
    assert _values("（二）依申请公开方面。2025年，午街铺镇全面落实《条例》关于依申请公开的各项要求，"
                   "我镇累计受理申请人提出的公开申请0件。", 2025) == {"n.requests.received": 0}
    assert _values("（二）依申请公开\n2019年收到自然人提交的公开申请1项，已按照《条例》答复。", 2019) == \
        {"n.requests.received": 1, "n.requests.closed": 1}


def test_a_cumulative_count_in_a_paragraph_of_the_report_year_is_the_years():
    # the openings of prose_pages batch_r/13 (a Traditional page, here in Simplified) and batch_zzg/03: the
    # paragraph's first sentence names the year, the 累计 sentence after it none
    text = ("（二）依申请公开情况。2022年，钱江经济开发区严格按照政府信息公开工作各项规定，对政府信息公开申请进行办理和答复。"
            "累计收到政府信息公开申请2件，都已及时准确地进行了答复。")
    assert _values(text, 2022) == {"n.requests.received": 2, "n.requests.closed": 2}
    # a paragraph that names another year, or a date, or a stock, leaves 累计 a running total
    assert _values(text.replace("2022年，", "2021年，"), 2022) == {}
    assert _values(text.replace("2022年，", "截至2022年12月，"), 2022) == {}
    # the year named in an earlier paragraph does not reach it
    assert _values("（一）主动公开\n2022年，本局认真落实各项要求。\n累计主动公开政府信息300条。", 2022) == {}
    # nor does the paragraph's own start fall out of sight in a long paragraph (a reviewer's case: 以来 400
    # characters before)
    filler = "本局认真贯彻落实各项工作要求，切实加强组织领导，不断完善工作机制，持续提升公开质量和水平。" * 8
    assert _values("自2015年以来，本局依法依规进行办理和答复。" + filler
                   + "2022年，本局持续做好依申请公开工作。累计收到政府信息公开申请35件。", 2022) == {}


def test_the_kind_left_after_the_others_is_a_part():
    # the Pingtan 2020 page read off a PDF whose line was cut inside the sentence's 其中 (…2602条(其中机构职能类信
    # / 息82条，…): the last kind, 其他应主动公开政府信息1053条, was read as the year's count
    text = ("一、总体情况\n全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信\n"
            "息82条，政策、规范性文件类信息80条，安全生产、应急管理类信息271条，其他应主动公开政府信息1053条)，"
            "对于主动公开的政府信息，主要通过政府门户网站、政务新媒体等媒介进行公开。")
    assert _values(text, 2020).get("n.active.items") != 1053
    # but what is left after the withheld (除…外，其他应主动公开…) is the whole, as is 其他应… before any count
    whole = "（一）主动公开情况\n2022年，除依法不予公开的信息外，其他应主动公开政府信息共2602条全部予以公开。"
    assert _values(whole, 2022)["n.active.items"] == 2602


def test_a_published_count_broken_down_by_the_next_sentence_and_one_under_the_sections_count_heading():
    # a real 2023 report (宜城市供销联社): the count, then its parts in a sentence opened by 其中
    text = ("(一)政府信息主动公开情况。2023年,市供销联社结合本单位实际,制定并完善了相关制度文件。2023年度,我社通过宜城政府网站"
            "信息公开平台共发布信息27条。其中:政策文件1条,财政资金3条,其他主动公开内容23条,\n(二)政府信息依申请公开情况。"
            "本年度我社未收到政府信息依申请公开。")
    assert _values(text, 2023)["n.active.items"] == 27
    # another channel's count in the next sentence still makes it one channel's, and so do parts that pass it or
    # name requests or a social-media account (a reviewer's)
    for parts in ("通过微信公众号发布信息45条。", "其中:政策文件1条,财政资金3条,公开栏发布信息45条,",
                  "其中依申请公开信息2条。", "其中政策文件5条,通过微信公众号发布信息45条。"):
        assert "n.active.items" not in _values(text.replace("其中:政策文件1条,财政资金3条,其他主动公开内容23条,", parts), 2023)
    # a real 2008 report (吉林市龙潭区遵义街道): the old format's sub-heading on the count, and 信息总数 without 为
    text = ("二、主动公开政府信息情况\n(一)公开的数量\n2008年,全街公开信息总数10条。\n(二)公开的内容\n"
            "在2008年全部公开的信息总数10条中,与公众利益密切相关事项类信息数共2条。")
    assert _values(text, 2008)["n.active.items"] == 10
    # under another sub-heading it is no count of the section; nor with the requests among its parts, nor standing
    assert "n.active.items" not in _values(text.replace("(一)公开的数量", "(一)公开的形式"), 2008)
    assert "n.active.items" not in _values(text.replace("总数10条。", "总数10条,其中依申请公开2条。"), 2008)
    assert "n.active.items" not in _values(text.replace("2008年,全街公开", "目前,全街公开"), 2008)
