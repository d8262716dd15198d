"""What `make run` checks before it takes the lock: settings that parse, a warehouse outside the raw
folder, a Dagster home it can write. Each problem is one line naming the variable and its value."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def settings_problems(error) -> list[str]:
    """One line per invalid setting of a pydantic ``ValidationError``, named as the environment
    variable a person sets (GOVINFO_PARSE_SHARDS), not the Python field (parse_shards)."""
    from .. import settings as settings_module

    model = getattr(settings_module, error.title, None)
    prefix = model.model_config.get("env_prefix", "GOVINFO_") if model is not None else "GOVINFO_"
    lines = []
    for problem in error.errors():
        name = prefix + "_".join(str(part) for part in problem["loc"]).upper()
        value = problem.get("input")
        shown = f"={value!r}" if isinstance(value, (str, int, float)) else ""
        lines.append(f"setting {name}{shown} is not valid: {problem['msg']}")
    return lines


def layout_problems(settings) -> list[str]:
    """A warehouse that is a folder (DuckDB would fail on it after the lock and the log were made
    beside it), a warehouse inside the raw folder (its own files would be read as documents at every
    run), and a Dagster home that is not a folder this process can write."""
    problems = []
    raw, warehouse = settings.raw_dir.resolve(), settings.warehouse.resolve()
    if warehouse.is_dir():
        problems.append(f"GOVINFO_WAREHOUSE={settings.warehouse} is a folder: name the warehouse file, "
                        f"such as {settings.warehouse / 'govinfo.duckdb'}")
    elif warehouse.is_relative_to(raw):
        problems.append(f"the warehouse {warehouse} (GOVINFO_WAREHOUSE) is inside the raw folder {raw} "
                        f"(GOVINFO_RAW_DIR): its own files would be read as documents; put it outside")
    home = os.environ.get("DAGSTER_HOME")
    if home:
        problem = _not_writable(Path(home))
        if problem:
            problems.append(f"DAGSTER_HOME={home} {problem}: Dagster keeps its runs and events there")
    return problems


def _not_writable(folder: Path) -> str | None:
    # Dagster takes an absolute path to a folder that exists (`make run` makes the folder)
    if not folder.is_absolute():
        return "is not an absolute path"
    if not folder.exists():
        return "does not exist"
    if not folder.is_dir():
        return "is not a folder"
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".govinfo-write-test-"):
            pass
    except OSError as exc:
        return f"cannot be written ({exc.strerror or exc})"
    return None


def other_raw_folder(published: Path, settings) -> str | None:
    """The published warehouse was built from another raw folder than GOVINFO_RAW_DIR (ingest/raw_folder.py):
    said before a run fetches into the folder or copies the warehouse. A warehouse that records no folder
    is judged by the listing an older version stored beside it."""
    if not published.exists() or settings.allow_raw_dir_change:
        return None
    from ..ingest.raw_folder import built_from_elsewhere, other_folder_problem
    from ..resources.warehouse import open_warehouse
    from .listing import stored_listing

    try:
        con = open_warehouse(published, read_only=True)
    except Exception:  # noqa: BLE001 - a file that does not open is the build's to report, with its hint
        return None
    try:
        listing = stored_listing(published)
        built = built_from_elsewhere(con, settings.raw_dir, fallback=listing.context.get("raw_dir") if listing else None)
    finally:
        con.close()
    return other_folder_problem(built, settings.raw_dir, published) if built else None
