"""PIIS — individualised social integration projects, special 10 % subsidy, 2025
(../shared/spec/piis.md), rule by rule. Every figure checked here is written by hand from the
spec's formulas (arithmetic in the comments), not copied from a run.

PIIS-01: received and piis_count are pre-filled (a missing one is PREFILL_MISSING; typed ones
         are refused as read-only).
PIIS-02: the worked example in manual encoding: justified = charged staff + operating costs;
         retained = min(received, justified); to_reimburse = received − retained.
PIIS-03: settlement boundaries: justified = received → nothing to reimburse; justified above
         received → retained = received; no costs → everything is reimbursed.
PIIS-04: the encoding is chosen once per form: typed tables count only in manual encoding, the
         workbook's only in workbook encoding — never both.
PIIS-05: workbook encoding through a real workbook generated from the schema (one file, a sheet
         for staff and a sheet for operating costs) and read back.
PIIS-06: operating costs: a category of the YAML list, a description, an amount ≥ 0.
PIIS-07: the number of PIIS followed is required, a whole number ≥ 0.
PIIS-08: no double funding: a required tick box that must be ticked (a blocking error otherwise,
         FR/NL message).
PIIS-09: warning when the PIIS followed differ from piis_count by more than `variance` (10 %):
         exactly 10 % → none, 10,01 % → a warning saying both figures, FR and NL.
PIIS-10: the plugin's warning PIIS_STAFF_OVER_FULL_TIME: one person (name compared case- and
         space-insensitively) charged for more than 100 % of their working time over the year
         across the staff lines; exactly 100 % → none; FR and NL text (who, share, which rows).
PIIS-11: the plugin's pure functions, without pluggy.
PIIS-12: every figure lives in the YAML: a copy with another variance and time limit applies
         them with the same plugin; a schema without the tables the plugin reads is refused
         when it loads (PLUGIN_REQUIRES).
"""

import io
import re
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

import engine
from engine.spreadsheets.template import template_bytes
from engine.uploads import read_workbook_upload
from plugins import piis as plugin

from .conftest import SCHEMAS

PIIS = SCHEMAS / "piis" / "2025.yaml"
PREFILL = {"received": "12000.00", "piis_count": "40"}
STAFF_LABEL_FR = "Personnel d'accompagnement et d'activation"
STAFF_LABEL_NL = "Begeleidings- en activeringspersoneel"
STAFF_SHEET = "Personnel - Personeel"
COSTS_SHEET = "Fonctionnement - Werking"


@pytest.fixture(scope="module")
def piis(plugins):
    return engine.measure_from(PIIS, plugins)


def person(name, regime, assignment, months, gross, charged, function="Assistant social"):
    return {"name": name, "function": function, "regime": regime, "assignment": assignment,
            "months": months, "gross": gross, "charged": charged}


# the worked example's staff and operating costs (PIIS-02)
STAFF = [
    person("Marie Dupont", "full_time", "50", "12", "48000", "6000"),
    person("Luc Peeters", "half_time", "100", "6", "15000", "3500", "Agent d'insertion"),
]
COSTS = [
    {"category": "training", "description": "Formation job coaching", "amount": "750,50"},
    {"category": "transport", "description": "Tickets de bus", "amount": "249.50"},
    {"category": "childcare", "description": "Crèche pendant les modules", "amount": "1000"},
]


def form(**changes):
    entered = {"encoding": "manual", "piis_followed": "42", "no_double_funding": "oui",
               "staff": STAFF, "costs": COSTS}
    entered.update(changes)
    return entered


def run(measure, entered, received="12000.00", piis_count="40"):
    return engine.evaluate(measure, entered, {"received": received, "piis_count": piis_count})


def codes(result, severity=None):
    return [i.code for i in result.issues if severity is None or i.severity == severity]


def money(text):
    return Decimal(text)


# --- PIIS-01 ------------------------------------------------------------------------------------

def test_piis_01_received_and_count_are_pre_filled(piis):
    assert [p.id for p in piis.prefilled] == ["received", "piis_count"]
    assert (piis.field("received").type.unit, piis.field("piis_count").type.name) == (
        "money", "integer")
    result = run(piis, form())
    assert (result.values["received"], result.values["piis_count"]) == (money("12000.00"), 40)
    missing = engine.evaluate(piis, form(), {"received": "12000.00"})
    assert [str(i.location) for i in missing.issues if i.code == "PREFILL_MISSING"] == [
        "piis_count"]
    typed = run(piis, form(received="99999"))
    assert "READ_ONLY" in codes(typed)
    assert typed.values["received"] == money("12000.00")


def test_piis_01_the_measure_its_period_and_campaign(piis):
    assert (piis.code, piis.year, piis.plugin) == ("piis", 2025, "piis")
    assert (piis.period_start, piis.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert (piis.opens, piis.deadline) == (date(2026, 1, 30), date(2026, 2, 27))
    assert piis.title["fr"].startswith("Projets individualisés d'intégration sociale (PIIS)")
    assert piis.title["nl"].startswith("Geïndividualiseerde projecten")
    assert "21 juillet 2016" in piis.legal_basis["fr"]
    assert "21 juli 2016" in piis.legal_basis["nl"]


# --- PIIS-02 / PIIS-03 --------------------------------------------------------------------------

def test_piis_02_the_worked_example_in_manual_encoding(piis):
    # staff:   Marie 6 000,00 + Luc 3 500,00                         = 9 500,00
    # costs:   750,50 + 249,50 + 1 000,00                            = 2 000,00
    # justified 9 500,00 + 2 000,00                                  = 11 500,00
    # retained  min(12 000,00 ; 11 500,00)                           = 11 500,00
    # to reimburse 12 000,00 − 11 500,00                             =    500,00
    # followed 42 against 40: |42 − 40| = 2 ≤ 40 × 10 % = 4          → no warning
    # Marie 50 % × 12 / 12 = 50 %, Luc 100 % × 6 / 12 = 50 %         → no plugin warning
    result = run(piis, form())
    values = result.values
    assert (values["staff_charged"], values["staff_costs"]) == (money("9500.00"),
                                                                money("9500.00"))
    assert (values["costs_total"], values["operating_costs"]) == (money("2000.00"),
                                                                  money("2000.00"))
    assert values["justified"] == money("11500.00")
    assert values["retained"] == money("11500.00")
    assert values["to_reimburse"] == money("500.00")
    # the staff fragment's FTE: full time 1 × 50 % × 12 / 12 = 0,5; half time 0,5 × 100 % × 6/12
    assert [row["fte"] for row in values["staff"]] == [Decimal("0.5"), Decimal("0.25")]
    assert result.issues == []
    assert result.explain("justified").format("fr").startswith(
        "justified = staff_costs + operating_costs = 11 500,00 €")


def test_piis_03_justified_equal_to_received_reimburses_nothing(piis):
    # 9 500,00 + 2 000,00 = 11 500,00 = received → retained 11 500,00, to reimburse 0,00
    result = run(piis, form(), received="11500.00")
    assert (result.values["retained"], result.values["to_reimburse"]) == (money("11500.00"),
                                                                          money("0.00"))
    # one cent less received: retained min(11 499,99 ; 11 500,00) = 11 499,99, nothing back
    below = run(piis, form(), received="11499.99")
    assert (below.values["retained"], below.values["to_reimburse"]) == (money("11499.99"),
                                                                        money("0.00"))
    # one cent more received: 11 500,01 − 11 500,00 = 0,01 to reimburse
    above = run(piis, form(), received="11500.01")
    assert (above.values["retained"], above.values["to_reimburse"]) == (money("11500.00"),
                                                                        money("0.01"))


def test_piis_03_no_costs_reimburses_everything(piis):
    # justified 0,00 + 0,00 = 0,00 → retained min(12 000 ; 0) = 0,00 → to reimburse 12 000,00
    result = run(piis, form(staff=[], costs=[]))
    assert (result.values["justified"], result.values["retained"],
            result.values["to_reimburse"]) == (money("0.00"), money("0.00"), money("12000.00"))
    assert codes(result, "error") == []


# --- PIIS-04 ------------------------------------------------------------------------------------

def test_piis_04_one_encoding_never_both(piis):
    sheet_staff = [dict(person("Ann Claes", "full_time", "100", "12", "50000", "4000"),
                        _sheet_row=4)]
    sheet_costs = [{"category": "other", "description": "Ignoré", "amount": "999",
                    "_sheet_row": 4}]
    manual = run(piis, form(staff_sheet=sheet_staff, costs_sheet=sheet_costs))
    assert {"staff_sheet", "costs_sheet"} <= manual.hidden
    assert not {"staff", "costs"} & manual.hidden
    assert manual.values["justified"] == money("11500.00")  # the workbook's rows ignored
    workbook = run(piis, form(encoding="workbook", staff_sheet=sheet_staff,
                              costs_sheet=sheet_costs))
    assert {"staff", "costs"} <= workbook.hidden
    # 4 000,00 + 999,00 = 4 999,00; the typed 11 500,00 ignored; 12 000 − 4 999 = 7 001,00
    assert workbook.values["justified"] == money("4999.00")
    assert workbook.values["to_reimburse"] == money("7001.00")
    unchosen = run(piis, form(encoding=None))
    assert [str(i.location) for i in unchosen.issues if i.code == "REQUIRED"] == ["encoding"]
    assert unchosen.values["justified"] == money("0.00")  # neither set counts


# --- PIIS-05: the workbook ----------------------------------------------------------------------

# (name, function, regime label as in the drop-down, assignment %, months, gross, charged)
SHEET_STAFF = [
    ("Marie Dupont", "Assistante sociale", "Temps plein", 75, 12, 48000, 6000),
    ("Luc Peeters", "Agent d'insertion", "Mi-temps", 100, 6, 15000, "3500,00"),
    ("MARIE  DUPONT", "Assistante sociale", "Temps plein", 60, 6, 24000, 2000),
]
# (category label, description, amount)
SHEET_COSTS = [
    ("Formation", "Formation job coaching", 750.5),
    ("Transport des bénéficiaires", "Tickets de bus", "249,50"),
    ("Garde d'enfants pendant l'activation", "Crèche", 1000),
]


def piis_workbook(measure, staff=SHEET_STAFF, costs=SHEET_COSTS, lang="fr") -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure,
                                                            measure.table("staff_sheet"), lang)))
    for sheet, lines, letters in ((STAFF_SHEET, staff, "ABCDEFG"),
                                  (COSTS_SHEET, costs, "ABC")):
        for number, cells in enumerate(lines, start=4):
            for letter, value in zip(letters, cells, strict=True):
                book[sheet][f"{letter}{number}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_piis_05_the_template_is_one_workbook_with_two_sheets(piis):
    for table_id in ("staff_sheet", "costs_sheet"):
        book = openpyxl.load_workbook(io.BytesIO(template_bytes(piis, piis.table(table_id))))
        assert book.sheetnames == [STAFF_SHEET, COSTS_SHEET, "Listes"]
    assert [book[STAFF_SHEET][f"{c}3"].value for c in "ABCDEFGH"] == [
        "Nom", "Fonction", "Régime d'embauche", "Taux d'affectation à la mesure",
        "Durée (mois)", "Coût brut pour la période", "Montant affecté à la subvention",
        "Équivalent temps plein"]
    assert [book[COSTS_SHEET][f"{c}3"].value for c in "ABC"] == [
        "Catégorie", "Description", "Montant"]
    assert book[COSTS_SHEET]["A1"].value == "PIIS 2025 — frais de fonctionnement"
    dutch = openpyxl.load_workbook(io.BytesIO(template_bytes(piis, piis.table("costs_sheet"),
                                                             "nl")))
    assert [dutch[COSTS_SHEET][f"{c}3"].value for c in "ABC"] == [
        "Categorie", "Beschrijving", "Bedrag"]
    assert piis.table("staff_sheet").upload_only and piis.table("costs_sheet").upload_only
    assert piis.workbook_tables(piis.table("costs_sheet")) == (piis.table("staff_sheet"),
                                                               piis.table("costs_sheet"))


def test_piis_05_the_worked_example_through_the_workbook(piis):
    read = read_workbook_upload(piis, piis.table("costs_sheet"), "piis.xlsx",
                                io.BytesIO(piis_workbook(piis)))
    assert sorted(read) == ["costs_sheet", "staff_sheet"]
    assert [(r["regime"], r["_sheet_row"]) for r in read["staff_sheet"]] == [
        ("full_time", 4), ("half_time", 5), ("full_time", 6)]
    assert [r["category"] for r in read["costs_sheet"]] == ["training", "transport",
                                                            "childcare"]
    result = run(piis, form(encoding="workbook", **read))
    values = result.values
    # staff 6 000,00 + 3 500,00 ("3500,00", a text) + 2 000,00            = 11 500,00
    # costs 750,50 + 249,50 ("249,50", a text) + 1 000,00                 =  2 000,00
    # justified 13 500,00 > received 12 000,00 → retained 12 000,00, to reimburse 0,00
    assert (values["staff_sheet_charged"], values["costs_sheet_total"]) == (
        money("11500.00"), money("2000.00"))
    assert (values["staff_charged"], values["costs_total"]) == (money("0.00"), money("0.00"))
    assert values["justified"] == money("13500.00")
    assert (values["retained"], values["to_reimburse"]) == (money("12000.00"), money("0.00"))
    # Marie Dupont (rows 4 and 6): 75 % × 12 + 60 % × 6 = 9 + 3,6 = 12,6 months of 12 = 105 %
    assert codes(result) == ["PIIS_STAFF_OVER_FULL_TIME"]
    warning = result.issues[0]
    assert str(warning.location) == f"{STAFF_SHEET}!D4"
    # the rows are the table's (1 and 3 of the sheet's lines); the location is the sheet cell
    assert warning.message("fr").startswith(
        "« Marie Dupont » est imputé(e) pour 105 % de son temps de travail sur la période, "
        "plus que le maximum de 100 % : lignes 1 et 3 du tableau « " + STAFF_LABEL_FR
        + " (tableur) ».")
    assert warning.message("nl").startswith(
        "« Marie Dupont » wordt aangerekend voor 105 % van zijn of haar arbeidstijd over de "
        "periode, meer dan het maximum van 100 %: regels 1 en 3 van de tabel « "
        + STAFF_LABEL_NL + " (rekenblad) ».")


def test_piis_05_a_bad_cell_names_its_sheet_and_cell(piis):
    costs = [SHEET_COSTS[0], ("Interprétariat", "Interprète", "beaucoup")]
    read = read_workbook_upload(piis, piis.table("staff_sheet"), "piis.xlsx",
                                io.BytesIO(piis_workbook(piis, SHEET_STAFF[:2], costs)))
    result = run(piis, form(encoding="workbook", **read))
    assert [(i.code, str(i.location)) for i in result.errors] == [
        ("NOT_A_NUMBER", f"{COSTS_SHEET}!C5")]
    assert "beaucoup" in result.errors[0].message("fr")


# --- PIIS-06 / PIIS-07 / PIIS-08 ----------------------------------------------------------------

def test_piis_06_operating_costs(piis):
    categories = [c.id for c in piis.choice_lists["cost_categories"]]
    assert categories == ["training", "transport", "activation", "childcare", "interpreting",
                          "other"]
    bad = run(piis, form(costs=[
        {"category": "lunch", "description": "Repas", "amount": "10"},
        {"category": "other", "description": "Autre", "amount": "-0,01"},
        {"category": "interpreting", "amount": "0"},
    ]))
    assert sorted((i.code, str(i.location)) for i in bad.errors) == [
        ("BELOW_MIN", "costs[2].amount"), ("NOT_A_CHOICE", "costs[1].category"),
        ("REQUIRED", "costs[3].description")]
    zero = run(piis, form(costs=[{"category": "interpreting", "description": "Interprète",
                                  "amount": "0"}]))
    assert zero.errors == []


def test_piis_07_piis_followed_is_a_required_whole_number(piis):
    assert [(i.code, str(i.location)) for i in run(piis, form(piis_followed=None)).errors] == [
        ("REQUIRED", "piis_followed")]
    assert [i.code for i in run(piis, form(piis_followed="quarante")).errors] == ["NOT_WHOLE"]
    assert [i.code for i in run(piis, form(piis_followed="-1")).errors] == ["BELOW_MIN"]
    assert run(piis, form(piis_followed="0"), piis_count="0").issues == []


def test_piis_08_no_double_funding_must_be_confirmed(piis):
    missing = run(piis, form(no_double_funding=None))
    assert [(i.code, str(i.location)) for i in missing.errors] == [
        ("REQUIRED", "no_double_funding")]
    refused = run(piis, form(no_double_funding="non"))
    assert [(i.code, str(i.location)) for i in refused.errors] == [
        ("RULE.no_double_funding_confirmed", "no_double_funding")]
    assert refused.blocking
    assert refused.errors[0].message("fr").startswith(
        "Les frais déjà imputés sur une autre subvention ne peuvent pas être justifiés ici")
    assert refused.errors[0].message("nl").startswith(
        "Kosten die al op een andere subsidie zijn aangerekend, mogen hier niet worden "
        "verantwoord")
    assert not run(piis, form(no_double_funding="ja")).blocking


# --- PIIS-09 ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("followed", "count", "warned"), [
    ("44", "40", False),        # |44 − 40| = 4 = 40 × 10 %: exactly 10 %, no warning
    ("45", "40", True),         # 5 > 4 (12,5 %)
    ("36", "40", False),        # |36 − 40| = 4: exactly 10 % below
    ("35", "40", True),         # 5 > 4 below
    ("11000", "10000", False),  # 1 000 = 10 000 × 10 %: exactly 10 %
    ("11001", "10000", True),   # 1 001 > 1 000: 10,01 %
    ("8999", "10000", True),    # 1 001 below: 10,01 %
    ("0", "0", False),          # nothing subsidised, nothing followed
    ("1", "0", True),           # 1 > 0 × 10 % = 0
])
def test_piis_09_variance_boundaries(piis, followed, count, warned):
    result = run(piis, form(piis_followed=followed), piis_count=count)
    assert ("RULE.followed_near_subsidised" in codes(result, "warning")) is warned
    assert not result.blocking


def test_piis_09_the_warning_says_both_figures(piis):
    result = run(piis, form(piis_followed="11001"), piis_count="10000")
    warning = next(i for i in result.issues if i.code == "RULE.followed_near_subsidised")
    assert str(warning.location) == "piis_followed"
    assert warning.message("fr") == (
        "Le nombre de PIIS suivis (11 001) s'écarte de plus de 10 % du nombre de PIIS "
        "subventionnés (10 000) : vérifiez le nombre ou expliquez l'écart au SPP IS.")
    assert warning.message("nl") == (
        "Het aantal opgevolgde GPMI's (11.001) wijkt meer dan 10 % af van het aantal "
        "gesubsidieerde GPMI's (10.000): controleer het aantal of verklaar de afwijking aan de "
        "POD MI.")


# --- PIIS-10: the plugin's warning --------------------------------------------------------------

def test_piis_10_one_person_over_full_time_across_lines(piis):
    staff = [
        person("Marie Dupont", "full_time", "75", "12", "48000", "6000"),
        person("Luc Peeters", "half_time", "100", "6", "15000", "3500"),
        person("  marie   DUPONT ", "full_time", "60", "6", "24000", "2000"),
    ]
    result = run(piis, form(staff=staff))
    # Marie: 75 % × 12 + 60 % × 6 = 9 + 3,6 = 12,6 months; 12,6 / 12 = 1,05 → 105 % > 100 %
    # Luc:   100 % × 6 = 6 months; 6 / 12 = 50 %                       → fine
    assert codes(result) == ["PIIS_STAFF_OVER_FULL_TIME"]
    warning = result.issues[0]
    assert (warning.severity, str(warning.location)) == ("warning", "staff[1].assignment")
    assert not result.blocking
    assert warning.message("fr") == (
        "« Marie Dupont » est imputé(e) pour 105 % de son temps de travail sur la période, "
        "plus que le maximum de 100 % : lignes 1 et 3 du tableau « " + STAFF_LABEL_FR + " ». "
        "Une même personne ne peut pas être imputée pour plus que son temps de travail ; "
        "vérifiez le taux d'affectation et la durée de ces lignes.")
    assert warning.message("nl") == (
        "« Marie Dupont » wordt aangerekend voor 105 % van zijn of haar arbeidstijd over de "
        "periode, meer dan het maximum van 100 %: regels 1 en 3 van de tabel « "
        + STAFF_LABEL_NL + " ». Eenzelfde persoon kan niet voor meer dan zijn of haar "
        "arbeidstijd worden aangerekend; controleer het aanwendingspercentage en de duur van "
        "deze regels.")
    # the settlement is unchanged by the warning: 6 000 + 3 500 + 2 000 + 2 000 = 13 500,00
    assert result.values["justified"] == money("13500.00")


def test_piis_10_exactly_full_time_is_no_warning(piis):
    # 75 % × 12 + 50 % × 6 = 9 + 3 = 12 months of 12 = exactly 100 %
    staff = [person("Marie Dupont", "full_time", "75", "12", "48000", "6000"),
             person("MARIE DUPONT", "full_time", "50", "6", "24000", "2000")]
    assert run(piis, form(staff=staff)).issues == []
    # 0,01 % more on the second line: 9 + 50,01 % × 6 = 12,0006 months > 12
    # → 12,0006 / 12 = 1,00005 → shown rounded up to 0,01 %: 100,01 %
    over = run(piis, form(staff=[staff[0], dict(staff[1], assignment="50,01")]))
    assert codes(over) == ["PIIS_STAFF_OVER_FULL_TIME"]
    assert "pour 100,01 % de son temps" in over.issues[0].message("fr")


def test_piis_10_names_differ_or_are_missing(piis):
    # two different people, each 100 % × 12: no warning; a line without a name is left out
    staff = [person("Marie Dupont", "full_time", "100", "12", "48000", "6000"),
             person("Marie Dupond", "full_time", "100", "12", "48000", "6000"),
             person(None, "full_time", "100", "12", "48000", "0")]
    assert run(piis, form(staff=staff)).issues == []


def test_piis_10_three_lines_and_two_people(piis):
    # Ann: 100 % × 12 + 10 % × 1 = 12,1 months → 12,1 / 12 = 1,00833… → shown 100,84 % (up)
    # Bob: 100 % × 7 + 100 % × 6 = 13 months → 13 / 12 = 1,08333… → shown 108,34 % (up)
    staff = [person("Ann", "full_time", "100", "12", "1000", "10"),
             person("Bob", "full_time", "100", "7", "1000", "10"),
             person("bob", "full_time", "100", "6", "1000", "10"),
             person("ann", "full_time", "10", "1", "1000", "10")]
    result = run(piis, form(staff=staff))
    assert [(i.code, str(i.location)) for i in result.issues] == [
        ("PIIS_STAFF_OVER_FULL_TIME", "staff[1].assignment"),
        ("PIIS_STAFF_OVER_FULL_TIME", "staff[2].assignment")]
    ann, bob = (i.message("fr") for i in result.issues)
    assert "« Ann » est imputé(e) pour 100,84 %" in ann and "lignes 1 et 4 du tableau" in ann
    assert "« Bob » est imputé(e) pour 108,34 %" in bob and "lignes 2 et 3 du tableau" in bob
    assert "regels 2 en 3 van de tabel" in result.issues[1].message("nl")


# --- PIIS-11: the plugin's pure functions -------------------------------------------------------

def test_piis_11_person_key_and_period_months():
    assert plugin.person_key("  Marie   DUPONT ") == plugin.person_key("marie dupont") == (
        "marie dupont")
    assert plugin.person_key(None) == plugin.person_key("   ") == ""
    assert plugin.period_months(date(2025, 1, 1), date(2025, 12, 31)) == 12
    assert plugin.period_months(date(2023, 10, 1), date(2024, 12, 31)) == 15
    assert plugin.period_months(date(2025, 3, 15), date(2025, 3, 20)) == 1


def test_piis_11_over_limit_groups_rows_across_tables():
    full = Decimal(1)
    typed = [{"name": "Marie", "assignment": Decimal("0.5"), "months": 12},
             {"name": "Luc", "assignment": Decimal("1"), "months": 12}]
    sheet = [{"name": " MARIE ", "assignment": Decimal("0.6"), "months": 10},
             {"name": "Luc", "assignment": None, "months": 12},
             {"name": "", "assignment": Decimal("1"), "months": 12}]
    # Marie: 0,5 × 12 + 0,6 × 10 = 6 + 6 = 12 → 12 / 12 = 1 → not over 100 %
    assert plugin.over_limit([("staff", typed), ("staff_sheet", sheet)], 12, full) == []
    # a limit of 90 %: Marie 12 > 0,9 × 12 = 10,8 → over; Luc 12 > 10,8 → over (his second
    # line has no assignment and is left out, the nameless line too)
    found = plugin.over_limit([("staff", typed), ("staff_sheet", sheet)], 12, Decimal("0.9"))
    assert [(o.name, o.share) for o in found] == [("Marie", Decimal(1)), ("Luc", Decimal(1))]
    assert found[0].lines == (plugin.Line("staff", 1, Decimal("0.5"), 12),
                              plugin.Line("staff_sheet", 1, Decimal("0.6"), 10))
    # Ann: 100 % × 12 + 50 % × 9 = 12 + 4,5 = 16,5 months
    ann = [("staff", [{"name": "Ann", "assignment": Decimal(1), "months": 12},
                      {"name": "ann", "assignment": Decimal("0.5"), "months": 9}])]
    # over 12 months: 16,5 > 12 → 16,5 / 12 = 1,375 (137,5 %)
    assert [(o.name, o.share) for o in plugin.over_limit(ann, 12, full)] == [
        ("Ann", Decimal("1.375"))]
    # over a period of 15 months (01/10/2023–31/12/2024): 16,5 > 15 → 16,5 / 15 = 1,1 (110 %)
    assert [(o.name, o.share) for o in plugin.over_limit(ann, 15, full)] == [
        ("Ann", Decimal("1.1"))]
    # a limit of 110 % over 15 months: 16,5 = 1,1 × 15 exactly → not over
    assert plugin.over_limit(ann, 15, Decimal("1.1")) == []
    assert plugin.over_limit([], 12, full) == []


def test_piis_11_rows_text_names_each_table_in_both_languages(piis):
    overload = plugin.Overload("Ann", Decimal("1.1"), (
        plugin.Line("staff", 2, Decimal(1), 12), plugin.Line("staff_sheet", 1, Decimal(1), 1),
        plugin.Line("staff_sheet", 3, Decimal(1), 1), plugin.Line("staff_sheet", 5, Decimal(1), 1)))
    assert plugin.rows_text(overload, piis) == {
        "fr": f"ligne 2 du tableau « {STAFF_LABEL_FR} » ; lignes 1, 3 et 5 du tableau "
              f"« {STAFF_LABEL_FR} (tableur) »",
        "nl": f"regel 2 van de tabel « {STAFF_LABEL_NL} »; regels 1, 3 en 5 van de tabel "
              f"« {STAFF_LABEL_NL} (rekenblad) »"}


def test_piis_11_the_plugin_declares_what_it_reads():
    assert set(plugin.measure_requires()) == {
        "staff", "staff_sheet", "staff_time_limit", "staff.name", "staff.assignment",
        "staff.months", "staff_sheet.name", "staff_sheet.assignment", "staff_sheet.months"}
    assert [c.name for c in plugin.register_codes()] == ["PIIS_STAFF_OVER_FULL_TIME"]
    assert engine.codes.get("PIIS_STAFF_OVER_FULL_TIME").owner == "piis"


# --- PIIS-12: figures in the YAML ---------------------------------------------------------------

def test_piis_12_the_figures_live_in_the_yaml(plugins):
    text = PIIS.read_text(encoding="utf-8")
    text = re.sub(r"(id: variance\n    type: percent\n    value: )10", r"\g<1>20", text)
    text = re.sub(r"(id: staff_time_limit\n    type: percent\n    value: )100", r"\g<1>110",
                  text)
    loaded = engine.load_measure_text(text, str(PIIS), plugins)
    assert loaded.problems == []
    changed = loaded.measure
    staff = [person("Marie Dupont", "full_time", "75", "12", "48000", "6000"),
             person("Marie Dupont", "full_time", "60", "6", "24000", "2000")]
    entered = form(piis_followed="47", staff=staff)
    # 2025 file: |47 − 40| = 7 > 4 → warning; Marie 105 % > 100 % → warning
    # the copy:  7 ≤ 40 × 20 % = 8 → none; 105 % ≤ 110 % → none
    assert sorted(codes(run(engine.measure_from(PIIS, plugins), entered))) == [
        "PIIS_STAFF_OVER_FULL_TIME", "RULE.followed_near_subsidised"]
    assert run(changed, entered).issues == []


def test_piis_12_a_schema_without_the_tables_the_plugin_reads_is_refused(plugins):
    text = PIIS.read_text(encoding="utf-8").replace("id: staff_sheet\n", "id: personnel\n")
    text = text.replace("staff_sheet_charged", "personnel_charged")
    loaded = engine.load_measure_text(text, str(PIIS), plugins)
    assert loaded.measure is None
    problems = [p.format() for p in loaded.problems if p.code == "PLUGIN_REQUIRES"]
    assert len(problems) == 4  # the table, and the three columns the check reads
    assert "« staff_sheet »" in problems[0] and "« staff_sheet.name »" in problems[1]
