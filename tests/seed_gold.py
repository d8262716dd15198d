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
