"""Logging in and out, with local passwords or behind an authenticating reverse proxy."""

from __future__ import annotations

import re

from tests.web.conftest import COVID
from tests.web.conftest import Browser
from tests.web.conftest import text_of


def test_pages_need_a_login(browser):
    visitor = browser()
    response = visitor.get(COVID)
    assert response.status_code == 302
    assert response.location == "/login?next=/cpas/99999/forms/covid50/2020"
    assert visitor.get("/").status_code == 302


def test_login_goes_back_where_the_user_was_going(browser):
    visitor = browser()
    visitor.get("/login?next=/cpas/99999/forms/covid50/2020")
    response = visitor.post("/login", {"username": "agent", "password": "demo",
                                       "next": COVID})
    assert response.status_code == 302 and response.location == COVID
    assert "Anne Agent" in text_of(visitor.get(COVID))


def test_a_cpas_user_lands_on_their_cpas_and_the_administration_on_the_list(browser):
    assert browser("agent").get("/").location == "/cpas/99999/"
    page = text_of(browser("inspector").get("/"))
    assert "CPAS de Démo" in page and "CPAS de Test" in page
    filtered = text_of(browser("admin").get("/?q=test"))
    assert "CPAS de Test" in filtered and "CPAS de Démo" not in filtered


def test_a_failed_login_says_the_same_whatever_was_wrong(browser):
    visitor = browser()
    pages = []
    for username, password in (("agent", "wrong"), ("nobody", "demo"), ("agent", "")):
        visitor.get("/login")
        response = visitor.post("/login", {"username": username, "password": password})
        assert response.status_code == 200
        page = text_of(response)
        assert "Nom d'utilisateur ou mot de passe incorrect." in page
        page = re.sub(r'name="csrf_token" value="[^"]+"', "", page[page.index("<main"):])
        pages.append(page.replace(f'value="{username}"', ""))
    assert pages[0] == pages[1]
    assert visitor.get(COVID).status_code == 302  # still not logged in


def test_logout_is_a_post_that_ends_the_session(browser):
    agent = browser("agent")
    assert agent.get("/logout").status_code == 405
    response = agent.post("/logout")
    assert response.status_code == 302 and response.location == "/login"
    assert "Vous êtes déconnecté." in text_of(agent.get("/login"))
    assert agent.get(COVID).status_code == 302


def test_the_session_cookie_is_httponly_and_samesite(browser, make_app):
    visitor = browser()
    visitor.get("/login")
    cookie = visitor.post("/login", {"username": "agent", "password": "demo"}).headers[
        "Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = Browser(make_app(PREFERRED_URL_SCHEME="https").test_client())
    secure.get("/login")
    cookie = secure.post("/login", {"username": "agent", "password": "demo"},
                         base_url="https://localhost",
                         headers={"Referer": "https://localhost/login"}).headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_a_trusted_proxy_header_identifies_the_user(make_app):
    app = make_app(AUTH="header", AUTH_HEADER="X-Remote-User")
    client = app.test_client()
    page = client.get(COVID, headers={"X-Remote-User": "president"})
    assert page.status_code == 200 and "Paul Président" in text_of(page)
    assert client.get(COVID, headers={"X-Remote-User": "agent2"}).status_code == 404
    for headers in ({}, {"X-Remote-User": "nobody"}):
        refused = client.get(COVID, headers=headers)
        assert refused.status_code == 403
        assert "La connexion se fait par le portail de votre organisation" in text_of(refused)
    assert client.get("/login").status_code == 403


def test_repeated_login_failures_are_throttled(app):
    client = app.test_client()
    for _ in range(5):
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        client.post("/login", data={"username": "secretary", "password": "nope",
                                    "csrf_token": token})
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"username": "secretary", "password": "demo",
                                           "csrf_token": token})
    assert response.status_code == 429
    assert "trop de tentatives" in response.get_data(as_text=True)


def test_an_active_session_is_renewed_every_few_minutes_not_on_every_request(browser,
                                                                             monkeypatch):
    import web.auth

    agent = browser("agent")
    now = [10_000_000_000.0]
    monkeypatch.setattr(web.auth, "_now", lambda: now[0])
    first = agent.get("/")
    assert "session=" in first.headers.get("Set-Cookie", "")  # the 8 hours start again
    now[0] += 60
    assert "Set-Cookie" not in agent.get("/").headers  # a minute later: nothing to send
    now[0] += web.auth.REFRESH_SECONDS
    renewed = agent.get("/")
    assert "session=" in renewed.headers.get("Set-Cookie", "")
    assert "Expires=" in renewed.headers["Set-Cookie"]
