"""Paragraph text of a Word file, as typed."""
from __future__ import annotations

import re


def typed_text(text: str | None) -> str:
    """One paragraph of a Word file: its spaces were typed, and may part what they stand between
    (``来源:国家文化和旅游部 根据…``, a menu's ``- 项目中心``), so each run of them stays as one
    space; a ``|`` becomes a full-width bar, as in a cell."""
    if not text:
        return ""
    return re.sub(r"[ \t\xa0\u3000]+", " ", text.replace("|", "｜")).strip()
