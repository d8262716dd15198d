"""The indicator catalog (``dbt/seeds/indicators.csv``, the contract's codes) as Python objects."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

INDICATORS_CSV = Path(__file__).resolve().parents[2] / "dbt" / "seeds" / "indicators.csv"

APPLICANT_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
)


@dataclass(frozen=True)
class Indicator:
    code: str
    templates: tuple[str, ...]
    unit: str
    has_applicant_types: bool


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    with INDICATORS_CSV.open(encoding="utf-8") as fh:
        return {
            row["indicator_code"]: Indicator(
                code=row["indicator_code"],
                templates=tuple(row["template"].split("|")),
                unit=row["unit"],
                has_applicant_types=row["has_applicant_types"] == "true",
            )
            for row in csv.DictReader(fh)
        }


def unit_of(code: str) -> str:
    return indicators()[code].unit
