"""The REDI story in a real browser (../shared/spec/redi.md): the agent downloads nothing by
hand — the workbook is the generated template, filled in as the REDI tool and the CPAS would —,
uploads it on the form, sees the totals and the warnings; the president and the secretary sign;
the form is sent."""

import io
import re

import openpyxl
import pytest

import engine
from engine.spreadsheets.template import template_bytes
from tests.browser.users import login
from tests.browser.users import logout
from tests.browser.users import sign_as_both
from tests.test_redi_workbook import LETTERS
from tests.test_redi_workbook import ROWS

pytestmark = pytest.mark.browser

NIS = "99999"
FORM = f"/cpas/{NIS}/forms/redi/2023"
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def workbook(tmp_path):
    measure = engine.measure_from(ROOT / "schemas" / "redi" / "2023.yaml")
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure,
                                                            measure.table("simulations"))))
    sheet = book["Rapport"]
    for number, row in enumerate(ROWS[:3], start=5):  # the worked example + an incomplete row
        for letter, value in zip(LETTERS, row, strict=True):
            if value is not None:
                sheet[f"{letter}{number}"] = value
    path = tmp_path / "2024-04-10_Rapport_REDI.xlsx"
    book.save(path)
    return path


def test_redi_upload_totals_warnings_and_two_signatures(live_server, browser, shoot,
                                                        tmp_path):
    base = live_server
    page = browser.new_page(locale="fr-BE")
    login(page, base, "agent")
    page.goto(f"{base}{FORM}/edit")
    page.set_input_files("#file-simulations", str(workbook(tmp_path)))
    page.get_by_role("button", name="Téléverser le fichier").click()
    page.wait_for_load_state()
    text = page.inner_text("main")
    assert "2024-04-10_Rapport_REDI.xlsx" in text
    shoot(page, "redi-01-uploaded")

    page.goto(f"{base}{FORM}")
    text = page.inner_text("main")
    for amount in ("7 400,00 €", "5 063,06 €", "1 000,00 €", "4 063,06 €", "1 286,76 €"):
        assert amount in text, amount
    assert re.search(r"Ligne incomplète", text)  # the incomplete row is a warning
    shoot(page, "redi-02-totals-and-warnings")
    logout(page)

    sign_as_both(page, base, FORM)
    text = page.inner_text("main")
    assert "consultation seulement" in text.lower()
    assert "1 286,76 €" in text
    shoot(page, "redi-03-sent")
    page.close()
