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
