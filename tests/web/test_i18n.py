"""French and Dutch: the switch, the browser's preference, Belgian amounts, and every text of
the interface present in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from engine import codes
from engine import lifecycle as lc
from engine.service import CPAS_EDITABLE
from tests.web.conftest import COVID
from tests.web.conftest import ROOT
from tests.web.conftest import text_of
from web.i18n import TEXTS


def test_every_text_exists_in_both_languages():
    for key, texts in TEXTS.items():
        assert set(texts) == {"fr", "nl"}, key
        assert texts["fr"].strip() and texts["nl"].strip(), key
        assert re.findall(r"{\w+}", texts["fr"]) == re.findall(r"{\w+}", texts["nl"]), key


def test_every_key_used_exists():
    sources = list((ROOT / "web").rglob("*.html")) + list((ROOT / "web").rglob("*.py"))
    used = set()
    for path in sources:
        used |= set(re.findall(r"""\bt\(\s*["'](\w+)["']\s*[,)]""", path.read_text()))
    known = set(TEXTS) | set(codes.VOCABULARY)
    assert used and used <= known, used - known
    # keys made of a prefix and an engine name
    for state in (lc.NOT_STARTED, lc.DRAFT, lc.COMPLETE, lc.SIGNED_ONCE, lc.SENT):
        assert "state_" + state in TEXTS
    for name in CPAS_EDITABLE:
        assert "cpas_" + name in codes.VOCABULARY


def test_the_browser_preference_then_the_switch(browser):
    visitor = browser()
    dutch = visitor.get("/login", headers={"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5"})
    assert '<html lang="nl">' in text_of(dutch) and "Gebruikersnaam" in text_of(dutch)
    unknown = browser().get("/login", headers={"Accept-Language": "de-DE"})
    assert "Nom d'utilisateur" in text_of(unknown)
    switched = visitor.get("/lang/fr?next=/login")
    assert switched.status_code == 302 and switched.location == "/login"
    assert "Nom d'utilisateur" in text_of(visitor.get("/login"))
    assert "Gebruikersnaam" in text_of(visitor.get("/login?lang=nl"))
    assert "Gebruikersnaam" in text_of(visitor.get("/login"))  # kept in the session


def test_the_switch_never_redirects_elsewhere(browser):
    visitor = browser()
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        response = visitor.get("/lang/nl", query_string={"next": target})
        assert response.location == "/", target


def test_amounts_the_belgian_way_in_each_language(browser):
    agent = browser("agent")
    agent.save_covid("11350.00")  # a point is read as the decimal mark too
    french = text_of(agent.get(COVID))
    assert "1 150,00 €" in french and "12 500,00 €" in french
    agent.get("/lang/nl")
    dutch = text_of(agent.get(COVID))
    assert "€ 1.150,00" in dutch and "€ 12.500,00" in dutch
    assert "Terug te betalen aan de POD MI" in dutch and "Volledig, te ondertekenen" in dutch
    assert agent.save_covid("11350,00").status_code == 302  # and a comma
    assert "€ 1.150,00" in text_of(agent.get(COVID))


def test_refusals_and_error_pages_speak_dutch(browser):
    agent = browser("agent")
    agent.get("/lang/nl")
    missing = agent.get("/cpas/99998/")
    assert missing.status_code == 404
    assert "Deze pagina bestaat niet of u hebt er geen toegang toe." in text_of(missing)
    agent.save_covid("11350")
    president = browser("president")
    president.get(COVID)
    refused = agent.post(COVID + "/sign", {"role": "president",
                                           "content_hash": president.hidden("content_hash")})
    assert "u hebt de rol Voorzitter niet voor dit OCMW" in text_of(refused)


def test_the_administration_texts_add_to_the_others_without_replacing_any():
    from web import i18n
    from web.texts_admin import ADMIN_TEXTS

    own = {key for key in i18n.TEXTS if key not in ADMIN_TEXTS}
    source = Path(i18n.__file__).read_text(encoding="utf-8")
    assert not [key for key in ADMIN_TEXTS if f'    "{key}":' in source]
    assert own and all(set(text) == {"fr", "nl"} and all(text.values())
                       for text in ADMIN_TEXTS.values())
