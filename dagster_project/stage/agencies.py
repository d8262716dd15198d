"""Agencies: one row per issuing body, with the names it was printed under, its kind, its parent
government and its place in the national divisions (``dbt/seeds/divisions.csv``).

The parser gives each report the issuer's name as far as the page places it. Here each report's
name is completed with what only the warehouse knows: the host the page was fetched from, the
fetch manifest's ``agency`` (kept in the provenance log), and the full names the same site gives
in other years. ``staging.report_agencies`` keeps one row per report (the name as parsed, the
identity resolved); ``staging.agencies`` is rebuilt from it, and ``staging.reports.agency_name``
is set to the canonical name so every model joins reports to agencies by one name.

Only reports parsed since the last run (and those still partial) are resolved again, so a run
costs nothing for known reports.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

REPORT_AGENCIES_DDL = """create table if not exists staging.report_agencies (
    report_id varchar primary key,
    parsed_at timestamp,
    printed_name varchar,
    printed_names varchar[],
    site_host varchar,
    agency_id varchar,
    agency_name varchar,
    agency_kind varchar,
    parent_agency varchar,
    province varchar,
    prefecture varchar,
    county varchar,
    adcode varchar,
    agency_resolution varchar,
    agency_signal varchar
)"""


def agency_id_for(name: str, adcode: str | None) -> str:
    """Stable per canonical agency: the canonical name and the division it sits in."""
    return hashlib.sha256(f"{name}|{adcode or ''}".encode("utf-8")).hexdigest()[:12]


def manifest_agencies(raw_dir: Path | None) -> dict[str, str]:
    """{stored path -> the fetch manifest's agency} from the provenance log, when there is one."""
    if raw_dir is None:
        return {}
    from ..fetch.provenance import FETCH_SUBDIR, read_records

    out: dict[str, str] = {}
    for record in read_records(Path(raw_dir) / FETCH_SUBDIR):
        if record.get("path") and record.get("agency"):
            out[record["path"]] = record["agency"]
    return out


def printed_forms(identity, text: str | None) -> list[str]:
    """The spellings of the agency that the document prints: the canonical name and its shorter
    forms (without the city of a district, the county of a town, 管委会, 政府), in Simplified or
    Traditional characters, kept when they occur in the text (pinyin and spaces removed)."""
    name = identity.agency_name
    if not name or not text:
        return []
    from ..parse.agency.names import strip_pinyin

    forms = {name}
    if identity.prefecture and name.startswith(identity.prefecture) and identity.county:
        forms.add(name[len(identity.prefecture):])
    if identity.county and identity.agency_kind in ("township", "street_office"):
        for form in list(forms):
            for qualifier in (identity.county, (identity.prefecture or "") + identity.county):
                if qualifier and form.startswith(qualifier):
                    forms.add(form[len(qualifier):])
    for form in list(forms):
        forms.add(form.replace("管理委员会", "管委会"))
        forms.add(re.sub("人民政府$", "政府", form))
    to_traditional = _to_traditional()
    forms |= {to_traditional(f) for f in forms}
    sample = re.sub(r"\s+", "", strip_pinyin(text[:50000]))
    return sorted(f for f in forms if len(f) >= 3 and f in sample)


@lru_cache(maxsize=1)
def _to_traditional():
    """OpenCC's s2t converter, built once per process: building it loads its dictionaries (~0.1-0.4 s),
    which per document was most of the cost of staging agencies."""
    from opencc import OpenCC

    return OpenCC("s2t").convert


def _resolve(printed: str | None, title: str | None, url: str | None, manifest: str | None, siblings: list[str],
             page_text: str = ""):
    from ..parse.agency import resolve_agency
    from ..parse.agency.signals import PageSignals

    # the page's head names places too (爱渭滨APP): it narrows what the host leaves open
    signals = PageSignals(url=url, place_text="\n".join(p for p in (title, page_text[:4000]) if p))
    if printed:
        signals.candidates.append((printed, "page"))
    extra = [(manifest, "manifest")] if manifest else []
    return resolve_agency(signals, extra=extra, siblings=siblings)


def refresh_agencies(con, raw_dir: Path | None = None) -> int:
    """Resolve new and partial reports' agencies; rebuild ``staging.agencies``. Returns the agencies."""
    import pandas as pd

    from ..parse.agency.domains import host_of

    if raw_dir is None:
        from ..settings import get_settings

        raw_dir = get_settings().raw_dir
    con.execute(REPORT_AGENCIES_DDL)
    con.execute("alter table staging.report_agencies add column if not exists printed_names varchar[]")
    con.execute("delete from staging.report_agencies where report_id not in (select report_id from staging.reports)")
    pending = con.execute(
        """select r.report_id, r.parsed_at, r.title, coalesce(d.source_url, r.page_url), d.source_path,
                  case when ra.parsed_at = r.parsed_at then ra.printed_name else r.agency_name end,
                  case when ra.parsed_at = r.parsed_at then ra.printed_names end,
                  ra.parsed_at = r.parsed_at as known
           from staging.reports r
           join staging.documents d using (report_id)
           left join staging.report_agencies ra using (report_id)
           where ra.report_id is null or ra.parsed_at is distinct from r.parsed_at
              or ra.agency_resolution <> 'full'"""
    ).fetchall()
    manifest = manifest_agencies(raw_dir) if pending else {}
    siblings: dict[str, list[str]] = {}
    for host, name in con.execute(
            "select distinct site_host, agency_name from staging.report_agencies where agency_resolution = 'full' and site_host is not null"
    ).fetchall():
        siblings.setdefault(host, []).append(name)
    cache: dict[tuple, object] = {}
    resolved = []
    for first_pass in (True, False):
        for report_id, parsed_at, title, url, path, printed, forms, known in pending:
            host = host_of(url)
            key = (printed, title if not printed else None, host, manifest.get(path))
            sib = tuple(sorted(siblings.get(host, []))) if host and not first_pass else ()
            if (key, sib) not in cache:
                cache[(key, sib)] = _resolve(printed, title, url, manifest.get(path), list(sib))
            identity = cache[(key, sib)]
            if not identity.full and host:  # partial: the page's own text may name the place the host spells
                text = con.execute("select text from staging.documents where report_id = ?", [report_id]).fetchone()[0]
                identity = _resolve(printed, title, url, manifest.get(path), list(sib), text or "")
            if first_pass:
                if identity.full and host:
                    siblings.setdefault(host, []).append(identity.agency_name)
                continue
            if not known or forms is None:
                text = con.execute("select text from staging.documents where report_id = ?", [report_id]).fetchone()[0]
                forms = printed_forms(identity, text)
            name = identity.agency_name
            resolved.append({
                "report_id": report_id, "parsed_at": parsed_at, "printed_name": printed, "printed_names": list(forms),
                "site_host": host, "agency_id": agency_id_for(name, identity.adcode) if name else None,
                "agency_name": name, "agency_kind": identity.agency_kind, "parent_agency": identity.parent_agency,
                "province": identity.province, "prefecture": identity.prefecture, "county": identity.county,
                "adcode": identity.adcode, "agency_resolution": identity.agency_resolution,
                "agency_signal": identity.signal,
            })
    con.execute("begin transaction")
    try:
        if resolved:
            frame = pd.DataFrame(resolved)
            con.register("incoming_report_agencies", frame)
            con.execute("delete from staging.report_agencies where report_id in (select report_id from incoming_report_agencies)")
            con.execute("insert into staging.report_agencies by name select * from incoming_report_agencies")
            con.unregister("incoming_report_agencies")
        # every model joins reports to agencies by the canonical name
        con.execute(
            """update staging.reports r set agency_name = ra.agency_name
               from staging.report_agencies ra
               where ra.report_id = r.report_id and r.agency_name is distinct from ra.agency_name""")
        con.execute(
            """create or replace table staging.agencies as
               select agency_id,
                      any_value(agency_name) as agency_name,
                      any_value(agency_kind) as agency_kind,
                      any_value(parent_agency) as parent_agency,
                      any_value(province) as province,
                      any_value(prefecture) as prefecture,
                      any_value(county) as county,
                      any_value(adcode) as adcode,
                      any_value(agency_resolution) as agency_resolution,
                      list_sort(list_distinct(flatten(list(list_append(coalesce(printed_names, []), printed_name))))) as aliases
               from staging.report_agencies
               where agency_id is not null
               group by agency_id""")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return con.execute("select count(*) from staging.agencies").fetchone()[0]
