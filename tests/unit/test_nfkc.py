"""labels.nfkc (NFC of NFKD) gives exactly unicodedata's NFKC: on every code point, on texts that
mix compatibility characters, combining marks and Hangul, and on the real reports of the fixtures."""
from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

from dagster_project.parse.labels import nfkc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_every_code_point() -> None:
    differ = [hex(cp) for cp in range(sys.maxunicode + 1) if nfkc(chr(cp)) != _nfkc(chr(cp))]
    assert differ == []


def test_mixed_strings_compose_and_reorder_alike() -> None:
    # compatibility forms, combining marks (composing and not, in every order), Hangul jamo and
    # syllables, CJK compatibility ideographs, circled and full-width digits
    ranges = [(0x20, 0x250), (0x300, 0x370), (0x1100, 0x1200), (0xAC00, 0xAC40), (0xFF00, 0xFFEF),
              (0x2460, 0x24FF), (0x4E00, 0x4E40), (0x3000, 0x3100), (0xF900, 0xFA10), (0x1E00, 0x1F00)]
    pool = [chr(c) for a, b in ranges for c in range(a, b)]
    rnd = random.Random(20261203)
    samples = ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    samples += ["e\u0301\u0323", "e\u0323\u0301", "\u1100\u1161\u11a8", "가\u11a8", "Å", "\u212b",
                "ｆｕｌｌ，（２０２３）：①", "ﬁ\u0301", "a\ud800\u0301，"]
    assert [s for s in samples if nfkc(s) != _nfkc(s)] == []
    assert nfkc("政府信息公开申请，共计（２３）件") == "政府信息公开申请,共计(23)件"


def test_real_reports() -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*"))
             if p.is_file() and p.suffix in (".txt", ".html", ".htm")]
    assert len(texts) > 20
    assert [t[:80] for t in texts if nfkc(t) != _nfkc(t)] == []


def test_openings_cut_from_the_whole_fold_are_the_openings_folded() -> None:
    from dagster_project.parse.labels import nfkc_opening

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*"))
             if p.is_file() and p.suffix in (".txt", ".html", ".htm")]
    rnd = random.Random(20261207)
    # (combining marks, Hangul vowels and compatibility forms on either side of a line break)
    texts += ["".join(rnd.choice("政府a，\u0301\u1161가ｆ\u212b 1\n") for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        cuts = [3000, 6000, 5000] if len(text) > 100 else rnd.sample(range(1, 41), 6)
        for chars in cuts:
            assert nfkc_opening(text, chars) == _nfkc(text[:chars])


def test_folding_keeps_the_lines() -> None:
    # find_published reads a line of the raw text only where the same line of the folded text holds a
    # date, and returns at once when the folded text holds none: that needs NFKC to make, drop and
    # change no line break
    breaks = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    changed = [hex(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF
               and (_nfkc(chr(cp)) != chr(cp) if chr(cp) in breaks else bool(breaks & set(_nfkc(chr(cp)))))]
    assert changed == []
    assert breaks == {c for c in map(chr, range(0x3000)) if len(("a" + c + "b").splitlines()) == 2}
