"""Placing the part figures of table-three rows that lost their empty cells, column by column.

Each such row keeps its figures in order; the question is which of the six part columns (自然人
and the five 法人或其他组织 columns) each one sits in. Every layout of all the rows at once is tried
against the identities each column must satisfy:

- 新收 + 上年结转 = 总计 + 结转下年度 (the table prints it: 第一项加第二项之和，等于第三项加第四项之和);
- 总计 = the sum of the outcome rows;

an empty cell counting as zero, a row that does not add up making the identities of every column
unknown. A figure is placed where every layout that fits puts it; the rest stay unplaced.

As in :mod:`.placement`, a row that kept two or more part figures starts with the 自然人 column
(the only column left of the organisation columns), and a row that printed only a non-zero total
may have its 自然人 cell inferred. The search is bounded: past the budget it gives up (returns
None) and the caller falls back to the 自然人-column placement.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from operator import add, eq, le

from ..catalog import APPLICANT_COLUMNS
from ..model import Figure, UnplacedFigure
from ..numbers import ParsedNumber

PART_COLUMNS = APPLICANT_COLUMNS[:6]  # 0 = natural_person, 1..5 = the organisation columns
FLOW_ROWS = ("t3.new_received", "t3.carried_over", "t3.total_processed", "t3.carried_forward")
NODE_BUDGET = 200_000
MAX_SOLUTIONS = 2_000


@dataclass(frozen=True)
class PartialRow:
    code: str
    label: str
    total: tuple[str, ParsedNumber]
    parts: list[tuple[str, ParsedNumber]]

    def domain(self) -> list[tuple[int, ...]]:
        """The column tuples its part figures may occupy, in order."""
        k = len(self.parts)
        if k == 0:  # only the total printed: its 自然人 cell holds it (inferred) or nothing does
            return [(), (0,)] if self.total[1].value != 0 else [()]
        if k == 1:
            return [(c,) for c in range(6)]
        return [(0, *rest) for rest in itertools.combinations(range(1, 6), k - 1)]

    def cells(self, choice: tuple[int, ...]) -> tuple[float, ...]:
        """``value(choice, col)`` of the six columns (a choice names each column once)."""
        cells = [0.0] * 6
        if not self.parts:
            for c in choice:
                cells[c] = self.total[1].value
        else:
            for c, (_, n) in zip(choice, self.parts):
                cells[c] = n.value
        return tuple(cells)

    def value(self, choice: tuple[int, ...], col: int) -> float:
        if not self.parts:
            return self.total[1].value if col in choice else 0.0
        for c, (_, n) in zip(choice, self.parts):
            if c == col:
                return n.value
        return 0.0


class _Budget(Exception):
    pass


def solve_columns(rows: dict[str, PartialRow], known: dict[tuple[str, str], float], opaque: set[str],
                  outcomes: list[str]) -> list[dict[str, tuple[int, ...]]] | None:
    """Every assignment of column tuples to ``rows`` that the identities allow; None past the budget."""
    order = [c for c in FLOW_ROWS if c in rows] + [c for c in outcomes if c in rows and c not in FLOW_ROWS]
    order += [c for c in rows if c not in order]
    assign: dict[str, tuple[int, ...]] = {}
    solutions: list[dict[str, tuple[int, ...]]] = []
    nodes = 0
    # A cell is unknown for a whole row at once (a row that does not add up, or not assigned yet),
    # so each row is read as its six column values, computed once per choice: the search visits
    # the same few choices hundreds of thousands of times.
    domains = {code: row.domain() for code, row in rows.items()}
    by_choice = {code: {choice: row.cells(choice) for choice in domains[code]} for code, row in rows.items()}
    fixed = {code: tuple(known.get((code, PART_COLUMNS[col]), 0.0) for col in range(6))
             for code in {*FLOW_ROWS, *outcomes} if code not in rows}

    def values(code: str) -> tuple[float, ...] | None:
        """The row's six cells; None when they are unknown."""
        if code in opaque:
            return None
        if code in rows:
            choice = assign.get(code)
            return None if choice is None else by_choice[code][choice]
        return fixed[code]

    def flow_ok() -> bool:
        v = [values(code) for code in FLOW_ROWS]
        if None in v:
            return True
        return all(math.isclose(v[0][col] + v[1][col], v[2][col] + v[3][col], abs_tol=1e-9) for col in range(6))

    def outcomes_ok(final: bool) -> bool:
        total = values("t3.total_processed")
        if total is None:
            return True  # not known (yet)
        parts = [values(code) for code in outcomes]
        present = [p for p in parts if p is not None]
        complete = len(present) == len(parts)
        for col in range(6):
            done = sum(p[col] for p in present)
            if done > total[col] + 1e-9:
                return False  # cells are never negative: already too much
            if final and complete and not math.isclose(done, total[col], abs_tol=1e-9):
                return False  # (an outcome row that does not add up leaves the identity unknown)
        return True

    def dfs(i: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > NODE_BUDGET or len(solutions) > MAX_SOLUTIONS:
            raise _Budget
        if i == len(order):
            if flow_ok() and outcomes_ok(final=True):
                solutions.append(dict(assign))
            return
        code = order[i]
        for choice in domains[code]:
            assign[code] = choice
            if flow_ok() and outcomes_ok(final=False):
                dfs(i + 1)
            del assign[code]

    flow_at = {code: k for k, code in enumerate(FLOW_ROWS)}
    outcome_set = set(outcomes)

    def flow_holds(flow: list) -> bool:
        """flow_ok() for the four flow rows' cells."""
        return None in flow or all(math.isclose(flow[0][col] + flow[1][col], flow[2][col] + flow[3][col],
                                                abs_tol=1e-9) for col in range(6))

    def ok(flow: list, sums: tuple, missing: int, final: bool) -> bool:
        """outcomes_ok(final) from the search state: the four flow rows' cells, the outcome rows'
        column sums so far and how many outcome rows are still unknown."""
        total = flow[2]
        if total is None:
            return True
        for col in range(6):
            if sums[col] > total[col] + 1e-9:
                return False
            if final and not missing and not math.isclose(sums[col], total[col], abs_tol=1e-9):
                return False
        return True

    def flow_holds_exact(flow: list) -> bool:
        """flow_holds() where no sum reaches 1e9: two different whole numbers are then never close."""
        return None in flow or all(map(eq, map(add, flow[0], flow[1]), map(add, flow[2], flow[3])))

    def ok_exact(flow: list, sums: tuple, missing: int, final: bool) -> bool:
        """ok() where no sum reaches 1e9 (a whole number above a whole total is above it by 1 or more)."""
        total = flow[2]
        if total is None:
            return True
        if final and not missing:
            return sums == total
        return all(map(le, sums, total))

    def dfs_sums(i: int, flow: list, flow_fine: bool, sums: tuple, missing: int) -> None:
        """dfs() visiting the same nodes, with the identities' sums carried down the search instead of
        re-added at every node (exact, so only used when every cell is a whole number)."""
        nonlocal nodes
        nodes += 1
        if nodes > NODE_BUDGET or len(solutions) > MAX_SOLUTIONS:
            raise _Budget
        if i == len(order):
            if flow_fine and ok(flow, sums, missing, True):
                solutions.append(dict(assign))
            return
        code, k, is_outcome, choices = levels[i]
        for choice, cells in choices:
            assign[code] = choice
            row_flow, row_flow_fine = flow, flow_fine  # the flow identity changes only with a flow row
            if k is not None:
                row_flow = list(flow)
                row_flow[k] = cells
                row_flow_fine = flow_holds(row_flow)
            row_sums = tuple(map(add, sums, cells)) if is_outcome else sums
            row_missing = missing - 1 if is_outcome else missing
            if row_flow_fine and ok(row_flow, row_sums, row_missing, False):
                dfs_sums(i + 1, row_flow, row_flow_fine, row_sums, row_missing)
            del assign[code]

    try:
        if _whole_numbers(by_choice, fixed):
            levels = [(code, flow_at.get(code), code in outcome_set, by_choice[code].items()) for code in order]
            if _sums_below(by_choice, fixed, 2 ** 29):
                flow_holds, ok = flow_holds_exact, ok_exact
            flow = [None if code in opaque or code in rows else fixed[code] for code in FLOW_ROWS]
            known_parts = [fixed[code] for code in outcomes if code not in opaque and code not in rows]
            sums = tuple(sum(p[col] for p in known_parts) for col in range(6))
            dfs_sums(0, flow, flow_holds(flow), sums, len(outcomes) - len(known_parts))
        else:
            dfs(0)
    except _Budget:
        return None
    return solutions


def _sums_below(by_choice: dict, fixed: dict, bound: float) -> bool:
    """Every sum of cells of different rows in a column below ``bound``."""
    largest = [max(map(abs, itertools.chain.from_iterable(choices.values())), default=0) for choices in by_choice.values()]
    largest += [max(map(abs, row)) for row in fixed.values()]
    return sum(largest) < bound


def _whole_numbers(by_choice: dict, fixed: dict) -> bool:
    """Every cell a whole number small enough that sums of it are exact in any order."""
    cells = [v for choices in by_choice.values() for row in choices.values() for v in row]
    cells += [v for row in fixed.values() for v in row]
    return all(isinstance(v, (int, float)) and float(v).is_integer() and abs(v) < 2 ** 40 for v in cells)


def place_by_columns(rows: dict[str, PartialRow], known: dict[tuple[str, str], float], opaque: set[str],
                     outcomes: list[str]) -> tuple[list[Figure], list[UnplacedFigure]] | None:
    """Part figures placed where every fitting layout agrees; None when the search gave up."""
    solutions = solve_columns(rows, known, opaque, outcomes)
    if solutions is None:
        return None
    figures: list[Figure] = []
    unplaced: list[UnplacedFigure] = []
    for code, row in rows.items():
        choices = {s[code] for s in solutions}
        if not row.parts:
            if choices == {(0,)}:
                raw = row.total[0]
                figures.append(Figure(code, row.total[1].value, "natural_person", "inferred",
                                      f"{row.label} | {raw} (自然人 forced by the column identities)"))
            continue
        for i, (raw, n) in enumerate(row.parts):
            cols = sorted({choice[i] for choice in choices})
            if len(cols) == 1:
                figures.append(Figure(code, n.value, PART_COLUMNS[cols[0]],
                                      "approximate" if n.approximate else "reported",
                                      f"{row.label} | {raw}" + (" (column forced by the column identities)"
                                                                if len(row.parts) < 6 else "")))
                continue
            if not solutions:
                reason, candidates = "the column identities contradict every layout of the row", range(6)
            elif cols and all(c > 0 for c in cols):
                reason, candidates = "the column identities place it in a 法人或其他组织 column, not which one", cols
            else:
                reason, candidates = "the column identities cannot decide its column", cols
            unplaced.append(UnplacedFigure("t3", row.label, n.value, "|".join(PART_COLUMNS[c] for c in candidates),
                                           reason, raw, code))
    return figures, unplaced
