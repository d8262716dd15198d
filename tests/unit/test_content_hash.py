"""The identity of a document's content: one page saved twice, re-encoded or fetched from a mirror
has one content_hash; two different reports never share one."""
from pathlib import Path

from dagster_project.parse.identity import content_hash
from dagster_project.parse.report import parse_document

PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "pingtan_site" / "reports"


def test_same_page_saved_twice_with_other_chrome_and_widths_has_one_hash():
    page = (PINGTAN / "202001_80576.html").read_text(encoding="utf-8")
    # a mirror: another view counter, full-width digits in the chrome, CRLF line ends, a BOM-less copy
    mirror = page.replace("\n", "\r\n").replace("<body", "<body><div>浏览次数：1234</div>", 1)
    a = parse_document(page, "a.html").meta.content_hash
    b = parse_document(mirror, "b.html").meta.content_hash
    assert a is not None and a == b


def test_two_reports_of_one_agency_have_different_hashes():
    a = parse_document((PINGTAN / "202001_80576.html").read_text(encoding="utf-8"), "a.html").meta.content_hash
    b = parse_document((PINGTAN / "202103_80595.html").read_text(encoding="utf-8"), "b.html").meta.content_hash
    assert a and b and a != b


def test_width_whitespace_and_view_counters_do_not_change_the_hash():
    body = "某某县2020年政府信息公开工作年度报告\n" + "本年度主动公开政府信息1234条。" * 20
    assert content_hash(body) == content_hash(body.replace("1234", "１２３４").replace("。", "。\n  ") + "\n浏览次数：88")
    assert content_hash(body) != content_hash(body.replace("1234", "1235"))


def test_short_texts_have_no_hash():
    assert content_hash("某某县2020年政府信息公开工作年度报告") is None  # an empty shell is told apart by its bytes


# one line for each branch of identity._CHROME_LINE, in its order
_CHROME_EXAMPLES = ("浏览次数：12", "阅读量 5", "点击率", "访问量:30", "打印本页", "关闭窗口", "【打印】", "分享到：",
                    "当前位置：首页", "您的位置", "字号：大 中 小", "【大】【中】【小】", "发布时间：2020-01-01")


def test_a_chrome_line_holds_what_the_line_test_looks_for_first():
    """normalised_body tries _CHROME_LINE only on a line that opens with one of _CHROME_STARTS or holds one of
    the words or size pairs the text holds: every line it matches must (a branch added without an example
    here fails the count)."""
    import re

    from dagster_project.parse import identity
    from dagster_project.parse.classify import _alternatives

    branches = _alternatives(identity._CHROME_LINE)
    assert len(branches) == len(_CHROME_EXAMPLES)
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    lines = [line.strip() for p in sorted(fixtures.rglob("*.txt"))
             for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    for branch, example in zip(branches, _CHROME_EXAMPLES):
        assert re.search(branch, example), (branch, example)
    for line in [*_CHROME_EXAMPLES, *lines]:
        if identity._CHROME_LINE.search(line):
            assert line.startswith(identity._CHROME_STARTS) or any(word in line for _, word in identity._CHROME_WORDS) \
                or any(pair.search(line) for pair in identity._SIZE_PAIRS), line
        if identity._CHROME_SOMEWHERE.search(line):
            assert any(word in line for _, word in identity._CHROME_WORDS) \
                or any(pair.search(line) for pair in identity._SIZE_PAIRS), line
