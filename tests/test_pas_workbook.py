"""PAS-21: workbook encoding through a real workbook with a sheet per volet
(../shared/spec/pas.md, "Encoding: manual or spreadsheet"), and the indicators workbook.

The templates are generated from the schema (the activities workbook: one file, sheets
"Volet A", "Volet B", "Volet C"; the indicators: its own file, sheet "Modules collectifs"),
filled in with openpyxl as a CPAS does — categories picked in the drop-down (French labels),
amounts typed as numbers and as texts ``"6765,44"``, a mixed-public line (6 users of 20) — read
back with :func:`engine.uploads.read_workbook_upload` and evaluated in "workbook" encoding,
with a personnel line of 0 € in each volet and the six percentages.

The spec's worked example through the workbooks (S = granted 38 000 + compensation 2 000):

* Volet A, activities eligible 25 000,00 = 15 000 (row 4, a number)
  + 6 765,44 (row 5, the text "6765,44") + 10 000 × 6/20 = 3 000 (row 6, mixed public)
  + 234,56 (row 7, a number) → maximum 50 % × 40 000 = 20 000 → eligible A 20 000,00, and
  5 000,00 over the maximum (a warning).
* Volet B, 8 000,00 = 5 000,50 (row 4, a number) + 2 999,50 (row 5, the text "2999,50") →
  eligible B 8 000,00, under the minimum 25 % × 40 000 = 10 000 → penalty 2 000,00 (a warning).
* Volet C, 12 000,00 = 8 000 (row 4) + "4000,00" (row 5, of which an investment of 300,00) →
  eligible C 12 000,00 (between 10 000 and 30 000: no penalty); investments 300,00 ≤ 500: none
  removed.
* eligible total 20 000 + 8 000 + 12 000 = 40 000; retained = min(40 000 − 0, 40 000 − 2 000)
  = 38 000,00; to reimburse 40 000 − 38 000 = 2 000,00; shares 50 %, 20 %, 30 %.
* Indicators: "Cours de français" 12 participants, 5 000,50 → 416,71 per participant
  (416,708…); "Budget" 8 participants, "2999,50" → 374,94 (374,9375, half up); totals
  20 participants and 8 000,00 = volet B's 8 000,00 operating + 0 personnel (no error).
"""

import io
import json
from decimal import Decimal

import openpyxl
import pytest
from click.testing import CliRunner

import engine
from engine.cli import main
from engine.spreadsheets.template import template_bytes
from engine.uploads import UploadError
from engine.uploads import read_workbook_upload

from .conftest import SCHEMAS

PAS = SCHEMAS / "pas" / "2025.yaml"
PREFILL = {"granted": "38000.00", "compensation": "2000.00"}
LETTERS = "ABCDEFGH"  # category … everyone; I (eligible) is computed, never typed

# (category label as in the drop-down, description, participants, cost, investment, overhead,
#  target, everyone), from row 4 of each sheet
ACTIVITIES = {
    "Volet A": [
        ("Participation à des manifestations sociales, sportives ou culturelles",
         "Sorties au théâtre", 30, 15000, None, None, None, None),
        ("Accès aux nouvelles technologies (inclusion numérique)", "Atelier numérique", 12,
         "6765,44", None, None, None, None),
        ("Initiatives collectives du ou pour le groupe cible", "Fête de quartier", 20, 10000,
         None, None, 6, 20),
        ("Cotisations et équipements pour des associations", "Cotisations sportives", 4,
         234.56, None, None, None, None),
    ],
    "Volet B": [
        ("Langue", "Cours de français", 12, 5000.5, None, None, None, None),
        ("Gestion du budget et des dettes", "Atelier budget", 8, "2999,50", None, None, None,
         None),
    ],
    "Volet C": [
        ("Soutien scolaire", "École de devoirs", 25, 8000, None, None, None, None),
        ("Matériel pédagogique et jeux", "Ludothèque", 40, "4000,00", 300, None, None, None),
    ],
}
# name, domain (label), days, participants, drop-outs, progressed, integration income, cost
MODULES = [
    ("Cours de français", "Langue", 40, 12, 2, 7, 9, 5000.5),
    ("Budget", "Gestion du budget et des dettes", 10, 8, 1, 5, 6, "2999,50"),
]
PERCENTAGES = {f"{kind}_share_{volet}": value for volet in "abc"
               for kind, value in (("beneficiaries", "40"), ("trajectory", "20"))}
ZERO_STAFF = [{"charged": "0"}]


@pytest.fixture(scope="module")
def pas(plugins):
    return engine.measure_from(PAS, plugins)


def activities_workbook(measure, sheets=ACTIVITIES, drop: str | None = None,
                        lang: str = "fr") -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure, measure.table("sheet_a"),
                                                            lang)))
    for name, lines in sheets.items():
        for number, cells in enumerate(lines, start=4):
            for letter, value in zip(LETTERS, cells, strict=True):
                if value is not None:
                    book[name][f"{letter}{number}"] = value
    if drop:
        del book[drop]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def modules_workbook(measure, lines=MODULES) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure, measure.table("modules"))))
    sheet = book["Modules collectifs"]
    for number, cells in enumerate(lines, start=4):
        for letter, value in zip("ABCDEFGH", cells, strict=True):
            sheet[f"{letter}{number}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def entered_from(measure, activities: bytes, modules: bytes, **more) -> dict:
    entered = {"encoding": "workbook", "personnel_a": ZERO_STAFF, "personnel_b": ZERO_STAFF,
               "personnel_c": ZERO_STAFF, **PERCENTAGES}
    entered.update(read_workbook_upload(measure, measure.table("sheet_a"), "activites.xlsx",
                                        io.BytesIO(activities)))
    entered.update(read_workbook_upload(measure, measure.table("modules"), "modules.xlsx",
                                        io.BytesIO(modules)))
    entered.update(more)
    return entered


def money(text: str) -> Decimal:
    return Decimal(text)


def test_the_activities_template_has_a_sheet_per_volet_with_french_or_dutch_headers(pas):
    for table_id in ("sheet_a", "sheet_b", "sheet_c"):  # the same workbook through each table
        book = openpyxl.load_workbook(io.BytesIO(template_bytes(pas, pas.table(table_id))))
        assert book.sheetnames == ["Volet A", "Volet B", "Volet C", "Listes"]
    assert book["Listes"].sheet_state == "hidden"
    headers = ["Catégorie", "Description de l'activité", "Nombre de participants",
               "Frais de fonctionnement", "dont investissement (hors TVA)",
               "dont frais généraux d'un partenaire externe",
               "Public mixte : participants du groupe cible",
               "Public mixte : participants au total", "Coût éligible"]
    for name in ("Volet A", "Volet B", "Volet C"):
        assert [book[name][f"{c}3"].value for c in "ABCDEFGHI"] == headers
    assert book["Volet C"]["A1"].value == (
        "Participation et activation sociale 2025 — volet C : Lutte contre la pauvreté "
        "infantile")
    # each volet's drop-down lists its own categories (A: 4, B: the 9 domains, C: 6)
    assert [(d.formula1, str(d.sqref)) for name in ("Volet A", "Volet B", "Volet C")
            for d in book[name].data_validations.dataValidation] == [
        ("'Listes'!$A$1:$A$4", "A4:A1003"), ("'Listes'!$B$1:$B$9", "A4:A1003"),
        ("'Listes'!$C$1:$C$6", "A4:A1003")]
    assert book["Listes"]["C2"].value == "Soutien scolaire"
    dutch = openpyxl.load_workbook(io.BytesIO(template_bytes(pas, pas.table("sheet_b"), "nl")))
    assert dutch.sheetnames == ["Volet A", "Volet B", "Volet C", "Lijsten"]
    assert [dutch["Volet B"][f"{c}3"].value for c in "ABCD"] == [
        "Categorie", "Beschrijving van de activiteit", "Aantal deelnemers", "Werkingskosten"]
    assert dutch["Lijsten"]["B3"].value == "Taal"
    modules = openpyxl.load_workbook(io.BytesIO(template_bytes(pas, pas.table("modules"))))
    assert modules.sheetnames == ["Modules collectifs", "Listes"]  # its own workbook
    assert [modules["Modules collectifs"][f"{c}3"].value for c in "ABDH"] == [
        "Nom du module", "Domaine d'action principal", "Participants",
        "Coût total justifié (fonctionnement et personnel)"]


def test_one_file_fills_the_three_volets_labels_read_as_ids(pas):
    read = read_workbook_upload(pas, pas.table("sheet_b"), "activites.xlsx",
                                activities_workbook(pas))
    assert sorted(read) == ["sheet_a", "sheet_b", "sheet_c"]
    assert [(r["category"], r["_sheet_row"]) for r in read["sheet_a"]] == [
        ("events", 4), ("digital_inclusion", 5), ("collective_initiatives", 6),
        ("memberships", 7)]
    assert [r["category"] for r in read["sheet_b"]] == ["language", "budget_debts"]
    assert [r["category"] for r in read["sheet_c"]] == ["school_support",
                                                         "educational_material"]
    assert read["sheet_a"][1]["cost"] == "6765,44"  # a text, parsed by the engine


def test_pas_21_the_worked_example_through_the_workbooks(pas):
    typed = [{"category": "events", "description": "Ignorée", "participants": "1",
              "cost": "99999"}]  # typed lines do not count in workbook encoding
    result = engine.evaluate(pas, entered_from(pas, activities_workbook(pas),
                                               modules_workbook(pas), activities_a=typed),
                             PREFILL)
    values = result.values
    assert values["total_subsidy"] == money("40000.00")
    assert [r["eligible"] for r in values["sheet_a"]] == [
        money("15000.00"), money("6765.44"), money("3000.00"), money("234.56")]
    assert values["sheet_a"][2]["share"] == Decimal("0.3")  # 6 of 20
    assert [r["eligible"] for r in values["sheet_b"]] == [money("5000.50"), money("2999.50")]
    assert (values["activities_eligible_a"], values["activities_eligible_b"],
            values["activities_eligible_c"]) == (money("25000.00"), money("8000.00"),
                                                 money("12000.00"))
    assert (values["eligible_a"], values["eligible_b"], values["eligible_c"]) == (
        money("20000.00"), money("8000.00"), money("12000.00"))
    assert values["volet_excess_a"] == money("5000.00")
    assert (values["penalty_b"], values["penalty_c"]) == (money("2000.00"), money("0.00"))
    assert (values["investments"], values["investment_excess"]) == (money("300.00"),
                                                                    money("0.00"))
    assert values["eligible_total"] == money("40000.00")
    assert values["retained"] == money("38000.00")
    assert values["to_reimburse"] == money("2000.00")
    assert (values["share_a"], values["share_b"], values["share_c"]) == (
        Decimal("0.5"), Decimal("0.2"), Decimal("0.3"))
    assert [r["cost_per_participant"] for r in values["modules"]] == [money("416.71"),
                                                                      money("374.94")]
    assert (values["b_workbook_participants"], values["b_workbook_cost"]) == (
        20, money("8000.00"))
    assert [i.code for i in result.issues if i.is_error] == []
    assert not result.blocking
    assert sorted(i.code for i in result.issues) == ["RULE.volet_a_within_maximum",
                                                     "RULE.volet_b_minimum"]
    penalty = next(i for i in result.issues if i.code == "RULE.volet_b_minimum")
    assert penalty.message("fr") == (
        "Volet B : le montant éligible (8 000,00 €) est inférieur au minimum de 10 000,00 € "
        "(25 % de la subvention) : la différence de 2 000,00 € est déduite de la subvention.")
    excess = next(i for i in result.issues if i.code == "RULE.volet_a_within_maximum")
    assert excess.message("fr") == (
        "Volet A : les dépenses éligibles dépassent le maximum du volet (20 000,00 €) : "
        "5 000,00 € n'est pas éligible.")
    # the manual tables are hidden in workbook encoding, the sheets shown
    assert {"activities_a", "activities_b", "activities_c"} <= set(result.hidden)
    assert not {"sheet_a", "sheet_b", "sheet_c", "modules"} & set(result.hidden)


def test_the_workbook_rows_do_not_count_in_manual_encoding(pas):
    entered = entered_from(pas, activities_workbook(pas), modules_workbook(pas),
                           encoding="manual")
    result = engine.evaluate(pas, entered, PREFILL)
    assert {"sheet_a", "sheet_b", "sheet_c"} <= set(result.hidden)
    assert (result.values["activities_eligible_a"], result.values["eligible_b"]) == (
        money("0.00"), money("0.00"))
    # the indicators (8 000,00) no longer match volet B (0 operating + 0 personnel)
    assert "RULE.volet_b_matches_indicators" in [i.code for i in result.issues if i.is_error]


def test_a_bad_cell_names_its_sheet_and_cell(pas):
    sheets = dict(ACTIVITIES)
    sheets["Volet C"] = [ACTIVITIES["Volet C"][0],
                         ("Matériel pédagogique et jeux", "Ludothèque", "douze", "4000,00", 300,
                          None, None, None)]
    result = engine.evaluate(pas, entered_from(pas, activities_workbook(pas, sheets),
                                               modules_workbook(pas)), PREFILL)
    errors = [(i.code, str(i.location)) for i in result.issues if i.is_error]
    assert errors == [("NOT_WHOLE", "Volet C!C5")]
    assert result.blocking
    issue = next(i for i in result.issues if i.is_error)
    assert "douze" in issue.message("fr")


def test_a_workbook_without_the_volet_b_sheet_is_refused_whole(pas):
    data = activities_workbook(pas, drop="Volet B")
    for table_id in ("sheet_a", "sheet_c"):
        with pytest.raises(UploadError) as refusal:
            read_workbook_upload(pas, pas.table(table_id), "activites.xlsx", io.BytesIO(data))
        assert refusal.value.code == "UPLOAD_NO_SHEET"
        assert refusal.value.params["sheet"] == "Volet B"
        assert refusal.value.params["sheets"] == "Volet A, Volet C, Listes"
    text = engine.codes.message("UPLOAD_NO_SHEET", "fr", **refusal.value.params)
    assert "Volet B" in text and "activites.xlsx" in text


def test_the_command_line_try_with_both_workbooks(pas, tmp_path):
    activities = tmp_path / "activites.xlsx"
    activities.write_bytes(activities_workbook(pas))
    modules = tmp_path / "modules.xlsx"
    modules.write_bytes(modules_workbook(pas))
    values = tmp_path / "values.yaml"
    values.write_text(json.dumps({"encoding": "workbook", "personnel_a": ZERO_STAFF,
                                  "personnel_b": ZERO_STAFF, "personnel_c": ZERO_STAFF,
                                  **PERCENTAGES}), encoding="utf-8")
    prefill = tmp_path / "prefill.yaml"
    prefill.write_text("granted: 38000.00\ncompensation: 2000.00\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["try", str(PAS), "--values", str(values), "--prefill",
                                  str(prefill), "--upload", f"sheet_a={activities}",
                                  "--upload", f"modules={modules}", "--json"])
    assert result.exit_code == 0, result.output  # warnings only
    payload = json.loads(result.output)
    got = payload["values"]
    assert (got["eligible_a"], got["eligible_b"], got["eligible_c"]) == (
        "20000.00", "8000.00", "12000.00")
    assert (got["penalty_b"], got["retained"], got["to_reimburse"]) == (
        "2000.00", "38000.00", "2000.00")
    assert got["b_workbook_cost"] == "8000.00"
    assert sorted(i["code"] for i in payload["issues"]) == ["RULE.volet_a_within_maximum",
                                                            "RULE.volet_b_minimum"]
    without_modules = runner.invoke(main, ["try", str(PAS), "--values", str(values),
                                           "--prefill", str(prefill), "--upload",
                                           f"sheet_c={activities}", "--json"])
    assert without_modules.exit_code == 1  # S = 40 000 ≥ 7 500: the indicators are required
    assert "RULE.indicators_required" in without_modules.output
    missing = tmp_path / "missing.xlsx"
    missing.write_bytes(activities_workbook(pas, drop="Volet B"))
    refused = runner.invoke(main, ["try", str(PAS), "--values", str(values), "--prefill",
                                   str(prefill), "--upload", f"sheet_a={missing}"])
    assert refused.exit_code == 2 and "UPLOAD_NO_SHEET" in refused.output
    assert "Volet B" in refused.output
