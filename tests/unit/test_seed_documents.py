"""Each seed document parsed by the pure parser equals its hand-checked gold file."""
from dagster_project.ingest.decode import decode_bytes
from dagster_project.parse.report import parse_document


def _parse(path):
    return parse_document(decode_bytes(path.read_bytes()).text, path.name)


def test_figures_equal_gold(seed):
    path, gold = seed
    parsed = _parse(path)
    got = {(f.indicator_code, f.applicant_type): f.value for f in parsed.figures}
    want = {(v["indicator"], v.get("applicant_type", "total")): v["value"] for v in gold["values"]}
    assert {k: got.get(k) for k in want} == want


def test_blank_cells_are_not_zero(seed):
    path, gold = seed
    parsed = _parse(path)
    got = {(f.indicator_code, f.applicant_type) for f in parsed.figures if f.value_status != "inferred"}
    blanks = {(b, "total") if isinstance(b, str) else (b["indicator"], b.get("applicant_type", "total")) for b in gold["blank"]}
    assert not (got & blanks)


def test_metadata_equals_gold(seed):
    path, gold = seed
    meta = _parse(path).meta
    assert (meta.doc_type, meta.template_code, meta.report_year) == (gold["doc_type"], gold["template"], gold["report_year"])
    assert gold["agency"] in meta.agency_name or meta.agency_name in gold["agency"]
