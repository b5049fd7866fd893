"""Tables sharing one workbook on the pages (``tests/measures/two_sheets.yaml``): one upload
box for "Volet A" and "Volet B", one file filling both, its download and annotated copy through
either table; "Volet B" is ``upload_only``: never an input, and forged rows are not saved."""

from __future__ import annotations

import io
import re
import shutil

import openpyxl
import pytest

from engine.spreadsheets.template import template_bytes
from tests.test_workbook_groups import TWO_SHEETS
from tests.test_workbook_groups import filled
from tests.web.conftest import Browser
from tests.web.conftest import text_of

URL = "/cpas/99999/forms/two_sheets/2025"
_UPLOAD_FORM = re.compile(r'<form method="post" enctype="multipart/form-data" action="([^"]+)"')


@pytest.fixture
def app(make_app, tmp_path):
    folder = tmp_path / "extra" / "two_sheets"
    folder.mkdir(parents=True)
    shutil.copyfile(TWO_SHEETS, folder / "2025.yaml")
    made = make_app(SCHEMAS=[str(tmp_path / "extra")], REQUIRE_FORM_TESTS=False)
    made.extensions["rapport_unique"].service.set_prefilled("99999", "two_sheets", 2025,
                                                            {"advance": "2000"})
    return made


@pytest.fixture
def agent(app):
    one = Browser(app.test_client())
    one.login("agent")
    return one


@pytest.fixture
def template(app):
    service = app.extensions["rapport_unique"].service
    measure = service.catalog.latest("two_sheets", 2025).measure
    return template_bytes(measure, measure.table("volet_a"), "fr")


def upload(agent, table_id: str, data: bytes, name: str = "volets.xlsx"):
    agent.get(URL + "/edit")
    return agent.post(f"{URL}/upload/{table_id}",
                      {"version_number": agent.hidden("version_number"),
                       "file": (io.BytesIO(data), name)},
                      content_type="multipart/form-data", follow_redirects=True)


def test_the_edit_page_has_one_upload_box_for_the_workbook(agent):
    page = text_of(agent.get(URL + "/edit"))
    assert _UPLOAD_FORM.findall(page) == [f"{URL}/upload/volet_a"]
    assert "Fichier tableur — Volet A : accompagnement, Volet B : ateliers" in page
    assert "une feuille par tableau (« Volet A », « Volet B »)" in page
    assert f'href="{URL}/template/volet_a.xlsx"' in page
    assert f'href="{URL}/template/volet_b.xlsx"' not in page
    assert 'accept=".xlsx"' in page
    dutch = Browser(agent.client)
    dutch.get("/lang/nl")
    assert "één blad per tabel (« Volet A », « Volet B »)" in text_of(agent.get(URL + "/edit"))


def test_the_upload_only_table_is_read_only_even_empty(agent):
    page = text_of(agent.get(URL + "/edit"))
    assert 'value="add:volet_a"' in page  # typed on the form
    assert 'value="add:volet_b"' not in page and 'name="volet_b-' not in page
    assert "viennent uniquement du classeur téléversé" in page
    forged = {"version_number": "0", "action": "save", "volet_b-1-activity": "course",
              "volet_b-1-cost": "999", "volet_a-1-beneficiary": "Anne",
              "volet_a-1-amount": "10"}
    assert agent.post(URL + "/edit", forged).status_code == 302
    view = text_of(agent.get(URL))
    assert "999,00 €" not in view and "Anne" in view
    assert agent.post(URL + "/edit", {**forged, "version_number": "1",
                                      "action": "add:volet_b"}).status_code == 400


def test_one_file_fills_both_tables_and_comes_back_through_either(agent, template):
    data = filled(template)
    page = text_of(upload(agent, "volet_a", data))
    assert "volets.xlsx" in page and "Anne" in page and "Formation" in page
    assert _UPLOAD_FORM.findall(page) == [f"{URL}/upload/volet_a"]
    view = text_of(agent.get(URL))
    assert "1 250,50 €" in view and "420,25 €" in view and "1 670,75 €" in view
    for table_id in ("volet_a", "volet_b"):
        assert agent.client.get(f"{URL}/upload/{table_id}").get_data() == data
    template_b = agent.client.get(f"{URL}/template/volet_b.xlsx").get_data()
    assert openpyxl.load_workbook(io.BytesIO(template_b)).sheetnames == [
        "Volet A", "Volet B", "Listes"]


def test_forged_rows_never_replace_the_uploaded_ones(agent, template):
    upload(agent, "volet_b", filled(template))
    agent.get(URL + "/edit")
    version = agent.hidden("version_number")
    assert agent.post(URL + "/edit", {"version_number": version, "action": "save",
                                      "volet_b-1-activity": "workshop",
                                      "volet_b-1-cost": "999"}).status_code == 302
    view = text_of(agent.get(URL))
    assert "999,00 €" not in view and "420,25 €" in view


def test_the_annotated_copy_marks_both_sheets(agent, template):
    upload(agent, "volet_a", filled(template, rows_a=[{"A": "Anne", "B": -5}],
                                    rows_b=[{"A": "Atelier"}]))
    annotated = agent.client.get(f"{URL}/upload/volet_b/annotated")
    assert annotated.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(annotated.get_data()))
    assert book["Volet A"]["B4"].comment is not None
    assert book["Volet B"]["B3"].comment is not None


def test_locked_tables_lock_upload_only_tables_even_empty():
    from web.paging import locked_tables

    tables = ["typed", "uploaded", "only", "only_uploaded"]
    stored = {"typed": [{"x": 1}], "uploaded": [{"x": 1}], "only_uploaded": [{"x": 1}]}
    assert locked_tables(tables, stored, {"uploaded", "only_uploaded"},
                         {"only", "only_uploaded"}) == {"uploaded", "only", "only_uploaded"}
    assert locked_tables(tables, stored, {"uploaded"}) == {"uploaded"}  # as before
