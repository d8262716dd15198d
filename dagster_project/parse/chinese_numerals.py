"""Chinese numerals as reports write small counts and dates: 一, 十二, 两, 一百零五, 二〇一四."""
from __future__ import annotations

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "零〇一二两三四五六七八九十百千"


def parse_cn_number(text: str) -> int | None:
    """Value of a Chinese numeral below 10000: 一 → 1, 十二 → 12, 二十一 → 21, 两 → 2, 一百零五 → 105.

    Digit strings written without units (二〇一四) are read digit by digit.
    """
    if not text or any(ch not in _CN_CHARS for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):
        if len(text) == 1:
            return _CN_DIGITS[text]
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit:
        total += digit
    return total


def parse_cn_year(text: str) -> int | None:
    """A year written in numerals, 二〇一四, 二○一四 or 二Ｏ一四 (other signs typed for 〇): 2014; else None."""
    digits = text.replace("Ｏ", "〇").replace("O", "〇").replace("○", "〇")  # ○ (a circle) is typed for 〇 too
    if len(digits) != 4 or any(ch in _CN_UNITS for ch in digits):
        return None
    return parse_cn_number(digits)
