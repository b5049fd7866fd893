"""The administration pages: who may see them, who may change anything (every admin route is
tried for an inspector, a CPAS user and a visitor), and what each page does."""

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
}


def admin_routes(app, method):
    return sorted(str(rule) for rule in app.url_map.iter_rules()
                  if str(rule).startswith("/admin") and method in rule.methods)


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
        page = text_of(response)
        assert "consultez tout, sans rien modifier" in page, url
        assert 'method="post" action="/admin' not in page, url  # no form to change anything
    admin = service.actor_by_username("admin")
    before = (service.campaigns(admin), service.measure_dates(admin),
              service.extensions(admin), service.versions(admin))
    for url in admin_routes(app, "POST"):
        response = inspector.post(url, ADMIN_POSTS.get(url, {}))
        assert response.status_code == 403, url
        assert "seul un administrateur" in text_of(response), url
    assert before == (service.campaigns(admin), service.measure_dates(admin),
                      service.extensions(admin), service.versions(admin))


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
    response = admin.post("/admin/schemas/publish", {
        "schema_name": admin.hidden("schema_name"), "tests_name": admin.hidden("tests_name"),
        "schema_text": corrected, "tests_text": tests})
    assert response.status_code == 302
    after = service.catalog.latest("covid50", 2020).schema_hash
    assert after != before
    listed = text_of(admin.get("/admin/schemas"))
    assert after[:12] in listed and "Alice Admin" in listed


def test_a_broken_schema_shows_its_problems_by_line_and_cannot_be_published(browser, service):
    text = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8")
    broken = text.replace("max(advance - justified, 0)", "max(advanse - justified, 0)")
    line = next(n for n, x in enumerate(broken.splitlines(), 1) if "advanse" in x)
    admin = browser("admin")
    page = text_of(examine(admin, broken, None))
    assert re.search(rf"2020\.yaml:{line}:\d+</code> <strong>UNKNOWN_NAME</strong>", page)
    assert "ne peut pas être publié" in page and 'action="/admin/schemas/publish"' not in page
    before = service.catalog.latest("covid50", 2020).schema_hash
    refused = admin.post("/admin/schemas/publish", {"schema_name": "2020.yaml",
                                                   "schema_text": broken, "tests_text": ""})
    assert refused.status_code == 403 and "erreur" in text_of(refused)
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
