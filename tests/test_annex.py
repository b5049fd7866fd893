"""Reading the annex of pre-filled values (engine.annex): CSV and XLSX, every bad row reported
by its row and column, hostile files refused without a traceback (../shared/spec/00-overview.md,
"Pre-filled values")."""

import io
import zipfile

import openpyxl
import pytest

import engine
from engine import codes
from engine.annex import NIS_HEADERS
from engine.annex import read_annex

from .conftest import SCHEMAS

KNOWN = {"99999", "99998"}


@pytest.fixture(scope="session")
def fge(plugins):
    return engine.measure_from(SCHEMAS / "fge" / "2025.yaml", plugins)


@pytest.fixture(scope="session")
def redi(plugins):
    return engine.measure_from(SCHEMAS / "redi" / "2023.yaml", plugins)


@pytest.fixture(scope="session")
def personnel(plugins):
    return engine.measure_from(SCHEMAS / "personnel" / "2025.yaml", plugins)


@pytest.fixture(scope="session")
def dated(plugins):
    """covid50 with a pre-filled date."""
    text = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8")
    text = text.replace("prefilled:\n", (
        "prefilled:\n"
        "  - id: decided\n    type: date\n"
        "    label: {fr: \"Date de l'arrêté\", nl: \"Datum van het besluit\"}\n"
        ), 1)
    loaded = engine.load_measure_text(text, "dated.yaml", plugins)
    assert loaded.measure is not None, [p.format() for p in loaded.problems]
    return loaded.measure


def csv_bytes(text: str, bom=False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def xlsx_bytes(rows, title="Annexe", extra_sheets=(), at="A1") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    start = openpyxl.utils.cell.coordinate_to_tuple(at)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.cell(start[0] + r, start[1] + c, value)
    for name in extra_sheets:
        book.create_sheet(name)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def found(annex):
    """(code, row, letter) of each problem, and every message readable in both languages."""
    for problem in annex.problems:
        for lang in ("fr", "nl"):
            text = problem.message(lang)
            assert text and "{" not in text, (problem.code, text)
            assert problem.format("f.csv", lang)
    return [(p.code, p.row, p.letter) for p in annex.problems]


# --- good files -----------------------------------------------------------------------------


def test_csv_semicolon_decimal_commas_bom_labels(covid50):
    text = "NIS;Montant de l'avance\n99999;12 500,50\n\n99998;3400\n"
    annex = read_annex(covid50, "annexe.csv", csv_bytes(text, bom=True), known_nis=KNOWN)
    assert found(annex) == []
    assert annex.rows == {"99999": {"advance": "12500.50"}, "99998": {"advance": "3400.00"}}
    assert annex.lines == {"99999": 2, "99998": 4}  # the empty line 3 is skipped
    assert annex.ok and annex.sheet is None


def test_csv_comma_delimiter_dot_decimals_and_quoted_comma(covid50):
    text = 'code INS,Bedrag van het voorschot\r\n99999,12500.5\r\n99998,"3400,25"\r\n'
    annex = read_annex(covid50, "a.CSV", csv_bytes(text))
    assert found(annex) == []
    assert annex.rows == {"99999": {"advance": "12500.50"}, "99998": {"advance": "3400.25"}}


@pytest.mark.parametrize("header", ["nis", "NIS", "INS", "code NIS", "Code INS", "NIS-code",
                                    "ins_code", "NIS/INS", " n i s "[1:-1].replace(" ", "")])
def test_nis_headers(covid50, header):
    annex = read_annex(covid50, "a.csv", csv_bytes(f"{header};ADVANCE\n99999;1\n"))
    assert found(annex) == [] and annex.rows == {"99999": {"advance": "1.00"}}


def test_nis_headers_are_a_small_documented_set():
    assert {"nis", "ins", "codenis", "niscode"} <= NIS_HEADERS and len(NIS_HEADERS) == 10


def test_xlsx_numbers_as_excel_gives_them(fge):
    rows = [["NIS", "Classe du CPAS", "fte_granted", "art4_amount", "Toelage artikel 6 — "
             "maatschappelijke steun"],
            [99999.0, 3, 1.5, 60000, "20 000,00"],
            [None, None, None, None, None],
            ["99998", "Classe 1", "0,5", 20000.1, 8000]]
    annex = read_annex(fge, "annexe.xlsx", xlsx_bytes(rows), known_nis=KNOWN)
    assert found(annex) == []
    assert annex.sheet == "Annexe"
    assert annex.rows == {
        "99999": {"class": "3", "fte_granted": "1.5", "art4_amount": "60000.00",
                  "art6_amount": "20000.00"},
        "99998": {"class": "1", "fte_granted": "0.5", "art4_amount": "20000.10",
                  "art6_amount": "8000.00"}}
    assert annex.lines == {"99999": 2, "99998": 4}


def test_xlsx_sheet_named_as_the_measure_and_offset_table(covid50):
    data = xlsx_bytes([["nis", "advance"], [99999, 10]], title="covid50", at="C3")
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.create_sheet("Notes", 0)  # first sheet is not the annex
    book["Notes"]["A1"] = "lisez-moi"
    out = io.BytesIO()
    book.save(out)
    annex = read_annex(covid50, "a.xlsx", out.getvalue())
    assert found(annex) == [] and annex.sheet == "covid50"
    assert annex.rows == {"99999": {"advance": "10.00"}} and annex.lines == {"99999": 4}
    bad = xlsx_bytes([["nis", "advance"], [99999, "x"]], at="C3")
    assert found(read_annex(covid50, "a.xlsx", bad)) == [("NOT_A_NUMBER", 4, "D")]


def test_integer_and_nis_typed_prefilled(personnel, redi):
    annex = read_annex(personnel, "p.csv", csv_bytes("nis;units;unit_amount\n99999;120;518\n"))
    assert found(annex) == [] and annex.rows == {"99999": {"units": 120,
                                                           "unit_amount": "518.00"}}
    # the CPAS's own code (a pre-filled value of type nis) is the row's when left out
    annex = read_annex(redi, "r.csv", csv_bytes("nis;subsidy\n99999;6349,82\n"))
    assert found(annex) == [] and annex.rows == {
        "99999": {"subsidy": "6349.82", "cpas_nis": "99999"}}


def test_dates(dated):
    text = "nis;advance;decided\n99999;1;31/12/2020\n99998;1;2020-02-30\n99997;1;2021-01-15\n"
    annex = read_annex(dated, "d.csv", csv_bytes(text))
    assert found(annex) == [("NOT_A_DATE", 3, "C")]
    assert annex.rows == {"99999": {"advance": "1.00", "decided": "2020-12-31"},
                          "99997": {"advance": "1.00", "decided": "2021-01-15"}}
    rows = [["nis", "advance", "decided"], [99999, 1, openpyxl.utils.datetime.from_excel(44196)]]
    annex = read_annex(dated, "d.xlsx", xlsx_bytes(rows))
    assert found(annex) == [] and annex.rows["99999"]["decided"] == "2020-12-31"


# --- bad rows, each by its row and column ---------------------------------------------------


def test_every_bad_row_by_row_and_column(covid50):
    text = ("nis;advance\n"          # 1
            "99999;12500,00\n"       # 2 good
            "99998;abc\n"            # 3 not a number
            "99999;1\n"              # 4 duplicate of row 2
            "1234;5\n"               # 5 bad NIS (length)
            "12A45;5\n"              # 6 bad NIS (characters)
            "99997;5\n"              # 7 unknown CPAS
            "99996;\n"               # 8 empty value (and unknown CPAS)
            ";5\n"                   # 9 no NIS
            "\n"                     # 10 empty line: skipped
            "99995;1,234\n"          # 11 too many decimals (and unknown)
            "99994;5;7\n")           # 12 a value without a header (and unknown)
    annex = read_annex(covid50, "a.csv", csv_bytes(text), known_nis=KNOWN)
    assert found(annex) == [
        ("NOT_A_NUMBER", 3, "B"), ("ANNEX_DUPLICATE_NIS", 4, "A"), ("ANNEX_BAD_NIS", 5, "A"),
        ("ANNEX_BAD_NIS", 6, "A"), ("ANNEX_UNKNOWN_CPAS", 7, "A"),
        ("ANNEX_UNKNOWN_CPAS", 8, "A"), ("ANNEX_EMPTY_VALUE", 8, "B"),
        ("ANNEX_NIS_MISSING", 9, "A"), ("ANNEX_UNKNOWN_CPAS", 11, "A"),
        ("TOO_MANY_DECIMALS", 11, "B"), ("ANNEX_UNNAMED_COLUMN", 12, "C"),
        ("ANNEX_UNKNOWN_CPAS", 12, "A")]
    problems = annex.problems
    assert problems[0].column == "advance" and "« abc »" in problems[0].message("fr")
    assert problems[0].format("a.csv", "fr") == (
        "a.csv:ligne 3, colonne B « advance »: " + codes.message(
            "NOT_A_NUMBER", "fr", label="Montant de l'avance", value="« abc »"))
    assert problems[0].format("a.csv", "nl").startswith("a.csv:rij 3, kolom B « advance »: ")
    assert problems[1].params == {"nis": "99999", "first_row": 2}
    assert "ligne 2" in problems[1].message("fr") and "rij 2" in problems[1].message("nl")
    assert "99996" in problems[6].message("fr")
    assert problems[0].as_dict("fr")["row"] == 3


def test_csv_comma_file_with_decimal_commas_is_caught(covid50):
    annex = read_annex(covid50, "a.csv", csv_bytes("nis,advance\n99999,12500,50\n"))
    assert found(annex) == [("ANNEX_UNNAMED_COLUMN", 2, "C")]
    assert "guillemets" in annex.problems[0].message("fr")


def test_choice_checked_against_its_choices(fge):
    text = ("nis;class;fte_granted;art4_amount;art6_amount\n99999;7;1;1;1\n"
            "99998;Klasse 2;1;1;1\n")
    annex = read_annex(fge, "f.csv", csv_bytes(text))
    assert found(annex) == [("NOT_A_CHOICE", 2, "B")]
    assert "1, 2, 3, 4, 5, 6" in annex.problems[0].message("fr")
    assert annex.rows == {"99998": {"class": "2", "fte_granted": "1", "art4_amount": "1.00",
                                    "art6_amount": "1.00"}}


def test_header_problems_name_the_expected_columns(fge):
    annex = read_annex(fge, "f.csv", csv_bytes("code;class;montant;art4_amount;ART4_Amount\n"
                                                "99999;1;1;1;1\n"))
    assert found(annex) == [("ANNEX_UNKNOWN_COLUMN", 1, "A"), ("ANNEX_UNKNOWN_COLUMN", 1, "C"),
                            ("ANNEX_DUPLICATE_COLUMN", 1, "E"), ("ANNEX_NO_NIS_COLUMN", 1, None),
                            ("ANNEX_MISSING_COLUMN", 1, None), ("ANNEX_MISSING_COLUMN", 1, None)]
    message = annex.problems[1].message("fr")
    assert "« montant »" in message and "fte_granted" in message and "art6_amount" in message
    assert {p.column for p in annex.problems[4:]} == {"fte_granted", "art6_amount"}
    assert annex.rows == {}


def test_header_only_and_empty_files(covid50):
    assert found(read_annex(covid50, "a.csv", b"nis;advance\n\n")) == [
        ("ANNEX_NO_ROWS", None, None)]
    for content in (b"", b"   \n\n", b"\xef\xbb\xbf"):
        assert found(read_annex(covid50, "a.csv", content)) == [("ANNEX_EMPTY", None, None)]
    assert found(read_annex(covid50, "a.xlsx", xlsx_bytes([]))) == [
        ("ANNEX_EMPTY", None, None)]


def test_formula_without_cached_value(covid50):
    data = xlsx_bytes([["nis", "advance"], [99999, "=1+2"], [99998, None]])
    annex = read_annex(covid50, "a.xlsx", data)
    assert found(annex) == [("ANNEX_FORMULA", 2, "B"), ("ANNEX_EMPTY_VALUE", 3, "B")]
    assert annex.problems[0].format("a.xlsx", "fr").startswith(
        "a.xlsx[Annexe]:ligne 2, colonne B « advance »: ")


# --- hostile or wrong files: a problem, never a traceback -----------------------------------


def test_unknown_file_types(covid50):
    for name in ("annexe.pdf", "annexe.xls", "annexe", "", None):
        annex = read_annex(covid50, name, b"nis;advance\n99999;1\n")
        assert found(annex) == [("ANNEX_FORMAT", None, None)]


def test_not_utf8(covid50):
    annex = read_annex(covid50, "a.csv", "nis;advance\n99999;é\n".encode("cp1252"))
    assert found(annex) == [("ANNEX_ENCODING", None, None)]
    assert "CSV UTF-8" in annex.problems[0].message("fr")


@pytest.mark.parametrize("content", [
    b"\x00\x01\x02PK\x03\x04garbage" * 50,
    bytes(range(256)) * 20,
    b"PK\x03\x04" + b"\x00" * 100,
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
    b"nis;advance\n99999;1\n",
    b'"unterminated',
])
@pytest.mark.parametrize("name", ["a.csv", "a.xlsx"])
def test_junk_is_a_problem_not_an_exception(covid50, content, name):
    annex = read_annex(covid50, name, content)
    codes_found = [p.code for p in annex.problems]
    if name == "a.xlsx":
        assert codes_found in (["UPLOAD_NOT_WORKBOOK"], ["UPLOAD_ENCRYPTED"])
    else:
        assert annex.problems or annex.rows
    found(annex)


def test_size_limit_and_zip_bomb(covid50, monkeypatch):
    import engine.annex as annex_module

    monkeypatch.setattr(annex_module, "MAX_BYTES", 100)
    assert found(read_annex(covid50, "a.csv", b"nis;advance\n" + b"99999;1\n" * 20)) == [
        ("UPLOAD_TOO_LARGE", None, None)]
    monkeypatch.undo()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (210 * 1024 * 1024))
    annex = read_annex(covid50, "bomb.xlsx", bomb.getvalue())
    assert found(annex) == [("UPLOAD_TOO_LARGE", None, None)]


def test_row_and_column_limits(covid50, monkeypatch):
    import engine.annex as annex_module

    monkeypatch.setattr(annex_module, "MAX_ROWS", 3)
    many = "nis;advance\n" + "".join(f"{10000 + i};1\n" for i in range(10))
    assert found(read_annex(covid50, "a.csv", csv_bytes(many))) == [
        ("ANNEX_TOO_MANY_ROWS", None, None)]
    rows = [["nis", "advance"]] + [[10000 + i, 1] for i in range(10)]
    assert found(read_annex(covid50, "a.xlsx", xlsx_bytes(rows))) == [
        ("ANNEX_TOO_MANY_ROWS", None, None)]
    monkeypatch.undo()
    wide = "nis;advance" + ";x" * 200 + "\n"
    annex = read_annex(covid50, "a.csv", csv_bytes(wide))
    assert found(annex) == [("ANNEX_TOO_MANY_COLUMNS", 1, None)]


def test_csv_syntax_error_has_its_line(covid50, monkeypatch):
    import csv

    monkeypatch.setattr(csv, "field_size_limit", csv.field_size_limit)
    csv.field_size_limit(50)
    try:
        annex = read_annex(covid50, "a.csv", csv_bytes("nis;advance\n99999;" + "1" * 60 + "\n"))
    finally:
        csv.field_size_limit(131072)
    assert found(annex) == [("ANNEX_CSV_SYNTAX", 2, None)]
