"""The common-character class of the readability gate is GB2312 level 1: every character whose
GB2312 code has a lead byte 0xB0-0xD7, and no other."""
from __future__ import annotations

from dagster_project.parse.classify import COMMON_CHARS


def _level_one(char: str) -> bool:
    try:
        return 0xB0 <= char.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def test_class_is_gb2312_level_one():
    chars = [chr(c) for c in range(0x3000, 0xA000)]
    assert [bool(COMMON_CHARS.fullmatch(c)) for c in chars] == [_level_one(c) for c in chars]
    assert sum(map(_level_one, chars)) == 3755


def test_common_and_rare_characters():
    assert COMMON_CHARS.fullmatch("的") and COMMON_CHARS.fullmatch("公")
    assert not COMMON_CHARS.fullmatch("鑫")  # level 2
    assert not COMMON_CHARS.fullmatch("開")  # Traditional: not in GB2312
