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
# Below this many characters of body a hash would merge unrelated empty shells and stubs.
MIN_HASHED_CHARS = 200


def normalised_body(text: str) -> str:
    """The main text with every width folded (NFKC), whitespace and line breaks removed, chrome lines dropped."""
    kept = []
    for line in nfkc_text(text).splitlines():
        if _CHROME_LINE.search(line.strip()):
            continue
        squeezed = _INVISIBLE.sub("", line)
        if squeezed:
            kept.append(squeezed)
    return "".join(kept)  # line breaks differ between copies (reflowed, CRLF): ignored


def content_hash(text: str) -> str | None:
    """SHA-256 of :func:`normalised_body`; None when there is too little text to tell copies apart."""
    body = normalised_body(text)
    if len(body) < MIN_HASHED_CHARS:
        return None
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
