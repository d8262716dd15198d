import pytest

from dagster_project.parse.numbers import parse_number, to_unit


@pytest.mark.parametrize(
    "cell, value, approximate",
    [("1243.64万元", 1243.64, False), ("+248", 248, False), ("-2", -2, False), ("309余", 309, True),
     ("28万", 280000, False), ("22（其中修订16件）", 22, False), ("１２３", 123, False), ("1,234", 1234, False)],
)
def test_figures(cell, value, approximate):
    number = parse_number(cell)
    assert (number.value, number.approximate) == (value, approximate)


@pytest.mark.parametrize("cell", ["", "\xa0", "/", "-", "—", "——", "无", "(不同渠道和方式公开相同信息计1条)", "2018年"])
def test_blank_or_not_a_figure(cell):
    assert parse_number(cell) is None


def test_money_is_stored_in_ten_thousand_yuan():
    assert to_unit(parse_number("251000元"), "万元") == 25.1
    assert to_unit(parse_number("1243.64万元"), "万元") == 1243.64
    assert to_unit(parse_number("75394432.52元"), "万元") == pytest.approx(7539.443252)
