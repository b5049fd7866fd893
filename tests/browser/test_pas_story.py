"""The PAS story in a real browser (../shared/spec/pas.md): the agent of the demo CPAS (PAS
2025 pre-filled: granted 38 000,00 + compensation 2 000,00, S = 40 000) chooses the spreadsheet
encoding, uploads the activities workbook (a sheet per volet) and the indicators workbook —
both the generated templates, filled in as a CPAS would with the spec's worked example —,
declares 0 € of personnel in each volet and the six percentages, and sees the settlement
(eligible 20 000 / 8 000 / 12 000, penalty 2 000, retained 38 000, to reimburse 2 000) and the
two warnings; the president and the secretary sign; the form is sent, read-only.

The figures are computed by hand in tests/test_pas_workbook.py, from the same workbooks."""

import re

import pytest
from playwright.sync_api import expect

import engine
from tests.browser.users import add_row
from tests.browser.users import login
from tests.browser.users import logout
from tests.browser.users import save
from tests.browser.users import sign_as_both
from tests.test_pas_workbook import PAS
from tests.test_pas_workbook import activities_workbook
from tests.test_pas_workbook import modules_workbook

pytestmark = pytest.mark.browser

NIS = "99999"
FORM = f"/cpas/{NIS}/forms/pas/2025"
UPLOAD = "Téléverser le fichier"


def workbooks(tmp_path):
    measure = engine.measure_from(PAS, engine.default_plugins())
    activities = tmp_path / "PAS_2025_activites.xlsx"
    activities.write_bytes(activities_workbook(measure))
    modules = tmp_path / "PAS_2025_modules.xlsx"
    modules.write_bytes(modules_workbook(measure))
    return activities, modules


def upload(page, table_id, path):
    """Upload ``path`` in the box of ``table_id`` (each box is its own form)."""
    box = page.locator("form", has=page.locator(f"#file-{table_id}"))
    box.locator(f"#file-{table_id}").set_input_files(str(path))
    box.get_by_role("button", name=UPLOAD).click()
    page.wait_for_load_state()
    expect(page.locator(".flash.success")).to_contain_text(path.name)




def test_pas_workbook_encoding_settlement_and_two_signatures(live_server, browser, shoot,
                                                             tmp_path):
    base = live_server
    activities, modules = workbooks(tmp_path)
    page = browser.new_page(locale="fr-BE")
    login(page, base, "agent")

    page.goto(f"{base}{FORM}/edit")
    page.wait_for_load_state()
    page.select_option("#f-encoding", label="Tableur (un onglet par volet)")
    save(page)
    assert page.url.endswith(FORM)  # saved (with errors: nothing else is filled yet)

    page.goto(f"{base}{FORM}/edit")
    page.wait_for_load_state()
    assert page.locator("#f-encoding").input_value() == "workbook"
    upload(page, "sheet_a", activities)
    upload(page, "modules", modules)
    text = page.inner_text("main")
    assert activities.name in text and modules.name in text
    shoot(page, "pas-01-uploaded")

    for volet in "abc":
        add_row(page, f"personnel_{volet}")
        page.fill(f"#f-personnel_{volet}-1-charged", "0")
    for volet in "abc":
        page.fill(f"#f-beneficiaries_share_{volet}", "40")
        page.fill(f"#f-trajectory_share_{volet}", "20")
    shoot(page, "pas-02-personnel-and-percentages")
    save(page)
    assert page.url.endswith(FORM)

    text = page.inner_text("main")
    plain = re.sub(r"\s", " ", text)  # amounts are written with (narrow) no-break spaces
    for amount in ("40 000,00 €", "20 000,00 €", "8 000,00 €", "12 000,00 €", "2 000,00 €",
                   "38 000,00 €"):
        assert amount in plain, amount
    for label, amount in (("Volet A — montant éligible", "20 000,00 €"),
                          ("Volet B — montant éligible", "8 000,00 €"),
                          ("Volet C — montant éligible", "12 000,00 €"),
                          ("Pénalité : volet B sous son minimum", "2 000,00 €"),
                          ("Montant justifié retenu", "38 000,00 €"),
                          ("Montant à rembourser au SPP IS", "2 000,00 €")):
        assert re.search(re.escape(label) + r"[^€]*?" + re.escape(amount), plain), label
    assert ("Volet B : le montant éligible (8 000,00 €) est inférieur au minimum de "
            "10 000,00 € (25 % de la subvention) : la différence de 2 000,00 € est déduite de "
            "la subvention.") in plain
    assert ("Volet A : les dépenses éligibles dépassent le maximum du volet (20 000,00 €) : "
            "5 000,00 € n'est pas éligible.") in plain
    shoot(page, "pas-03-settlement-and-warnings")
    logout(page)

    sign_as_both(page, base, FORM)
    text = page.inner_text("main")
    assert "consultation seulement" in text.lower()
    assert "38 000,00 €" in re.sub(r"\s", " ", text)
    assert page.get_by_role("link", name="Modifier").count() == 0
    shoot(page, "pas-04-sent")
    page.close()
