"""The agency's spellings a document prints (stage/agencies.printed_forms), read off real pages:
found as printed, found once injected pinyin and spaces are set aside, and absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.parse.report import parse_document
from dagster_project.stage.agencies import _first_pass, printed_forms

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "agencies" / "pages"


def _forms(name: str) -> tuple[str, list[str]]:
    text = (PAGES / name).read_text(encoding="utf-8")
    meta = parse_document(text, name).meta
    identity, _ = _first_pass(meta.agency_name, meta.title, meta.source_url, None, lambda: text)
    return identity.agency_name, printed_forms(identity, text)


@pytest.mark.parametrize("page, agency, forms", [
    # 下管鎮(zhèn)政府信息公開: the Traditional short form is there only once the pinyin is out
    ("p40_xiaguan_pinyin_trad.txt", "下管镇人民政府", ["下管鎮政府"]),
    ("p41_guangzhou_tongjiju_trad.txt", "广州市统计局", ["廣州市統計局"]),
    ("s10_changzhou_sthj_trad.txt", "常州市生态环境局", ["常州市生態環境局"]),
])
def test_forms_behind_injected_pinyin_are_found(page, agency, forms):
    assert _forms(page) == (agency, forms)


def test_a_form_printed_as_it_is_is_found_and_the_page_holds_no_other():
    name = "p40_xiaguan_pinyin_trad.txt"
    text = (PAGES / name).read_text(encoding="utf-8")
    meta = parse_document(text, name).meta
    identity, _ = _first_pass(meta.agency_name, meta.title, meta.source_url, None, lambda: text)
    # the same page in Simplified, its pinyin gone: the Simplified forms are printed as they are,
    # the Traditional ones (鎮) no longer occur anywhere
    simplified = text.replace("(zhèn)", "").replace("鎮", "镇")
    assert printed_forms(identity, simplified) == ["下管镇政府"]
    # a form split by spaces (下 管 镇) is the same spelling
    assert printed_forms(identity, simplified.replace("下管镇", "下 管 镇")) == ["下管镇政府"]
    assert printed_forms(identity, "") == []


def test_the_short_form_a_page_prints_is_kept_beside_the_official_name():
    # a real 2016 opening titled 梁山县人社局…: the canonical name is the official one, the printed short form an alias
    text = "梁山县人社局2016年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》,现公布梁山县人社局2016年年度报告。\n"
    identity, _ = _first_pass("梁山县人社局", None, None, None, lambda: text)
    assert (identity.agency_name, printed_forms(identity, text)) == ("梁山县人力资源和社会保障局", ["梁山县人社局"])
