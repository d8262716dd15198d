"""What the parser reads off a set of documents, written down, and two such readings compared.

A change to the parser is judged by what it changes on real documents: take a snapshot before the
change, one after, and compare. Every text and HTML page below the folders given (by default
``tests/fixtures`` and ``raw``) is decoded and parsed as ingest and the stage would; each result
(the metadata, every figure, unplaced figure and uncoded row, the warnings, or the refusal) is one
JSON line.

    .venv/bin/python scripts/parse_snapshot.py snapshot before.jsonl [FOLDER ...]
    .venv/bin/python scripts/parse_snapshot.py compare before.jsonl after.jsonl [--show 20]

A snapshot in which most documents raised an error (not a refusal: a bug of the parser or of this
script) is not written: its comparison would say nothing changed.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_FOLDERS = (ROOT / "tests" / "fixtures", ROOT / "raw")
MAX_ERROR_SHARE = 0.5


def read_one(path: Path) -> dict:
    """The parser's reading of one document, as plain data."""
    from dagster_project.ingest.decode import decode_bytes
    from dagster_project.parse.model import DocumentParseError
    from dagster_project.parse.report import parse_document

    try:
        report = parse_document(decode_bytes(path.read_bytes()).text, path.name)
    except DocumentParseError as refused:
        return {"refused": str(refused)}
    except Exception as error:  # noqa: BLE001 - counted, and the snapshot is refused when they are most
        return {"error": f"{type(error).__name__}: {error}"}
    return dataclasses.asdict(report)


def documents(folders: list[Path]) -> list[tuple[str, Path]]:
    found = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
            found.append((str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path), path))
    return found


def snapshot(out: Path, folders: list[Path]) -> int:
    docs = documents(folders)
    if not docs:
        print(f"no .txt or .html documents below {', '.join(map(str, folders))}", file=sys.stderr)
        return 2
    lines, errors = [], 0
    for key, path in docs:
        reading = read_one(path)
        errors += "error" in reading
        lines.append(json.dumps({"document": key, "reading": reading}, ensure_ascii=False, sort_keys=True))
    if errors > MAX_ERROR_SHARE * len(docs):
        first = next(json.loads(line)["reading"]["error"] for line in lines if '"error"' in line)
        print(f"{errors} of {len(docs)} documents raised an error (first: {first}); no snapshot written",
              file=sys.stderr)
        return 1
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents ({errors} raised an error) -> {out}")
    return 0


def _load(path: Path) -> dict[str, dict]:
    return {row["document"]: row["reading"] for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _figures(reading: dict) -> set[str]:
    return {json.dumps(f, ensure_ascii=False, sort_keys=True) for f in reading.get("figures", [])}


def differences(before: dict, after: dict) -> list[str]:
    """What changed in one document's reading, one line a change."""
    if before == after:
        return []
    lines = []
    for side in ("refused", "error"):
        if before.get(side) != after.get(side):
            lines.append(f"{side}: {before.get(side)!r} -> {after.get(side)!r}")
    meta_before, meta_after = before.get("meta") or {}, after.get("meta") or {}
    for field in sorted(set(meta_before) | set(meta_after)):
        if meta_before.get(field) != meta_after.get(field):
            lines.append(f"{field}: {meta_before.get(field)!r} -> {meta_after.get(field)!r}")
    gone, new = _figures(before) - _figures(after), _figures(after) - _figures(before)
    lines += [f"- {json.loads(f)['indicator_code']} = {json.loads(f)['value']} ({json.loads(f)['evidence'][:60]})"
              for f in sorted(gone)]
    lines += [f"+ {json.loads(f)['indicator_code']} = {json.loads(f)['value']} ({json.loads(f)['evidence'][:60]})"
              for f in sorted(new)]
    for part in ("unplaced", "uncoded_rows", "warnings"):
        if before.get(part) != after.get(part):
            lines.append(f"{part}: {len(before.get(part) or [])} -> {len(after.get(part) or [])}")
    return lines or ["(changed)"]


def compare(first: Path, second: Path, show: int) -> int:
    before, after = _load(first), _load(second)
    changed = {key: differences(before[key], after[key]) for key in before.keys() & after.keys()}
    changed = {key: lines for key, lines in changed.items() if lines}
    only_before, only_after = before.keys() - after.keys(), after.keys() - before.keys()
    print(f"{len(before.keys() & after.keys())} documents in both: {len(changed)} read otherwise"
          + (f"; {len(only_before)} only in {first.name}" if only_before else "")
          + (f"; {len(only_after)} only in {second.name}" if only_after else ""))
    for key in sorted(changed)[:show]:
        print(f"  {key}")
        for line in changed[key]:
            print(f"      {line}")
    if len(changed) > show:
        print(f"  … and {len(changed) - show} more (--show)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    take = sub.add_parser("snapshot", help="parse every text and HTML document below the folders")
    take.add_argument("out", type=Path)
    take.add_argument("folders", type=Path, nargs="*", default=list(DEFAULT_FOLDERS))
    diff = sub.add_parser("compare", help="the documents two snapshots read otherwise")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    diff.add_argument("--show", type=int, default=20)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        return snapshot(args.out, [Path(f).resolve() for f in args.folders])
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
