"""Tables sharing one workbook (``spreadsheet: workbook: <id>``), a sheet each: the schema
check, the one template, the one upload read into every table, the annotated copy, the command
line and the service (``tests/measures/two_sheets.yaml``: "Volet A" and "Volet B")."""

import datetime
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import engine
from engine import demo
from engine.catalog import Catalog
from engine.cli import main
from engine.lifecycle import Refused
from engine.service import Service
from engine.spreadsheets.annotate import annotate
from engine.spreadsheets.template import template_bytes
from engine.store import Store
from engine.store import tables
from engine.uploads import UploadError
from engine.uploads import read_table_upload
from engine.uploads import read_workbook_upload

MEASURES = Path(__file__).resolve().parent / "measures"
TWO_SHEETS = MEASURES / "two_sheets.yaml"
WORKBOOK = MEASURES / "workbook.yaml"
ROWS_A = [{"A": "Anne", "B": 1500}, {"A": "Bob", "B": "250,50"}]  # sheet rows 4 and 5
ROWS_B = [{"A": "Atelier", "B": 300}, {"A": "Opleiding", "B": 120.25}]  # sheet rows 3 and 4


@pytest.fixture(scope="module")
def measure():
    return engine.measure_from(TWO_SHEETS, engine.default_plugins())


@pytest.fixture(scope="module")
def template(measure):
    return template_bytes(measure, measure.table("volet_b"), "fr")


def filled(template: bytes, rows_a=ROWS_A, rows_b=ROWS_B, drop: str | None = None) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template))
    for sheet, rows, first in (("Volet A", rows_a, 4), ("Volet B", rows_b, 3)):
        for number, cells in enumerate(rows, start=first):
            for letter, value in cells.items():
                book[sheet][f"{letter}{number}"] = value
    if drop:
        del book[drop]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_group_is_the_tables_sharing_the_workbook_id(measure):
    a, b = measure.table("volet_a"), measure.table("volet_b")
    assert measure.workbook_tables(a) == measure.workbook_tables(b) == (a, b)
    assert (a.workbook, a.upload_only, b.upload_only) == ("activities", False, True)
    alone = engine.measure_from(WORKBOOK, engine.default_plugins())
    aids = alone.table("aids")
    assert alone.workbook_tables(aids) == (aids,) and aids.workbook is None


def test_one_template_has_a_sheet_per_table_laid_out_as_alone(measure, template):
    book = openpyxl.load_workbook(io.BytesIO(template))
    through_a = openpyxl.load_workbook(io.BytesIO(template_bytes(measure, measure.table(
        "volet_a"), "fr")))  # the same workbook through either table
    assert through_a.sheetnames == book.sheetnames and through_a.active.title == "Volet A"
    assert book.sheetnames == ["Volet A", "Volet B", "Listes"]
    assert book["Listes"].sheet_state == "hidden"
    a, b = book["Volet A"], book["Volet B"]
    assert a["A1"].value == "Volet A : accompagnement"
    assert [a[f"{c}3"].value for c in "ABCD"] == ["Bénéficiaire", "Montant",
                                                  "Montant subventionné", "Contrôle"]
    assert a["C4"].value == '=IF(OR(B4=""),"",ROUND(MIN(B4,1000.00),2))'
    assert a["D4"].value == '=IF(AND(A4<>"",B4<>""),"Complet","Incomplet")'
    assert a["B2"].value == '=SUMIF(D4:D1048576,"Complet",B4:B1048576)'
    assert a["B4"].number_format == "#,##0.00"
    assert a["B4"].protection.locked is False and a["C4"].protection.locked is True
    assert a.protection.sheet and b.protection.sheet
    assert [b["A2"].value, b["B2"].value] == ["Activité", "Coût"]
    assert b["B1"].value == "=SUM(B3:B1048576)"
    drop_down = b.data_validations.dataValidation[0]
    assert drop_down.formula1 == "'Listes'!$A$1:$A$2" and str(drop_down.sqref) == "A3:A1002"
    assert [book["Listes"]["A1"].value, book["Listes"]["A2"].value] == ["Atelier", "Formation"]
    dutch = openpyxl.load_workbook(io.BytesIO(template_bytes(measure, measure.table("volet_a"),
                                                             "nl")))
    assert dutch.sheetnames == ["Volet A", "Volet B", "Lijsten"]
    assert dutch["Volet B"]["A2"].value == "Activiteit"


def test_a_table_alone_keeps_its_single_sheet_template():
    alone = engine.measure_from(WORKBOOK, engine.default_plugins())
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(alone, alone.table("aids"), "fr")))
    assert book.sheetnames == ["Rapport", "Listes"]


def test_one_file_fills_every_table_of_the_workbook(measure, template):
    data = filled(template)
    read = read_workbook_upload(measure, measure.table("volet_a"), "volets.xlsx",
                                io.BytesIO(data))
    assert read == {
        "volet_a": [{"beneficiary": "Anne", "amount": 1500, "_sheet_row": 4},
                    {"beneficiary": "Bob", "amount": "250,50", "_sheet_row": 5}],
        "volet_b": [{"activity": "workshop", "cost": 300, "_sheet_row": 3},
                    {"activity": "course", "cost": Decimal("120.25"), "_sheet_row": 4}]}
    assert read_workbook_upload(measure, measure.table("volet_b"), "volets.xlsx", data) == read
    result = engine.evaluate(measure, read, {"advance": "2000"})
    assert result.values["total_a"] == Decimal("1250.50")  # 1 500 capped at 1 000
    assert result.values["total_b"] == Decimal("420.25")
    assert result.values["justified"] == Decimal("1670.75")
    assert result.values["to_reimburse"] == Decimal("329.25")
    assert result.issues == []


def test_a_table_alone_reads_as_before():
    alone = engine.measure_from(WORKBOOK, engine.default_plugins())
    aids = alone.table("aids")
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(alone, aids, "fr")))
    book["Rapport"]["A4"], book["Rapport"]["E4"] = "D-1", 300
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    expected = read_table_upload(alone, aids, "a.xlsx", io.BytesIO(data))
    assert read_workbook_upload(alone, aids, "a.xlsx", io.BytesIO(data)) == {"aids": expected}
    assert expected == [{"file": "D-1", "granted": 300, "_sheet_row": 4}]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_missing_sheet_refuses_the_whole_file_naming_it(measure, template, lang):
    data = filled(template, drop="Volet B")
    with pytest.raises(UploadError) as refusal:
        read_workbook_upload(measure, measure.table("volet_a"), "volets.xlsx", data)
    assert refusal.value.code == "UPLOAD_NO_SHEET"
    assert refusal.value.params["sheet"] == "Volet B"
    text = engine.codes.message(refusal.value.code, lang, **refusal.value.params)
    assert "Volet B" in text and "volets.xlsx" in text


def test_a_csv_file_cannot_fill_a_workbook(measure):
    with pytest.raises(UploadError) as refusal:
        read_workbook_upload(measure, measure.table("volet_a"), "a.csv",
                             io.BytesIO(b"beneficiary;amount\nAnne;10\n"))
    assert refusal.value.code == "UPLOAD_NOT_WORKBOOK"


def test_a_sheet_name_used_twice_in_a_workbook_is_a_schema_problem():
    text = TWO_SHEETS.read_text(encoding="utf-8")
    broken = text.replace('sheet: "Volet B"', 'sheet: "volet a"')
    line = broken.splitlines().index('          sheet: "volet a"') + 1
    first = broken.splitlines().index('          sheet: "Volet A"') + 1
    loaded = engine.load_measure_text(broken, "two_sheets.yaml", engine.default_plugins())
    assert loaded.measure is None
    assert [(p.code, p.line, p.params["id"], p.params["first_line"])
            for p in loaded.problems] == [("DUPLICATE_ID", line, "volet a", first)]
    assert f"two_sheets.yaml:{line}:" in loaded.problems[0].format("nl")
    other_book = broken.replace("workbook: activities\n          upload_only",
                                "workbook: others\n          upload_only")
    assert engine.load_measure_text(other_book, "t.yaml", engine.default_plugins()).problems == []


def test_the_schema_structure_checks_the_new_keys():
    text = TWO_SHEETS.read_text(encoding="utf-8")
    broken = text.replace("workbook: activities\n          upload_only: true",
                          "workbook: Activities\n          upload_only: yes please")
    codes = sorted(p.code for p in engine.load_measure_text(
        broken, "t.yaml", engine.default_plugins()).problems)
    assert codes == ["BAD_FORMAT", "WRONG_TYPE"]


def test_the_annotated_copy_puts_each_issue_on_its_sheet(measure, template):
    data = filled(template, rows_a=[{"A": "Anne", "B": -5}], rows_b=[{"A": "Atelier"}])
    read = read_workbook_upload(measure, measure.table("volet_a"), "v.xlsx", data)
    result = engine.evaluate(measure, read, {"advance": "0"})
    assert sorted(str(i.location.sheet) + "!" + str(i.location.cell) for i in result.issues) \
        == ["Volet A!B4", "Volet B!B3"]
    book = openpyxl.load_workbook(io.BytesIO(annotate(data, result.issues, "fr")))
    assert book["Volet A"]["B4"].comment is not None and book["Volet A"]["B3"].comment is None
    assert book["Volet B"]["B3"].comment is not None


def test_the_command_line_template_and_try_fill_the_whole_workbook(tmp_path):
    runner = CliRunner()
    out = tmp_path / "volets.xlsx"
    result = runner.invoke(main, ["template", str(TWO_SHEETS), "-o", str(out)])
    assert result.exit_code == 0, result.output  # one workbook: no --table needed
    result = runner.invoke(main, ["template", str(TWO_SHEETS), "--table", "volet_b", "-o",
                                  str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames == ["Volet A", "Volet B", "Listes"]
    upload = tmp_path / "upload.xlsx"
    upload.write_bytes(filled(out.read_bytes()))
    values = tmp_path / "values.yaml"
    values.write_text("{}\n", encoding="utf-8")
    prefill = tmp_path / "prefill.yaml"
    prefill.write_text("advance: 2000\n", encoding="utf-8")
    result = runner.invoke(main, ["try", str(TWO_SHEETS), "--values", str(values), "--prefill",
                                  str(prefill), "--upload", f"volet_b={upload}", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert (payload["values"]["total_a"], payload["values"]["total_b"]) == ("1250.50", "420.25")
    assert payload["values"]["to_reimburse"] == "329.25"
    missing = tmp_path / "missing.xlsx"
    missing.write_bytes(filled(out.read_bytes(), drop="Volet A"))
    result = runner.invoke(main, ["try", str(TWO_SHEETS), "--values", str(values),
                                  "--upload", f"volet_b={missing}"])
    assert result.exit_code == 2 and "UPLOAD_NO_SHEET" in result.output
    assert "Volet A" in result.output


# --- the service -------------------------------------------------------------------------------

NIS = "99999"
FORM = ("two_sheets", 2025)


@pytest.fixture
def service(tmp_path):
    folder = tmp_path / "schemas" / "two_sheets"
    folder.mkdir(parents=True)
    shutil.copyfile(TWO_SHEETS, folder / "2025.yaml")
    store = Store(f"sqlite:///{tmp_path / 'test.db'}")
    store.upgrade()
    catalog = Catalog(store, engine.default_plugins())
    catalog.publish_folder(tmp_path / "schemas", require_tests=False)
    service = Service(store, catalog, today=lambda: datetime.date(2026, 11, 23),
                      password_method="pbkdf2:sha256:1000")
    demo.seed(service)
    service.set_prefilled(NIS, *FORM, {"advance": "2000"})
    yield service
    store.close()


def test_an_upload_through_one_table_fills_the_workbook_and_is_kept_once(service, template):
    agent = service.actor_by_username("agent")
    data = filled(template)
    view = service.upload(agent, NIS, *FORM, "volet_b", "volets.xlsx", data, 0)
    assert view.version_number == 1
    assert [r["beneficiary"] for r in view.entered["volet_a"]] == ["Anne", "Bob"]
    assert [r["activity"] for r in view.entered["volet_b"]] == ["workshop", "course"]
    assert view.evaluation.values["justified"] == Decimal("1670.75")
    assert service.uploaded_names(agent, NIS, *FORM) == {"volet_a": "volets.xlsx",
                                                         "volet_b": "volets.xlsx"}
    for table_id in ("volet_a", "volet_b"):
        assert service.uploaded_file(agent, NIS, *FORM, table_id) == ("volets.xlsx", data)
    uploads = [e for e in service.audit_trail(agent, NIS, *FORM) if e["action"] == "upload"]
    assert len(uploads) == 1
    assert uploads[0]["detail"]["tables"] == {"volet_a": 2, "volet_b": 2}
    assert uploads[0]["detail"]["rows"] == 4
    with service.store.transaction() as conn:
        stored = conn.execute(tables.uploads.select()).all()
    assert len(stored) == 1


def test_a_refused_workbook_changes_nothing_and_a_new_one_replaces_both(service, template):
    agent = service.actor_by_username("agent")
    first = filled(template)
    service.upload(agent, NIS, *FORM, "volet_a", "v1.xlsx", first, 0)
    with pytest.raises(Refused) as refusal:
        service.upload(agent, NIS, *FORM, "volet_a", "v2.xlsx",
                       filled(template, drop="Volet B"), 1)
    assert refusal.value.code == "UPLOAD_NO_SHEET"
    after = service.form(agent, NIS, *FORM)
    assert after.version_number == 1 and len(after.entered["volet_b"]) == 2
    assert service.uploaded_file(agent, NIS, *FORM, "volet_b") == ("v1.xlsx", first)
    second = filled(template, rows_a=[{"A": "Chloé", "B": 10}], rows_b=[])
    view = service.upload(agent, NIS, *FORM, "volet_b", "v3.xlsx", second, 1)
    assert [r["beneficiary"] for r in view.entered["volet_a"]] == ["Chloé"]
    assert view.entered["volet_b"] == []
    assert service.uploaded_file(agent, NIS, *FORM, "volet_a") == ("v3.xlsx", second)
    assert service.uploaded_names(agent, NIS, *FORM) == {"volet_a": "v3.xlsx",
                                                         "volet_b": "v3.xlsx"}
    uploads = [e["detail"]["filename"] for e in service.audit_trail(agent, NIS, *FORM)
               if e["action"] == "upload"]
    assert uploads == ["v1.xlsx", "v3.xlsx"]  # the replaced file stays in the trail
