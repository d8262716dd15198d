"""Small markdown previews for asset and check metadata.

The Dagster UI lays a markdown table out to the width of its panel: in the narrow value column of
an asset's metadata, Chinese text then wraps one character per line. Previews are therefore a
fixed-width text table in a code block (:func:`text_table`), which keeps every row on one line and
scrolls sideways; tables shown in a dialog (a check's worst cases) stay markdown tables, with cells
cut to a width (with an ellipsis) and kept on one line.
"""
from __future__ import annotations

import unicodedata


def cell_text(value, width: int = 40) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".") if value == value else "NaN"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(value)
    text = " ".join(text.split())  # one line: newlines and runs of spaces become one space
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("|", "\\|")


def markdown_table(rows: list[tuple], headers: list[str], limit: int = 10, width: int = 40) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell_text(v, width) for v in row) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n… {len(rows) - limit} more")
    return "\n".join(lines)


def display_width(text: str) -> int:
    """Columns a string takes in a monospace font: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(rows: list[tuple], headers: list[str], limit: int = 10, width: int = 30) -> str:
    """A preview as a fixed-width table in a markdown code block: no wrapping, whatever the panel's width."""
    body = [[cell_text(v, width).replace("\\|", "|") for v in row] for row in rows[:limit]]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in body]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths)).rstrip()

    lines = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in body]
    if len(rows) > limit:
        lines.append(f"… {len(rows) - limit} more")
    return "```\n" + "\n".join(lines) + "\n```"
