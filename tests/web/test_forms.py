"""The form pages: accessible edit markup, issues next to their fields, computed amounts and
their explanation, the live recompute endpoint, the print view and the audit trail."""

from __future__ import annotations

import re

from engine import codes
from tests.web.conftest import COVID
from tests.web.conftest import ROOT
from tests.web.conftest import Browser
from tests.web.conftest import text_of
from tests.web.conftest import typed


def test_the_edit_page_binds_labels_help_and_errors_to_inputs(browser):
    agent = browser("agent")
    first = text_of(agent.get(COVID + "/edit"))
    assert '<label for="f-justified">Montant justifié' in first
    assert 'id="f-justified" name="justified"' in first
    assert 'aria-describedby="h-justified"' in first
    assert 'aria-required="true"' in first
    assert 'name="version_number" value="0"' in first
    assert "error-summary" not in first  # nothing typed yet: no "required" error shown
    assert 'value="save"' in first.split('value="add:')[0]  # Enter presses Save
    agent.save_covid("douze mille")
    page = text_of(agent.get(COVID + "/edit"))
    wrong = codes.message("NOT_A_NUMBER", "fr", label="Montant justifié",
                          value="« douze mille »")
    summary = page[page.index('class="error-summary"'):page.index("</div>",
                                                                  page.index("error-summary"))]
    assert 'role="alert"' in summary
    assert f'<a href="#f-justified">{wrong}</a>' in summary
    assert typed(page, "justified") == "douze mille"  # what was typed stays in the input
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="h-justified m-justified"' in page
    assert '<ul class="msgs" id="m-justified">' in page
    assert f'<strong class="tag">Erreur :</strong> {wrong}' in page


def test_warnings_show_apart_from_errors_and_do_not_block(browser):
    agent = browser("agent")
    agent.save_covid("11375")
    page = text_of(agent.get(COVID + "/edit"))
    assert "1 avertissement(s) (ne bloquent pas la signature)" in page
    assert "erreur(s) à corriger" not in page
    assert '<strong class="tag">Avertissement :</strong>' in page
    assert "n'est pas un multiple de 50,00 €" in page
    assert 'aria-invalid="true"' not in page
    view = text_of(browser("president").get(COVID))
    assert "Complet, à signer" in view and "Signer en tant que Président" in view


def test_computed_amounts_are_explained_and_zero_ones_hidden(browser):
    agent = browser("agent")
    agent.save_covid("13000")
    view = text_of(agent.get(COVID))
    assert "Montant à payer par le SPP IS" in view and "500,00 €" in view
    assert "Montant à rembourser au SPP IS" not in view
    assert "Pourquoi ce montant ?" in view
    assert "<code>max(justified - advance, 0)</code>" in view
    assert 'data-operand="advance">12 500,00 €' in view
    assert 'data-operand="justified">13 000,00 €' in view
    edit = text_of(agent.get(COVID + "/edit"))
    assert 'id="w-to_reimburse" data-name="to_reimburse" hidden' in edit
    assert '<output id="v-to_receive" aria-labelledby="l-to_receive" class="money">500,00 €' in edit


def test_recompute_answers_while_typing_and_saves_nothing(browser):
    agent = browser("agent")
    agent.get(COVID + "/edit")
    answer = agent.post_json(COVID + "/recompute", {"justified": "1234,56", "version_number": "0"})
    assert answer.status_code == 200
    data = answer.get_json()
    assert data["values"] == {"to_reimburse": "11 265,44 €", "to_receive": "0,00 €"}
    assert data["hidden"] == ["to_receive"]
    assert data["explain"]["to_reimburse"]["value"] == "11 265,44 €"
    assert data["errors"] == 0 and data["warnings"] == 1
    assert data["issues"][0]["severity"] == "warning"
    bad = agent.post_json(COVID + "/recompute", {"justified": "abc"}).get_json()
    assert bad["errors"] == 1
    assert bad["issues"] == [{"key": "justified", "target": "f-justified", "severity": "error",
                              "message": codes.message("NOT_A_NUMBER", "fr",
                                                       label="Montant justifié",
                                                       value="« abc »")}]
    agent.get("/lang/nl")
    dutch = agent.post_json(COVID + "/recompute", {"justified": "13000.00"}).get_json()
    assert dutch["values"]["to_receive"] == "€ 500,00"
    assert "Niet begonnen" in text_of(agent.get(COVID))  # nothing was saved
    assert agent.post_json(COVID + "/recompute", [1, 2]).status_code == 400
    anonymous = browser()
    assert anonymous.post_json(COVID + "/recompute", {"justified": "1"}).status_code == 401


def test_tables_add_and_remove_rows_without_javascript(make_app):
    app = make_app(SCHEMAS=[str(ROOT / "schemas"), str(ROOT / "tests/web/schemas")],
                   REQUIRE_FORM_TESTS=False)
    app.extensions["rapport_unique"].service.set_prefilled("99999", "webtest", 2025,
                                                           {"granted": "10000"})
    agent = Browser(app.test_client())
    agent.login("agent")
    url = "/cpas/99999/forms/webtest/2025"
    page = text_of(agent.get(url + "/edit"))
    assert 'id="t-staff" data-name="staff" hidden' in page  # has_staff not chosen yet
    assert '<option value="true">Oui</option>' in page
    added = agent.post(url + "/edit", {"has_staff": "true", "action": "add:staff",
                                       "version_number": "0"})
    assert added.status_code == 200
    page = text_of(added)
    assert 'id="t-staff" data-name="staff">' in page
    assert 'name="staff-1-name"' in page and 'name="staff-2-name"' not in page
    assert 'aria-labelledby="c-staff-name r-staff-1"' in page
    assert '<option value="true" selected>Oui</option>' in page
    rows = {"has_staff": "true", "version_number": "0", "staff-1-name": "Ann",
            "staff-1-regime": "full_time", "staff-1-cost": "1000",
            "staff-2-name": "Bob", "staff-2-regime": "half_time", "staff-2-cost": "600,50"}
    page = text_of(agent.post(url + "/edit", {**rows, "action": "add:staff"}))
    assert typed(page, "staff-3-name") == ""
    assert "Supprimer la ligne 3" in page
    page = text_of(agent.post(url + "/edit", {**rows, "action": "remove:staff:1"}))
    assert typed(page, "staff-1-name") == "Bob"
    assert 'name="staff-2-name"' not in page
    assert '<option value="half_time" selected>Mi-temps</option>' in page
    assert "Non commencé" in text_of(agent.get(url))  # adding and removing saved nothing
    saved = agent.post(url + "/edit", {**rows, "action": "save"})
    assert saved.status_code == 302
    view = text_of(agent.get(url))
    assert "Mi-temps" in view and "600,50 €" in view
    assert "300,25 €" in view  # Bob's subsidised half
    assert "800,25 €" in view  # the total: 500,00 + 300,25
    assert "9 199,75 €" in view  # what remains of the 10 000,00 € granted
    answer = agent.post_json(url + "/recompute", {"has_staff": "true", "staff-1-name": "Ann",
                                                  "staff-1-regime": "full_time",
                                                  "staff-1-cost": "2000"}).get_json()
    assert answer["values"]["staff-1-subsidised"] == "1 000,00 €"
    assert answer["values"]["staff_subsidised"] == "1 000,00 €"
    assert answer["values"]["remaining"] == "9 000,00 €"
    assert agent.post(url + "/edit", {**rows, "action": "drop:staff"}).status_code == 400
    inspector = Browser(app.test_client())
    inspector.login("inspector")
    refused = inspector.post(url + "/edit", {**rows, "action": "add:staff"})
    assert refused.status_code == 403
    assert codes.message("READ_ONLY_USER", "fr") in text_of(refused)
    assert 'name="staff-1-name"' not in text_of(refused)
    # version 0 is stale now: the page comes back with the typed values and their issues
    stale = agent.post(url + "/edit", {**rows, "staff-2-cost": "-1", "action": "save"})
    assert stale.status_code == 409
    page = text_of(stale)
    below = codes.message("BELOW_MIN", "fr", label="Coût", value="-1,00 €", min="0,00 €")
    assert f'<a href="#f-staff-2-cost">Membres du personnel, ligne 2 : {below}</a>' in page
    assert 'id="f-staff-2-cost" name="staff-2-cost"' in page
    cell = page[page.index('id="f-staff-2-cost"'):]
    assert cell.index('aria-invalid="true" aria-describedby="m-staff-2-cost"') < cell.index(">")


def test_typed_text_is_escaped_everywhere(make_app):
    app = make_app(SCHEMAS=[str(ROOT / "schemas"), str(ROOT / "tests/web/schemas")],
                   REQUIRE_FORM_TESTS=False)
    agent = Browser(app.test_client())
    agent.login("agent")
    url = "/cpas/99999/forms/webtest/2025"
    attack = '"><script>alert(1)</script>'
    agent.get(url + "/edit")
    page = agent.post(url + "/edit", {"has_staff": "true", "version_number": "0",
                                      "action": "add:staff", "staff-1-name": attack,
                                      "staff-1-regime": attack, "staff-1-cost": attack})
    body = page.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in body
    agent.post(url + "/edit", {"has_staff": attack, "version_number": "0", "action": "save"})
    for path in ("", "/edit", "/print", "/audit"):
        assert "<script>alert(1)</script>" not in agent.get(url + path).get_data(as_text=True)
    covid = agent.save_covid(attack)
    assert covid.status_code == 302
    for path in ("", "/edit"):
        assert "<script>alert(1)</script>" not in agent.get(COVID + path).get_data(as_text=True)


def test_the_print_view_is_a_clean_a4_page(browser):
    agent = browser("agent")
    agent.save_covid("11350")
    browser("president").sign_covid("president")
    page = text_of(agent.get(COVID + "/print"))
    assert "<h1>Covid-19 : Prime temporaire de 50 EUR — 2020</h1>" in page
    assert "CPAS de Démo" in page and "Signé une fois" in page
    assert "1 150,00 €" in page and "Signé par Paul Président le" in page
    assert 'class="langs"' not in page and "/logout" not in page and "Signer" not in page
    assert "data-print" in page
    css = (ROOT / "web/static/style.css").read_text()
    assert "@page { size: A4" in css and "@media print" in css


def test_the_audit_trail_lists_every_action(browser):
    agent = browser("agent")
    agent.get("/cpas/99999/data")
    agent.post("/cpas/99999/data", {"contact_name": "Anne Agent",
                                    "contact_email": "anne@cpas.example"})
    agent.save_covid("11350")
    browser("president").sign_covid("president")
    browser("secretary").sign_covid("secretary")
    browser("admin").post(COVID + "/reopen", {"reason": "Montant à corriger"})
    page = text_of(browser("inspector").get(COVID + "/audit"))
    actions = re.findall(r"<td>(Enregistrement|Signature|Envoi au SPP IS|Réouverture|"
                         r"Données du CPAS modifiées|Signatures annulées)</td>", page)
    assert actions == ["Données du CPAS modifiées", "Enregistrement", "Signature", "Signature",
                       "Envoi au SPP IS", "Signatures annulées", "Réouverture"]
    assert "Montant justifié : — → 11 350,00 €" in page
    assert "Nom : — → Anne Agent" in page
    assert "Raison : Montant à corriger" in page
    assert "Anne Agent" in page and "Paul Président" in page and "Alice Admin (SPP IS)" in page
    assert "Secrétaire / Directeur général" in page
