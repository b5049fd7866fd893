"""Field types read what Belgian users type, and values are shown the Belgian way."""

import datetime
from decimal import Decimal

import pytest

from engine.display import format_money
from engine.display import format_percent
from engine.types import ValueProblem
from engine.types import builtin_types

TYPES = {t.name: t for t in builtin_types()}


@pytest.mark.parametrize(("raw", "value"), [
    ("1234,56", "1234.56"), ("1234.56", "1234.56"), ("1 234,56", "1234.56"),
    ("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("6 349,82 €", "6349.82"),
    ("€ 6.349,82", "6349.82"), (Decimal("12.5"), "12.50"), (12, "12.00"), ("-3", "-3.00"),
    ("1\u202f234,5", "1234.50"),
])
def test_money_input(raw, value):
    assert TYPES["money"].parse(raw) == Decimal(value)


@pytest.mark.parametrize(("raw", "code"), [
    ("12,345", "TOO_MANY_DECIMALS"), ("abc", "NOT_A_NUMBER"), ("1,2,3", "NOT_A_NUMBER"),
    (True, "NOT_A_NUMBER"), ("NaN", "NOT_A_NUMBER"), ("1e400", "NOT_A_NUMBER"),
])
def test_money_input_refused(raw, code):
    with pytest.raises(ValueProblem) as problem:
        TYPES["money"].parse(raw)
    assert problem.value.code == code


def test_integer_percent_date_boolean():
    assert TYPES["integer"].parse("12") == 12
    assert TYPES["integer"].parse("12,0") == 12
    with pytest.raises(ValueProblem):
        TYPES["integer"].parse("12,5")
    with pytest.raises(ValueProblem):
        TYPES["integer"].parse("douze")
    assert TYPES["percent"].parse("25 %") == Decimal("0.25")
    assert TYPES["percent"].to_json(Decimal("0.25")) == "25"
    assert TYPES["date"].parse("03/03/2024") == datetime.date(2024, 3, 3)
    assert TYPES["date"].parse("2024-02-29") == datetime.date(2024, 2, 29)
    with pytest.raises(ValueProblem):
        TYPES["date"].parse("29/02/2023")
    assert TYPES["boolean"].parse("Ja") is True and TYPES["boolean"].parse("non") is False
    with pytest.raises(ValueProblem):
        TYPES["boolean"].parse("peut-être")


def test_money_display_fr_and_nl():
    assert format_money(Decimal("6349.82"), "fr") == "6 349,82 €"
    assert format_money(Decimal("6349.82"), "nl") == "€ 6.349,82"
    assert format_money(Decimal("-1286.76"), "fr") == "-1 286,76 €"
    assert format_money(Decimal("0"), "nl") == "€ 0,00"
    assert format_percent(Decimal("0.075"), "fr") == "7,5 %"
