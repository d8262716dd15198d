"""Normalising printed labels so that the same row matches however a site prints it."""
from __future__ import annotations

import re
import unicodedata

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d+[.、．]|[(（]\d+[)）]|其中[:：]?|第[一二三四五六七八九十]+[项部分]?)+"
)
_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """NFKC (full-width to half-width), no whitespace (labels break into 商 业 企 业), no zero-width chars."""
    text = unicodedata.normalize("NFKC", text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", ""))
    return _SPACES.sub("", text)


def strip_numbering(label: str) -> str:
    """``(一)予以公开`` -> ``予以公开``; ``其中:涉及国家秘密`` -> ``涉及国家秘密``."""
    return _NUMBERING.sub("", label)


def label_key(text: str) -> str:
    return strip_numbering(normalise_label(text))
