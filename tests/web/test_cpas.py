"""The CPAS data page: contact person and bank account, checked by the service field by field,
shown on every form (spec 00-overview, "The shared CPAS data")."""

from __future__ import annotations

from engine import codes
from tests.web.conftest import COVID
from tests.web.conftest import text_of

DATA = "/cpas/99999/data"
GOOD = {"contact_name": "Anne Agent", "contact_email": "anne@cpas-demo.be",
        "contact_phone": "02 508 85 85", "iban": "BE68 5390 0754 7034", "bic": "gkccbebb",
        "legacy_account": ""}


def stored(service) -> dict:
    return service.cpas(service.actor_by_username("admin"), "99999")


def test_a_bad_iban_is_an_error_next_to_its_field_and_nothing_is_saved(browser, service):
    agent = browser("agent")
    agent.get(DATA)
    refused = agent.post(DATA, {**GOOD, "iban": "BE68 5390 0754 7035"})
    assert refused.status_code == 422
    page = text_of(refused)
    expected = codes.message("BAD_FORMAT_VALUE", "fr", label="IBAN",
                             value="« BE68 5390 0754 7035 »", kind="IBAN",
                             reason="chiffres de contrôle incorrects")
    assert f'<a href="#f-iban">{expected}</a>' in page
    assert f'<p class="msg error" id="m-iban"><strong class="tag">Erreur :</strong> {expected}' \
        in page
    assert 'value="BE68 5390 0754 7035"' in page and 'aria-invalid="true"' in page
    assert 'value="Anne Agent"' in page  # the other typed values stay too
    assert stored(service)["iban"] is None and stored(service)["contact_name"] is None


def test_legacy_account_and_email_are_checked(browser):
    agent = browser("agent")
    agent.get(DATA)
    page = text_of(agent.post(DATA, {**GOOD, "legacy_account": "12345",
                                     "contact_email": "anne@"}))
    assert "« Ancien numéro de compte (12 chiffres) » : « 12345 » n'est pas un numéro de " \
           "compte (12 chiffres) valide (longueur incorrecte)." in page
    assert 'id="m-contact_email"' in page and 'id="m-iban"' not in page


def test_valid_data_is_saved_and_shown_on_the_forms(browser, service):
    agent = browser("agent")
    agent.get(DATA)
    saved = agent.post(DATA, GOOD)
    assert saved.status_code == 302 and saved.location == DATA
    assert "Les données du CPAS sont enregistrées." in text_of(agent.get(DATA))
    assert stored(service)["iban"] == "BE68539007547034"
    assert stored(service)["bic"] == "GKCCBEBB"
    form = text_of(agent.get(COVID))
    assert "BE68 5390 0754 7034" in form and "GKCCBEBB" in form
    assert "Anne Agent" in form and "anne@cpas-demo.be" in form


def test_a_data_change_voids_a_signature(browser):
    agent = browser("agent")
    agent.save_covid("11350")
    browser("president").sign_covid("president")
    assert "Signé par Paul Président" in text_of(agent.get(COVID))
    agent.get(DATA)
    agent.post(DATA, GOOD)
    assert "Signé par Paul Président" not in text_of(agent.get(COVID))


def test_administrators_read_the_data_without_inputs(browser):
    admin = browser("admin")
    page = text_of(admin.get(DATA))
    assert "Consultation seulement" in page and "<input id=\"f-iban\"" not in page
    assert admin.post(DATA, GOOD).status_code == 403
