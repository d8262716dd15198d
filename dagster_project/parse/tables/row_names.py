"""Whether a text names a row of the national tables: table two, table three, the 2008 statistics table."""
from __future__ import annotations

from ..labels import label_key
from .statistics_table import _match_row
from .table_three import _match
from .table_two import _row_label


def names_a_row(text: str) -> bool:
    """A label of its own (行政强制, 行政复议数, 5.要求行政机关确认或重新出具已获取信息), not the rest of
    one printed over two lines (出具已获取信息, 请)."""
    key = label_key(text)
    return bool(_row_label(text) or _match(key, "gov2021", False) or _match_row(key, None))
