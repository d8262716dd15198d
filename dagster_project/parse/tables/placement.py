"""Placing the figures of table-three rows that lost their empty cells when the page was flattened.

A row printed as ``10 | 2 | 12`` has three figures for seven columns. What is certain:

- the last figure is the row total when the others add up to it (a lone figure is the total);
- when a row keeps two or more part figures, the first is the 自然人 column (the only column left
  of the five 法人或其他组织 columns) — a hypothesis checked against the column identities below;
- every other part figure sits in the column the identities of all six columns (outcomes add up
  to 总计; 新收 + 上年结转 = 总计 + 结转下年度) put it in, when every layout that satisfies them
  agrees (:mod:`.column_solver`); when that search is too large, only the 自然人 column's
  identities are used: a lone part figure is 自然人 or not when exactly one assignment fits.

Whatever the identities cannot decide is returned as unplaced, with the reason: a column is never guessed.
"""
from __future__ import annotations

import itertools
import math

from ..catalog import APPLICANT_COLUMNS
from ..model import Figure, UnplacedFigure
from ..numbers import ParsedNumber

ORG_COLUMNS = APPLICANT_COLUMNS[1:6]
MAX_UNKNOWNS = 14  # 2**14 assignments at most; beyond that nothing is placed by search


def _outcomes(template: str) -> list[str]:
    from .table_three import OUTCOME_CODES_2019, OUTCOME_CODES_2021

    return OUTCOME_CODES_2021 if template == "gov2021" else OUTCOME_CODES_2019


def _status(n: ParsedNumber) -> str:
    return "approximate" if n.approximate else "reported"


def place_matrix(
    partial: dict[str, list[tuple[str, ParsedNumber]]],
    complete: dict[tuple[str, str], float],
    labels: dict[str, str],
    template: str,
    unknown_rows: set[str] = frozenset(),
) -> tuple[list[Figure], list[UnplacedFigure]]:
    """``unknown_rows``: rows with a cell nobody can read (a garbled figure), unknown to every
    identity whatever of them ``complete`` holds.

    Totals first (a row whose parts add up to its last figure); then the part figures, by the
    identities of all six columns (:mod:`.column_solver`), or, when that search is too large, by
    those of the 自然人 column alone."""
    from .column_solver import PartialRow, place_by_columns

    figures: list[Figure] = []
    whole, all_unknown = partial, unknown_rows  # the fallback below sets the lone figures aside again
    partial, unknown_rows, unplaced = _lone_figures_of_a_table_without_totals(partial, labels, unknown_rows)
    rows: dict[str, PartialRow] = {}
    opaque: set[str] = set(unknown_rows)
    for code, numbers in partial.items():
        label = labels.get(code, code)
        values = [n.value for _, n in numbers]
        adds_up = len(values) == 1 or math.isclose(sum(values[:-1]), values[-1], abs_tol=1e-9)
        if adds_up and len(values) <= len(APPLICANT_COLUMNS):
            raw, total = numbers[-1]
            figures.append(Figure(code, total.value, "total", _status(total), f"{label} | {raw}"))
            rows[code] = PartialRow(code, label, numbers[-1], numbers[:-1])
            continue
        reason = ("the figures of the row do not add up to a total" if not adds_up
                  else f"{len(values)} figures for {len(APPLICANT_COLUMNS)} columns")
        for raw, n in numbers:
            unplaced.append(UnplacedFigure("t3", label, n.value, "|".join(APPLICANT_COLUMNS), reason, raw, code))
        opaque.add(code)
    placed = place_by_columns(rows, complete, opaque, _outcomes(template))
    if placed is not None:
        return figures + placed[0], unplaced + placed[1]
    return _place_by_natural_column(whole, complete, labels, template, all_unknown)


LONE_WITHOUT_TOTALS = "a lone figure, in a table whose rows leave their 总计 blank: its column is not known"


def _lone_figures_of_a_table_without_totals(
    partial: dict[str, list[tuple[str, ParsedNumber]]], labels: dict[str, str], unknown_rows: set[str],
) -> tuple[dict[str, list[tuple[str, ParsedNumber]]], set[str], list[UnplacedFigure]]:
    """A lone figure stands for its row's total only where the table prints totals. A row whose last figure
    is smaller than another of its figures has no total printed (上海市人民政府办公厅 2019: 予以公开 258 | 12 | 1 | 1):
    its table leaves 总计 blank, and a lone figure (1.属于国家秘密 14, under 自然人 alone) may be any column's.
    (A row that only fails to add up, 7 | 2 | 10, may be a misprinted total: that says nothing of the others.)"""
    if not any(len(numbers) >= 2 and numbers[-1][1].value < max(n.value for _, n in numbers[:-1])
               for numbers in partial.values()):
        return partial, unknown_rows, []
    lone = {code for code, numbers in partial.items() if len(numbers) == 1}
    unplaced = [UnplacedFigure("t3", labels.get(code, code), n.value, "|".join(APPLICANT_COLUMNS), LONE_WITHOUT_TOTALS,
                               raw, code) for code in sorted(lone) for raw, n in partial[code]]
    return {c: n for c, n in partial.items() if c not in lone}, set(unknown_rows) | lone, unplaced


def _place_by_natural_column(
    partial: dict[str, list[tuple[str, ParsedNumber]]],
    complete: dict[tuple[str, str], float],
    labels: dict[str, str],
    template: str,
    unknown_rows: set[str] = frozenset(),
) -> tuple[list[Figure], list[UnplacedFigure]]:
    figures: list[Figure] = []
    partial, unknown_rows, unplaced = _lone_figures_of_a_table_without_totals(partial, labels, unknown_rows)
    natural: dict[str, float] = {code: v for (code, app), v in complete.items()
                                 if app == "natural_person" and code not in unknown_rows}
    # code -> (value if natural, raw evidence, printed?) for rows whose natural cell is undecided
    unknown: dict[str, tuple[float, str, bool]] = {}
    anchored: dict[str, tuple[float, str]] = {}
    org_parts: dict[str, list[tuple[str, ParsedNumber]]] = {}
    opaque: set[str] = set(unknown_rows)  # rows whose 自然人 cell cannot be known at all

    for code, numbers in partial.items():
        label = labels.get(code, code)
        values = [n.value for _, n in numbers]
        if len(values) == 1 or math.isclose(sum(values[:-1]), values[-1], abs_tol=1e-9):
            raw, total = numbers[-1]
            figures.append(Figure(code, total.value, "total", _status(total), f"{label} | {raw}"))
            parts = numbers[:-1]
        else:
            for raw, n in numbers:
                unplaced.append(UnplacedFigure("t3", label, n.value, "|".join(APPLICANT_COLUMNS),
                                               "the figures of the row do not add up to a total", raw, code))
            opaque.add(code)
            continue
        if len(parts) == 6:
            for applicant, (raw, n) in zip(APPLICANT_COLUMNS[:6], parts):
                figures.append(Figure(code, n.value, applicant, _status(n), f"{label} | {raw}"))
        elif len(parts) >= 2:
            anchored[code] = (parts[0][1].value, parts[0][0])
            org_parts[code] = parts[1:]
        elif len(parts) == 1:
            unknown[code] = (parts[0][1].value, parts[0][0], True)
        elif total.value != 0:
            unknown[code] = (total.value, numbers[-1][0], False)  # its part cell was never printed
        else:
            natural.setdefault(code, 0.0)

    solution = _solve_natural(natural, anchored, unknown, opaque, template)
    for code, (value, raw) in anchored.items():
        label = labels.get(code, code)
        if solution is None:
            unplaced.append(UnplacedFigure("t3", label, value, "natural_person|" + "|".join(ORG_COLUMNS),
                                           "the column identities contradict the first figure being 自然人", raw, code))
        else:
            figures.append(Figure(code, value, "natural_person", "reported", f"{label} | {raw}"))
    for code, (value, raw, printed) in unknown.items():
        label = labels.get(code, code)
        is_natural = solution.get(code) if solution else None
        if is_natural is True:
            figures.append(Figure(code, value, "natural_person", "reported" if printed else "inferred",
                                  f"{label} | {raw}" + ("" if printed else " (自然人 forced by the column identities)")))
        elif printed:
            reason = ("the column identities place it in a 法人或其他组织 column, not which one"
                      if is_natural is False else "the column identities cannot decide its column")
            candidates = "|".join(ORG_COLUMNS) if is_natural is False else "natural_person|" + "|".join(ORG_COLUMNS)
            unplaced.append(UnplacedFigure("t3", label, value, candidates, reason, raw, code))
    for code, parts in org_parts.items():
        label = labels.get(code, code)
        if solution is not None and len(parts) == 5:
            for applicant, (raw, n) in zip(ORG_COLUMNS, parts):
                figures.append(Figure(code, n.value, applicant, _status(n), f"{label} | {raw}"))
            continue
        for raw, n in parts:
            unplaced.append(UnplacedFigure("t3", label, n.value, "|".join(ORG_COLUMNS),
                                           "which 法人或其他组织 column is not recoverable", raw, code))
    return figures, unplaced


def _solve_natural(
    known: dict[str, float],
    anchored: dict[str, tuple[float, str]],
    unknown: dict[str, tuple[float, str, bool]],
    opaque: set[str],
    template: str,
) -> dict[str, bool] | None:
    """The one assignment of undecided 自然人 cells that satisfies the column identities.

    Returns {} when nothing is undecided and no identity is contradicted, None when no assignment
    (or more than one) fits — then nothing undecided is placed.
    """
    base = dict(known)
    base.update({code: v for code, (v, _) in anchored.items()})
    names = list(unknown)
    if len(names) > MAX_UNKNOWNS:
        return None
    outcomes = _outcomes(template)

    def value(code: str, assignment: dict[str, bool]) -> float | None:
        if code in base:
            return base[code]
        if code in assignment:
            return unknown[code][0] if assignment[code] else 0.0
        return None if code in opaque else 0.0  # a row never printed is blank: 0 in an identity

    def holds(assignment: dict[str, bool]) -> bool | None:
        """True/False when an identity can be evaluated and holds/fails; None when none can."""
        checked = False
        total = value("t3.total_processed", assignment)
        if "t3.total_processed" in base or "t3.total_processed" in assignment:
            parts = [value(c, assignment) for c in outcomes]
            if total is not None and None not in parts:
                checked = True
                if not math.isclose(total, sum(parts), abs_tol=1e-9):
                    return False
        sides = [value(c, assignment) for c in ("t3.new_received", "t3.carried_over", "t3.total_processed", "t3.carried_forward")]
        if None not in sides and any(c in base or c in assignment for c in ("t3.new_received", "t3.total_processed")):
            checked = True
            if not math.isclose(sides[0] + sides[1], sides[2] + sides[3], abs_tol=1e-9):
                return False
        return True if checked else None

    if not names:
        return {} if holds({}) is not False else ({} if not anchored else None)
    fits = []
    for bits in itertools.product((True, False), repeat=len(names)):
        assignment = dict(zip(names, bits))
        if holds(assignment) is True:
            fits.append(assignment)
            if len(fits) > 1:
                break
    if len(fits) == 1:
        return fits[0]
    return None if anchored and not fits else ({} if len(fits) > 1 or not fits else None)
