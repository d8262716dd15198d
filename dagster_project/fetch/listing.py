"""List pages (栏目页) to annual-report links, following the pagination Chinese CMSes use.

Pagination comes in three shapes: static `index.html, index_1.html, …` announced by a TRS
`createPageHTML(total, current, 'index', 'html')` call or a TRS list2 `pagebar {prepage, recordCount}`
block, and plain links whose text is 下一页/下页. Pure functions; the HTTP side is passed in.
"""
from __future__ import annotations

import math
import re
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from lxml import etree

_WS = re.compile(r"\s+")
_YEAR = re.compile(r"(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}")
_ARABIC_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_SKIP_HREF = re.compile(r"^\s*(?:javascript:|mailto:|tel:|data:|#)", re.I)
_NEXT_TEXT = re.compile(r"^[\s\[【<]*(?:下一页|下页|下一頁)[\s\]】>»›]*$")
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^()]*)\)")
_RECORD_COUNT = re.compile(r"recordCount\s*:\s*['\"]?(\d+)")
_PER_PAGE = re.compile(r"prepage\s*:\s*['\"]?(\d+)")
_INDEX_PAGE = re.compile(r"^index(?:_\d+)?\.(s?html?)$", re.I)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_local = threading.local()  # one parser per fetch thread: lxml parsers are not thread-safe


class _Page:
    """A page's element tree, read for its title and links (lxml: a tenth of the time of a soup,
    and the fetch reads every page it stores)."""

    def __init__(self, html: str) -> None:
        parser = getattr(_local, "parser", None)
        if parser is None:
            parser = _local.parser = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        try:
            root = etree.fromstring(_XML_DECLARATION.sub("", html or "", count=1), parser)
        except (etree.ParserError, ValueError):
            root = None
        # what follows a first </html> (a stub page, then the real one) is a second top element
        self.tops = [] if root is None else [root, *root.itersiblings()]
        for top in self.tops:  # their text is code, not a title or a link's words
            etree.strip_elements(top, "script", "style", with_tail=False)

    def find_all(self, tag: str) -> list:
        return [element for top in self.tops for element in top.iter(tag)]

    def first(self, tag: str):
        return next(iter(self.find_all(tag)), None)

    def anchors(self) -> list:
        """The <a> elements with an href, in page order."""
        return [a for a in self.find_all("a") if a.get("href") is not None]


def _text(element, separator: str = "") -> str:
    """The element's text, each piece stripped, the non-empty pieces joined by ``separator``."""
    return separator.join(piece for text in element.itertext() if (piece := text.strip()))


def looks_like_annual_report(text: str, *, require_year: bool = True) -> bool:
    """年度报告, or 年报/工作报告 together with 信息公开 — and, for links, a year.

    The year keeps out navigation such as the column link 「政府信息公开年报」 itself.
    """
    compact = _WS.sub("", text or "")
    named = "年度报告" in compact or (("年报" in compact or "工作报告" in compact) and "信息公开" in compact)
    return named and (not require_year or bool(_YEAR.search(compact)))


def year_hint(text: str) -> int | None:
    match = _ARABIC_YEAR.search(_WS.sub("", text or ""))
    return int(match.group(1)) if match else None


def document_title(html: str) -> str:
    """What a page says it is: the CMS ArticleTitle meta, else <title> up to the site suffix, else <h1>."""
    page = _Page(html)
    meta = next((m for m in page.find_all("meta") if (m.get("name") or "").lower() == "articletitle"), None)
    if meta is not None and (meta.get("content") or "").strip():
        return meta.get("content").strip()
    title = page.first("title")
    if title is not None and _text(title):
        return re.split(r"[_|]", _text(title))[0]
    h1 = page.first("h1")
    return _text(h1, " ") if h1 is not None else ""


@dataclass(frozen=True)
class ReportLink:
    url: str
    title: str
    listing_url: str


def _base_url(page: _Page, page_url: str) -> str:
    base = next((b for b in page.find_all("base") if b.get("href") is not None), None)
    return urljoin(page_url, base.get("href").strip()) if base is not None else page_url


def _anchor_text(anchor) -> str:
    return _WS.sub(" ", f"{_text(anchor, ' ')} {anchor.get('title', '')}").strip()


def _resolve(base: str, href: str) -> str | None:
    if not href or _SKIP_HREF.match(href):
        return None
    return urldefrag(urljoin(base, href.strip()))[0]


def report_links(html: str, page_url: str) -> list[ReportLink]:
    """Links that look like annual reports, absolute, in page order, each URL once.

    Links with other schemes (file:, ftp:) are kept on purpose: the run refuses them visibly.
    """
    page = _Page(html)
    base = _base_url(page, page_url)
    found: dict[str, ReportLink] = {}
    for anchor in page.anchors():
        text = _anchor_text(anchor)
        if not looks_like_annual_report(text):
            continue
        url = _resolve(base, anchor.get("href"))
        if url and url not in found:
            found[url] = ReportLink(url=url, title=anchor.get("title") or _text(anchor, " "), listing_url=page_url)
    return list(found.values())


ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".rtf", ".xls", ".xlsx", ".ofd")


@dataclass(frozen=True)
class AttachmentLink:
    url: str
    text: str  # the anchor text (or its title): often the report's name, "附件1", or the file name
    page_url: str  # the page that links to it


def attachment_kind(url: str) -> str | None:
    """'pdf', 'docx', … when the URL's path names an attachment file, else None."""
    path = urlsplit(url).path.lower()
    ext = next((e for e in ATTACHMENT_EXTENSIONS if path.endswith(e)), None)
    return ext[1:] if ext else None


def attachment_links(html: str, page_url: str, limit: int = 20) -> list[AttachmentLink]:
    """Links to attachment files (PDF, Word, spreadsheets, OFD) in page order, each URL once.

    A report page whose content is "附件: xxx年度报告.pdf" publishes the report as that file.
    ``limit`` bounds what one page can add to a run (a page of 500 download links is not a report).
    """
    page = _Page(html)
    base = _base_url(page, page_url)
    found: dict[str, AttachmentLink] = {}
    for anchor in page.anchors():
        url = _resolve(base, anchor.get("href"))
        if not url or url in found or not url.lower().startswith(("http://", "https://")) or not attachment_kind(url):
            continue
        found[url] = AttachmentLink(url=url, text=_anchor_text(anchor), page_url=page_url)
        if len(found) >= limit:
            break
    return list(found.values())


def _numbered_pages(page_url: str, total: int, prefix: str = "index", ext: str | None = None) -> list[str]:
    """TRS static pages: page 0 is `index.html`, page n is `index_n.html`, all in the list's folder."""
    if ext is None:
        name = urlsplit(page_url).path.rsplit("/", 1)[-1]
        match = _INDEX_PAGE.match(name)
        ext = match.group(1) if match else "html"
    folder = urljoin(page_url, "./")
    return [urljoin(folder, f"{prefix}.{ext}" if n == 0 else f"{prefix}_{n}.{ext}") for n in range(total)]


def _create_page_calls(html: str, page_url: str) -> list[str]:
    pages: list[str] = []
    for match in _CREATE_PAGE.finditer(html):
        args = [a.strip() for a in match.group(1).split(",")]
        numbers = [int(a) for a in args if a.isdigit()]
        strings = [a.strip("'\"") for a in args if len(a) >= 2 and a[0] in "'\"" and a[-1] == a[0]]
        if not numbers:
            continue  # the function's own definition, not a call
        prefix, ext = (strings[-2], strings[-1]) if len(strings) >= 2 else ("index", "html")
        if not re.fullmatch(r"[\w\-]+", prefix) or not re.fullmatch(r"s?html?", ext, re.I):
            continue
        pages += _numbered_pages(page_url, numbers[0], prefix, ext)
    return pages


def _pagebar(html: str, page_url: str) -> list[str]:
    records, per_page = _RECORD_COUNT.search(html), _PER_PAGE.search(html)
    if not records or not per_page or int(per_page.group(1)) == 0:
        return []
    return _numbered_pages(page_url, math.ceil(int(records.group(1)) / int(per_page.group(1))))


def next_page_urls(html: str, page_url: str) -> list[str]:
    """Other pages of the same list, as absolute URLs (may include pages already seen)."""
    page = _Page(html)
    base = _base_url(page, page_url)
    pages = [
        url
        for anchor in page.anchors()
        if _NEXT_TEXT.match(_text(anchor, " "))
        and (url := _resolve(base, anchor.get("href")))
    ]
    return pages + _create_page_calls(html, page_url) + _pagebar(html, page_url)


def page_key(url: str) -> str:
    """`…/list/` and `…/list/index.html` are one page."""
    parts = urlsplit(urldefrag(url)[0])
    path = re.sub(r"/index\.s?html?$", "/", parts.path or "/", flags=re.I)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


@dataclass
class ListingCrawl:
    start_url: str
    pages: list[str] = field(default_factory=list)  # visited, in order
    links: list[ReportLink] = field(default_factory=list)
    pages_left: int = 0  # known but not visited because of max_pages


def crawl_listing(start_url: str, fetch_page: Callable[[str], str | None], max_pages: int) -> ListingCrawl:
    """Breadth-first over the list's pages; `fetch_page` returns the page text or None when it failed."""
    crawl = ListingCrawl(start_url)
    queue = deque([start_url])
    seen_pages = {page_key(start_url)}
    seen_links: set[str] = set()
    while queue and len(crawl.pages) < max_pages:
        url = queue.popleft()
        crawl.pages.append(url)
        html = fetch_page(url)
        if html is None:
            continue
        for link in report_links(html, url):
            if link.url not in seen_links:
                seen_links.add(link.url)
                crawl.links.append(link)
        for next_url in next_page_urls(html, url):
            key = page_key(next_url)
            # Pagination never leaves the site: a 下一页 to elsewhere is not this list.
            if key not in seen_pages and urlsplit(next_url).netloc.lower() == urlsplit(url).netloc.lower():
                seen_pages.add(key)
                queue.append(next_url)
    crawl.pages_left = len(queue)
    return crawl
