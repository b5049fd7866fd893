"""The schema language can say what the six measures of ../shared/spec need.

``tests/measures/all_constructs.yaml`` uses every construct once at least (every field type,
every field and table property, choice lists with numbers, totals with a condition, row rules,
form rules with quoted amounts, visible-when, read-only, defaults, a plugin-computed column);
these tests fill it in and check every computed value, worked out by hand in the comments.
"""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from engine import evaluate
from engine.structure import meta_schema
from engine.types import builtin_types

STAFF = [
    # months 15/03–01/08 → 6; FTE 0,8 × 50 % × 6/12 = 0,20; charged 8 000 ≤ 20 000 × 50 %
    {"name": "Anne", "function": "debt_mediator", "regime": "four_fifths", "share": "50",
     "start": "15/03/2025", "end": "01/08/2025", "gross": "20000", "charged": "8000",
     "mediator_note": "agréée"},
    # months 12; FTE 1,00; the note is hidden for a social worker
    {"name": "Bert", "function": "social_worker", "regime": "full_time", "share": "100",
     "start": "2025-01-01", "end": "2025-12-31", "gross": "40000,00", "charged": "30000",
     "mediator_note": "ignored"},
]
EXPENSES = [
    {"description": "Excursion", "cost": "1000", "target": "6", "everyone": "20"},  # 6/20 → 300
    {"description": "Ordinateur", "cost": "800", "investment": "800"},               # 800
]
ENTERED = {
    "contact_name": "Anne Dupont", "contact_email": "anne@cpas.be",
    "contact_phone": "02 508 85 86", "iban": "BE68 5390 0754 7034", "bic": "gebabebb",
    "nis": "21004", "enterprise": "0123.456.749", "accredited": "oui",
    "accreditation_number": "AGR-12", "report_date": "15/01/2026", "followed": "17",
    "integration_share": "40", "ratio": "1,5", "staff": STAFF, "expenses": EXPENSES,
}
PREFILLED = {"granted": "10000", "files": 20, "class": "2"}


@pytest.fixture
def filled(constructs):
    return evaluate(constructs, ENTERED, PREFILLED)


def test_every_construct_is_used(constructs):
    kinds = {f.type.name for f in constructs.fields + constructs.prefilled}
    kinds |= {c.type.name for t in constructs.tables for c in t.columns}
    assert {t.name for t in builtin_types()} <= kinds
    used = set()
    for section in ("field", "table", "rule", "parameter", "prefilled", "total", "section",
                    "choice", "spreadsheet"):
        used |= set(meta_schema()["$defs"][section]["properties"])
    used |= set(meta_schema()["$defs"]["spreadsheet"]["properties"]["control"]["properties"])
    text = Path(constructs.source).read_text(encoding="utf-8")
    for key in used:
        assert f"{key}:" in text or key in ("type",), f"the fixture never uses {key!r}"


def test_entered_and_formatted_values_are_canonical(filled):
    values = filled.values
    assert values["iban"] == "BE68539007547034"
    assert values["bic"] == "GEBABEBB"
    assert values["contact_phone"] == "+3225088586"
    assert values["enterprise"] == "0123456749"
    assert values["accredited"] is True
    assert values["report_date"] == datetime.date(2026, 1, 15)
    assert values["integration_share"] == Decimal("0.40")
    assert values["form_version"] == "v1"  # read-only with a default


def test_per_row_formulas_choice_values_and_plugin_column(filled):
    staff = filled.values["staff"]
    assert [r["months"] for r in staff] == [6, 12]
    assert [r["fte"] for r in staff] == [Decimal("0.20"), Decimal("1.00")]
    assert [r["capped"] for r in staff] == [Decimal("500.00"), Decimal("0.00")]
    assert [r["mediator_note"] for r in staff] == ["agréée", None]
    assert [r["eligible"] for r in filled.values["expenses"]] == [Decimal("300.00"),
                                                                 Decimal("800.00")]
    assert filled.values["expenses"][0]["investment"] == Decimal("0")  # column default


def test_totals_filtered_totals_and_settlement(filled):
    expected = {
        "staff_charged": "38000.00", "staff_retained": "500.00", "mediators_charged": "8000.00",
        "expenses_eligible": "1100.00", "investments": "800.00",
        "personnel_cap": "1000.00",      # 10 % of 10 000 (not a small CPAS)
        "personnel_eligible": "500.00",  # min(500, 1 000)
        "investment_excess": "300.00",   # 800 − 500
        "justified": "1300.00",          # 500 + 1 100 − 300
        "retained": "1300.00", "to_reimburse": "8700.00", "distance": "8700.00",
    }
    for name, amount in expected.items():
        assert filled.values[name] == Decimal(amount), name
    assert filled.values["staff_fte"] == Decimal("1.20")
    assert filled.values["small"] is False
    assert filled.values["mediators"] == 1
    assert filled.values["rows"] == 4
    assert filled.values["days_to_deadline"] == 43   # 15/01/2026 → 27/02/2026
    assert filled.values["report_year"] == 2026
    assert filled.values["cube"] == Decimal(2)       # 1,1³ // 1 + 10 % 3


def test_only_the_variance_warning_remains(filled):
    assert [(i.code, i.severity, str(i.location)) for i in filled.issues] == [
        ("RULE.variance_followed", "warning", "followed")]
    assert filled.issues[0].message("fr") == (
        "Le nombre de PIIS suivis (17) s'écarte de plus de 10 % des 20 dossiers.")
    assert filled.issues[0].message("nl") == (
        "Het aantal opgevolgde GPMI's (17) wijkt meer dan 10 % af van de 20 dossiers.")
    assert not filled.blocking


def test_visible_when_makes_a_field_required_only_when_shown(constructs):
    missing = dict(ENTERED, accreditation_number="")
    assert "REQUIRED" in {i.code for i in evaluate(constructs, missing, PREFILLED).issues}
    hidden = dict(missing, accredited="non")
    result = evaluate(constructs, hidden, PREFILLED)
    assert "REQUIRED" not in {i.code for i in result.issues}
    assert "accreditation_number" in result.hidden


def test_row_rule_error_names_table_row_and_column(constructs):
    staff = [dict(STAFF[0], charged="10000.01"), STAFF[1]]
    result = evaluate(constructs, dict(ENTERED, staff=staff), PREFILLED)
    errors = [i for i in result.issues if i.is_error]
    assert [(i.code, str(i.location)) for i in errors] == [
        ("RULE.charged_within_gross", "staff[1].charged")]
    assert errors[0].message("fr") == (
        "Le montant imputé 10 000,01 € dépasse le brut × taux d'affectation.")


def test_bad_cells_are_issues_with_their_location(constructs):
    staff = [dict(STAFF[0], share="150", start="31/02/2025", niss="85073003329"), STAFF[1]]
    entered = dict(ENTERED, staff=staff, iban="BE68539007547035", followed="12,5")
    result = evaluate(constructs, entered, PREFILLED)
    found = {(i.code, str(i.location)) for i in result.issues if i.is_error}
    assert found == {
        ("BAD_FORMAT_VALUE", "iban"), ("NOT_WHOLE", "followed"),
        ("ABOVE_MAX", "staff[1].share"), ("NOT_A_DATE", "staff[1].start"),
        ("BAD_FORMAT_VALUE", "staff[1].niss"),
    }


def test_max_rows_and_unknown_columns(constructs):
    staff = [dict(STAFF[1], name=f"P{i}") for i in range(51)]
    staff[0]["colour"] = "blue"
    result = evaluate(constructs, dict(ENTERED, staff=staff), PREFILLED)
    codes_found = {(i.code, i.severity) for i in result.issues}
    assert ("TOO_MANY_ROWS", "error") in codes_found
    assert ("UNKNOWN_FIELD", "warning") in codes_found


def test_division_by_zero_is_an_issue_not_a_crash(constructs):
    expenses = [{"description": "x", "cost": "100", "target": "1", "everyone": "0"}]
    result = evaluate(constructs, dict(ENTERED, expenses=expenses), PREFILLED)
    found = {(i.code, str(i.location)) for i in result.issues if i.is_error}
    assert ("FORMULA_FAILED", "expenses[1].eligible") in found
    assert ("BELOW_MIN", "expenses[1].everyone") in found
