"""Decoding trusts a declared charset unless it fails badly, replaces a few bad bytes instead of
switching codec, and recognises UTF-16/UTF-32 by mark and by content. Inputs are real documents."""
import random

import pytest

from dagster_project.ingest.decode import decode_bytes
from dagster_project.parse.report import parse_document
from seed_gold import gold_values, pingtan_cases, seed_cases

SEED, SEED_GOLD = seed_cases()[0]
PAGES = [path for path, _ in pingtan_cases()]


def _figures(text: str, name: str) -> dict:
    return {(f.indicator_code, f.applicant_type): f.value for f in parse_document(text, name).figures}


def test_one_bad_byte_after_a_utf8_seed_keeps_every_figure():
    decoded = decode_bytes(SEED.read_bytes() + b"\xff")
    assert decoded.encoding == "utf-8" and decoded.bad_bytes == 1 and decoded.decodable
    assert decoded.how == "utf-8; 1 bad byte replaced"
    got = _figures(decoded.text, SEED.name)
    assert gold_values(SEED_GOLD) and all(got.get(k) == v for k, v in gold_values(SEED_GOLD).items())


def test_a_bad_byte_inside_a_page_that_declares_utf8_stays_utf8():
    data = PAGES[-1].read_bytes()
    middle = len(data) // 2
    decoded = decode_bytes(data[:middle] + b"\xff" + data[middle:])
    assert (decoded.encoding, decoded.how) == ("utf-8", "declared-meta; 1 bad byte replaced")


def test_truncated_copies_of_real_pages_stay_utf8():
    rng = random.Random(3)
    for path in PAGES + [p for p, _ in seed_cases()]:
        data = path.read_bytes()
        for _ in range(3):
            cut = rng.randrange(len(data) // 10, len(data))
            decoded = decode_bytes(data[:cut])
            assert decoded.encoding == "utf-8" and decoded.decodable, (path.name, cut, decoded.how)


def test_gb18030_pages_are_gb18030_even_truncated():
    text = SEED.read_text(encoding="utf-8")
    data = text.encode("gb18030")
    assert decode_bytes(data).encoding == "gb18030"
    decoded = decode_bytes(data[:-1])  # cut in the middle of a character
    assert decoded.encoding == "gb18030" and decoded.text[:-1] == text[: len(decoded.text) - 1]


def test_a_gb2312_declaration_over_gbk_bytes_reads_as_gb18030():
    html = '<html><head><meta charset="gb2312"><title>年度报告</title></head><body>镕</body></html>'
    decoded = decode_bytes(html.encode("gb18030"))
    assert decoded.encoding == "gb18030" and "镕" in decoded.text


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_and_utf32_by_mark_and_by_content(encoding):
    text = SEED.read_text(encoding="utf-8")
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text and decoded.decodable
    assert decoded.encoding.startswith(encoding[:6])  # UTF-32 is never read as UTF-16


def test_binary_is_not_decodable():
    rng = random.Random(0)
    assert not decode_bytes(rng.randbytes(5000)).decodable
    assert not decode_bytes(b"\x00" * 1000).decodable
    assert not decode_bytes(bytes([0x80, 0xff] * 500)).decodable


def test_a_big5_report_is_read_as_big5_and_a_gb_one_stays_gb():
    # an outside trial of bad input: a Big5 report without a charset was decoded as GB18030 (almost no
    # byte fails) into characters no text uses, and stored as a look-alike
    from pathlib import Path

    traditional = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "plain_traditional_2015.txt"
    text = traditional.read_text(encoding="utf-8")
    decoded = decode_bytes(text.encode("cp950"))
    assert (decoded.encoding, decoded.how, decoded.text) == ("cp950", "big5 (cp950)", text)
    report = parse_document(decoded.text, traditional.name)
    assert report.meta.doc_type == "annual_report" and report.figures == parse_document(text, traditional.name).figures
    simplified = SEED.read_text(encoding="utf-8")
    assert (decode_bytes(simplified.encode("gb18030")).encoding, decode_bytes(simplified.encode("gb18030")).text) == \
        ("gb18030", simplified)


def test_a_short_big5_text_is_big5_and_short_gb_texts_stay_gb():
    # a reviewer's case: a one-line Big5 report (under 50 Chinese characters) was never tried as Big5
    line = "臺北市政府一○四年度政府資訊公開年報。本府受理申請案件共計十二件。"
    assert (decode_bytes(line.encode("cp950")).encoding, decode_bytes(line.encode("cp950")).text) == ("cp950", line)
    # short GB texts without any of the commonest characters, some of which also decode as Big5
    for text in ("無", "圖片來自知乎", "(1)現場申請", "2018313日)"):
        assert decode_bytes(text.encode("gb18030")).encoding == "gb18030", text
