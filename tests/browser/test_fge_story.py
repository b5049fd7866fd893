"""The FGE story in a real browser (../shared/spec/fge.md): the agent of the demo CPAS (FGE 2025
pre-filled: class 3, 1,5 FTE granted, art. 4 60 000,00, art. 6 20 000,00) answers that the CPAS
has an agreement with an accredited debt-mediation service (its name and accreditation number
appear once that answer is chosen), declares one debt mediator (full time, 100 %, 12 months:
1 FTE, 45 000,00 charged), the curative aid (12 households, 9 000,00 on energy bills, 1 500,00
on other debts) and one preventive measure (boiler maintenance, 8 households, 2 400,00), saves,
and sees the settlement and the FTE warning; the president and the secretary sign; the form is
sent, read-only.

Figures, by hand (the same as tests/test_fge.py, test_fge_11):
  art4_eligible = min(60 000,00; 45 000,00) = 45 000,00 (agreement)
  art6_eligible = min(20 000,00; 9 000,00 + 1 500,00 + 2 400,00 = 12 900,00) = 12 900,00
  unused = (60 000,00 − 45 000,00) + (20 000,00 − 12 900,00) = 15 000,00 + 7 100,00 = 22 100,00
  FTE employed 1 < 1,5 granted: a warning naming both.
"""

import re

import pytest

from tests.browser.users import add_row
from tests.browser.users import login
from tests.browser.users import logout
from tests.browser.users import save
from tests.browser.users import sign_as_both

pytestmark = pytest.mark.browser

NIS = "99999"
FORM = f"/cpas/{NIS}/forms/fge/2025"




def plain(page):
    return re.sub(r"\s", " ", page.inner_text("main"))  # amounts use (narrow) no-break spaces


def test_fge_agreement_staff_aid_settlement_and_two_signatures(live_server, browser, shoot):
    base = live_server
    page = browser.new_page(locale="fr-BE")
    login(page, base, "agent")

    page.goto(f"{base}{FORM}")
    page.wait_for_load_state()
    text = plain(page)
    for shown in ("Classe 3", "1,5", "60 000,00 €", "20 000,00 €"):
        assert shown in text, shown  # the pre-filled values

    page.goto(f"{base}{FORM}/edit")
    page.wait_for_load_state()
    page.select_option("#f-debt_mediation", value="agreement")
    # shown once "agreement" is chosen (the page asks the server while typing)
    page.fill("#f-partner_name", "Médiation de dettes Entre-Sambre-et-Meuse asbl")
    page.fill("#f-partner_accreditation", "SM-2019-042")

    add_row(page, "staff")
    page.fill("#f-staff-1-name", "Marie Dupont")
    page.select_option("#f-staff-1-function", value="debt_mediator")
    page.select_option("#f-staff-1-regime", value="full_time")
    page.fill("#f-staff-1-assignment", "100")
    page.fill("#f-staff-1-months", "12")
    page.fill("#f-staff-1-gross", "50000")
    page.fill("#f-staff-1-charged", "45000")

    page.fill("#f-households_helped", "12")
    page.fill("#f-curative_energy", "9000")
    page.fill("#f-curative_other", "1500,00")

    add_row(page, "preventive_measures")
    page.select_option("#f-preventive_measures-1-type", value="boiler_maintenance")
    page.fill("#f-preventive_measures-1-households", "8")
    page.fill("#f-preventive_measures-1-amount", "2400")
    shoot(page, "fge-01-encoded")
    save(page)
    assert page.url.endswith(FORM)

    text = plain(page)
    for label, amount in (("Article 4 — montant justifié retenu", "45 000,00 €"),
                          ("Article 4 — montant non utilisé", "15 000,00 €"),
                          ("Article 6 — dépenses d'aide curative et préventive", "12 900,00 €"),
                          ("Article 6 — montant justifié retenu", "12 900,00 €"),
                          ("Article 6 — montant non utilisé", "7 100,00 €"),
                          ("Montant non utilisé, à rembourser ou à imputer sur l'allocation de "
                           "l'année suivante", "22 100,00 €")):
        assert re.search(re.escape(label) + r"[^€]*?" + re.escape(amount), text), label
    assert ("Le CPAS emploie 1 ETP sur la mesure, moins que les 1,5 ETP octroyés "
            "(Classe 3) : l'allocation de l'article 4 finance un forfait par ETP octroyé "
            "(37 184,00 € par ETP dans la loi, montant indexé depuis).") in text
    assert "Médiation de dettes Entre-Sambre-et-Meuse asbl" in text
    shoot(page, "fge-02-settlement-and-warning")
    logout(page)

    sign_as_both(page, base, FORM)
    text = plain(page)
    assert "consultation seulement" in text.lower()
    assert "22 100,00 €" in text
    assert page.get_by_role("link", name="Modifier").count() == 0
    shoot(page, "fge-03-sent")
    page.close()
