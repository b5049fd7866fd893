"""The personnel form (art. 40, 2025) on the web: the worked example of tests/test_personnel.py
saved through the service for the demo CPAS 99999, then read back on the form's page in French
and Dutch — granted, justified, retained and to reimburse.

The test sets the CPAS's pre-filled values itself (120 units × 518,00 = 62 160,00), so that it
does not depend on the demo data."""

import html
import re

from tests.test_personnel import expense
from tests.test_personnel import staff

from .conftest import Browser
from .conftest import text_of

PERSONNEL = "/cpas/99999/forms/personnel/2025"


def shown(page: str, label: str) -> str:
    """The amount the read-only page shows next to the computed value labelled ``label``."""
    found = re.search(rf"<dt>{re.escape(label)} <span class=\"mark\">[^<]*</span>"
                      r"</dt>\s*<dd class=\"money\">([^<]*)</dd>", html.unescape(page))
    assert found, label
    return found.group(1)


def saved_worked_example(app):
    service = app.extensions["rapport_unique"].service
    service.set_prefilled("99999", "personnel", 2025, {"units": "120", "unit_amount": "518.00"})
    agent = service.actor_by_username("agent")
    current = service.form(agent, "99999", "personnel", 2025)
    entered = {
        "staff": [staff("40000.00", gross="48000.00")],
        "reception_expenses": [expense("premises", "6000.00", "Rénovation du guichet"),
                               expense("training", "1500.50", "Formation à l'accueil"),
                               expense("interpreting", "659.50", "Interprète")],
    }
    return service.save(agent, "99999", "personnel", 2025, entered, current.version_number)


def test_the_settlement_in_french_and_dutch(app):
    saved = saved_worked_example(app)
    # 120 × 518,00 = 62 160,00 granted; 40 000,00 + 8 160,00 = 48 160,00 justified and retained;
    # 62 160,00 − 48 160,00 = 14 000,00 to reimburse
    assert not saved.evaluation.blocking
    assert str(saved.evaluation.values["to_reimburse"]) == "14000.00"
    agent = Browser(app.test_client())
    agent.login("agent")
    french = agent.get(PERSONNEL).get_data(as_text=True)
    assert "Frais de personnel (art. 40 de la loi du 26 mai 2002)" in html.unescape(french)
    assert shown(french, "Montant octroyé") == "62 160,00 €"
    assert shown(french, "Total des frais de personnel affectés") == "40 000,00 €"
    assert shown(french, "Total des dépenses d'accueil") == "8 160,00 €"
    assert shown(french, "Montant justifié") == "48 160,00 €"
    assert shown(french, "Montant justifié retenu") == "48 160,00 €"
    assert shown(french, "Montant à rembourser au SPP IS") == "14 000,00 €"
    assert "Aucune erreur ni avertissement." in french
    dutch = agent.get(PERSONNEL + "?lang=nl").get_data(as_text=True)
    assert "Personeelskosten (art. 40 van de wet van 26 mei 2002)" in html.unescape(dutch)
    assert shown(dutch, "Toegekend bedrag") == "€ 62.160,00"
    assert shown(dutch, "Verantwoord bedrag") == "€ 48.160,00"
    assert shown(dutch, "Weerhouden verantwoord bedrag") == "€ 48.160,00"
    assert shown(dutch, "Aan de POD MI terug te betalen bedrag") == "€ 14.000,00"
    edit = agent.get(PERSONNEL + "/edit")
    assert edit.status_code == 200
    assert "Onthaallokalen" in text_of(edit) and "Tolkdiensten" in text_of(edit)  # still NL


def test_a_form_without_any_line_is_a_draft_with_its_error(app):
    service = app.extensions["rapport_unique"].service
    service.set_prefilled("99998", "personnel", 2025, {"units": "35", "unit_amount": "518.00"})
    agent2 = service.actor_by_username("agent2")
    current = service.form(agent2, "99998", "personnel", 2025)
    # 35 × 518,00 = 18 130,00 granted, nothing justified: all of it to reimburse
    assert str(current.evaluation.values["granted"]) == "18130.00"
    saved = service.save(agent2, "99998", "personnel", 2025,
                         {"staff": [], "reception_expenses": []}, current.version_number)
    assert saved.evaluation.blocking
    browser = Browser(app.test_client())
    browser.login("agent2")
    page = text_of(browser.get("/cpas/99998/forms/personnel/2025"))
    assert "Encodez au moins une ligne" in page and "18 130,00" in page
    dutch = text_of(browser.get("/cpas/99998/forms/personnel/2025?lang=nl"))
    assert "Voer ten minste één regel in" in dutch and "18.130,00" in dutch
