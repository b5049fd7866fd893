"""The whole covid50 story in a real browser, as users live it (../shared/spec/covid50.md and
../shared/spec/00-overview.md): the agent fills in the contact data and the form and sees the
computed amount while typing; the president signs; the agent edits and the signature
disappears; the president signs again; the secretary signs; the form is sent, read-only, and
the home page shows the three ticks."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.users import login
from tests.browser.users import logout
from tests.browser.users import sign
from tests.browser.users import sign_as_both

pytestmark = pytest.mark.browser

NIS = "99999"
FORM = f"/cpas/{NIS}/forms/covid50/2020"


def test_covid50_from_draft_to_sent(live_server, browser, shoot):
    base = live_server
    page = browser.new_page(locale="fr-BE")
    login(page, base, "agent")
    shoot(page, "01-home-agent")

    page.goto(f"{base}/cpas/{NIS}/data")
    page.fill("#f-contact_name", "Anne Agent")
    page.fill("#f-contact_email", "anne.agent@cpas-demo.be")
    page.fill("#f-contact_phone", "02 508 85 86")
    page.fill("#f-iban", "BE68 5390 0754 7034")
    page.fill("#f-bic", "GEBABEBB")
    page.get_by_role("button", name="Enregistrer").first.click()
    page.wait_for_load_state()
    assert "Les données du CPAS sont enregistrées." in page.content()

    page.goto(f"{base}{FORM}/edit")
    page.fill("#f-justified", "11350,00")
    # computed while typing, without saving
    expect(page.locator("#v-to_reimburse")).to_contain_text("1 150,00 €")
    shoot(page, "02-form-typing")
    page.get_by_role("button", name="Enregistrer").first.click()
    page.wait_for_load_state()
    assert re.search(r"1\s150,00\s€", page.inner_text("main"))
    assert "BE68" in page.inner_text("main")  # the bank account shown on the form
    shoot(page, "03-form-saved")
    logout(page)

    login(page, base, "president")
    sign(page, base, FORM, "Président")
    text = page.inner_text("main")
    assert "Paul Président" in text and "Signé par" in text
    shoot(page, "04-signed-by-president")
    logout(page)

    login(page, base, "agent")
    page.goto(f"{base}{FORM}/edit")
    page.fill("#f-justified", "11300")
    page.get_by_role("button", name="Enregistrer").first.click()
    page.wait_for_load_state()
    assert "Signé par" not in page.inner_text("main")  # the change removed the signature
    assert re.search(r"1\s200,00\s€", page.inner_text("main"))
    logout(page)

    sign_as_both(page, base, FORM)
    text = page.inner_text("main")
    assert "consultation seulement" in text.lower()
    assert page.get_by_role("link", name="Modifier").count() == 0
    assert page.get_by_role("button", name=re.compile("^Signer")).count() == 0
    shoot(page, "05-sent")

    page.goto(f"{base}/cpas/{NIS}/")
    row = page.locator("tr", has_text="Covid-19")
    assert row.locator(".tick.yes").count() == 3
    shoot(page, "06-home-three-ticks")

    page.goto(f"{base}{FORM}/print")
    assert "Sophie Secrétaire" in page.inner_text("body")
    page.emulate_media(media="print")
    shoot(page, "07-print")
    page.close()
