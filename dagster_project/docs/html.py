"""Self-contained HTML pages for ``site/``: inline style, no script or style fetched from anywhere."""
from __future__ import annotations

import html

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif;
       margin: 2em auto; max-width: 1280px; padding: 0 1em; color: #1d2330; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #dde; }
.lead { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .88em; }
th, td { border: 1px solid #d8dce6; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f2f4f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; } td.name { min-width: 9em; } td.zh { min-width: 16em; }
.pass { color: #17663a; font-weight: 600; } .fail { color: #b3261e; font-weight: 600; } .warn { color: #8a5a00; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
pre { background: #f5f6f9; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
nav a { margin-right: 1.2em; } .chart { margin: 1em 0 2em; } .muted { color: #777; }
"""


def escape(value) -> str:
    return html.escape("" if value is None else str(value))


def page(title: str, body: str, nav: list[tuple[str, str]] | None = None) -> str:
    links = "".join(f"<a href='{escape(href)}'>{escape(label)}</a>" for href, label in (nav or []))
    return (f"<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{STYLE}</style></head>\n"
            f"<body>{'<nav>' + links + '</nav>' if links else ''}\n{body}\n</body></html>\n")


def table(headers: list[str], rows: list[list], numeric: set[int] | None = None, classes: dict[int, str] | None = None) -> str:
    """An HTML table; ``rows`` hold plain values (escaped here) or ``Raw`` fragments."""
    numeric, classes = numeric or set(), classes or {}
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            css = " ".join(filter(None, ["num" if i in numeric else "", classes.get(i, "")]))
            content = value.html if isinstance(value, Raw) else escape(value)
            cells.append(f"<td class='{css}'>{content}</td>" if css else f"<td>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class Raw:
    """HTML that is already safe (built here from escaped parts)."""

    def __init__(self, html_text: str):
        self.html = html_text


def status(success: bool) -> Raw:
    return Raw("<span class='pass'>passed</span>" if success else "<span class='fail'>failed</span>")
