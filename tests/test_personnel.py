"""Personnel costs, art. 40 of the law of 26 May 2002 — year 2025 (../shared/spec/personnel.md),
rule by rule. Every figure is an Assumption of the spec and lives in schemas/personnel/2025.yaml;
the examples below were worked out by hand from the spec's formulas.

PERS-01: granted = units × unit_amount, both pre-filled (120 × 518,00 = 62 160,00;
         35 × 518,00 = 18 130,00); a missing pre-filled value is the administration's error.
PERS-02: the worked example: justified = charged staff + reception expenses, retained =
         min(granted, justified), to_reimburse = granted − retained (62 160,00 granted,
         48 160,00 justified → 48 160,00 retained, 14 000,00 to reimburse).
PERS-03: justified above granted: the retained amount stops at granted, nothing to reimburse.
PERS-04: justified exactly equal to granted: retained = granted, 0,00 to reimburse.
PERS-05: each table may be empty, but the form needs at least one line in total: no line at all
         is a blocking error (FR and NL); one line in only one of the two tables is enough.
PERS-06: the amount charged may not exceed the gross cost (the staff fragment's rule, an error;
         exactly equal is allowed).
PERS-07: a staff line charging an amount gives its regime, share of time, months and gross cost
         (the staff fragment's rule).
PERS-08: a reception expense has a category from the YAML list, a description and an amount ≥ 0.
PERS-09: the form is configuration: title, legal basis, period, a campaign opening at the end of
         January, the category list — all in the YAML, and no plugin.
"""

from decimal import Decimal

import pytest

import engine

from .conftest import SCHEMAS

PREFILLED = {"units": "120", "unit_amount": "518.00"}  # 120 × 518,00 = 62 160,00


@pytest.fixture(scope="module")
def personnel(plugins):
    return engine.measure_from(SCHEMAS / "personnel" / "2025.yaml", plugins)


def staff(charged, gross=None, **more):
    """A full-time member of staff, wholly assigned, for the year."""
    return {"name": "Agent", "function": "Assistant social", "regime": "full_time",
            "assignment": "100", "months": "12", "gross": gross or charged, "charged": charged,
            **more}


def expense(category, amount, description="Dépense"):
    return {"category": category, "description": description, "amount": amount}


def run(measure, staff_rows=(), expenses=(), prefilled=None):
    entered = {"staff": list(staff_rows), "reception_expenses": list(expenses)}
    return engine.evaluate(measure, entered, PREFILLED if prefilled is None else prefilled)


def codes(result, severity=None):
    return [i.code for i in result.issues if severity is None or i.severity == severity]


def issue(result, code):
    return next(i for i in result.issues if i.code == code)


def settlement(result):
    values = result.values
    return (values["granted"], values["justified"], values["retained"], values["to_reimburse"])


def test_pers_01_granted_is_units_times_unit_amount(personnel):
    # 120 × 518,00 = 62 160,00 (the demo CPAS 99999)
    result = run(personnel, [staff("1000")])
    assert result.values["granted"] == Decimal("62160.00")
    # 35 × 518,00 = 18 130,00 (the demo CPAS 99998)
    small = run(personnel, [staff("1000")], prefilled={"units": "35", "unit_amount": "518.00"})
    assert small.values["granted"] == Decimal("18130.00")
    # 1 × 518,00 = 518,00; 0 units grant nothing: 0 × 518,00 = 0,00
    one = run(personnel, [staff("0")], prefilled={"units": "1", "unit_amount": "518.00"})
    assert one.values["granted"] == Decimal("518.00")
    none = run(personnel, [staff("0")], prefilled={"units": "0", "unit_amount": "518.00"})
    assert none.values["granted"] == Decimal("0.00")
    missing = run(personnel, [staff("1000")], prefilled={"units": "120"})
    assert "PREFILL_MISSING" in codes(missing, "error")
    assert missing.values["granted"] is None


def test_pers_02_the_worked_example(personnel):
    # granted   = 120 × 518,00                                  = 62 160,00
    # staff     = 40 000,00 charged (gross 48 000,00)           = 40 000,00
    # reception = 6 000,00 + 1 500,50 + 659,50                  =  8 160,00
    # justified = 40 000,00 + 8 160,00                          = 48 160,00
    # retained  = min(62 160,00 ; 48 160,00)                    = 48 160,00
    # reimburse = 62 160,00 − 48 160,00                         = 14 000,00
    result = run(personnel, [staff("40000.00", gross="48000.00")],
                 [expense("premises", "6000.00", "Rénovation du guichet d'accueil"),
                  expense("training", "1500.50", "Formation à l'accueil des demandeurs"),
                  expense("interpreting", "659.50", "Interprète en langue des signes")])
    assert codes(result) == []
    assert result.values["staff_charged"] == Decimal("40000.00")
    assert result.values["reception_total"] == Decimal("8160.00")
    assert settlement(result) == (Decimal("62160.00"), Decimal("48160.00"),
                                  Decimal("48160.00"), Decimal("14000.00"))
    # the member of staff works full time, wholly assigned, 12 months: 1 × 100 % × 12 / 12 = 1
    assert result.values["staff"][0]["fte"] == Decimal("1")


def test_pers_03_justified_above_granted_is_capped(personnel):
    # granted   = 35 × 518,00                                   = 18 130,00
    # justified = 15 000,00 + 5 000,00 (no reception expense)   = 20 000,00
    # retained  = min(18 130,00 ; 20 000,00)                    = 18 130,00
    # reimburse = 18 130,00 − 18 130,00                         =      0,00
    result = run(personnel, [staff("15000.00"), staff("5000.00", regime="half_time")],
                 prefilled={"units": "35", "unit_amount": "518.00"})
    assert codes(result) == []
    assert settlement(result) == (Decimal("18130.00"), Decimal("20000.00"),
                                  Decimal("18130.00"), Decimal("0.00"))


def test_pers_04_justified_exactly_granted_leaves_nothing_to_reimburse(personnel):
    # justified = 60 000,00 + 2 160,00 = 62 160,00 = granted → retained 62 160,00, reimburse 0,00
    result = run(personnel, [staff("60000.00")], [expense("equipment", "2160.00")])
    assert settlement(result) == (Decimal("62160.00"), Decimal("62160.00"),
                                  Decimal("62160.00"), Decimal("0.00"))
    # one cent short: 62 160,00 − 62 159,99 = 0,01 to reimburse
    short = run(personnel, [staff("60000.00")], [expense("equipment", "2159.99")])
    assert short.values["to_reimburse"] == Decimal("0.01")


def test_pers_05_at_least_one_line_in_total(personnel):
    nothing = run(personnel)
    assert codes(nothing) == ["RULE.at_least_one_line"]
    assert nothing.blocking
    rule = issue(nothing, "RULE.at_least_one_line")
    assert rule.severity == "error" and str(rule.location) == "staff"
    assert rule.message("fr") == (
        "Encodez au moins une ligne : un membre du personnel (partie 1) ou une dépense pour la "
        "qualité de l'accueil (partie 2).")
    assert rule.message("nl") == (
        "Voer ten minste één regel in: een personeelslid (deel 1) of een uitgave voor de "
        "kwaliteit van het onthaal (deel 2).")
    # nothing justified: 62 160,00 − 0,00 = 62 160,00 to reimburse
    assert settlement(nothing) == (Decimal("62160.00"), Decimal("0.00"), Decimal("0.00"),
                                   Decimal("62160.00"))

    # a single reception expense, no staff: 62 160,00 − 100,00 = 62 060,00 to reimburse
    only_expense = run(personnel, expenses=[expense("other", "100.00", "Signalétique")])
    assert codes(only_expense) == []
    assert settlement(only_expense) == (Decimal("62160.00"), Decimal("100.00"),
                                        Decimal("100.00"), Decimal("62060.00"))
    # a single member of staff, no expense: 62 160,00 − 30 000,00 = 32 160,00
    only_staff = run(personnel, staff_rows=[staff("30000.00")])
    assert codes(only_staff) == []
    assert only_staff.values["to_reimburse"] == Decimal("32160.00")
    # a single staff line at 0 € counts as a line too
    zero = run(personnel, staff_rows=[{"charged": "0"}])
    assert codes(zero) == []
    assert zero.values["to_reimburse"] == Decimal("62160.00")


def test_pers_06_charged_within_gross(personnel):
    over = run(personnel, [staff("30000.01", gross="30000.00")])
    assert [(i.code, str(i.location)) for i in over.issues if i.is_error] == [
        ("RULE.charged_within_gross", "staff[1].charged")]
    assert over.blocking
    rule = issue(over, "RULE.charged_within_gross")
    assert rule.message("fr") == (
        "Le montant affecté à la subvention (30 000,01 €) dépasse le coût brut (30 000,00 €).")
    assert rule.message("nl") == (
        "Het op de subsidie aangerekende bedrag (€ 30.000,01) overschrijdt de brutokost "
        "(€ 30.000,00).")
    exact = run(personnel, [staff("30000.00", gross="30000.00")])
    assert codes(exact) == []
    # charged below gross (part of the pay on the subsidy): fine
    part = run(personnel, [staff("12000.00", gross="30000.00")])
    assert codes(part) == []


def test_pers_07_a_charged_amount_needs_its_staff_details(personnel):
    bare = run(personnel, [{"name": "Agent", "charged": "5000.00"}])
    assert codes(bare, "error") == ["RULE.staff_line_complete"]
    assert "régime" in issue(bare, "RULE.staff_line_complete").message("fr")
    assert "regime" in issue(bare, "RULE.staff_line_complete").message("nl")
    no_amount = run(personnel, [staff(None, gross="30000.00")])
    assert [(i.code, str(i.location)) for i in no_amount.issues] == [
        ("REQUIRED", "staff[1].charged")]


def test_pers_08_reception_expense_lines(personnel):
    categories = [c.id for c in personnel.choice_lists["reception_categories"]]
    assert categories == ["premises", "training", "equipment", "interpreting", "other"]
    negative = run(personnel, expenses=[expense("equipment", "-1.00")])
    assert [(i.code, str(i.location)) for i in negative.issues] == [
        ("BELOW_MIN", "reception_expenses[1].amount")]
    zero = run(personnel, expenses=[expense("equipment", "0")])
    assert codes(zero) == []
    unknown = run(personnel, expenses=[expense("catering", "10.00")])
    assert [(i.code, str(i.location)) for i in unknown.issues] == [
        ("NOT_A_CHOICE", "reception_expenses[1].category")]
    empty = run(personnel, expenses=[{"category": "premises"}])
    assert sorted(str(i.location) for i in empty.issues if i.code == "REQUIRED") == [
        "reception_expenses[1].amount", "reception_expenses[1].description"]
    labels = {c.id: (c.label["fr"], c.label["nl"])
              for c in personnel.choice_lists["reception_categories"]}
    assert labels["training"] == ("Formation du personnel d'accueil",
                                  "Opleiding van het onthaalpersoneel")
    assert labels["interpreting"] == ("Interprétariat", "Tolkdiensten")


def test_pers_09_the_form_is_configuration(personnel):
    assert personnel.plugin is None
    assert personnel.title == {"fr": "Frais de personnel (art. 40 de la loi du 26 mai 2002)",
                               "nl": "Personeelskosten (art. 40 van de wet van 26 mei 2002)"}
    assert "26 mai 2002" in personnel.legal_basis["fr"]
    assert "26 mei 2002" in personnel.legal_basis["nl"]
    assert (str(personnel.period_start), str(personnel.period_end)) == (
        "2025-01-01", "2025-12-31")
    assert (str(personnel.opens), str(personnel.deadline)) == ("2026-01-30", "2026-02-27")
    assert [p.id for p in personnel.prefilled] == ["units", "unit_amount"]
    loaded = engine.load_measure(SCHEMAS / "personnel" / "2025.yaml")
    assert [p for p in loaded.problems] == []
