"""The covid50 form's whole life through the pages: save, sign, change, sign again, send, and
the home page's three ticks at each step (spec 00-overview, "The lifecycle of one form")."""

from __future__ import annotations

import re

from tests.web.conftest import COVID
from tests.web.conftest import text_of

HOME = "/cpas/99999/"
EDIT_LINK = f'href="{COVID}/edit"'


def ticks(page: str) -> list[str]:
    """The home page's ticks of the covid50 form, in order: complete, signed, sent."""
    row = next(r for r in page.split("<tr") if "/forms/covid50/2020" in r)
    return re.findall(r'<span class="tick (yes|no)">', row)


def test_home_before_anything(browser):
    agent = browser("agent")
    page = text_of(agent.get(HOME))
    assert "Covid-19 : Prime temporaire de 50 EUR" in page
    assert "Non commencé" in page
    assert ticks(page) == ["no", "no", "no"]
    assert "Président, Secrétaire / Directeur général" in page  # both signatures missing


def test_lifecycle_of_covid50(browser):
    agent = browser("agent")

    # 1. The agent saves 11 350: the form is complete, 1 150,00 € is to be paid back.
    saved = agent.save_covid("11350")
    assert saved.status_code == 302 and saved.location == COVID
    page = text_of(agent.get(COVID))
    assert "Le formulaire est enregistré." in page
    assert "11 350,00 €" in page and "1 150,00 €" in page
    assert "Montant à payer par le SPP IS" not in page  # zero: not shown
    assert "Complet, à signer" in page
    assert "Signer en tant que" not in page  # an agent has no signing role
    assert EDIT_LINK in page
    assert ticks(text_of(agent.get(HOME))) == ["yes", "no", "no"]

    # 2. The president signs.
    president = browser("president")
    signed = president.sign_covid("president")
    assert signed.status_code == 302
    page = text_of(president.get(COVID))
    assert "Vous avez signé en tant que Président." in page
    assert "Signé par Paul Président le" in page
    assert "Signé une fois" in page
    assert "Signer en tant que" not in page  # the president signed; he is not secretary
    home = text_of(agent.get(HOME))
    assert ticks(home) == ["yes", "no", "no"]
    covid_row = next(r for r in home.split("<tr") if "/forms/covid50/2020" in r)
    assert "Secrétaire / Directeur général" in covid_row and "Président," not in covid_row

    # 3. The agent changes the amount: the president's signature no longer holds.
    assert agent.save_covid("11400").status_code == 302
    page = text_of(agent.get(COVID))
    assert "1 100,00 €" in page
    assert "Signé par Paul Président" not in page
    assert page.count("Non signé") == 2
    assert "Complet, à signer" in page

    # 4. The president signs again, then the secretary: the form is sent.
    assert president.sign_covid("president").status_code == 302
    secretary = browser("secretary")
    assert secretary.sign_covid("secretary").status_code == 302
    page = text_of(secretary.get(COVID))
    assert "Le formulaire est signé par les deux signataires et envoyé au SPP IS." in page
    assert "Consultation seulement : ce formulaire a été envoyé au SPP IS le" in page
    assert "Signé par Paul Président le" in page and "Signé par Sophie Secrétaire le" in page
    assert EDIT_LINK not in page and "Signer en tant que" not in page

    # 5. Read-only for everyone now, and the home page shows the three ticks.
    page = text_of(agent.get(COVID))
    assert EDIT_LINK not in page and "1 100,00 €" in page
    home = text_of(agent.get(HOME))
    assert ticks(home) == ["yes", "yes", "yes"]
    assert "Envoyé (consultation seulement)" in home


def test_a_save_with_errors_is_kept_but_cannot_be_signed(browser):
    agent = browser("agent")
    agent.save_covid("-5")
    page = text_of(agent.get(COVID))
    assert "le formulaire est enregistré, mais il contient encore des erreurs" in page.lower()
    assert "Brouillon, à compléter" in page
    assert "« Montant justifié » : -5,00 € est inférieur au minimum 0,00 €." in page
    assert ticks(text_of(agent.get(HOME))) == ["no", "no", "no"]
    president = browser("president")
    assert "Signer en tant que" not in text_of(president.get(COVID))


def test_the_demo_cpas_home_lists_the_seven_forms_with_their_states(browser, service):
    agent = browser("agent")
    forms = {(s.code, s.year): s.state for s in service.home(
        service.actor_by_username("agent"), "99999")}
    assert set(forms) == {("covid50", 2020), ("redi", 2023), ("pas", 2025), ("fge", 2025),
                          ("personnel", 2025), ("piis", 2025), ("piis_pt", 2025)}
    agent.save_covid("11350")
    page = text_of(agent.get(HOME))
    links = re.findall(r'href="(/cpas/99999/forms/[a-z_0-9]+/\d{4})"', page)
    assert sorted(set(links)) == sorted(f"/cpas/99999/forms/{c}/{y}" for c, y in forms)
    for title in ("Participation et activation sociale", "Fonds social gaz et électricité",
                  "Subvention REDI"):
        assert title in page
    assert page.count("Non commencé") == 6 and "Complet, à signer" in page
    dutch = text_of(agent.get(HOME + "?lang=nl"))
    assert "Participatie en sociale activering" in dutch and "Niet begonnen" in dutch
