"""The benchmark's synthetic corpus: every document is read by the parser as an annual report of its
own agency and year, and no two documents are one content (deduplication must not collapse them)."""
from __future__ import annotations

import pytest

from dagster_project.ingest.decode import decode_bytes
from dagster_project.parse.identity import content_hash
from dagster_project.parse.report import parse_document
from scripts.synthetic_corpus import ERAS, TEMPLATES, SyntheticCorpus, _Compiled

SAMPLE = 50


@pytest.fixture(scope="module")
def corpus() -> SyntheticCorpus:
    return SyntheticCorpus(seed=0)


@pytest.fixture(scope="module")
def sample(corpus):
    return [corpus.document(k) for k in range(SAMPLE)]


@pytest.fixture(scope="module")
def parsed(sample):
    return [parse_document(decode_bytes(doc.data).text, doc.name) for doc in sample]


def test_sample_covers_every_era_and_both_kinds(sample):
    assert {doc.template.era for doc in sample} == set(ERAS)
    assert {doc.template.kind for doc in sample} == {"html", "text"}
    for doc in sample:
        assert doc.year in ERAS[doc.template.era], (doc.name, doc.template.path, doc.year)


def test_each_document_is_an_annual_report_of_its_agency_and_year(sample, parsed):
    wrong = []
    for doc, report in zip(sample, parsed):
        meta = report.meta
        got = (meta.doc_type, meta.agency_name, meta.report_year)
        if got != ("annual_report", doc.agency, doc.year):
            wrong.append(f"{doc.name} from {doc.template.path}: {got}, expected {doc.agency}, {doc.year}")
    assert not wrong, "\n".join(wrong)


def test_no_two_documents_share_a_content_hash(sample, parsed):
    hashes = [report.meta.content_hash for report in parsed]
    assert None not in hashes
    assert len(set(hashes)) == len(sample)
    # text copies too: the bytes' own normalised text differs from document to document
    texts = [content_hash(doc.data.decode("utf-8")) for doc in sample if doc.template.kind == "text"]
    assert len(set(texts)) == len(texts) > 0


def test_agencies_are_distinct_and_the_fixture_agency_is_gone(sample):
    assert len({doc.agency for doc in sample}) == len(sample)
    for doc in sample:
        text = doc.data.decode("utf-8")
        assert doc.agency in text
        for form in doc.template.agency_forms:
            assert form not in text.replace(doc.agency, ""), (doc.name, form)


def test_documents_depend_only_on_seed_and_number(corpus):
    again = SyntheticCorpus(seed=0)
    assert again.document(12345).data == corpus.document(12345).data
    assert SyntheticCorpus(seed=1).document(7).agency != corpus.document(7).agency


def test_an_agency_comes_back_only_with_another_year(corpus):
    pool = len(corpus.agencies)
    assert pool > 100_000
    pairs = {corpus.choose(k)[:2] for k in (5, 5 + pool, 5 + 2 * pool)}
    assert len(pairs) == 3
    assert len({agency for agency, _ in pairs}) == 1


def test_every_template_prints_its_agency_and_year():
    for template in TEMPLATES:  # a fixture whose agency or year is not printed in it is refused
        assert template.year in ERAS[template.era], template.path
        rendered = _Compiled(template).render("某甲县某乙局", 2012)
        assert "某甲县某乙局" in rendered and "2012" in rendered, template.path


def test_write_puts_the_documents_in_the_folder(tmp_path, corpus):
    written = corpus.write(tmp_path, 5, start=100)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [corpus.document(k).name for k in range(100, 105)]
    assert written == sum(p.stat().st_size for p in files)
