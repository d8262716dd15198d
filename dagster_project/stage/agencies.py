"""Agencies: one row per issuing body, placed in the administrative divisions (province to county).

Names are resolved with ``cpca``, which carries the national division table and its 6-digit codes;
only names not yet in ``staging.agencies`` are resolved, so a run costs nothing for known agencies.
"""
from __future__ import annotations

import hashlib
import warnings

from ..parse.metadata import agency_kind


def agency_id_for(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def resolve_divisions(names: list[str]) -> list[dict]:
    if not names:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import cpca

        frame = cpca.transform(names)
    rows = []
    for name, (_, r) in zip(names, frame.iterrows()):
        def clean(value):
            return None if value is None or value != value or value == "" else str(value)

        adcode = clean(r.get("adcode"))
        rows.append({
            "agency_id": agency_id_for(name),
            "agency_name": name,
            "agency_kind": agency_kind(name),
            "province": clean(r.get("省")),
            "prefecture": clean(r.get("市")),
            "county": clean(r.get("区")),
            "adcode": adcode[:6] if adcode else None,
        })
    return rows


def refresh_agencies(con) -> int:
    import pandas as pd

    new = [row[0] for row in con.execute(
        """select distinct agency_name from staging.reports
           where agency_name is not null and agency_name not in (select agency_name from staging.agencies)"""
    ).fetchall()]
    rows = resolve_divisions(sorted(new))
    if rows:
        con.register("incoming_agencies", pd.DataFrame(rows))
        con.execute("insert into staging.agencies by name select * from incoming_agencies")
        con.unregister("incoming_agencies")
    return len(rows)
