"""Every refusal through HTTP: the status, the engine's message in the page, and that nothing
changed. Messages are built from the catalogue (engine.codes), not retyped."""

from __future__ import annotations

import datetime

import pytest

from engine import codes
from tests.web.conftest import COVID
from tests.web.conftest import text_of
from tests.web.conftest import typed

OTHER = "/cpas/99998/forms/covid50/2020"


def message(code: str, lang: str = "fr", **params) -> str:
    return codes.message(code, lang, **params)


def main(response) -> str:
    page = text_of(response)
    return page[page.index("<main"):page.index("</main>")]


def send_covid(browser, justified: str = "11350"):
    """Take the demo covid50 form to SENT; returns the agent's browser."""
    agent = browser("agent")
    assert agent.save_covid(justified).status_code == 302
    assert browser("president").sign_covid("president").status_code == 302
    assert browser("secretary").sign_covid("secretary").status_code == 302
    return agent


def test_an_agent_cannot_sign(browser):
    agent, president = browser("agent"), browser("president")
    agent.save_covid("11350")
    president.get(COVID)  # an agent's page has no Sign button: borrow the president's hash
    refused = agent.post(COVID + "/sign", {"role": "president",
                                           "content_hash": president.hidden("content_hash")})
    assert refused.status_code == 403
    page = text_of(refused)
    assert message("SIGN_ROLE", role="Président") in page
    assert page.count("Non signé") == 2


@pytest.mark.parametrize("url", [
    "/cpas/99999/", "/cpas/99999/data", COVID, COVID + "/edit", COVID + "/print",
    COVID + "/audit",
])
def test_another_cpas_pages_are_not_found(browser, url):
    stranger = browser("agent2")
    response = stranger.get(url)
    assert response.status_code == 404
    # exactly the page of a CPAS that does not exist: nothing tells that 99999 exists
    missing = stranger.get(url.replace("99999", "12345"))
    assert missing.status_code == 404
    assert main(response) == main(missing)
    assert "CPAS de Démo" not in text_of(response)


def test_another_cpas_cannot_be_changed(browser, service):
    agent = browser("agent")
    agent.save_covid("11350")
    president = browser("president")
    president.get(COVID)
    content_hash = president.hidden("content_hash")
    stranger = browser("agent2")
    stranger.get(OTHER + "/edit")  # its own form, for a valid token and version number
    posts = [
        (COVID + "/edit", {"justified": "1", "action": "save", "version_number": "1"}),
        (COVID + "/edit", {"justified": "1", "action": "add:anything", "version_number": "1"}),
        (COVID + "/sign", {"role": "president", "content_hash": content_hash}),
        (COVID + "/reopen", {"reason": "because"}),
        ("/cpas/99999/data", {"iban": "BE68539007547034"}),
    ]
    for url, data in posts:
        assert stranger.post(url, data).status_code == 404, url
    assert stranger.post_json(COVID + "/recompute", {"justified": "1"}).status_code == 404
    # changing the form's fields on its own CPAS's URL reaches its own CPAS only
    own = stranger.post(OTHER + "/edit", {"justified": "3400", "action": "save", "nis": "99999",
                                          "version_number": "0"})
    assert own.status_code == 302
    page = text_of(agent.get(COVID))
    assert "11 350,00 €" in page and "3 400,00 €" not in page
    assert service.cpas(service.actor_by_username("agent"), "99999")["iban"] is None


def test_the_same_person_cannot_sign_twice(browser, service):
    service.create_user("both", "Bea Both", "demo")
    service.grant("both", "99999", "president")
    service.grant("both", "99999", "secretary")
    browser("agent").save_covid("11350")
    both = browser("both")
    page = text_of(both.get(COVID))
    assert "Signer en tant que Président" in page
    assert "Signer en tant que Secrétaire / Directeur général" in page
    seen = both.hidden("content_hash")
    assert both.sign_covid("president").status_code == 302
    page = text_of(both.get(COVID))
    assert "Signer en tant que" not in page  # the second signature must be someone else's
    refused = both.post(COVID + "/sign", {"role": "secretary", "content_hash": seen})
    assert refused.status_code == 403
    assert message("SIGN_SAME_PERSON") in text_of(refused)
    assert "Signé une fois" in text_of(both.get(COVID))


def test_a_stale_save_keeps_the_typed_value(browser):
    agent, president = browser("agent"), browser("president")
    agent.get(COVID + "/edit")
    president.get(COVID + "/edit")
    loaded = president.hidden("version_number")
    assert agent.post(COVID + "/edit", {"justified": "11350", "action": "save",
                                        "version_number": agent.hidden("version_number")}
                      ).status_code == 302
    stale = president.post(COVID + "/edit", {"justified": "12 000,50", "action": "save",
                                             "version_number": loaded})
    assert stale.status_code == 409
    page = text_of(stale)
    assert message("STALE") in page
    assert typed(page, "justified") == "12 000,50"
    assert "11350" not in page  # the database's value is not put in the user's input
    assert "1 150,00 €" in text_of(agent.get(COVID))


def test_a_signature_covers_what_the_signer_saw(browser):
    agent, president = browser("agent"), browser("president")
    agent.save_covid("11350")
    president.get(COVID)
    seen = president.hidden("content_hash")
    agent.save_covid("11400")
    refused = president.post(COVID + "/sign", {"role": "president", "content_hash": seen})
    assert refused.status_code == 409
    page = text_of(refused)
    assert message("SIGN_STALE") in page
    assert "1 100,00 €" in page  # the page shows the new content to read again
    assert page.count("Non signé") == 2


def test_a_sent_form_cannot_be_edited(browser):
    agent = send_covid(browser)
    page = agent.get(COVID + "/edit")
    assert page.status_code == 403
    assert message("FORM_SENT") in text_of(page)
    refused = agent.post(COVID + "/edit", {"justified": "999", "action": "save",
                                           "version_number": "3"})
    assert refused.status_code == 403
    assert message("FORM_SENT") in text_of(refused)
    assert typed(text_of(refused), "justified") == "999"
    page = text_of(agent.get(COVID))
    assert "1 150,00 €" in page and "999,00" not in page
    again = browser("president").post(COVID + "/sign", {"role": "president",
                                                        "content_hash": "x"})
    assert again.status_code == 403 and message("FORM_SENT") in text_of(again)


def test_nothing_is_edited_or_signed_after_the_deadline(browser, clock):
    agent, president = browser("agent"), browser("president")
    agent.save_covid("11350")
    president.get(COVID)
    seen = president.hidden("content_hash")
    version = agent.get(COVID + "/edit") and agent.hidden("version_number")
    clock.today = datetime.date.today() + datetime.timedelta(days=3650)
    page = agent.get(COVID + "/edit")
    assert page.status_code == 403
    assert "la date limite du" in text_of(page) and "est dépassée" in text_of(page)
    saved = agent.post(COVID + "/edit", {"justified": "20000", "action": "save",
                                         "version_number": version})
    assert saved.status_code == 403 and "demandez une prolongation" in text_of(saved)
    signed = president.post(COVID + "/sign", {"role": "president", "content_hash": seen})
    assert signed.status_code == 403 and "demandez une prolongation" in text_of(signed)
    page = text_of(agent.get(COVID))
    assert "1 150,00 €" in page and "Non signé" in page
    assert f'href="{COVID}/edit"' not in page


def test_a_post_without_csrf_token_is_refused(browser):
    agent = browser("agent")
    agent.get(COVID + "/edit")
    refused = agent.post(COVID + "/edit", {"justified": "11350", "action": "save",
                                           "version_number": "0"}, csrf=False)
    assert refused.status_code == 400
    assert "Le jeton de sécurité de ce formulaire manque ou a expiré" in text_of(refused)
    assert "Non commencé" in text_of(agent.get(COVID))
    forged = agent.post(COVID + "/edit", {"justified": "1", "version_number": "0",
                                          "csrf_token": "forged"}, csrf=False)
    assert forged.status_code == 400
    assert agent.post("/logout", csrf=False).status_code == 400
    json = agent.post_json(COVID + "/recompute", {"justified": "1"}, csrf=False)
    assert json.status_code == 400 and "jeton de sécurité" in json.get_json()["error"]


def test_an_inspector_reads_but_does_not_save(browser):
    agent = browser("agent")
    agent.save_covid("11350")
    inspector = browser("inspector")
    page = text_of(inspector.get(COVID))
    assert "1 150,00 €" in page
    assert f'href="{COVID}/edit"' not in page and "Signer en tant que" not in page
    assert inspector.get(COVID + "/audit").status_code == 200
    edit = inspector.get(COVID + "/edit")
    assert edit.status_code == 403 and message("READ_ONLY_USER") in text_of(edit)
    refused = inspector.post(COVID + "/edit", {"justified": "1", "action": "save",
                                               "version_number": "1"})
    assert refused.status_code == 403 and message("READ_ONLY_USER") in text_of(refused)
    rows = inspector.post(COVID + "/edit", {"justified": "1", "action": "add:x",
                                            "version_number": "1"})
    assert rows.status_code == 400  # covid50 has no table "x"
    data = inspector.post("/cpas/99999/data", {"contact_name": "Ivan"})
    assert data.status_code == 403
    assert "1 150,00 €" in text_of(agent.get(COVID))


def test_an_administrator_reopens_with_a_reason(browser):
    agent = send_covid(browser)
    admin = browser("admin")
    page = text_of(admin.get(COVID))
    assert "Rouvrir le formulaire" in page
    without = admin.post(COVID + "/reopen", {"reason": "   "})
    assert without.status_code == 422
    assert message("REASON_REQUIRED") in text_of(without)
    assert "Envoyé (consultation seulement)" in text_of(admin.get(COVID))
    refused = browser("president").post(COVID + "/reopen", {"reason": "please"})
    assert refused.status_code == 403 and message("ADMIN_ONLY") in text_of(refused)
    reopened = admin.post(COVID + "/reopen", {"reason": "Erreur dans le montant justifié"})
    assert reopened.status_code == 302
    page = text_of(admin.get(COVID))
    assert "Le formulaire est rouvert" in page
    assert "Rouvert par le SPP IS : Erreur dans le montant justifié" in page
    assert page.count("Non signé") == 2
    home = text_of(agent.get("/cpas/99999/"))
    assert "Rouvert par le SPP IS : Erreur dans le montant justifié" in home
    assert agent.save_covid("11300").status_code == 302
    again = admin.post(COVID + "/reopen", {"reason": "again"})
    assert again.status_code == 409 and message("NOT_SENT") in text_of(again)


def test_an_unknown_role_or_form_is_refused(browser):
    president = browser("president")
    browser("agent").save_covid("11350")
    president.get(COVID)
    bogus = president.post(COVID + "/sign", {"role": "king",
                                             "content_hash": president.hidden("content_hash")})
    assert bogus.status_code == 403
    assert president.get("/cpas/99999/forms/covid50/1999").status_code == 404
    assert president.get("/cpas/99999/forms/nothing/2020/edit").status_code == 404
