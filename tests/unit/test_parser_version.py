"""The parser version, whose change re-parses every document, covers what a report's reading depends on."""
from __future__ import annotations

import pytest

from dagster_project.parse.agency import divisions
from dagster_project.stage.write_reports import parser_version


@pytest.mark.parametrize("table", ["ZONES_CSV", "DIVISIONS_CSV", "ABBREVIATIONS_CSV"])
def test_an_edit_of_a_table_the_issuer_is_placed_by_changes_the_parser_version(table, tmp_path, monkeypatch):
    # a zone added to zones.csv (武汉东湖新技术开发区) names the issuer of reports already parsed otherwise: they
    # must be read again, as after a change of the parsing code
    parser_version.cache_clear()
    before = parser_version()
    edited = tmp_path / "table.csv"
    edited.write_bytes(getattr(divisions, table).read_bytes() + "一个新加的名字,,,\n".encode("utf-8"))
    monkeypatch.setattr(divisions, table, edited)
    parser_version.cache_clear()
    try:
        assert parser_version() != before
    finally:
        monkeypatch.undo()
        parser_version.cache_clear()
    assert parser_version() == before
