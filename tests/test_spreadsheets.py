"""Tables ↔ workbooks: the template generated from the schema, the import of an upload, the
cell-located issues, the file-level refusals and the annotated copy (engine.spreadsheets).

The ``staff`` table of ``tests/measures/all_constructs.yaml`` declares ``spreadsheet:``;
``tests/measures/workbook.yaml`` is a small plugin-free measure for the command line.
"""

import datetime
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import engine
from engine import codes
from engine.cli import main
from engine.display import Shown
from engine.display import Text
from engine.spreadsheets.annotate import annotate
from engine.spreadsheets.reader import read_workbook
from engine.spreadsheets.template import template_bytes
from engine.uploads import UploadError
from engine.uploads import read_table_upload

MEASURES = Path(__file__).resolve().parent / "measures"
WORKBOOK = MEASURES / "workbook.yaml"
PREFILLED = {"granted": "10000", "files": 20, "class": "2"}
# three rows typed as a CPAS would in the template's white cells (sheet rows 5, 6, 7)
FILLED = [
    {"B": "Anne", "C": "Médiateur de dettes", "D": "Mi-temps", "E": 50,
     "F": datetime.date(2025, 1, 1), "G": "15/03/2025", "J": 1000.5, "K": "400,25"},
    {"B": "Bob", "C": "Assistant social", "D": "Temps plein", "E": 100,
     "F": "01/02/2025", "G": datetime.date(2025, 12, 31), "J": "2000.00", "K": 150},
    {"B": "Chloé", "C": "Assistant social", "D": "4/5", "E": 80,
     "F": datetime.date(2025, 6, 1), "G": datetime.date(2025, 8, 15), "J": 900, "K": 99.99},
]
# the same rows typed directly (ids, texts), as the web form would send them
TYPED = [
    {"niss": "85073003328", "name": "Anne", "function": "debt_mediator", "regime": "half_time",
     "share": "50", "start": "01/01/2025", "end": "15/03/2025", "gross": "1000,50",
     "charged": "400.25"},
    {"name": "Bob", "function": "social_worker", "regime": "full_time", "share": "100",
     "start": "2025-02-01", "end": "31/12/2025", "gross": "2000", "charged": "150"},
    {"name": "Chloé", "function": "social_worker", "regime": "four_fifths", "share": "80",
     "start": "01/06/2025", "end": "15/08/2025", "gross": "900", "charged": "99,99"},
]


@pytest.fixture(scope="module")
def staff(constructs):
    return constructs.table("staff")


@pytest.fixture(scope="module")
def template_fr(constructs, staff):
    return template_bytes(constructs, staff, "fr", rows=[{"niss": "85073003328"}])


def filled(template: bytes, rows=FILLED, sheet="Personnel", first=5) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template))
    ws = book[sheet]
    for number, cells in enumerate(rows, start=first):
        for letter, value in cells.items():
            ws[f"{letter}{number}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def staff_issues(result):
    return [i for i in result.issues if i.location.table == "staff"]


# --- the template ------------------------------------------------------------------------------

def test_the_template_has_titles_totals_and_headers_in_the_language(constructs, staff,
                                                                    template_fr):
    ws = openpyxl.load_workbook(io.BytesIO(template_fr))["Personnel"]
    assert ws["A1"].value == "Personnel affecté à la mesure"
    assert ws["A2"].value == "Période du 01/01/2025 au 31/12/2025"
    assert [ws.cell(4, c).value for c in range(1, 15)] == [
        "NISS", "Nom", "Fonction", "Régime", "Taux d'affectation", "Début", "Fin", "Mois", "ETP",
        "Montant brut", "Montant imputé", "Montant retenu", "Contrôle", "Remarque médiation"]
    assert ws["J3"].value == '=SUMIF(M5:M1048576,"Complet",J5:J1048576)'
    assert ws["L3"].value == '=SUMIF(M5:M1048576,"Complet",L5:L1048576)'
    nl = openpyxl.load_workbook(io.BytesIO(template_bytes(constructs, staff, "nl")))["Personnel"]
    assert nl["A1"].value == "Personeel ingezet voor de maatregel"
    assert nl["B4"].value == "Naam" and nl["M4"].value == "Controle"
    assert nl["J3"].value == '=SUMIF(M5:M1048576,"Volledig",J5:J1048576)'


def test_grey_columns_are_locked_and_white_ones_open(template_fr):
    ws = openpyxl.load_workbook(io.BytesIO(template_fr))["Personnel"]
    assert ws.protection.sheet is True
    for letter in "AHILM":  # niss (grey:), months/fte (formula), capped (plugin), control
        assert ws[f"{letter}5"].protection.locked is True
        assert ws[f"{letter}5"].fill.start_color.rgb.endswith("D9D9D9")
    for letter in "BCDEFGJKN":
        assert ws[f"{letter}5"].protection.locked is False
        assert ws[f"{letter}1004"].protection.locked is False  # 1 000 pre-formatted rows
        assert ws[f"{letter}5"].fill.fill_type is None
    assert ws["A5"].value == "85073003328"  # a pre-filled grey cell


def test_choice_columns_offer_their_labels_in_a_drop_down(template_fr):
    book = openpyxl.load_workbook(io.BytesIO(template_fr))
    ws = book["Personnel"]
    found = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert found == {"C5:C1004": "'Listes'!$A$1:$A$2", "D5:D1004": "'Listes'!$B$1:$B$3"}
    lists = book["Listes"]
    assert lists.sheet_state == "hidden"
    assert [lists[f"A{n}"].value for n in (1, 2)] == ["Assistant social", "Médiateur de dettes"]
    assert [lists[f"B{n}"].value for n in (1, 2, 3)] == ["Temps plein", "4/5", "Mi-temps"]


def test_columns_have_number_formats_and_formulas(template_fr):
    ws = openpyxl.load_workbook(io.BytesIO(template_fr))["Personnel"]
    assert ws["J5"].number_format == "#,##0.00"
    assert ws["F5"].number_format == "DD/MM/YYYY"
    assert ws["E5"].number_format == '0.00" %"'
    assert ws["H5"].number_format == "0"
    assert ws["B5"].number_format == "@"
    assert ws["H7"].value == ('=IF(OR(G7="",F7=""),"",'
                              '((YEAR(G7)-YEAR(F7))*12+MONTH(G7)-MONTH(F7)+1))')
    # choice_value() and a plugin's column have no Excel translation: blank, with a note
    assert ws["I5"].value is None and ws["L5"].value is None
    assert "Calculé par l'application" in ws["I4"].comment.text
    assert ws["M6"].value == ('=IF(AND(B6<>"",C6<>"",D6<>"",E6<>"",F6<>"",G6<>"",J6<>"",'
                              'K6<>""),"Complet","Incomplet")')


def test_a_formula_translates_choices_parameters_and_empties(constructs):
    from engine.spreadsheets.template import _excel_formula
    expenses = constructs.table("expenses")
    letters = {"cost": "B", "target": "D", "everyone": "E"}
    assert _excel_formula(constructs, expenses, expenses.column("eligible"), letters, 5, "fr") \
        == ('=IF(OR(B{row}=""),"",ROUND(IF(AND(NOT((D{row}="")),NOT((E{row}=""))),'
            '((B{row}*D{row})/E{row}),B{row}),2))')


# --- import ------------------------------------------------------------------------------------

def test_a_filled_template_imports_cleanly_with_the_same_totals(constructs, staff, template_fr):
    rows = read_table_upload(constructs, staff, "personnel.xlsx", io.BytesIO(filled(template_fr)))
    assert [r["_sheet_row"] for r in rows] == [5, 6, 7]  # 997 formatted empty rows ignored
    assert rows[0]["function"] == "debt_mediator" and rows[2]["regime"] == "four_fifths"
    from_sheet = engine.evaluate(constructs, {"staff": rows}, PREFILLED)
    typed = engine.evaluate(constructs, {"staff": TYPED}, PREFILLED)
    assert staff_issues(from_sheet) == []
    assert from_sheet.values["staff"] == typed.values["staff"]
    for total in ("staff_charged", "staff_retained", "mediators_charged", "staff_fte"):
        assert from_sheet.values[total] == typed.values[total]
    assert from_sheet.values["staff_charged"] == Decimal("650.24")
    assert from_sheet.values["staff"][0]["months"] == 3


def test_rows_read_in_dutch_labels_and_ids(constructs, staff):
    template = template_bytes(constructs, staff, "nl", count=5)
    rows = [dict(FILLED[0], C="Schuldbemiddelaar", D="halftijds"),
            dict(FILLED[1], C="social_worker", D="full_time")]
    read = read_workbook(staff, "p.xlsx", filled(template, rows))
    assert [(r["function"], r["regime"]) for r in read] == [
        ("debt_mediator", "half_time"), ("social_worker", "full_time")]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_row_problems_name_their_sheet_and_cell(constructs, staff, template_fr, lang):
    rows = [FILLED[0], {}, dict(FILLED[1], F="31/02/2025"), dict(FILLED[2], G="2026-03-01")]
    read = read_workbook(staff, "p.xlsx", filled(template_fr, rows))
    assert [r["_sheet_row"] for r in read] == [5, 7, 8]  # the empty row 6 is skipped
    result = engine.evaluate(constructs, {"staff": read}, PREFILLED)
    shown = [f"{i.location}: {i.message(lang)}" for i in staff_issues(result)]
    start = Text(staff.column("start").label)
    assert shown == [
        "Personnel!F7: " + codes.message("NOT_A_DATE", lang, label=start.render(lang),
                                         value=Shown("31/02/2025").render(lang)),
        "Personnel!F8: " + {"fr": "La période d'occupation doit être comprise dans la période "
                                  "de subvention.",
                            "nl": "De tewerkstellingsperiode moet binnen de subsidieperiode "
                                  "vallen."}[lang]]
    assert str(engine.problems.Location(table="staff", row=2, column="start")) == "staff[2].start"


def test_a_formula_typed_in_a_white_cell_is_never_evaluated(constructs, staff, template_fr):
    read = read_workbook(staff, "p.xlsx", filled(template_fr, [dict(FILLED[0], J="=1+1")]))
    assert "gross" not in read[0]  # no cached value: nothing, never 2
    result = engine.evaluate(constructs, {"staff": read}, PREFILLED)
    assert [(str(i.location), i.code) for i in staff_issues(result)] == [
        ("Personnel!J5", "REQUIRED")]


def test_computed_columns_from_the_file_are_recomputed(constructs, staff, template_fr):
    read = read_workbook(staff, "p.xlsx", filled(template_fr, [dict(FILLED[0], H=99, L=5000)]))
    assert "months" not in read[0] and "capped" not in read[0]
    result = engine.evaluate(constructs, {"staff": read}, PREFILLED)
    assert result.values["staff"][0]["months"] == 3
    assert result.values["staff"][0]["capped"] == Decimal("400.25")


def test_the_annotated_copy_comments_each_offending_cell(constructs, staff, template_fr):
    data = filled(template_fr, [dict(FILLED[0], F="31/02/2025", J=None)])
    result = engine.evaluate(constructs, {"staff": read_workbook(staff, "p.xlsx", data)},
                             PREFILLED)
    ws = openpyxl.load_workbook(io.BytesIO(annotate(data, result.issues, "nl")))["Personnel"]
    assert "geen geldige datum" in ws["F5"].comment.text
    assert "verplicht" in ws["J5"].comment.text
    # F is checked by the control column: an unreadable date makes the row incomplete, a
    # warning (amber); a required cell left empty is an error (red)
    assert ws["F5"].fill.start_color.rgb.endswith("FFEB9C")
    assert ws["J5"].fill.start_color.rgb.endswith("FFC7CE")
    assert ws["B5"].comment is None
    assert openpyxl.load_workbook(io.BytesIO(data))["Personnel"]["F5"].comment is None


# --- file-level refusals -----------------------------------------------------------------------

def _zip(entries: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _renamed(template: bytes) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template))
    book["Personnel"].title = "Feuil1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


REFUSALS = {
    "not a workbook": (lambda t: b"name;cost\nAnne;12\n", "UPLOAD_NOT_WORKBOOK", {}),
    "a zip that is no workbook": (lambda t: _zip({"word/document.xml": "<w/>"}),
                                  "UPLOAD_NOT_WORKBOOK", {}),
    "encrypted or old xls": (lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
                             "UPLOAD_ENCRYPTED", {}),
    "no such sheet": (_renamed, "UPLOAD_NO_SHEET",
                      {"sheet": "Personnel", "sheets": "Feuil1, Listes"}),
    "missing header column": (lambda t: filled(t, [{"K": None}], first=4), "UPLOAD_SHEET_COLUMNS",
                              {"columns": "K (Montant imputé / Aangerekend bedrag)"}),
    "too many rows": (lambda t: filled(t, FILLED * 2), "UPLOAD_TOO_MANY_ROWS",
                      {"count": 6, "limit": 5}),
    "zip bomb": (lambda t: _zip({"xl/workbook.xml": "<w/>", "xl/worksheets/sheet1.xml":
                                 b"0" * 3_000_000}), "UPLOAD_TOO_LARGE", {"limit": "2 MB"}),
    "too many bytes": (lambda t: t + b"\0" * 100, "UPLOAD_TOO_LARGE", {"limit": "0.5 MB"}),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_file_level_problem_refuses_the_whole_upload(staff, template_fr, case):
    make, code, params = REFUSALS[case]
    data = make(template_fr)
    limits = {"max_rows": 5, "max_uncompressed": 2 * 1024 * 1024}
    if case == "too many bytes":
        limits["max_bytes"] = 512 * 1024
        data = data + b"\0" * (512 * 1024)
    with pytest.raises(UploadError) as caught:
        read_workbook(staff, "p.xlsx", io.BytesIO(data), **limits)
    assert caught.value.code == code
    for key, value in params.items():
        assert caught.value.params[key] == value
    for lang in ("fr", "nl"):  # a message in both languages naming the file
        assert "p.xlsx" in codes.message(code, lang, **caught.value.params)


# --- schema language ---------------------------------------------------------------------------

def test_the_schema_checks_the_mapping(test_plugins):
    text = (MEASURES / "all_constructs.yaml").read_text(encoding="utf-8")
    indent = "            "
    broken = (text.replace(f"{indent}charged: K\n", f"{indent}charged: J\n{indent}charge: P\n")
              .replace(f"{indent}fte: I\n", f"{indent}fte: ZZZZ1\n{indent}gros: AAA\n")
              .replace(f"{indent}column: M\n", f"{indent}column: XYZ\n"))
    loaded = engine.load_measure_text(broken, "constructs.yaml", test_plugins)
    found = sorted((p.code, p.params.get("column") or p.params.get("id")
                    or p.params["value"].value) for p in loaded.problems)
    assert found == [("BAD_FORMAT", "XYZ"), ("DUPLICATE_ID", "J"), ("UNKNOWN_COLUMN", "charge"),
                     ("UNKNOWN_COLUMN", "gros")]
    assert engine.load_measure_text(text, "constructs.yaml", test_plugins).problems == []


# --- command line ------------------------------------------------------------------------------

def test_the_template_command_and_try_with_a_workbook(tmp_path):
    runner = CliRunner()
    out = tmp_path / "aides.xlsx"
    result = runner.invoke(main, ["template", str(WORKBOOK), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Rapport" in result.output
    data = filled(out.read_bytes(), [
        {"A": "D-1", "B": -500, "C": "Mensuelle", "D": "03/03/2024", "E": 300},
        {"A": "D-2", "B": -100, "C": "Unique", "D": datetime.date(2024, 2, 1), "E": "250,50"}],
        sheet="Rapport", first=4)
    upload = tmp_path / "upload.xlsx"
    upload.write_bytes(data)
    values = tmp_path / "values.yaml"
    values.write_text("{}\n", encoding="utf-8")
    prefill = tmp_path / "prefill.yaml"
    prefill.write_text("envelope: 1000\n", encoding="utf-8")
    result = runner.invoke(main, ["try", str(WORKBOOK), "--values", str(values), "--prefill",
                                  str(prefill), "--upload", f"aids={upload}", "--json"])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.output)
    assert payload["values"]["total_subsidised"] == "400.00"
    assert payload["values"]["to_reimburse"] == "600.00"
    assert payload["issues"] == [{
        "severity": "error", "code": "RULE.decision_in_period", "location": "Rapport!D4",
        "message": "La date de décision 03/03/2024 est hors de la période de subvention."}]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    result = runner.invoke(main, ["try", str(WORKBOOK), "--values", str(values),
                                  "--upload", f"aids={bad}", "--lang", "nl"])
    assert result.exit_code == 2
    assert "UPLOAD_NOT_WORKBOOK" in result.output and "geen leesbare Excel-werkmap" in result.output


def test_a_table_without_mapping_reads_headers_anywhere_on_row_one(constructs):
    book = openpyxl.Workbook()
    ws = book.active
    ws["C1"], ws["D1"], ws["E1"] = "Beschrijving", "cost", "Dont investissement"
    ws["C2"], ws["D2"], ws["E2"] = "Salle", "1 200,50", 200
    ws["D4"] = "abc"
    out = io.BytesIO()
    book.save(out)
    expenses = constructs.table("expenses")
    rows = read_table_upload(constructs, expenses, "d.xlsx", io.BytesIO(out.getvalue()))
    assert rows == [{"description": "Salle", "cost": "1 200,50", "investment": 200,
                     "_sheet_row": 2}, {"cost": "abc", "_sheet_row": 4}]
    result = engine.evaluate(constructs, {"expenses": rows}, PREFILLED)
    assert result.values["expenses"][0]["eligible"] == Decimal("1200.50")
    assert [(str(i.location), i.code) for i in result.issues
            if i.location.table == "expenses"] == [("Sheet!D4", "NOT_A_NUMBER")]
