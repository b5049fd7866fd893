"""REDI through a real workbook (../shared/spec/redi.md, "The spreadsheet"): the template is
generated from the schema, filled in as a CPAS does (grey columns from the REDI tool, white
ones typed: Excel dates and dd/mm/yyyy texts, labels from the drop-downs, amounts), uploaded
back, and the manual's worked example comes out of the form.

REDI-12: the manual's worked example through a workbook (6 349,82 / 7 400,00 / 5 063,06 /
1 000,00 → 4 063,06, 5 063,06, 1 286,76).
REDI-13: row problems name the sheet and cell (``Rapport!G8``); an incomplete row is a warning
and is not counted; a white cell that cannot be read (column R checks it) makes its row
Incomplet, a warning that does not block the signature, while an unreadable grey cell (from the
REDI tool) stays an error.
REDI-14: a file that is not a workbook, or has no "Rapport" sheet, is refused whole.
REDI-15: a file whose NIS codes (column A) are another CPAS's is refused whole.
"""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from click.testing import CliRunner

import engine
from engine.cli import main
from engine.spreadsheets.template import template_bytes
from engine.uploads import UploadError
from engine.uploads import read_table_upload

from .conftest import SCHEMAS

PREFILL = {"subsidy": "6349.82", "cpas_nis": "99999"}
ROWS = [
    # A      B              C     D                       E          F             G
    ("99999", "85073003328", "64", datetime.date(2023, 5, 2), -400, "Oui - PIIS",
     datetime.date(2023, 5, 3),
     # H    J                          K             L   O            P
     500, datetime.date(2023, 5, 1), "29/02/2024", 10, "Mensuelle", 1000),
    ("99999", "90022500186", "77", "04/09/2023", "-531,53", "Non - déjà à l'emploi",
     "05/09/2023", "1200", "01/09/2023", "31/10/2023", 2, "Unique", 0),
    # incomplete: no payment (O) — not counted, a warning
    ("99999", "90022500186", "78", "04/09/2023", -100, "Oui - autre", "05/09/2023", 50,
     "01/09/2023", "30/09/2023", 1, None, 50),
    # a decision date that is not a date
    ("99999", "90022500186", "79", "04/09/2023", -100, "Oui - autre", "31/02/2023", 50,
     "01/09/2023", "30/09/2023", 1, "Unique", 50),
]
LETTERS = "ABCDEFGHJKLOP"


@pytest.fixture(scope="module")
def redi(plugins):
    return engine.measure_from(SCHEMAS / "redi" / "2023.yaml", plugins)


def filled(measure, rows) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure,
                                                            measure.table("simulations"))))
    sheet = book["Rapport"]
    for number, row in enumerate(rows, start=5):
        for letter, value in zip(LETTERS, row, strict=True):
            if value is not None:
                sheet[f"{letter}{number}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def evaluated(measure, data: bytes):
    rows = read_table_upload(measure, measure.table("simulations"), "rapport.xlsx",
                             io.BytesIO(data))
    return engine.evaluate(measure, {"simulations": rows}, PREFILL)


def test_redi_12_the_manual_worked_example_through_a_workbook(redi):
    result = evaluated(redi, filled(redi, ROWS[:2]))
    values = result.values
    assert [r["monthly_subsidised"] for r in values["simulations"]] == [Decimal("400.00"),
                                                                       Decimal("531.53")]
    assert (values["granted_total"], values["subsidisable_total"], values["paid_total"]) == (
        Decimal("7400.00"), Decimal("5063.06"), Decimal("1000.00"))
    assert (values["remaining"], values["subsidised"], values["to_reimburse"]) == (
        Decimal("4063.06"), Decimal("5063.06"), Decimal("1286.76"))
    assert result.issues == []


def test_redi_13_row_problems_name_the_sheet_and_cell(redi):
    result = evaluated(redi, filled(redi, ROWS))
    assert [(i.code, str(i.location), i.severity) for i in result.issues] == [
        ("NOT_A_DATE", "Rapport!G8", "warning"),  # column G is checked by the control column
        ("RULE.row_complete", "Rapport!7:7", "warning"),  # no payment: not counted
        ("RULE.row_complete", "Rapport!8:8", "warning"),  # its decision date is unreadable
    ]
    assert result.issues[0].message("fr") == (
        "« Date de décision » : « 31/02/2023 » n'est pas une date valide ; écrivez JJ/MM/AAAA.")
    assert [r["control"] for r in result.values["simulations"]] == [
        "complete", "complete", "incomplete", "incomplete"]
    assert result.values["granted_total"] == Decimal("7400.00")  # rows 7 and 8 not counted
    assert not result.blocking  # Incomplet rows do not block the signature


def test_redi_13_an_unreadable_grey_cell_stays_an_error(redi):
    bad_balance = ROWS[0][:4] + ("beaucoup",) + ROWS[0][5:]
    result = evaluated(redi, filled(redi, [bad_balance, ROWS[1]]))
    assert [(i.code, str(i.location), i.severity) for i in result.issues
            if i.code == "NOT_A_NUMBER"] == [("NOT_A_NUMBER", "Rapport!E5", "error")]
    assert result.blocking


def test_redi_14_unusable_files_are_refused_whole(redi):
    table = redi.table("simulations")
    with pytest.raises(UploadError) as refused:
        read_table_upload(redi, table, "rapport.xlsx", io.BytesIO(b"not a workbook"))
    assert refused.value.code == "UPLOAD_NOT_WORKBOOK"
    book = openpyxl.Workbook()
    book.active.title = "Feuil1"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(UploadError) as refused:
        read_table_upload(redi, table, "rapport.xlsx", io.BytesIO(out.getvalue()))
    assert refused.value.code == "UPLOAD_NO_SHEET"


def test_redi_15_another_cpas_file_is_refused_whole(redi, tmp_path):
    data = filled(redi, ROWS[:2])
    table = redi.table("simulations")
    with pytest.raises(UploadError) as refused:
        read_table_upload(redi, table, "rapport.xlsx", io.BytesIO(data), cpas_nis="21004")
    assert refused.value.code == "UPLOAD_OTHER_CPAS"
    assert refused.value.params["found"] == "99999"
    assert read_table_upload(redi, table, "rapport.xlsx", io.BytesIO(data), cpas_nis="99999")
    path = tmp_path / "rapport.xlsx"
    path.write_bytes(data)
    values = tmp_path / "values.yaml"
    values.write_text("{}\n", encoding="utf-8")
    runner = CliRunner()
    other = runner.invoke(main, ["try", str(SCHEMAS / "redi" / "2023.yaml"), "--values",
                                 str(values), "--upload", f"simulations={path}",
                                 "--cpas", "21004"])
    assert other.exit_code == 2 and "UPLOAD_OTHER_CPAS" in other.output
    own = runner.invoke(main, ["try", str(SCHEMAS / "redi" / "2023.yaml"), "--values",
                               str(values), "--upload", f"simulations={path}", "--json"])
    assert '"subsidisable_total": "5063.06"' in own.output
