"""A synthetic folder of annual reports made from the real fixtures, for the benchmark.

Each document is a real fixture (a report page or its text copy) with its issuing body and its year
replaced: a distinct agency per document, named from the division table (`dbt/seeds/divisions.csv`:
a county's department, a county or prefecture government, a township's government or a street
office), and a year of the template's era (2008 format and Fujian's local table: 2008-2018; 2019
format: 2019-2020; 2021 format: 2021-2025; narrative reports: their own era). Every printed form of
the fixture's agency (title, issuer, signature, body) becomes the new name, and the fixture's year,
the year before and the year after (title, statistics period, publication date) shift by the same
amount. Figures are left as printed, so the tables' identities hold as in the fixture; the agency
name in the main text makes every document's normalised text, hence its content hash, distinct, so
deduplication collapses nothing and no two documents share an agency and year.

Document ``k`` depends only on the seed and ``k``: a folder of 10,000 documents is the first
10,000 of a folder of 100,000. Beyond the number of agency names (about 140,000) an agency comes
back with another year.

    .venv/bin/python scripts/synthetic_corpus.py FOLDER --documents 100000 [--seed 0]
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fixtures"
DIVISIONS = ROOT / "dbt/seeds/divisions.csv"

ERAS = {"2008": tuple(range(2008, 2019)), "2019": (2019, 2020), "2021": tuple(range(2021, 2026))}
YEARS = tuple(y for years in ERAS.values() for y in years)
ERA_OF_YEAR = {y: era for era, years in ERAS.items() for y in years}

# The printed forms of the fixtures' agencies, longest first where one contains another.
PINGTAN = ("平潭综合实验区管理委员会", "平潭综合实验区党工委管委会", "平潭综合实验区地方税务局", "平潭综合实验区管委会",
           "平潭综合实验区", "平潭县人民政府", "平潭县地税局", "平潭地税局", "平潭县")

# County-level departments as named since the 2018 reform, and the government and its office.
DEPARTMENTS = ("人民政府", "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局",
               "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "水利局",
               "农业农村局", "商务局", "文化和旅游局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局",
               "市场监督管理局", "统计局", "医疗保障局", "体育局", "城市管理局", "信访局", "行政审批服务局", "民族宗教事务局")


@dataclass(frozen=True)
class Template:
    """One fixture: where it is, the year it reports on, its era and the printed forms of its agency."""

    path: str  # under tests/fixtures
    year: int
    era: str
    agency_forms: tuple[str, ...]
    # The excerpt prints its agency in the page title only: a signature line under the body, as
    # real reports have, puts the name into the main text (else every copy of a year hashes alike).
    sign: bool = False

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix

    @property
    def kind(self) -> str:
        return "html" if self.suffix == ".html" else "text"


def _pingtan(path: str, year: int, era: str) -> Template:
    return Template(path, year, era, PINGTAN)


TEMPLATES: tuple[Template, ...] = (
    # 2008 national format, as text (seeds) and as an HTML table
    Template("seeds/000_6af7086d6b762cad.txt", 2017, "2008", ("驻马店市行政服务中心", "市行政服务中心")),
    Template("seeds/001_cfbdc836ed46ac6d.txt", 2017, "2008", ("上饶市信州区人民政府", "上饶市信州区", "信州区人民政府", "信州区")),
    Template("seeds/004_b6ce9a87a66a1839.txt", 2018, "2008", ("开封市质量技术监督局", "市质监局")),
    Template("quirks/html_gov2008_table.html", 2016, "2008", ("某某市住房和城乡建设局",)),
    # Fujian's local statistics table (2008-2018): the real Pingtan pages and their text copies
    *(_pingtan(f"pingtan_site/reports/{name}.html", year, "2008") for name, year in (
        ("201204_80678", 2011), ("201204_80716", 2011), ("201301_80725", 2012), ("201302_80734", 2012),
        ("201401_80754", 2013), ("201403_80759", 2013), ("201501_80791", 2014), ("201601_80445", 2015),
        ("201701_80485", 2016), ("201801_80506", 2017), ("201901_80529", 2018))),
    *(_pingtan(f"eras/text/pingtan_{name}.txt", year, "2008") for name, year in (
        ("201204_80678", 2011), ("201301_80725", 2012), ("201401_80754", 2013), ("201501_80791", 2014),
        ("201601_80445", 2015), ("201701_80485", 2016), ("201801_80506", 2017), ("201901_80529", 2018))),
    # narrative reports of the 2008 era (prose figures only)
    _pingtan("pingtan_site/reports/201402_80774.html", 2013, "2008"),
    _pingtan("prose/pingtan_201601_80445.txt", 2015, "2008"),
    Template("quirks/prose_numbers.txt", 2014, "2008", ("某某市人民政府",)),
    Template("quirks/real_report_cites_notices.txt", 2016, "2008",
             ("福州市晋安区人民政府", "福州市晋安区")),
    # 2019 national format
    Template("seeds/002_1193063268b18128.txt", 2019, "2019", ("商洛市商州区人民政府", "商州区")),
    Template("quirks/t2019_dropped_cells.txt", 2019, "2019", ("某某县人民政府", "某某县")),
    _pingtan("pingtan_site/reports/202001_80576.html", 2019, "2019"),
    _pingtan("pingtan_site/reports/202103_80595.html", 2020, "2019"),
    _pingtan("prose/pingtan_202001_80576.txt", 2019, "2019"),
    # 2021 national format
    *(_pingtan(f"pingtan_site/reports/{name}.html", year, "2021") for name, year in (
        ("202202_80613", 2021), ("202302_80629", 2022), ("202403_87885", 2023), ("202503_97791", 2024),
        ("202603_105587", 2025))),
    Template("quirks/html_2021_old_other_row.html", 2022, "2021", ("某某镇人民政府",), sign=True),
    Template("quirks/html_two_copies.html", 2021, "2021", ("某某市交通运输局",)),
    Template("quirks/t2021_bare_lines.txt", 2023, "2021", ("武汉市生态环境局某某分局",)),
    Template("quirks/t2021_cell_pipes.txt", 2021, "2021", ("某某市司法局",)),
    Template("quirks/t2021_row_pipes.txt", 2022, "2021", ("某某县市场监督管理局",)),
    _pingtan("prose/pingtan_202302_80629.txt", 2022, "2021"),
)


@dataclass(frozen=True)
class Document:
    index: int
    name: str  # relative path in the folder
    agency: str
    year: int
    template: Template
    data: bytes


_SPAN_BOUNDARY = re.compile(r"</span>\s*<span\b[^>]*>")


class _Compiled:
    """A fixture split once into literal pieces and slots (the agency, a year), so that a document is a join."""

    def __init__(self, template: Template) -> None:
        text = (FIXTURES / template.path).read_text(encoding="utf-8")
        if template.kind == "html":
            # Word-made pages split runs of text into spans, even inside a year (201</span><span>4);
            # joined, so that every printed year and name is one string to replace (the text is the same).
            text = _SPAN_BOUNDARY.sub("", text)
        if template.sign:
            signature = f"<p>{template.agency_forms[0]}</p>\n" if template.kind == "html" else f"\n{template.agency_forms[0]}\n"
            end = text.rfind("</div>") if template.kind == "html" else len(text)
            text = text[:end] + signature + text[end:]
        years = {str(template.year + d): d for d in (-1, 0, 1)}
        pattern = re.compile("|".join([*map(re.escape, template.agency_forms),
                                       r"(?<!\d)(?:" + "|".join(years) + r")(?!\d)"]))
        self.pieces: list[str] = []
        self.slots: list[tuple[int, int | None]] = []  # (index in pieces, year offset or None for the agency)
        last = 0
        for match in pattern.finditer(text):
            self.pieces.append(text[last:match.start()])
            self.slots.append((len(self.pieces), years.get(match.group())))
            self.pieces.append("")
            last = match.end()
        self.pieces.append(text[last:])
        if not any(offset is None for _, offset in self.slots):
            raise ValueError(f"{template.path}: none of {template.agency_forms} is printed in it")
        if not any(offset == 0 for _, offset in self.slots):
            raise ValueError(f"{template.path}: its year {template.year} is not printed in it")

    def render(self, agency: str, year: int) -> str:
        pieces = list(self.pieces)
        for index, offset in self.slots:
            pieces[index] = agency if offset is None else str(year + offset)
        return "".join(pieces)


def agency_names(divisions: Path = DIVISIONS) -> list[str]:
    """Distinct names of issuing bodies made from real divisions, in the table's order.

    A county's name that several prefectures share is prefixed with its prefecture (or province).
    """
    with divisions.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counties = [r for r in rows if r["division_level"] == "county"]
    county_count: dict[str, int] = {}
    for row in counties:
        county_count[row["division_name"]] = county_count.get(row["division_name"], 0) + 1
    by_code = {r["division_code"]: r for r in rows}

    def county_name(row: dict) -> str:
        # a district is printed with its city (a county's name is enough), as is a name several share
        name = row["division_name"]
        if county_count.get(name, 0) > 1 or name.endswith("区"):
            name = (row["prefecture"] or row["province"]) + name
        return name

    names: list[str] = []
    for row in rows:
        level = row["division_level"]
        if level in ("county", "prefecture"):
            place = county_name(row) if level == "county" else row["division_name"]
            names.extend(place + department for department in DEPARTMENTS)
        elif level == "town":
            town = row["division_name"]
            county = by_code.get(row["parent_code"])
            if county is None or county["division_level"] != "county":
                continue
            if town.endswith(("镇", "乡")):
                names.append(county_name(county) + town + "人民政府")
            elif town.endswith("街道"):
                names.append(county_name(county) + town + "办事处")
    return list(dict.fromkeys(names))


def _mix(*values: int) -> int:
    """A well-spread 64-bit hash of a few integers (SplitMix64 steps): a choice per document that
    depends only on the seed and the document's number (random.Random(seed + k) is not spread enough)."""
    state = 0
    for value in values:
        state = (state + value + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        state = z ^ (z >> 31)
    return state


class SyntheticCorpus:
    """``document(k)``: the k-th synthetic report; ``write(folder, n)``: the first n of them as files."""

    def __init__(self, seed: int = 0, templates: tuple[Template, ...] = TEMPLATES) -> None:
        self.seed = seed
        self.templates = templates
        self.by_era = {era: [t for t in templates if t.era == era] for era in ERAS}
        self._compiled: dict[str, _Compiled] = {}

    @cached_property
    def agencies(self) -> list[str]:
        names = agency_names()
        random.Random(self.seed).shuffle(names)
        return names

    def _compiled_of(self, template: Template) -> _Compiled:
        compiled = self._compiled.get(template.path)
        if compiled is None:
            compiled = self._compiled[template.path] = _Compiled(template)
        return compiled

    def choose(self, k: int) -> tuple[str, int, Template]:
        """The agency, year and template of document ``k`` (an agency comes back only with another year)."""
        agencies = self.agencies
        agency = agencies[k % len(agencies)]
        first_year = _mix(self.seed, 1, k % len(agencies)) % len(YEARS)  # the agency's year on its first appearance
        year = YEARS[(first_year + k // len(agencies)) % len(YEARS)]
        era_templates = self.by_era[ERA_OF_YEAR[year]]
        template = era_templates[_mix(self.seed, 2, k) % len(era_templates)]
        return agency, year, template

    def document(self, k: int) -> Document:
        agency, year, template = self.choose(k)
        data = self._compiled_of(template).render(agency, year).encode("utf-8")
        name = f"b{k // 1000:04d}/{k:07d}_{year}{template.suffix}"
        return Document(k, name, agency, year, template, data)

    def write(self, folder: Path, n: int, start: int = 0) -> int:
        """Write documents ``start`` .. ``start + n - 1`` under ``folder``; the bytes written."""
        written = 0
        made: set[Path] = set()
        for k in range(start, start + n):
            doc = self.document(k)
            target = folder / doc.name
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(doc.data)
            written += len(doc.data)
        return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    written = SyntheticCorpus(args.seed).write(args.folder, args.documents)
    print(f"{args.documents} documents, {written / 1e6:.0f} MB, written in {time.perf_counter() - start:.1f} s "
          f"under {args.folder}")


if __name__ == "__main__":
    main()
