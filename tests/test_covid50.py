"""covid50 — Covid-19: temporary premium of 50 EUR (../shared/spec/covid50.md).

Rules checked here:
COVID-01: to_reimburse = max(advance − justified, 0), to_receive = max(justified − advance, 0).
COVID-02: justified is required, a number with at most 2 decimals, not negative.
COVID-03: a justified amount that is not a multiple of 50 EUR is a warning (plugin rule).
COVID-04: the form shows the one of the two computed amounts that is not zero (both when equal).
COVID-05: the advance is pre-filled and read-only.
"""

from decimal import Decimal

import pytest

from engine import codes
from engine import evaluate
from engine.display import format_money
from plugins.covid50 import is_whole_number_of

PREFILL = {"advance": "12500.00"}


def run(measure, justified, advance="12500.00"):
    return evaluate(measure, {"justified": justified}, {"advance": advance})


@pytest.mark.parametrize(("justified", "to_reimburse", "to_receive"), [
    ("11350,00", "1150.00", "0.00"),   # the spec's first worked example
    ("13000.00", "0.00", "500.00"),    # the spec's second worked example
    ("12500", "0.00", "0.00"),
    ("0", "12500.00", "0.00"),
])
def test_covid_01_settlement_worked_examples(covid50, justified, to_reimburse, to_receive):
    result = run(covid50, justified)
    assert result.values["to_reimburse"] == Decimal(to_reimburse)
    assert result.values["to_receive"] == Decimal(to_receive)
    assert result.to_json()["values"]["to_reimburse"] == to_reimburse
    assert not result.issues


def test_covid_02_justified_is_required(covid50):
    result = run(covid50, "")
    assert [(i.code, str(i.location), i.severity) for i in result.issues] == [
        ("REQUIRED", "justified", "error")]
    assert result.issues[0].message("fr") == codes.message("REQUIRED", "fr",
                                                            label="Montant justifié")
    assert result.issues[0].message("nl") == codes.message("REQUIRED", "nl",
                                                            label="Verantwoord bedrag")
    assert result.values["to_reimburse"] is None
    assert result.blocking


@pytest.mark.parametrize(("raw", "code"), [
    ("11350,123", "TOO_MANY_DECIMALS"),
    ("onze mille", "NOT_A_NUMBER"),
    ("-50", "BELOW_MIN"),
])
def test_covid_02_justified_bad_values_are_issues(covid50, raw, code):
    result = run(covid50, raw)
    assert [i.code for i in result.issues] == [code]
    assert result.issues[0].location.field == "justified"
    assert result.blocking


def test_covid_02_accepts_comma_point_and_grouping(covid50):
    for raw in ("11350,00", "11350.00", "11 350,00", "11.350,00", 11350):
        assert run(covid50, raw).values["justified"] == Decimal("11350.00")


def test_covid_03_not_a_multiple_of_50_is_a_warning(covid50):
    result = run(covid50, "11360")
    assert [(i.code, i.severity) for i in result.issues] == [("COVID50_NOT_MULTIPLE", "warning")]
    assert not result.blocking
    expected = codes.message("COVID50_NOT_MULTIPLE", "fr", justified="11 360,00 €",
                             unit="50,00 €")
    assert result.issues[0].message("fr") == expected
    assert "€ 11.360,00" in result.issues[0].message("nl")


def test_covid_03_the_premium_amount_comes_from_the_schema(covid50):
    assert covid50.parameter("premium_unit").value == Decimal("50.00")
    assert is_whole_number_of(Decimal("11350"), Decimal("50"))
    assert not is_whole_number_of(Decimal("11375"), Decimal("50"))
    assert is_whole_number_of(Decimal("11375"), Decimal("25"))


def test_covid_04_only_the_non_zero_amount_is_shown(covid50):
    assert run(covid50, "11350").hidden == {"to_receive"}
    assert run(covid50, "13000").hidden == {"to_reimburse"}
    assert run(covid50, "12500").hidden == set()


def test_covid_05_advance_is_prefilled_and_read_only(covid50):
    result = evaluate(covid50, {"justified": "100", "advance": "1"}, PREFILL)
    assert result.values["advance"] == Decimal("12500.00")
    assert [(i.code, i.severity) for i in result.issues] == [("READ_ONLY", "warning")]
    missing = evaluate(covid50, {"justified": "100"}, {})
    assert [i.code for i in missing.issues] == ["PREFILL_MISSING"]


def test_explain_to_reimburse(covid50):
    explanation = run(covid50, "11350").explain("to_reimburse")
    assert explanation.formula == "max(advance - justified, 0)"
    assert explanation.value == Decimal("1150.00")
    assert [(name, value) for name, _, value, _ in explanation.operands] == [
        ("advance", Decimal("12500.00")), ("justified", Decimal("11350.00"))]
    assert explanation.format("fr").splitlines()[0] == (
        f"to_reimburse = max(advance - justified, 0) = {format_money(Decimal('1150'), 'fr')}")
