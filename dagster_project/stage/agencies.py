"""Agencies: one row per issuing body, with the names it was printed under, its kind, its parent
government and its place in the national divisions (``dbt/seeds/divisions.csv``).

The parser gives each report the issuer's name as far as the page places it. Here each report's
name is completed with what only the warehouse knows: the host the page was fetched from, the
fetch manifest's ``agency`` (kept in the provenance log), and the full names the same site gives
in other years. ``staging.report_agencies`` keeps one row per report (the name as parsed, the
identity resolved); ``staging.agencies`` is rebuilt from it, and ``staging.reports`` gets the
canonical name and the ``agency_id`` every model joins reports to agencies by. A name that stands
for many bodies (区统计局, 城关镇人民政府: :mod:`..parse.agency.one_body`) joins reports of one site
only, or of no other document when there is no site.

Only reports parsed since the last run (and those still partial) are resolved again, so a run
costs nothing for known reports. The parse workers resolve each report as far as it alone allows
(``report_hint``, kept in the shard's ``agency_hints.parquet``), in parallel and with the text in
hand; here a new report's hint is taken as it is unless the report is partial and its site names
full bodies in other reports, the one thing a worker cannot know. Texts are read in batches, never
one query per report (each such query scanned the documents table: quadratic in the corpus).
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from ..parse.traditional import TONED

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
    agency_signal varchar,
    agency_scope varchar
)"""


def agency_id_for(name: str, adcode: str | None, scope: str | None = None) -> str:
    """Stable per canonical agency: the canonical name and the division it sits in, and for a name
    that stands for many bodies, where it was found (``agency_scope``)."""
    key = f"{name}|{adcode or ''}" + (f"|{scope}" if scope else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def agency_scope(identity, host: str | None, report_id: str) -> str | None:
    """Where a name joins reports into one agency: everywhere (None) when it names one body in the
    country; else within its site, or, for a document without one or a town the name does not name
    (镇人民政府), within the document alone (区统计局 of one site and 区统计局 of another are two bodies,
    and so are two files' 某某县人民政府)."""
    from ..parse.agency.one_body import names_one_body, names_one_body_on_a_site

    name = identity.agency_name
    if identity.agency_resolution == "full" or names_one_body(name, identity.agency_kind):
        return None
    return f"site:{host}" if host and names_one_body_on_a_site(name) else f"document:{report_id}"


def manifest_agencies(raw_dir: Path | None) -> dict[str, str]:
    """{stored path -> the fetch manifest's agency} from the provenance log, when there is one."""
    if raw_dir is None:
        return {}
    from ..fetch.provenance import FETCH_SUBDIR
    from ..fetch.provenance_index import load_state

    return load_state(Path(raw_dir) / FETCH_SUBDIR).agency


PRINTED_HEAD_CHARS = 50_000  # where a document prints its agency's name: its head, not every page
# what the sample drops or cuts: whitespace, and the characters of an injected pinyin group (鎮(zhèn))
_REMOVED_BY_SAMPLE = re.compile(r"[\sA-Za-z()（）" + TONED + "]")


def printed_forms(identity, text: str | None) -> list[str]:
    """The spellings of the agency that the document prints: the canonical name and its shorter
    forms (without the city of a district, the county of a town, 管委会, 政府, a short form such as
    人社局), in Simplified or Traditional characters, kept when they occur in the text (pinyin and
    spaces removed)."""
    name = identity.agency_name
    if not name or not text:
        return []
    from ..parse.agency.short_forms import short_forms_of
    from ..parse.traditional import strip_pinyin

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
        forms.update(short_forms_of(form))  # 梁山县人社局 of 梁山县人力资源和社会保障局
    to_traditional = _to_traditional()
    forms |= {to_traditional(f) for f in forms}
    head = text[:PRINTED_HEAD_CHARS]
    sample = None
    found = []
    for form in forms:
        if len(form) < 3:
            continue
        if form in head and not _REMOVED_BY_SAMPLE.search(form):
            found.append(form)  # removing spaces and pinyin around an occurrence leaves it whole
        elif all(ch in head for ch in form):  # else a character it needs is missing: it cannot occur
            if sample is None:  # every whitespace out (as re's \s+, several times faster)
                sample = "".join(strip_pinyin(head).split())
            if form in sample:
                found.append(form)
    return sorted(found)


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


# what a parse worker resolved for one report with no other report in view (see report_hint)
HINT_TYPES = {"report_id": "varchar", "parsed_at": "timestamp", "printed_name": "varchar", "manifest_agency": "varchar",
              "settled": "boolean", "agency_name": "varchar", "agency_kind": "varchar", "parent_agency": "varchar",
              "province": "varchar", "prefecture": "varchar", "county": "varchar", "adcode": "varchar",
              "agency_resolution": "varchar", "agency_signal": "varchar", "printed_names": "varchar[]"}
HINTS_DDL = "create table if not exists {table} (" + ", ".join(f"{c} {t}" for c, t in HINT_TYPES.items()) + ")"
EMPTY_HINTS = "select " + ", ".join(f"null::{t} as {c}" for c, t in HINT_TYPES.items()) + " where false"
TEXT_BATCH = 500  # documents whose text is read at once (bounded memory)
_IDENTITY_FIELDS = ("agency_name", "agency_kind", "parent_agency", "province", "prefecture", "county", "adcode",
                    "agency_resolution", "agency_signal")


def _first_pass(printed, title, url, manifest, text_of):
    """The identity from the report alone: the page's signals, then (partial and with a host) its text."""
    from ..parse.agency.domains import host_of

    identity = _resolve(printed, title, url, manifest, [])
    settled = identity.full or not host_of(url)  # no other year of the site can change it
    if not settled:
        identity = _resolve(printed, title, url, manifest, [], text_of() or "")
    return identity, settled


def report_hint(printed: str | None, title: str | None, url: str | None, manifest: str | None, text: str) -> dict:
    """A report's agency as a parse worker sees it (no other report in view): the identity and the
    printed forms, and whether it is ``settled`` (full from the page alone, or no host to share with
    other years). The stage uses it as it is unless the report is unsettled and the site names
    full bodies in other reports (siblings), which only the whole warehouse knows."""
    identity, settled = _first_pass(printed, title, url, manifest, lambda: text)
    return {"printed_name": printed, "manifest_agency": manifest, "settled": settled,
            "agency_name": identity.agency_name, "agency_kind": identity.agency_kind,
            "parent_agency": identity.parent_agency, "province": identity.province,
            "prefecture": identity.prefecture, "county": identity.county, "adcode": identity.adcode,
            "agency_resolution": identity.agency_resolution, "agency_signal": identity.signal,
            "printed_names": printed_forms(identity, text)}


_MANIFEST: dict = {}


def cached_manifest_agencies(raw_dir: Path | None) -> dict[str, str]:
    """manifest_agencies, read again only when the provenance log changed (a parse worker's many batches)."""
    if raw_dir is None:
        return {}
    from ..fetch.provenance import FETCH_SUBDIR, LOG_NAME

    try:
        stat = (Path(raw_dir) / FETCH_SUBDIR / LOG_NAME).stat()
        key = (str(raw_dir), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (str(raw_dir), None, None)
    if key not in _MANIFEST:
        _MANIFEST.clear()
        _MANIFEST[key] = manifest_agencies(raw_dir)
    return _MANIFEST[key]


def _texts(con, report_ids: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for start in range(0, len(report_ids), TEXT_BATCH):
        out.update(con.execute("select report_id, text from staging.documents "
                               "where report_id in (select unnest(?::varchar[]))",
                               [report_ids[start:start + TEXT_BATCH]]).fetchall())
    return out


class _Identity:
    """An identity read back from a hint row (the fields resolve_agency's AgencyIdentity gives)."""

    def __init__(self, row: dict):
        for name in _IDENTITY_FIELDS:
            setattr(self, name, row[name])
        self.signal = row["agency_signal"]

    @property
    def full(self) -> bool:
        return self.agency_resolution == "full"


CACHE_ENTRIES = 20_000  # resolutions remembered by their inputs (many reports of one site share them)


def _pending_chunks(con, pending: int, raw_dir: Path | None):
    """The rows of ``agency_pending``, TEXT_BATCH at a time, as
    (report_id, parsed_at, title, url, path, printed, forms, known, host, hint)."""
    from ..parse.agency.domains import host_of

    manifest = manifest_agencies(raw_dir) if pending else {}
    for start in range(0, pending, TEXT_BATCH):
        rows = []
        for (report_id, parsed_at, title, url, path, printed, forms, known, hinted, h_printed, h_manifest, h_settled,
             *h_identity) in con.execute("select * from agency_pending where rowid >= ? and rowid < ? order by rowid",
                                         [start, start + TEXT_BATCH]).fetchall():
            hint = None
            # a hint stands for this resolution only when it was made from the same inputs
            if hinted and not known and h_printed == printed and h_manifest == manifest.get(path):
                hint = (_Identity(dict(zip(_IDENTITY_FIELDS, h_identity[:-1]))), bool(h_settled),
                        list(h_identity[-1] or []))
            rows.append((report_id, parsed_at, title, url, path, printed, forms, known, host_of(url), hint))
        yield rows, manifest


class _Cache(dict):
    """Resolutions by their inputs, forgotten all at once past CACHE_ENTRIES (memory bounded)."""

    def remember(self, key, make):
        if key not in self:
            if len(self) >= CACHE_ENTRIES:
                self.clear()
            self[key] = make()
        return self[key]


def _resolve_pending(con, pending: int, raw_dir: Path | None) -> None:
    """Resolve the reports of ``agency_pending`` into ``agency_resolved``, a chunk at a time."""
    import pandas as pd

    siblings: dict[str, list[str]] = {}
    for host, name in con.execute(
            "select distinct site_host, agency_name from staging.report_agencies where agency_resolution = 'full' and site_host is not null"
    ).fetchall():
        siblings.setdefault(host, []).append(name)

    def texts_for(needed: list[str]) -> dict[str, str | None]:
        return _texts(con, needed) if needed else {}

    # first pass: each report alone; the full names give each site's siblings
    cache = _Cache()
    for rows, manifest in _pending_chunks(con, pending, raw_dir):
        unhinted = [r for r in rows if r[9] is None]
        texts: dict[str, str | None] = {}
        for report_id, parsed_at, title, url, path, printed, forms, known, host, hint in rows:
            if hint is not None:
                identity = hint[0]
            else:
                identity = cache.remember((printed, title if not printed else None, host, manifest.get(path)),
                                          lambda: _resolve(printed, title, url, manifest.get(path), []))
                if not identity.full and host:  # partial: the page's own text may name the place the host spells
                    if not texts:
                        texts = texts_for([r[0] for r in unhinted if r[8]])
                    identity = _resolve(printed, title, url, manifest.get(path), [], texts.get(report_id) or "")
            if identity.full and host:
                siblings.setdefault(host, []).append(identity.agency_name)
        del texts
    sibling_lists = {host: tuple(sorted(names)) for host, names in siblings.items()}
    del siblings
    for rows, manifest in _pending_chunks(con, pending, raw_dir):
        final: dict[str, tuple] = {}
        need_text: list[str] = []
        for report_id, parsed_at, title, url, path, printed, forms, known, host, hint in rows:
            sib = sibling_lists.get(host, ()) if host else ()
            if hint is not None and (hint[1] or not sib):
                final[report_id] = (hint[0], hint[2])  # what the worker resolved stands
                continue
            identity = cache.remember((printed, title if not printed else None, host, manifest.get(path), sib),
                                      lambda: _resolve(printed, title, url, manifest.get(path), list(sib)))
            final[report_id] = (identity, forms)
            if (not identity.full and host) or not known or forms is None:
                need_text.append(report_id)
        texts = texts_for(need_text)
        resolved = []
        for report_id, parsed_at, title, url, path, printed, forms, known, host, hint in rows:
            identity, forms = final[report_id]
            sib = sibling_lists.get(host, ()) if host else ()
            if report_id in texts:
                text = texts[report_id]
                if not identity.full and host:
                    identity = _resolve(printed, title, url, manifest.get(path), list(sib), text or "")
                if not known or forms is None:
                    forms = printed_forms(identity, text)
            name = identity.agency_name
            scope = agency_scope(identity, host, report_id) if name else None
            resolved.append({
                "report_id": report_id, "parsed_at": parsed_at, "printed_name": printed, "printed_names": list(forms),
                "site_host": host, "agency_scope": scope,
                "agency_id": agency_id_for(name, identity.adcode, scope) if name else None,
                "agency_name": name, "agency_kind": identity.agency_kind, "parent_agency": identity.parent_agency,
                "province": identity.province, "prefecture": identity.prefecture, "county": identity.county,
                "adcode": identity.adcode, "agency_resolution": identity.agency_resolution,
                "agency_signal": identity.signal,
            })
        if resolved:
            frame = pd.DataFrame(resolved)
            con.register("incoming_report_agencies", frame)
            try:
                con.execute("insert into agency_resolved by name select * from incoming_report_agencies")
            finally:
                con.unregister("incoming_report_agencies")


def refresh_agencies(con, raw_dir: Path | None = None, hint_files: list[str] | None = None) -> int:
    """Resolve new and partial reports' agencies; rebuild ``staging.agencies``. Returns the agencies.

    ``hint_files``: the shards' Parquet of what the parse workers resolved (report_hint); a new
    report with a hint of its parse is resolved again here only when the hint is unsettled and
    its site has siblings, so this costs per report a lookup, not a resolution and a text read."""
    if raw_dir is None:
        from ..settings import get_settings

        raw_dir = get_settings().raw_dir
    con.execute(REPORT_AGENCIES_DDL)
    con.execute("alter table staging.report_agencies add column if not exists printed_names varchar[]")
    con.execute("alter table staging.report_agencies add column if not exists agency_scope varchar")
    con.execute("delete from staging.report_agencies where report_id not in (select report_id from staging.reports)")
    hints_from = EMPTY_HINTS
    if hint_files:
        hints_from = "select * from read_parquet(?, union_by_name = true)"
    # the reports to resolve stay in DuckDB (a temporary table read TEXT_BATCH rows at a time) and
    # what is resolved goes back there chunk by chunk: a first run of 100,000 reports holds no list
    # of them in Python
    con.execute(
        f"""create or replace temp table agency_pending as
           with hints as ({hints_from})
           select r.report_id, r.parsed_at, r.title, coalesce(d.source_url, r.page_url) as url, d.source_path,
                  case when ra.parsed_at = r.parsed_at then ra.printed_name else r.agency_name end as printed,
                  case when ra.parsed_at = r.parsed_at then ra.printed_names end as forms,
                  ra.parsed_at = r.parsed_at as known,
                  h.report_id is not null as hinted, h.printed_name as h_printed, h.manifest_agency as h_manifest,
                  h.settled as h_settled,
                  h.agency_name, h.agency_kind, h.parent_agency, h.province, h.prefecture, h.county, h.adcode,
                  h.agency_resolution, h.agency_signal, h.printed_names as h_forms
           from staging.reports r
           join staging.documents d using (report_id)
           left join staging.report_agencies ra using (report_id)
           left join hints h on h.report_id = r.report_id and h.parsed_at = r.parsed_at
           where ra.report_id is null or ra.parsed_at is distinct from r.parsed_at
              or ra.agency_resolution <> 'full'""",
        [hint_files] if hint_files else [])
    con.execute("create or replace temp table agency_resolved as select * from staging.report_agencies where false")
    try:
        pending, first, last = con.execute("select count(*), min(rowid), max(rowid) from agency_pending").fetchone()
        if pending and (first, last) != (0, pending - 1):  # the chunks are rowid ranges
            raise RuntimeError(f"agency_pending rows are numbered {first}..{last}, not 0..{pending - 1}")
        _resolve_pending(con, pending, raw_dir if pending else None)
    except BaseException:
        con.execute("drop table if exists agency_pending")
        con.execute("drop table if exists agency_resolved")
        raise
    con.execute("drop table agency_pending")
    con.execute("begin transaction")
    try:
        con.execute("delete from staging.report_agencies where report_id in (select report_id from agency_resolved)")
        con.execute("insert into staging.report_agencies by name select * from agency_resolved")
        # every model joins reports to agencies by agency_id; the name is the canonical one
        con.execute(
            """update staging.reports r set agency_name = ra.agency_name, agency_id = ra.agency_id
               from staging.report_agencies ra
               where ra.report_id = r.report_id
                 and (r.agency_name is distinct from ra.agency_name or r.agency_id is distinct from ra.agency_id)""")
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
                      any_value(agency_scope) as agency_scope,
                      list_sort(list_distinct(flatten(list(list_append(coalesce(printed_names, []), printed_name))))) as aliases
               from staging.report_agencies
               where agency_id is not null
               group by agency_id""")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.execute("drop table if exists agency_resolved")
    return con.execute("select count(*) from staging.agencies").fetchone()[0]
