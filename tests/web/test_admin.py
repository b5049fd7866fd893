"""The administration pages: who may see them, who may change anything (every admin route is
tried for an inspector, a CPAS user and a visitor), and what each page does."""

import base64
import re

import pytest

from .conftest import ROOT
from .conftest import text_of

SCHEMAS = ROOT / "schemas"
ADMIN_POSTS = {  # a valid request to every route that changes something
    "/admin/campaigns": {"name": "2026", "opens": "2026-01-12", "deadline": "2026-02-27"},
    "/admin/campaigns/measure": {"measure": "pas/2025", "campaign": "", "deadline": "2026-03-31"},
    "/admin/campaigns/extension": {"nis": "99999", "measure": "pas/2025",
                                   "deadline": "2026-12-31"},
    "/admin/users/give": {"username": "agent2", "nis": "99999", "role": "agent"},
    "/admin/users/take": {"username": "agent", "nis": "99999", "role": "agent"},
}


ARGUMENTS = {"code": "covid50", "year": 2020, "digest": None}  # what every route is asked about


def admin_routes(app, method):
    """Every administration URL answering ``method``, its parameters filled in."""
    service = app.extensions["rapport_unique"].service
    ARGUMENTS["digest"] = service.catalog.latest("covid50", 2020).schema_hash
    found = []
    for rule in app.url_map.iter_rules():
        if str(rule).startswith("/admin") and method in rule.methods:
            with app.test_request_context():
                from flask import url_for
                found.append(url_for(rule.endpoint, **{a: ARGUMENTS[a] for a in rule.arguments}))
    return sorted(found)


def test_every_post_route_is_listed(app):
    known = set(ADMIN_POSTS) | {"/admin/schemas/examine", "/admin/schemas/publish",
                                "/admin/prefilled/check", "/admin/prefilled/load"}
    assert set(admin_routes(app, "POST")) <= known


def test_a_visitor_is_sent_to_the_login_page(app, browser):
    visitor = browser()
    for url in admin_routes(app, "GET"):
        response = visitor.get(url)
        assert response.status_code == 302 and "/login" in response.location, url


def test_cpas_users_have_no_access(app, browser):
    agent = browser("agent")
    for url in admin_routes(app, "GET"):
        assert agent.get(url).status_code == 403, url
    agent.get("/")
    for url in admin_routes(app, "POST"):
        assert agent.post(url, ADMIN_POSTS.get(url, {})).status_code == 403, url


def test_an_inspector_reads_every_page_and_changes_nothing(app, browser, service):
    inspector = browser("inspector")
    for url in admin_routes(app, "GET"):
        response = inspector.get(url)
        assert response.status_code == 200, url
        page = text_of(response) if response.mimetype == "text/html" else ""
        if response.mimetype == "text/html":
            assert "consultez tout, sans rien modifier" in page, url
        assert 'method="post" action="/admin' not in page, url  # no form to change anything
    admin = service.actor_by_username("admin")
    before = (service.campaigns(admin), service.measure_dates(admin),
              service.extensions(admin), service.versions(admin), service.users(admin))
    for url in admin_routes(app, "POST"):
        response = inspector.post(url, ADMIN_POSTS.get(url, {}))
        assert response.status_code == 403, url
        assert "seul un administrateur" in text_of(response), url
    assert before == (service.campaigns(admin), service.measure_dates(admin),
                      service.extensions(admin), service.versions(admin), service.users(admin))


def test_every_post_needs_its_csrf_token(app, browser):
    admin = browser("admin")
    for url in admin_routes(app, "POST"):
        assert admin.post(url, ADMIN_POSTS.get(url, {}), csrf=False).status_code == 400, url


def test_the_follow_up_shows_states_counts_and_a_chart(browser):
    agent = browser("agent")
    agent.save_covid("11350")
    admin = browser("admin")
    page = text_of(admin.get("/admin/"))
    assert "Suivi national" in page and "<svg" in page and "progress-chart" in page
    row = re.search(r"99999</td>.*?</tr>", page, re.S).group(0)
    assert "Complet" in row  # covid50 saved without error
    only = text_of(admin.get("/admin/?measure=covid50/2020&state=COMPLETE"))
    assert "99999" in only and "99998" not in only.split("Formulaires par CPAS")[1]
    dutch = text_of(admin.get("/admin/?lang=nl"))
    assert "Nationale opvolging" in dutch and "Niet begonnen" in dutch


def test_campaign_dates_and_extensions_from_the_page(browser, service):
    admin = browser("admin")
    admin.get("/admin/campaigns")
    response = admin.post("/admin/campaigns", ADMIN_POSTS["/admin/campaigns"])
    assert response.status_code == 302
    admin.get("/admin/campaigns")
    response = admin.post("/admin/campaigns/measure",
                          {"measure": "pas/2025", "campaign": "2026", "deadline": "2026-03-31"})
    assert response.status_code == 302
    page = text_of(admin.get("/admin/campaigns"))
    assert re.search(r"Participation et activation sociale 2025</th><td>2026</td>"
                     r"<td>12/01/2026</td><td>31/03/2026</td><td>la mesure</td>", page)
    bad = admin.post("/admin/campaigns", {"name": "2027", "opens": "2027-03-01",
                                          "deadline": "2027-02-01"})
    assert bad.status_code == 403 or bad.status_code == 422
    assert "est après la date limite" in text_of(bad)
    assert 'value="2027"' in bad.get_data(as_text=True)  # what was typed is kept
    unknown = admin.post("/admin/campaigns/extension", {"nis": "12345", "measure": "pas/2025",
                                                        "deadline": "2026-12-31"})
    assert unknown.status_code == 422 and "12345" in text_of(unknown)
    typo = admin.post("/admin/campaigns", {"name": "2027", "opens": "1er mars",
                                           "deadline": "2027-02-01"})
    assert typo.status_code == 422 and "« Ouverture » : indiquez une date" in text_of(typo)
    for url in ("/admin/campaigns/measure", "/admin/campaigns/extension"):
        none = admin.post(url, {"measure": "", "nis": "99999", "deadline": "2026-12-31"})
        assert none.status_code == 422 and "Choisissez une mesure" in text_of(none)


def examine(admin, schema: str, tests: str | None, name="2020.yaml"):
    import io
    admin.get("/admin/schemas")
    data = {"schema": (io.BytesIO(schema.encode()), name)}
    if tests is not None:
        data["tests"] = (io.BytesIO(tests.encode()), name.replace(".yaml", ".tests.yaml"))
    return admin.post("/admin/schemas/examine", data, content_type="multipart/form-data")


def test_publishing_a_corrected_schema_from_the_page(browser, service):
    text = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8")
    tests = (SCHEMAS / "covid50" / "2020.tests.yaml").read_text(encoding="utf-8")
    corrected = text.replace("Montant à rembourser au SPP IS",
                             "Montant à rembourser au SPP Intégration sociale")
    admin = browser("admin")
    before = service.catalog.latest("covid50", 2020).schema_hash
    page = text_of(examine(admin, corrected, tests))
    assert "Aucun problème." in page and "Les 4 cas passent." in page
    assert "Montant à rembourser au SPP IS → Montant à rembourser au SPP Intégration" in page
    assert "Aperçu du formulaire" in page and "1 150,00" in page  # the first test's values
    assert service.catalog.latest("covid50", 2020).schema_hash == before
    assert base64.b64decode(admin.hidden("schema_text")).decode() == corrected
    response = admin.post("/admin/schemas/publish", {
        "schema_name": admin.hidden("schema_name"), "tests_name": admin.hidden("tests_name"),
        "schema_text": admin.hidden("schema_text"), "tests_text": admin.hidden("tests_text")})
    assert response.status_code == 302
    after = service.catalog.latest("covid50", 2020).schema_hash
    assert after != before
    listed = text_of(admin.get("/admin/schemas"))
    assert after[:12] in listed and "Alice Admin" in listed
    page = text_of(browser("inspector").get(f"/admin/schemas/{after}"))
    assert f"Depuis covid50 2020 ({before[:12]})" in page
    assert "Montant à rembourser au SPP IS → Montant à rembourser au SPP Intégration" in page
    assert "Spec worked example 1" in page  # the form tests it passed, kept with it
    assert admin.get("/admin/schemas/" + "0" * 64).status_code == 404
    assert admin.get("/admin/schemas/../../etc").status_code == 404


def test_a_broken_schema_shows_its_problems_by_line_and_cannot_be_published(browser, service):
    text = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8")
    broken = text.replace("max(advance - justified, 0)", "max(advanse - justified, 0)")
    line = next(n for n, x in enumerate(broken.splitlines(), 1) if "advanse" in x)
    admin = browser("admin")
    page = text_of(examine(admin, broken, None))
    assert re.search(rf"2020\.yaml:{line}:\d+</code> <strong>UNKNOWN_NAME</strong>", page)
    assert "ne peut pas être publié" in page and 'action="/admin/schemas/publish"' not in page
    before = service.catalog.latest("covid50", 2020).schema_hash
    refused = admin.post("/admin/schemas/publish", {
        "schema_name": "2020.yaml", "tests_text": "",
        "schema_text": base64.b64encode(broken.encode()).decode()})
    assert refused.status_code == 422 and "erreur" in text_of(refused)
    assert service.catalog.latest("covid50", 2020).schema_hash == before


@pytest.mark.parametrize("content", [b"\xff\xfe\x00binary", b""])
def test_an_unreadable_upload_is_a_message(browser, content):
    import io
    admin = browser("admin")
    admin.get("/admin/schemas")
    response = admin.post("/admin/schemas/examine",
                          {"schema": (io.BytesIO(content), "x.yaml")},
                          content_type="multipart/form-data")
    assert response.status_code in (200, 422)
    assert "Traceback" not in response.get_data(as_text=True)


def check_annex(admin, content: bytes, name="annexe.csv", measure="covid50/2020"):
    import io
    admin.get("/admin/prefilled")
    return admin.post("/admin/prefilled/check", {"measure": measure,
                                                 "annex": (io.BytesIO(content), name)},
                      content_type="multipart/form-data")


def test_loading_the_annex_shows_the_changes_then_loads_them(browser, service):
    admin = browser("admin")
    annex = b"nis;advance\n99999;13000,50\n99998;3400\n"
    page = text_of(check_annex(admin, annex))
    assert "Vérification : rien n'est encore chargé" in page
    assert "0 CPAS ajouté(s), 1 modifié(s), 0 retiré(s), 1 inchangé(s)." in page
    assert "12 500,00 € → 13 000,50 €" in page
    agent = service.actor_by_username("agent")
    assert str(service.form(agent, "99999", "covid50", 2020).evaluation.values["advance"]) \
        == "12500.00"
    response = admin.post("/admin/prefilled/load", {
        "measure": "covid50/2020", "annex_name": admin.hidden("annex_name"),
        "annex_content": admin.hidden("annex_content")})
    assert response.status_code == 200 and "L'annexe est chargée." in text_of(response)
    assert str(service.form(agent, "99999", "covid50", 2020).evaluation.values["advance"]) \
        == "13000.50"
    shown = text_of(admin.get("/admin/prefilled?measure=covid50/2020"))
    assert "13 000,50 €" in shown and "13000.50" not in shown


def test_a_bad_annex_names_its_rows_and_loads_nothing(browser, service):
    admin = browser("admin")
    annex = b"nis;advance\n99999;douze mille\n12345;100\n"
    response = check_annex(admin, annex)
    page = text_of(response)
    assert response.status_code == 422 and "rien n'a été chargé" in page
    assert "ligne 2, colonne B" in page and "ligne 3, colonne A" in page
    assert 'action="/admin/prefilled/load"' not in page
    agent = service.actor_by_username("agent")
    assert str(service.form(agent, "99999", "covid50", 2020).evaluation.values["advance"]) \
        == "12500.00"


def test_the_exports_download_exact_amounts(browser, service):
    import io
    from decimal import Decimal

    from openpyxl import load_workbook

    agent = browser("agent")
    agent.save_covid("11350,10")
    browser("president").sign_covid("president")
    browser("secretary").sign_covid("secretary")
    inspector = browser("inspector")
    page = text_of(inspector.get("/admin/exports"))
    assert "Montants à récupérer ou à payer" in page
    response = inspector.get("/admin/exports/covid50/2020/payments.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    found = next(r for r in rows if r and "99999" in [str(v) for v in r])
    assert Decimal("1149.90") in [Decimal(str(v)) for v in found if isinstance(v, (int, float))]
    forms = inspector.get("/admin/exports/covid50/2020/forms.xlsx?lang=nl")
    assert forms.status_code == 200 and forms.data[:2] == b"PK"


def test_the_form_audit_trail_shows_an_annex_load(browser):
    admin = browser("admin")
    check_annex(admin, b"nis;advance\n99999;13000\n99998;3400\n")
    admin.post("/admin/prefilled/load", {"measure": "covid50/2020",
                                         "annex_name": admin.hidden("annex_name"),
                                         "annex_content": admin.hidden("annex_content")})
    page = text_of(browser("agent").get("/cpas/99999/forms/covid50/2020/audit"))
    assert "Chargement des valeurs pré-remplies par le SPP IS" in page
    assert "Annexe « annexe.csv »" in page and "12 500,00 € → 13 000,00 €" in page


def test_roles_from_the_page(browser, service):
    admin = browser("admin")
    admin.get("/admin/users")
    response = admin.post("/admin/users/give", {"username": "agent2", "nis": "99999",
                                                "role": "secretary"})
    assert response.status_code == 302
    page = text_of(admin.get("/admin/users?q=agent2"))
    assert "99999 — Secrétaire / Directeur général" in page and "Anne Agent" not in page
    assert browser("agent2").get("/cpas/99999/").status_code == 200
    response = admin.post("/admin/users/take", {"username": "agent2", "nis": "99999",
                                                "role": "secretary"})
    assert response.status_code == 302
    assert browser("agent2").get("/cpas/99999/").status_code == 404
    wrong = admin.post("/admin/users/give", {"username": "agent2", "nis": "12345",
                                             "role": "agent"})
    assert wrong.status_code == 422 and "12345" in text_of(wrong)
    assert 'value="12345"' in wrong.get_data(as_text=True)  # what was typed is kept


def test_a_file_too_large_for_the_page_is_sent_to_the_command_line(browser, monkeypatch):
    import io

    import web.admin.prefilled
    monkeypatch.setattr(web.admin.prefilled, "PAGE_LIMIT", 100)
    admin = browser("admin")
    response = check_annex(admin, b"nis;advance\n" + b"99999;1\n" * 20)
    assert response.status_code == 413
    assert "rapport-unique prefilled" in text_of(response)
    import web.admin.schemas
    monkeypatch.setattr(web.admin.schemas, "PAGE_LIMIT", 100)
    admin.get("/admin/schemas")
    response = admin.post("/admin/schemas/examine",
                          {"schema": (io.BytesIO(b"measure: x\n" * 20), "x.yaml")},
                          content_type="multipart/form-data")
    assert response.status_code == 413 and "rapport-unique publish" in text_of(response)
