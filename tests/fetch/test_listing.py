"""Link and pagination extraction from list pages (pure functions, no server)."""
from __future__ import annotations

from dagster_project.fetch.listing import (
    crawl_listing,
    document_title,
    looks_like_annual_report,
    next_page_urls,
    page_key,
    report_links,
    year_hint,
)
from fetch_testkit import FIXTURES

BASE = "http://gov.example.cn/xxgk/ndbg/"


def test_report_title_rules():
    assert looks_like_annual_report("平潭综合实验区2025年度政府信息公开工作年度报告")
    assert looks_like_annual_report("福州市2019年政府信息公开年报")
    assert looks_like_annual_report("某县2020年信息公开工作报告")
    assert looks_like_annual_report("二〇一九年度报告")
    assert not looks_like_annual_report("2023年政府工作报告")  # the government work report is another thing
    assert not looks_like_annual_report("政府信息公开年报")  # the column link itself: no year
    assert not looks_like_annual_report("关于2014年政府信息公开工作要点落实情况的函")
    assert looks_like_annual_report("政府信息公开年报", require_year=False)
    assert year_hint("平潭县人民政府2011年政府信息公开工作年度报告") == 2011
    assert year_hint("政府信息公开年报") is None


def test_links_resolved_filtered_and_deduplicated():
    html = """
    <html><head><base href="/xxgk/ndbg/"></head><body>
      <a href="./202401/t1.html" title="某区2023年度政府信息公开工作年度报告">某区2023年度…</a>
      <a href="202401/t1.html#top">某区2023年度政府信息公开工作年度报告</a>
      <a href="../other/t2.html">某区2022年政府信息公开<br>工作年度报告</a>
      <a href="http://cdn.example.cn/r.pdf">2021年政府信息公开年报（PDF）</a>
      <a href="javascript:void(0)">2020年度报告</a>
      <a href="file:///etc/passwd">2019年度报告</a>
      <a href="/xxgk/">政府信息公开</a>
      <a href="nlist.htm">政府信息公开年报</a>
    </body></html>
    """
    links = report_links(html, "http://gov.example.cn/some/where/index.html")
    assert [link.url for link in links] == [
        "http://gov.example.cn/xxgk/ndbg/202401/t1.html",
        "http://gov.example.cn/xxgk/other/t2.html",
        "http://cdn.example.cn/r.pdf",
        "file:///etc/passwd",  # kept so the run refuses it visibly
    ]
    assert links[0].title == "某区2023年度政府信息公开工作年度报告"


def test_pagination_shapes():
    trs = '<script>createPageHTML(4, 0, "index", "html");</script>'
    assert next_page_urls(trs, BASE) == [BASE + "index.html", BASE + "index_1.html", BASE + "index_2.html", BASE + "index_3.html"]
    trs_new = "<script>createPageHTML('page_div', 3, 1, 'index', 'shtml', 45);</script>"
    assert next_page_urls(trs_new, BASE + "index_1.shtml") == [BASE + "index.shtml", BASE + "index_1.shtml", BASE + "index_2.shtml"]
    definition = "<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}</script>"
    assert next_page_urls(definition, BASE) == []
    nxt = '<a href="list_2.html">下一页</a><a href="list_9.html">尾页</a><a href="javascript:go(3)">下页</a>'
    assert next_page_urls(nxt, BASE + "list_1.html") == [BASE + "list_2.html"]
    pagebar = "pagebar: { prepage: 15, recordCount: '31', pgTemp: 'x' }"
    assert next_page_urls(pagebar, BASE) == [BASE + "index.html", BASE + "index_1.html", BASE + "index_2.html"]
    assert page_key(BASE + "index.html") == page_key(BASE) == page_key(BASE + "#x")


def test_crawl_follows_pages_once_and_within_bound():
    pages = {
        BASE: '<a href="2023.html">2023年度报告</a><script>createPageHTML(3, 0, "index", "html")</script>',
        BASE + "index_1.html": '<a href="2022.html">2022年度报告</a><a href="2023.html">2023年度报告</a><a href="index_2.html">下一页</a>',
        BASE + "index_2.html": '<a href="2021.html">2021年度报告</a><a href="http://elsewhere.cn/p2.html">下一页</a>',
    }
    asked: list[str] = []

    def fetch(url):
        asked.append(url)
        return pages.get(url)

    crawl = crawl_listing(BASE, fetch, max_pages=10)
    assert asked == [BASE, BASE + "index_1.html", BASE + "index_2.html"]  # index.html == BASE; no off-site page
    assert [link.url.rsplit("/", 1)[1] for link in crawl.links] == ["2023.html", "2022.html", "2021.html"]
    asked.clear()
    crawl = crawl_listing(BASE, fetch, max_pages=2)
    assert len(asked) == 2 and crawl.pages_left == 1


def test_real_pingtan_list_page():
    html = (FIXTURES / "pingtan_site" / "list" / "index.html").read_text(encoding="utf-8")
    page = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"
    links = report_links(html, page)
    assert len(links) == 10
    assert links[0].url == page + "202603/t20260313_105587.htm"
    assert links[-1].url == page + "201701/t20170118_80485.htm"
    assert all(looks_like_annual_report(link.title) for link in links)
    # TRS list2 pagebar (prepage 10, recordCount 20) announces a second static page.
    assert page + "index_1.html" in next_page_urls(html, page)


def test_document_title_prefers_the_cms_article_title():
    report = (FIXTURES / "pingtan_site" / "reports" / "201412_80787.html").read_text(encoding="utf-8")
    assert document_title(report) == "关于2014年政府信息公开工作要点落实情况的函"
    assert document_title("<title>某县2020年政府信息公开工作年度报告_政府信息公开年报_某县</title>") == "某县2020年政府信息公开工作年度报告"
    assert document_title("<h1>2019年度报告</h1>") == "2019年度报告"


def test_pages_after_a_stub_and_code_inside_links_are_read_as_a_browser_shows_them():
    from dagster_project.fetch.listing import attachment_links, document_title, next_page_urls, report_links

    # a stub page, then the real one: what follows the first </html> is still the page
    stub = ('<html><head><meta charset=utf-8></head></html><html><head><title>某县2023年政府信息公开工作年度报告_某县'
            '</title></head><body><a href="/f/r.pdf">附件</a><div><a href="index_1.html">下一页</a></div></body></html>')
    assert document_title(stub) == "某县2023年政府信息公开工作年度报告"
    assert [link.url for link in attachment_links(stub, "http://a.gov.cn/x/index.html")] == ["http://a.gov.cn/f/r.pdf"]
    assert next_page_urls(stub, "http://a.gov.cn/x/index.html") == ["http://a.gov.cn/x/index_1.html"]
    # a script inside a link is not its words
    linked = '<a href="/r.html">2023年政府信息公开工作年度报告<script>var x=1;</script></a>'
    assert [link.title for link in report_links(linked, "http://a.gov.cn/")] == ["2023年政府信息公开工作年度报告"]
