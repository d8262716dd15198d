"""The seed documents and their hand-checked gold files (tests/fixtures/seeds)."""
import json
from pathlib import Path

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def seed_cases() -> list[tuple[Path, dict]]:
    cases = []
    for gold_path in sorted(SEEDS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cases.append((SEEDS / Path(gold["document"]).name, gold))
    return cases


PINGTAN = Path(__file__).parent / "fixtures" / "pingtan_site"


def pingtan_cases() -> list[tuple[Path, dict]]:
    """Real pages of one site, 2011–2025, with hand-checked gold (all five families and a look-alike)."""
    cases = []
    for gold_path in sorted((PINGTAN / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cases.append((PINGTAN / "reports" / f"{gold_path.name.split('.')[0]}.html", gold))
    return cases


def gold_values(gold: dict) -> dict[tuple[str, str], float]:
    return {(v["indicator"], v.get("applicant_type", "total")): v["value"] for v in gold.get("values", [])}


def gold_blanks(gold: dict) -> set[tuple[str, str]]:
    return {(b, "total") if isinstance(b, str) else (b["indicator"], b.get("applicant_type", "total"))
            for b in gold.get("blank", [])}
