"""The administration in a real browser (issue 7): the administrator follows the campaign,
loads the annex of pre-filled values, publishes a corrected schema with its form tests after
seeing what changes and a preview, and reopens a sent form with a reason that the CPAS reads;
the inspector sees the same pages without anything to change."""

import re

import pytest

from tests.browser.users import login
from tests.browser.users import logout
from tests.browser.users import save
from tests.browser.users import sign_as_both

from .conftest import ROOT

pytestmark = pytest.mark.browser

NIS = "99999"
FORM = f"/cpas/{NIS}/forms/covid50/2020"


def test_an_administrator_runs_the_campaign(live_server, browser, shoot, tmp_path):
    base = live_server
    page = browser.new_page(locale="fr-BE")

    # The agent sends the covid50 form with the president and the secretary.
    login(page, base, "agent")
    page.goto(f"{base}{FORM}/edit")
    page.fill("#f-justified", "11350,00")
    save(page)
    logout(page)
    sign_as_both(page, base, FORM)
    logout(page)

    # The follow-up: the chart, the counts, the sent form.
    login(page, base, "admin")
    page.get_by_role("link", name="Administration").click()
    page.wait_for_load_state()
    assert page.locator("svg.progress-chart").count() == 1
    row = page.locator("table.follow tr", has_text=NIS)
    assert "Envoyé" in row.inner_text()
    shoot(page, "admin-01-follow-up")

    # The annex of pre-filled values: checked, what changes, then loaded.
    annex = tmp_path / "annexe-covid50.csv"
    annex.write_text("nis;advance\n99999;12500,00\n99998;3650,00\n", encoding="utf-8")
    page.get_by_role("link", name="Valeurs pré-remplies").click()
    page.select_option("#annex-measure", "covid50/2020")
    page.set_input_files("#annex", str(annex))
    page.get_by_role("button", name="Vérifier l'annexe").click()
    page.wait_for_load_state()
    text = page.inner_text("main")
    assert "1 modifié(s)" in text and re.search(r"3\s400,00\s€ → 3\s650,00\s€", text)
    shoot(page, "admin-02-annex-checked")
    page.get_by_role("button", name="Charger ces valeurs").click()
    page.wait_for_load_state()
    assert "L'annexe est chargée." in page.inner_text("main")

    # A corrected schema, with its form tests: problems, tests, changes, preview, publish.
    schema = tmp_path / "2020.yaml"
    schema.write_text((ROOT / "schemas/covid50/2020.yaml").read_text(encoding="utf-8").replace(
        "Montant à rembourser au SPP IS", "Montant à rembourser au SPP Intégration sociale"),
        encoding="utf-8")
    page.get_by_role("link", name="Schémas des mesures").click()
    page.set_input_files("#schema", str(schema))
    page.set_input_files("#tests", str(ROOT / "schemas/covid50/2020.tests.yaml"))
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_load_state()
    text = page.inner_text("main")
    assert "Aucun problème." in text and "Les 4 cas passent." in text
    assert "Montant à rembourser au SPP Intégration sociale" in text
    assert page.locator("section.preview").count() == 1
    shoot(page, "admin-03-schema-examined")
    page.get_by_role("button", name="Publier").click()
    page.wait_for_load_state()
    assert "Le schéma covid50 2020 est publié." in page.inner_text("main")

    # The sent form keeps its version; the administrator reopens it with a reason.
    page.goto(f"{base}/admin/?measure=covid50/2020&state=SENT")
    page.locator("table.follow tr", has_text=NIS).get_by_role("link",
                                                               name="Consulter").click()
    page.wait_for_load_state()
    assert "Montant à rembourser au SPP IS" in page.inner_text("main")
    page.fill("#reason", "Pièce justificative manquante pour 50 EUR.")
    page.get_by_role("button", name="Rouvrir").click()
    page.wait_for_load_state()
    logout(page)

    # The CPAS reads the reason on its home page; its form now follows the corrected version.
    login(page, base, "agent")
    page.goto(f"{base}/cpas/{NIS}/")
    assert "Pièce justificative manquante pour 50 EUR." in page.inner_text("main")
    page.goto(f"{base}{FORM}")
    assert "Montant à rembourser au SPP Intégration sociale" in page.inner_text("main")
    logout(page)

    # The inspector sees the administration and nothing to change.
    login(page, base, "inspector")
    for name in ("Suivi national", "Campagnes et délais", "Schémas des mesures",
                 "Valeurs pré-remplies", "Exportations"):
        page.goto(f"{base}/admin/")
        page.get_by_role("link", name=name).click()
        page.wait_for_load_state()
        assert "sans rien modifier" in page.inner_text("main")
        assert page.locator("main form[method=post]").count() == 0, name
    shoot(page, "admin-04-inspector")
