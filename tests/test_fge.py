"""FGE — social gas and electricity fund 2025 (../shared/spec/fge.md), rule by rule.

Every figure and list of the spec is an Assumption that lives in schemas/fge/2025.yaml; the
measure has no plugin. The expected figures below were computed by hand from the spec's formulas
(the arithmetic is in the comments), before the engine was run.

FGE-01: pre-filled: the class is one of the six of the YAML list (1–6), FTE granted, the art. 4
        and art. 6 allocations; a missing one is reported.
FGE-02: debt mediation: accredited / agreement / neither; "agreement" asks the partner's name and
        accreditation number (shown and required only then).
FGE-03: staff lines without a debt-mediation answer: a blocking error (no staff: no error).
FGE-04: the staff table is the shared fragment: the function is chosen from the FGE list, the FTE
        of a row is regime fraction × share × months / 12; totals of charged costs and FTE.
FGE-05: FTE employed below FTE granted: a warning naming both figures (FR and NL); exactly equal
        or above: no warning.
FGE-06: curative aid: households (whole number), amount on energy bills, amount on other debts
        linked to the energy debt, all required (0 when none).
FGE-07: curative aid must involve at least one energy bill (other debts or households without an
        amount on energy bills: blocking).
FGE-08: preventive measures: type from the YAML list, households ≥ 0 (whole), amount ≥ 0.
FGE-09: art4_eligible = min(art4_amount, charged staff costs) with accreditation or agreement,
        0 with neither (or no answer), with a warning saying the allocation is not due (FR, NL).
FGE-10: art6_eligible = min(art6_amount, curative + preventive): below, exactly at, above the
        allocation.
FGE-11: unused = (art4_amount − art4_eligible) + (art6_amount − art6_eligible), "to reimburse or
        to offset against next year's allocation" — the worked example end to end.
FGE-12: every figure and list is configuration: no plugin; a copy of the file with another list
        and another flat amount applies them without code.
"""

import shutil
from decimal import Decimal

import pytest
from click.testing import CliRunner

import engine
from engine.cli import main

from .conftest import SCHEMAS

FGE = SCHEMAS / "fge" / "2025.yaml"
# The demo CPAS 99999's pre-filled values (also used by tests/browser/test_fge_story.py).
PREFILLED = {"class": "3", "fte_granted": "1.5", "art4_amount": "60000.00",
             "art6_amount": "20000.00"}

# The worked example (agreement with an accredited service):
#   staff 1: debt mediator, full time (1) × 100 % × 12 / 12 = 1 FTE, charged 45 000,00
#   staff 2: energy adviser, half time (0,5) × 100 % × 12 / 12 = 0,5 FTE, charged 20 000,00
#   → FTE employed 1 + 0,5 = 1,5 = FTE granted (no warning); charged 65 000,00
#   art4_eligible = min(60 000,00; 65 000,00) = 60 000,00; art. 4 unused 0,00
#   curative 9 000,00 (energy) + 1 500,00 (other debts) = 10 500,00
#   preventive 2 400,00 (boiler, 8 households) + 1 350,50 (appliances, 3 households) = 3 750,50
#   art6 spent 10 500,00 + 3 750,50 = 14 250,50; art6_eligible = min(20 000,00; 14 250,50)
#   = 14 250,50; art. 6 unused 20 000,00 − 14 250,50 = 5 749,50
#   unused = 0,00 + 5 749,50 = 5 749,50
MEDIATOR = {"name": "Marie Dupont", "function": "debt_mediator", "regime": "full_time",
            "assignment": "100", "months": "12", "gross": "50000", "charged": "45000"}
ADVISER = {"name": "Jan Peeters", "function": "energy_adviser", "regime": "half_time",
           "assignment": "100", "months": "12", "gross": "25000", "charged": "20000"}
BOILERS = {"type": "boiler_maintenance", "households": "8", "amount": "2400"}
APPLIANCES = {"type": "efficient_appliances", "households": "3", "amount": "1350.50"}


@pytest.fixture(scope="module")
def fge(plugins):
    return engine.measure_from(FGE, plugins)


def form(**changes):
    entered = {
        "debt_mediation": "agreement",
        "partner_name": "Médiation de dettes asbl",
        "partner_accreditation": "SM-2019-042",
        "staff": [MEDIATOR, ADVISER],
        "households_helped": "12",
        "curative_energy": "9000",
        "curative_other": "1500",
        "preventive_measures": [BOILERS, APPLIANCES],
    }
    entered.update(changes)
    return entered


def run(measure, entered, **prefilled):
    return engine.evaluate(measure, entered, dict(PREFILLED, **prefilled))


def codes(result, severity=None):
    return [i.code for i in result.issues if severity is None or i.severity == severity]


def issue(result, code):
    return next(i for i in result.issues if i.code == code)


def money(text):
    return Decimal(text)


def test_fge_01_prefilled_values(fge):
    assert fge.plugin is None
    assert [p.id for p in fge.prefilled] == ["class", "fte_granted", "art4_amount",
                                            "art6_amount"]
    result = run(fge, form())
    assert result.values["class"] == "3"
    assert result.values["fte_granted"] == Decimal("1.5")
    assert (result.values["art4_amount"], result.values["art6_amount"]) == (
        money("60000.00"), money("20000.00"))
    assert codes(result) == []
    seventh = run(fge, form(), **{"class": "7"})  # six classes in the YAML list
    assert ("NOT_A_CHOICE", "class") in [(i.code, str(i.location)) for i in seventh.issues]
    missing = engine.evaluate(fge, form(), {k: v for k, v in PREFILLED.items()
                                            if k != "art6_amount"})
    assert "PREFILL_MISSING" in codes(missing, "error")


def test_fge_02_agreement_asks_the_partner(fge):
    bare = run(fge, form(partner_name=None, partner_accreditation=None))
    assert [(i.code, str(i.location)) for i in bare.issues if i.is_error] == [
        ("REQUIRED", "partner_name"), ("REQUIRED", "partner_accreditation")]
    for answer in ("accredited", "none"):
        other = run(fge, form(debt_mediation=answer, partner_name=None,
                              partner_accreditation=None))
        assert {"partner_name", "partner_accreditation"} <= set(other.hidden)
        assert codes(other, "error") == []
    wrong = run(fge, form(debt_mediation="maybe"))
    assert ("NOT_A_CHOICE", "debt_mediation") in [(i.code, str(i.location))
                                                  for i in wrong.issues]


def test_fge_03_staff_without_a_debt_mediation_answer(fge):
    result = run(fge, form(debt_mediation=None, partner_name=None, partner_accreditation=None))
    assert codes(result, "error") == ["RULE.debt_mediation_answered"]
    assert result.blocking
    error = issue(result, "RULE.debt_mediation_answered")
    assert str(error.location) == "debt_mediation"
    assert error.message("fr").startswith("Vous imputez du personnel sur l'article 4 : indiquez")
    assert error.message("nl").startswith("U rekent personeel aan op artikel 4: geef aan")
    no_staff = run(fge, form(debt_mediation=None, partner_name=None,
                             partner_accreditation=None, staff=[]))
    assert codes(no_staff, "error") == []


def test_fge_04_staff_table_from_the_shared_fragment(fge):
    staff = next(t for t in fge.tables if t.id == "staff")
    function = next(c for c in staff.columns if c.id == "function")
    assert [c.id for c in function.choices] == ["social_worker", "debt_mediator",
                                                "energy_adviser", "other_function"]
    result = run(fge, form())
    rows = result.values["staff"]
    # 1 × 100 % × 12 / 12 = 1; 0,5 × 100 % × 12 / 12 = 0,5
    assert [r["fte"] for r in rows] == [Decimal("1"), Decimal("0.5")]
    assert result.values["staff_fte"] == Decimal("1.5")
    assert result.values["staff_charged"] == money("65000.00")  # 45 000 + 20 000
    free_text = run(fge, form(staff=[dict(MEDIATOR, function="Assistante sociale")]))
    assert ("NOT_A_CHOICE", "staff[1].function") in [(i.code, str(i.location))
                                                     for i in free_text.issues]
    over = run(fge, form(staff=[dict(MEDIATOR, charged="50000.01")]))  # the fragment's rule
    assert "RULE.charged_within_gross" in codes(over, "error")


def test_fge_05_fte_below_granted(fge):
    exact = run(fge, form())  # 1 + 0,5 = 1,5 = FTE granted
    assert "RULE.fte_below_granted" not in codes(exact)
    above = run(fge, form(), fte_granted="1.25")
    assert "RULE.fte_below_granted" not in codes(above)
    # the adviser at half time × 80 % × 12 / 12 = 0,4 FTE: 1 + 0,4 = 1,4 < 1,5
    below = run(fge, form(staff=[MEDIATOR, dict(ADVISER, assignment="80")]))
    assert below.values["staff_fte"] == Decimal("1.4")
    warning = issue(below, "RULE.fte_below_granted")
    assert warning.severity == "warning" and not below.blocking
    assert warning.message("fr") == (
        "Le CPAS emploie 1,4 ETP sur la mesure, moins que les 1,5 ETP octroyés (Classe 3) : "
        "l'allocation de l'article 4 finance un forfait par ETP octroyé (37 184,00 € par ETP "
        "dans la loi, montant indexé depuis).")
    assert warning.message("nl") == (
        "Het OCMW stelt 1,4 VTE tewerk voor de maatregel, minder dan de 1,5 toegekende VTE "
        "(Klasse 3): de toelage van artikel 4 financiert een forfait per toegekende VTE "
        "(€ 37.184,00 per VTE in de wet, sindsdien geïndexeerd).")
    nobody = run(fge, form(staff=[]))  # no staff: 0 FTE employed
    assert "1,5 ETP" in issue(nobody, "RULE.fte_below_granted").message("fr")


def test_fge_06_curative_aid_fields(fge):
    empty = run(fge, form(households_helped=None, curative_energy=None, curative_other=None))
    assert [(i.code, str(i.location)) for i in empty.issues if i.is_error] == [
        ("REQUIRED", "households_helped"), ("REQUIRED", "curative_energy"),
        ("REQUIRED", "curative_other")]
    halves = run(fge, form(households_helped="12,5"))
    assert ("NOT_WHOLE", "households_helped") in [(i.code, str(i.location))
                                                  for i in halves.issues]
    negative = run(fge, form(curative_other="-1"))
    assert ("BELOW_MIN", "curative_other") in [(i.code, str(i.location))
                                               for i in negative.issues]
    none = run(fge, form(households_helped="0", curative_energy="0", curative_other="0"))
    assert codes(none, "error") == []
    assert none.values["curative_total"] == money("0.00")


def test_fge_07_at_least_one_energy_bill(fge):
    other_only = run(fge, form(curative_energy="0"))  # 1 500 on other debts, 0 on energy
    assert codes(other_only, "error") == ["RULE.curative_energy_bill"]
    error = issue(other_only, "RULE.curative_energy_bill")
    assert "1 500,00 €" in error.message("fr") and "€ 1.500,00" in error.message("nl")
    households_only = run(fge, form(curative_energy="0", curative_other="0"))
    assert codes(households_only, "error") == ["RULE.curative_energy_bill"]
    energy_only = run(fge, form(curative_other="0"))
    assert codes(energy_only, "error") == []


def test_fge_08_preventive_measures(fge):
    table = next(t for t in fge.tables if t.id == "preventive_measures")
    kind = next(c for c in table.columns if c.id == "type")
    assert [c.id for c in kind.choices] == ["efficient_appliances", "boiler_maintenance",
                                            "owner_insulation", "information_material",
                                            "other_preventive"]
    result = run(fge, form())
    assert result.values["preventive_total"] == money("3750.50")  # 2 400 + 1 350,50
    assert result.values["preventive_households"] == 11  # 8 + 3
    bad = run(fge, form(preventive_measures=[
        {"type": "solar_panels", "households": "-1", "amount": "-5"},
        {"type": "owner_insulation", "households": "2,5", "amount": "100"}]))
    assert sorted((i.code, str(i.location)) for i in bad.issues if i.is_error) == [
        ("BELOW_MIN", "preventive_measures[1].amount"),
        ("BELOW_MIN", "preventive_measures[1].households"),
        ("NOT_A_CHOICE", "preventive_measures[1].type"),
        ("NOT_WHOLE", "preventive_measures[2].households")]
    zero = run(fge, form(preventive_measures=[{"type": "information_material",
                                               "households": "0", "amount": "0"}]))
    assert codes(zero, "error") == []


@pytest.mark.parametrize(("answer", "eligible"), [
    ("accredited", "60000.00"),  # min(60 000; 65 000)
    ("agreement", "60000.00"),
    ("none", "0.00"),            # neither: the art. 4 allocation is not due
])
def test_fge_09_art4_with_accreditation_agreement_or_neither(fge, answer, eligible):
    result = run(fge, form(debt_mediation=answer))
    assert result.values["art4_eligible"] == money(eligible)
    assert result.values["art4_unused"] == money("60000.00") - money(eligible)
    assert ("RULE.art4_not_due" in codes(result, "warning")) is (answer == "none")


def test_fge_09_art4_charged_below_the_allocation_and_no_answer(fge):
    # only the mediator: min(60 000; 45 000) = 45 000; unused 15 000
    result = run(fge, form(staff=[MEDIATOR]), fte_granted="1")
    assert result.values["art4_eligible"] == money("45000.00")
    assert result.values["art4_unused"] == money("15000.00")
    # no answer and no staff: 0, with the warning
    silent = run(fge, form(debt_mediation=None, partner_name=None, partner_accreditation=None,
                           staff=[]))
    assert silent.values["art4_eligible"] == money("0.00")
    warning = issue(silent, "RULE.art4_not_due")
    assert warning.message("fr") == (
        "Sans agrément pour la médiation de dettes ni convention avec un service agréé, "
        "l'allocation de l'article 4 (60 000,00 €) n'est pas due : elle est à rembourser ou à "
        "imputer sur l'allocation de l'année suivante.")
    assert warning.message("nl") == (
        "Zonder erkenning voor schuldbemiddeling of overeenkomst met een erkende dienst is de "
        "toelage van artikel 4 (€ 60.000,00) niet verschuldigd: ze moet worden terugbetaald of "
        "verrekend met de toelage van het volgende jaar.")


@pytest.mark.parametrize(("energy", "other", "preventive", "spent", "eligible", "left"), [
    # 9 000 + 1 500 + 3 750,50 = 14 250,50 < 20 000: all of it; 5 749,50 unused
    ("9000", "1500", [BOILERS, APPLIANCES], "14250.50", "14250.50", "5749.50"),
    # 15 000 + 2 600 + 2 400 = 20 000 exactly: all of it; nothing unused
    ("15000", "2600", [BOILERS], "20000.00", "20000.00", "0.00"),
    # 15 000 + 2 600 + 2 400 + 1 350,50 = 21 350,50 > 20 000: capped at 20 000
    ("15000", "2600", [BOILERS, APPLIANCES], "21350.50", "20000.00", "0.00"),
])
def test_fge_10_art6_capped_at_the_allocation(fge, energy, other, preventive, spent, eligible,
                                              left):
    result = run(fge, form(curative_energy=energy, curative_other=other,
                           preventive_measures=preventive))
    assert result.values["art6_spent"] == money(spent)
    assert result.values["art6_eligible"] == money(eligible)
    assert result.values["art6_unused"] == money(left)
    assert codes(result) == []


def test_fge_11_unused_to_reimburse_or_offset(fge):
    result = run(fge, form())
    values = result.values
    assert values["art4_eligible"] == money("60000.00")
    assert values["art6_eligible"] == money("14250.50")
    assert values["unused"] == money("5749.50")  # (60 000 − 60 000) + (20 000 − 14 250,50)
    field = next(f for f in fge.fields if f.id == "unused")
    assert field.label["fr"] == ("Montant non utilisé, à rembourser ou à imputer sur "
                                 "l'allocation de l'année suivante")
    assert field.label["nl"] == ("Niet gebruikt bedrag, terug te betalen of te verrekenen met "
                                 "de toelage van het volgende jaar")
    # neither accredited nor agreement, curative and preventive above the allocation:
    # (60 000 − 0) + (20 000 − min(20 000; 15 000 + 2 600 + 3 750,50)) = 60 000 + 0
    neither = run(fge, form(debt_mediation="none", curative_energy="15000",
                            curative_other="2600"))
    assert neither.values["unused"] == money("60000.00")
    # the story's figures (tests/browser/test_fge_story.py): one mediator (1 FTE, 45 000),
    # curative 9 000 + 1 500, boilers 2 400:
    # (60 000 − 45 000) + (20 000 − 12 900) = 15 000 + 7 100 = 22 100
    story = run(fge, form(staff=[MEDIATOR], preventive_measures=[BOILERS]))
    assert (story.values["art4_eligible"], story.values["art6_eligible"],
            story.values["unused"]) == (money("45000.00"), money("12900.00"),
                                        money("22100.00"))
    assert codes(story, "warning") == ["RULE.fte_below_granted"]


def test_fge_12_every_figure_is_configuration(tmp_path, plugins):
    text = FGE.read_text(encoding="utf-8")
    text = text.replace("value: 37184.00", "value: 38000.00")
    text = text.replace("  preventive_types:\n", "  preventive_types:\n"
                        '    - {id: smart_meters, label: {fr: "Compteurs à budget", '
                        'nl: "Budgetmeters"}}\n')
    folder = tmp_path / "fge"
    folder.mkdir()
    shutil.copytree(SCHEMAS / "_fragments", tmp_path / "_fragments")
    (folder / "2025.yaml").write_text(text, encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(folder)])
    assert checked.exit_code == 0, checked.output
    changed = engine.measure_from(folder / "2025.yaml", plugins)
    assert changed.plugin is None
    result = run(changed, form(staff=[MEDIATOR],
                               preventive_measures=[{"type": "smart_meters", "households": "4",
                                                     "amount": "400"}]))
    assert codes(result, "error") == []
    assert "38 000,00 €" in issue(result, "RULE.fte_below_granted").message("fr")
