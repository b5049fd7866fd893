"""Long tables page by page: the REDI table ``simulations`` filled from a 120-row workbook is
shown 50 rows at a time on the form page and the edit page, each row with its issues, a filter
for the rows with issues, pages clamped, values from the file escaped, and a save of the edit
page keeps every row."""

from __future__ import annotations

import datetime
import io
import re

import openpyxl
import pytest

from engine.spreadsheets.template import template_bytes
from tests.web.conftest import Browser
from tests.web.conftest import text_of
from web import paging

REDI = "/cpas/99999/forms/redi/2023"
LETTERS = "ABCDEFGHJKLOP"
BAD_DATE = {7, 55, 110}  # a decision date that is not a date: an error on cell G
SCRIPT = 60  # a budget number that is HTML
HOSTILE = "<script>alert(1)</script>"


def good(n: int) -> tuple:
    return ("99999", "85073003328", str(1000 + n), datetime.date(2023, 6, 1), -500,
            "Oui - PIIS", datetime.date(2023, 6, 2), 100, datetime.date(2023, 6, 1),
            datetime.date(2023, 6, 30), 1, "Unique", 100)


def workbook(service, count: int = 120) -> bytes:
    measure = service.catalog.latest("redi", 2023).measure
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure,
                                                            measure.table("simulations"))))
    sheet = book["Rapport"]
    for n in range(1, count + 1):
        row = list(good(n))
        if n in BAD_DATE:
            row[6] = "31/02/2023"
        if n == SCRIPT:
            row[2] = HOSTILE
        for letter, value in zip(LETTERS, row, strict=True):
            sheet[f"{letter}{n + 4}"] = value  # data rows start on sheet row 5
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(agent, data: bytes):
    agent.get(REDI + "/edit")
    response = agent.post(f"{REDI}/upload/simulations",
                          {"version_number": agent.hidden("version_number"),
                           "file": (io.BytesIO(data), "rapport.xlsx")},
                          content_type="multipart/form-data")
    assert response.status_code == 302
    return response


@pytest.fixture
def agent(browser, service):
    one = browser("agent")
    upload(one, workbook(service))
    return one


def shown_rows(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr id="r-simulations-(\d+)"', page)]


# --- the pure functions ------------------------------------------------------------------------


def test_paginate_clamps_and_filters():
    first = paging.paginate("t", 120, [], None, None, 50)
    assert first.numbers == tuple(range(1, 51)) and (first.first, first.last) == (1, 50)
    assert (first.number, first.count, first.has_previous, first.has_next) == (1, 3, False, True)
    third = paging.paginate("t", 120, [], "3", None, 50)
    assert third.numbers == tuple(range(101, 121)) and not third.has_next
    for asked, expected in (("99", 3), ("0", 1), ("-2", 1), ("abc", 1), ("2.5", 1), ("", 1),
                            ("9" * 40, 1), ("³", 1), (" 2 ", 2)):
        assert paging.paginate("t", 120, [], asked, None, 50).number == expected, asked
    only = paging.paginate("t", 120, [110, 7, 55, 7, 500], "1", "1", 2)
    assert only.numbers == (7, 55) and only.total == 3 and only.count == 2
    assert paging.paginate("t", 120, [110, 7, 55], "9", "1", 2).numbers == (110,)
    empty = paging.paginate("t", 0, [], "4", "1", 50)
    assert (empty.numbers, empty.count, empty.first, empty.last) == ((), 1, 0, 0)


def test_query_keeps_other_parameters_and_locks_follow_the_stored_rows():
    from werkzeug.datastructures import MultiDict

    args = MultiDict([("lang", "nl"), ("t_page", "2"), ("u_page", "4"), ("u_page", "5")])
    assert paging.query(args, "t", 3, True) == "?lang=nl&u_page=4&u_page=5&t_page=3&t_issues=1"
    assert paging.query({"t_page": "2"}, "t", 1, False) == "?"
    assert paging.Pager({}, 50).row_url("t", 51) == "?t_page=2#r-t-51"
    stored = {"a": [{}] * 3, "b": [{}] * 51, "c": [{}]}
    assert paging.locked_tables(["a", "b", "c"], stored, ["a"]) == {"a"}  # b: typed, editable
    assert paging.locked_tables(["a", "b"], {"a": []}, ["a"]) == frozenset()
    posted = {"a": [], "b": [{"x": "1"}], "c": [{"x": "2"}], "f": "1"}
    kept = paging.keep_locked(posted, stored, {"a", "b"})
    assert kept == {"a": stored["a"], "b": stored["b"], "c": [{"x": "2"}], "f": "1"}


# --- the form page -----------------------------------------------------------------------------


def test_the_form_page_shows_one_page_at_a_time(agent):
    page = agent.get(REDI).get_data(as_text=True)
    assert shown_rows(page) == list(range(1, 51))
    text = text_of(agent.get(REDI))
    assert "Lignes 1 à 50 sur 120 · page 1 sur 3" in text
    assert "Rapport, ligne 5" in text and "Rapport, ligne 54" in text  # the sheet's rows
    assert 'rel="next" href="?simulations_page=2#t-simulations"' in page
    third = agent.get(REDI + "?simulations_page=3&other=x").get_data(as_text=True)
    assert shown_rows(third) == list(range(101, 121))
    assert "Lignes 101 à 120 sur 120 · page 3 sur 3" in text_of(agent.get(
        REDI + "?simulations_page=3"))
    assert 'href="?other=x&amp;simulations_page=2#t-simulations"' in third  # kept
    assert 'rel="next"' not in third
    # the totals count every complete row, not the page's: 117 rows of 100 €
    assert "11 700,00 €" in text_of(agent.get(REDI + "?simulations_page=3"))


def test_pages_out_of_range_or_not_numbers_are_clamped(agent):
    for asked, rows in (("99", range(101, 121)), ("0", range(1, 51)), ("-1", range(1, 51)),
                        ("abc", range(1, 51)), ("1e3", range(1, 51)),
                        ("99999999999999999999", range(1, 51))):
        response = agent.get(REDI, query_string={"simulations_page": asked,
                                                 "simulations_issues": "x"})
        assert response.status_code == 200, asked
        assert shown_rows(response.get_data(as_text=True)) == list(rows), asked


def test_rows_with_issues_only_with_their_messages_and_cells(agent):
    everything = text_of(agent.get(REDI))
    assert "Seulement les lignes avec problèmes (3)" in everything
    # row 7's issues are under row 7, with the cell of the workbook
    assert "Rapport!G11" in everything and "« 31/02/2023 » n'est pas une date valide" in everything
    response = agent.get(REDI + "?simulations_issues=1")
    assert shown_rows(response.get_data(as_text=True)) == sorted(BAD_DATE)
    text = text_of(response)
    assert "Lignes avec problèmes 1 à 3 sur 3 · page 1 sur 1" in text
    for n in BAD_DATE:
        assert f"Rapport!G{n + 4}" in text and f"Rapport, ligne {n + 4}" in text
    assert "Toutes les lignes (120)" in text
    assert "31/02/2023" in text  # what the file said, shown although it is no date


def test_values_from_the_file_are_escaped(agent):
    page = agent.get(REDI + "?simulations_page=2").get_data(as_text=True)
    assert SCRIPT in shown_rows(page)
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    edit = agent.get(REDI + "/edit?simulations_page=2").get_data(as_text=True)
    assert HOSTILE not in edit and "&lt;script&gt;alert(1)&lt;/script&gt;" in edit


def test_the_pager_speaks_dutch(agent):
    agent.get("/lang/nl")
    text = text_of(agent.get(REDI + "?simulations_page=2"))
    assert "Rijen 51 tot 100 van 120 · pagina 2 van 3" in text
    assert "Vorige pagina" in text and "Volgende pagina" in text
    assert "Enkel de rijen met problemen (3)" in text and "Rapport, rij 55" in text
    edit = text_of(agent.get(REDI + "/edit"))
    assert "laadt u het verbeterde rekenbladbestand opnieuw op" in edit


def test_two_tables_page_independently():
    args = {"a_page": "2", "b_page": "3"}
    a = paging.paginate("a", 200, [], args.get("a_page"), args.get("a_issues"), 50)
    b = paging.paginate("b", 200, [], args.get("b_page"), args.get("b_issues"), 50)
    assert (a.number, b.number) == (2, 3)
    assert paging.query(args, "a", 3, False) == "?b_page=3&a_page=3"


# --- the edit page -----------------------------------------------------------------------------


def test_the_edit_page_shows_an_uploaded_table_read_only_and_paged(agent):
    page = agent.get(REDI + "/edit?simulations_page=3").get_data(as_text=True)
    assert shown_rows(page) == list(range(101, 121))
    assert 'name="simulations-' not in page  # no inputs: the rows are not posted
    assert 'value="add:simulations"' not in page and 'value="remove:simulations' not in page
    text = text_of(agent.get(REDI + "/edit"))
    assert "téléversez à nouveau le fichier tableur corrigé" in text
    # the error summary links to the page that shows the row
    assert 'href="?simulations_page=2#r-simulations-55"' in agent.page


def test_saving_the_edit_page_keeps_every_uploaded_row(agent, app):
    before = _stored(app)
    assert len(before) == 120 and before[0]["_sheet_row"] == 5
    agent.get(REDI + "/edit?simulations_page=2")
    version = agent.hidden("version_number")
    # what the page posts, and a forged cell of a row of another page: ignored
    response = agent.post(REDI + "/edit", {"version_number": version, "action": "save",
                                           "simulations-3-budget_number": "forged"})
    assert response.status_code == 302
    after = _stored(app)
    assert after == before
    assert shown_rows(agent.get(REDI + "?simulations_page=3").get_data(as_text=True)) == list(
        range(101, 121))
    for action in ("add:simulations", "remove:simulations:1"):
        agent.get(REDI + "/edit")
        refused = agent.post(REDI + "/edit", {"version_number": agent.hidden("version_number"),
                                              "action": action})
        assert refused.status_code == 400, action
    assert _stored(app) == before


def _stored(app) -> list[dict]:
    """The rows of ``simulations`` as saved."""
    service = app.extensions["rapport_unique"].service
    agent = service.actor_by_username("agent")
    return service.form(agent, "99999", "redi", 2023).entered["simulations"]


def test_a_page_formats_only_its_rows(make_app, monkeypatch):
    import web.present

    app = make_app(ROWS_PER_PAGE=10)
    service = app.extensions["rapport_unique"].service
    one = Browser(app.test_client())
    one.login("agent")
    upload(one, workbook(service))
    calls = []
    original = web.present.display

    def counting(widget, value):
        calls.append(widget.name)
        return original(widget, value)

    monkeypatch.setattr(web.present, "display", counting)
    monkeypatch.setitem(app.jinja_env.globals, "display", counting)
    for url in (REDI + "?simulations_page=5", REDI + "/edit?simulations_page=5"):
        calls.clear()
        page = one.get(url).get_data(as_text=True)
        assert shown_rows(page) == list(range(41, 51)), url
        columns = len(service.catalog.latest("redi", 2023).measure.table("simulations").columns)
        assert calls.count("nis") <= 10 and len(calls) <= 10 * columns + 20, (url, len(calls))
