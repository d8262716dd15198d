"""How the parser reads the issuing body of reports named from the division table.

For a seeded sample of divisions of every level (province, prefecture, county of every kind: 县,
自治县, 旗, 自治旗, 区, 市, 林区, 特区; town, street) and of department suffixes (局, 委员会,
办公室, 林业局, 公安局, 人民政府办公室 ...), a short report is printed the way real ones are: the
title line (``{name}2022年政府信息公开工作年度报告``, or ``2022年{name}…`` year first), the
opening sentence, the signature and the date; also the same page in Traditional characters, as
mirror sites print it. Each document goes through ``parse_document`` (the parser's agency) and
then the stage's resolution (``stage.agencies._resolve``, no host), and the agency is compared
with the expected one:

- ``ok``: the expected canonical name
- ``variant``: another spelling of the right body (same division, kind and body)
- ``partial``: a name without a place (the body is right but no division was decided)
- ``missing``: no agency
- ``wrong``: another body or another place (the worst case)

    .venv/bin/python scripts/agency_sweep.py [--per-kind 60] [--per-town-kind N] [--seed 0] [--show 5]
        [--shapes title,year_first,traditional]
    (--per-kind -1: every province, prefecture and county)
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DIVISIONS = ROOT / "dbt/seeds/divisions.csv"

PROVINCE_BODIES = ("人民政府", "人民政府办公厅", "财政厅", "公安厅", "教育厅", "林业和草原局", "发展和改革委员会")
CITY_BODIES = ("人民政府", "人民政府办公室", "林业局", "公安局", "统计局", "发展和改革委员会", "卫生健康委员会",
               "教育局", "自然资源和规划局", "林业和草原局", "农业农村局", "人力资源和社会保障局")
COUNTY_KINDS = ("自治县", "自治旗", "林区", "特区", "旗", "县", "区", "市")


def county_kind(name: str) -> str:
    return next((k for k in COUNTY_KINDS if name.endswith(k)), "other")


def load_rows() -> list[dict]:
    with DIVISIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cases(rows: list[dict], per_kind: int, seed: int, per_town_kind: int | None = None) -> list[tuple[str, str, str, str, str]]:
    """(kind, printed name, expected canonical name, expected adcode, expected agency kind)."""
    per_town_kind = per_kind if per_town_kind is None else per_town_kind
    from dagster_project.parse.agency.names import agency_kind as kind_of

    rng = random.Random(seed)
    by_code = {r["division_code"]: r for r in rows}
    counties = [r for r in rows if r["division_level"] == "county"]
    seen: Counter = Counter(r["division_name"] for r in counties)

    def county_printed(r: dict) -> str:
        name = r["division_name"]
        return (r["prefecture"] or r["province"]) + name if name.endswith("区") or seen[name] > 1 else name

    def county_canonical(r: dict) -> str:
        name = r["division_name"]
        return r["prefecture"] + name if name.endswith("区") and r["prefecture"] and r["prefecture"] != name else name

    def body_kind(body: str) -> str:
        return "government" if body == "人民政府" else "department"

    out = []

    def sample(items: list, k: int) -> list:
        return items if len(items) <= k or k < 0 else rng.sample(items, k)

    for r in sample([r for r in rows if r["division_level"] == "province"], per_kind):
        body = rng.choice(PROVINCE_BODIES)
        out.append(("province", r["division_name"] + body, r["division_name"] + body, r["adcode"], body_kind(body)))
    for r in sample([r for r in rows if r["division_level"] == "prefecture"], per_kind):
        body = rng.choice(CITY_BODIES)
        out.append(("prefecture", r["division_name"] + body, r["division_name"] + body, r["adcode"], body_kind(body)))
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in counties:
        by_kind[county_kind(r["division_name"])].append(r)
    for kind in COUNTY_KINDS:
        for r in sample(by_kind[kind], per_kind):
            body = rng.choice(CITY_BODIES)
            out.append((f"county {kind}", county_printed(r) + body, county_canonical(r) + body, r["adcode"], body_kind(body)))
        for r in sample(by_kind[kind], per_kind // 3 if per_kind > 0 else -1):  # the bare county: its government
            out.append((f"county {kind} bare", county_printed(r), county_canonical(r) + "人民政府", r["adcode"], "government"))
    towns = [r for r in rows if r["division_level"] == "town" and by_code.get(r["parent_code"], {}).get("division_level") == "county"]
    for kind, ends, body, agency_kind in (("town 镇", "镇", "人民政府", "township"), ("town 乡", "乡", "人民政府", "township"),
                                          ("street", "街道", "办事处", "street_office")):
        for r in sample([t for t in towns if t["division_name"].endswith(ends)], per_town_kind):
            county = by_code[r["parent_code"]]
            out.append((kind, county_printed(county) + r["division_name"] + body,
                        county_canonical(county) + r["division_name"] + body, r["adcode"], agency_kind))
    # the table's own town-level units that are no township (林业局, 农场, 管理区): printed with their county
    # (those named as a body: 林业局, 管理处, 社会事务局; a zone's is its 管理委员会)
    units = [t for t in towns if re.search(r"(?:局|处|中心|委员会|管委会|开发区|园区)$", t["division_name"])
             and not re.search(r"[(（]", t["division_name"])]
    for r in sample(units, per_town_kind):
        county = by_code[r["parent_code"]]
        name = r["division_name"]
        own = name.startswith((county["division_name"], county["division_name"][:2]))
        printed = name if own else county_printed(county) + name
        canonical = name if own else county_canonical(county) + name
        if re.search(r"(?:开发区|园区)$", name):
            printed, canonical = printed + "管理委员会", canonical + "管理委员会"
        canonical = canonical.replace("管委会", "管理委员会")  # the canonical spelling of a committee
        out.append(("town unit", printed, canonical, r["adcode"], kind_of(canonical)))
    # names Simplified as written that t2s rewrites (乾县 -> 干县): every one of the table
    from opencc import OpenCC

    t2s = OpenCC("t2s").convert
    for r in rows:
        if r["division_level"] == "town" or t2s(r["division_name"]) == r["division_name"]:
            continue
        printed = county_printed(r) if r["division_level"] == "county" else r["division_name"]
        canonical = county_canonical(r) if r["division_level"] == "county" else r["division_name"]
        for body in ("人民政府", "林业局"):
            out.append(("t2s-ambiguous", printed + body, canonical + body, r["adcode"], body_kind(body)))
    for r in towns:
        county = by_code[r["parent_code"]]
        if t2s(r["division_name"]) != r["division_name"] and r["division_name"].endswith(("镇", "乡", "街道")):
            body = "办事处" if r["division_name"].endswith("街道") else "人民政府"
            out.append(("t2s-ambiguous", county_printed(county) + r["division_name"] + body,
                        county_canonical(county) + r["division_name"] + body, r["adcode"],
                        "street_office" if body == "办事处" else "township"))
    return out


def document(name: str, shape: str) -> str:
    title = f"2022年{name}政府信息公开工作年度报告" if shape == "year_first" else f"{name}2022年政府信息公开工作年度报告"
    text = (f"{title}\n"
            f"根据《中华人民共和国政府信息公开条例》规定,现将{name}2022年政府信息公开工作情况报告如下。\n"
            "一、总体情况\n"
            "2022年,认真贯彻落实《条例》要求,主动公开政府信息120条,收到政府信息公开申请3件。\n"
            "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n"
            f"{name}\n2023年1月20日\n")
    if shape == "traditional":
        from opencc import OpenCC

        text = OpenCC("s2t").convert(text)
    return text


def verdict(identity, expected: str, adcode: str, kind: str) -> str:
    name = identity.agency_name if identity else None
    if not name:
        return "missing"
    if name == expected:
        return "ok"
    if identity.adcode == adcode and identity.agency_kind == kind:
        return "variant"
    if not identity.adcode and identity.agency_resolution != "full" and expected.endswith(name):
        return "partial"
    return "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-kind", type=int, default=60, help="divisions per kind (-1: every one)")
    parser.add_argument("--per-town-kind", type=int, default=None, help="towns and streets per kind (default: --per-kind)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="examples of each failing verdict per kind")
    parser.add_argument("--shapes", default="title,year_first,traditional")
    parser.add_argument("--synthetic", type=int, default=0,
                        help="instead: the first N documents of scripts/synthetic_corpus.py (real fixtures renamed)")
    args = parser.parse_args()
    if args.synthetic:
        return synthetic(args.synthetic, args.seed, args.show)

    from dagster_project.parse.report import parse_document
    from dagster_project.stage.agencies import _resolve

    rows = load_rows()
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, printed, expected, adcode, agency_kind in cases(rows, args.per_kind, args.seed, args.per_town_kind):
        for shape in args.shapes.split(","):
            meta = parse_document(document(printed, shape), f"sweep/{printed}.txt").meta
            staged = _resolve(meta.agency_name, meta.title, None, None, [])
            # the parser gives a name only: judged with the place and kind that name alone resolves to
            alone = _resolve(meta.agency_name, None, None, None, []) if meta.agency_name else None
            for stage, identity in (("parser", alone), ("stage", staged)):
                got = verdict(identity, expected, adcode, agency_kind)
                table[(stage, kind)][got] += 1
                if got != "ok" and stage == "stage" and len(examples[(kind, got)]) < args.show:
                    examples[(kind, got)].append(f"[{shape}] {printed} -> {staged.agency_name} ({staged.agency_kind}, "
                                                 f"{staged.adcode}, {staged.agency_resolution}); expected {expected}")
    verdicts = ("ok", "variant", "partial", "missing", "wrong")
    for stage in ("parser", "stage"):
        print(f"\n{stage}: agency per kind of name ({args.shapes}; seed {args.seed}, {args.per_kind} per kind)")
        print(f"{'kind':<20}" + "".join(f"{v:>9}" for v in verdicts) + f"{'total':>9}")
        totals: Counter = Counter()
        for (s, kind), counts in sorted(table.items()):
            if s != stage:
                continue
            totals.update(counts)
            print(f"{kind:<20}" + "".join(f"{counts[v]:>9}" for v in verdicts) + f"{sum(counts.values()):>9}")
        print(f"{'all':<20}" + "".join(f"{totals[v]:>9}" for v in verdicts) + f"{sum(totals.values()):>9}")
    if examples:
        print("\nexamples (stage):")
        for (kind, got), lines in sorted(examples.items()):
            for line in lines:
                print(f"  {got:<8}{kind:<18}{line}")



def synthetic(n: int, seed: int, show: int) -> None:
    """The parser's agency on the synthetic corpus's documents against the name each was given."""
    from dagster_project.ingest.decode import decode_bytes
    from dagster_project.parse.report import parse_document
    from scripts.synthetic_corpus import SyntheticCorpus

    corpus = SyntheticCorpus(seed)
    counts: Counter = Counter()
    shown: list[str] = []
    for k in range(n):
        doc = corpus.document(k)
        got = parse_document(decode_bytes(doc.data).text, doc.name).meta.agency_name
        verdict = "ok" if got == doc.agency else "missing" if got is None else "different"
        counts[verdict] += 1
        if verdict != "ok" and len(shown) < show:
            shown.append(f"  {verdict:<10}{doc.agency} -> {got} ({doc.template.path})")
    print(f"synthetic corpus, first {n} documents (seed {seed}): " + ", ".join(f"{v} {counts[v]}" for v in ("ok", "different", "missing")))
    print("\n".join(shown))


if __name__ == "__main__":
    main()
