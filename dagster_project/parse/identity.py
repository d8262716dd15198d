"""The identity of a document's content: the same report saved twice, re-encoded, or fetched from a
mirror has the same main text once page chrome, whitespace and character widths are set aside."""
from __future__ import annotations

import hashlib
import re

from .labels import nfkc_text

# Lines that differ between two copies of one page: view counters, print/share links, dates of
# saving, breadcrumbs. Dropped before hashing (a real report's text never hinges on them).
_CHROME_LINE = re.compile(
    r"浏览(?:次数|量)|阅读(?:次数|量)|点击(?:数|率|量)|访问量|打印本页|关闭窗口|【?打印】?$|分享到|当前位置|您的位置"
    r"|^(?:字号|字体)|【?[大中小]】?\s*【?[大中小]】?|^(?:索引号|发布(?:时间|日期|机构)|来源|信息来源|时间|日期)[:：]"
)
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2028\u2029\u3000\ufeff\xa0]+")
# Every branch of _CHROME_LINE needs one of these somewhere in the line, or one of these prefixes at
# its start: a line with neither is kept without being matched, and a text with no such text
# anywhere keeps all its lines.
_CHROME_SOMEWHERE = re.compile(r"浏览(?:次数|量)|阅读(?:次数|量)|点击(?:数|率|量)|访问量|打印|关闭窗口|分享到|当前位置|您的位置"
                               r"|[大中小]】?\s*【?[大中小]")
_CHROME_STARTS = ("字号", "字体", "索引号", "发布", "来源", "信息来源", "时间", "日期")
# _CHROME_SOMEWHERE as plain words, each with its rarest character (found by str.find several times
# faster than the word, and most texts lack it), and as one pattern for each character a size pair
# opens with (a pattern that opens with a set of characters is tried at every character, slowly),
# for the test over the whole text, and those the text holds for the test of each line
_CHROME_WORDS = (("浏", "浏览"), ("阅", "阅读"), ("击", "点击"), ("访", "访问量"), ("印", "打印"), ("闭", "关闭窗口"),
                 ("享", "分享到"), ("置", "当前位置"), ("您", "您的位置"))
_SIZE_PAIRS = tuple(re.compile(size + r"】?\s*【?[大中小]") for size in "大中小")
# a line that begins with one of _CHROME_STARTS (after a line break: the text's lines joined by one)
_CHROME_START_LINE = re.compile(r"\n\s*(?:" + "|".join(_CHROME_STARTS) + ")")
# the characters _INVISIBLE removes that str.split() does not (str.split() takes every \s)
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\ufeff]+")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u200e\u200f\ufeff"
# Below this many characters of body a hash would merge unrelated empty shells and stubs.
MIN_HASHED_CHARS = 200


def normalised_body(text: str) -> str:
    """The main text with every width folded (NFKC), whitespace and line breaks removed, chrome lines dropped."""
    folded = nfkc_text(text)
    # the words and size pairs the text holds (a line _CHROME_SOMEWHERE matches holds one of them), as
    # one pattern whose every branch opens with a character: scanned for those characters fast, where
    # _CHROME_SOMEWHERE is tried at every character of every line
    held = [word for char, word in _CHROME_WORDS if char in folded and word in folded] \
        + [pair.pattern for pair in _SIZE_PAIRS if pair.search(folded)]
    lines = folded.splitlines()
    if held or _CHROME_START_LINE.search("\n" + "\n".join(lines)):
        somewhere = re.compile("|".join(held)) if held else None
        kept = []
        for line in lines:
            stripped = line.strip()
            if (stripped.startswith(_CHROME_STARTS) or somewhere and somewhere.search(stripped)) \
                    and _CHROME_LINE.search(stripped):
                continue
            kept.append(line)
    else:
        kept = lines  # no line can be chrome
    # line breaks differ between copies (reflowed, CRLF): ignored. Removing every \s (str.split)
    # and then the zero-width characters removes what _INVISIBLE matches, line by line or at once.
    body = "".join("\n".join(kept).split())
    return _ZERO_WIDTH.sub("", body) if any(char in body for char in _ZERO_WIDTH_CHARS) else body


def content_hash(text: str) -> str | None:
    """SHA-256 of :func:`normalised_body`; None when there is too little text to tell copies apart."""
    body = normalised_body(text)
    if len(body) < MIN_HASHED_CHARS:
        return None
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
