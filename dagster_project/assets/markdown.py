"""Small markdown previews for asset metadata."""
from __future__ import annotations


def markdown_table(rows: list[tuple], headers: list[str], limit: int = 10) -> str:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        return text.replace("|", "\\|").replace("\n", " ")[:80]

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n… {len(rows) - limit} more")
    return "\n".join(lines)
