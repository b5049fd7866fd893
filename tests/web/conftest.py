"""Fixtures for the web layer: an application on a fresh SQLite file with the demo data, CSRF
protection on, and a small browser that logs in as a demo user and sends each form's CSRF token
the way a browser would (read from the page it last loaded)."""

from __future__ import annotations

import datetime
import html
import re
import shutil
from pathlib import Path

import pytest

from web import create_app

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
COVID = "/cpas/99999/forms/covid50/2020"
_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
_INPUT = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')


class Clock:
    """Today's date for the service; a test moves it to see deadlines pass."""

    def __init__(self):
        self.today = datetime.date.today()

    def __call__(self) -> datetime.date:
        return self.today


class Browser:
    """A test client used like a browser: it keeps the CSRF token of the last page it loaded
    and sends it with every form, unless told not to."""

    def __init__(self, client):
        self.client = client
        self.page = ""

    def get(self, url: str, **kwargs):
        response = self.client.get(url, **kwargs)
        if response.mimetype.startswith("text/") or response.is_json:  # not a download
            self.page = response.get_data(as_text=True)
        return response

    def token(self) -> str:
        match = _META.search(self.page) or _META.search(self.get("/login").get_data(
            as_text=True))
        return match.group(1)

    def hidden(self, name: str) -> str:
        """The value of a hidden input of the last page (``version_number``, ``content_hash``)."""
        found = dict(_INPUT.findall(self.page))
        return html.unescape(found[name])

    def post(self, url: str, data: dict | None = None, csrf: bool = True, **kwargs):
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.token())
        response = self.client.post(url, data=data, **kwargs)
        self.page = response.get_data(as_text=True)
        return response

    def post_json(self, url: str, payload, csrf: bool = True):
        headers = {"X-CSRFToken": self.token()} if csrf else {}
        return self.client.post(url, json=payload, headers=headers)

    def login(self, username: str, password: str = "demo"):
        self.get("/login")
        response = self.post("/login", {"username": username, "password": password})
        self.get("/")  # the session is new after a login: so is its CSRF token
        return response

    # -- the covid50 form of CPAS 99999, the demo's ---------------------------------------------
    def save_covid(self, justified: str, url: str = COVID):
        """Open the edit page, type ``justified`` and save (as a user would)."""
        self.get(url + "/edit")
        return self.post(url + "/edit", {"justified": justified, "action": "save",
                                         "version_number": self.hidden("version_number")})

    def sign_covid(self, role: str, url: str = COVID):
        """Open the form and press "Sign as <role>"."""
        self.get(url)
        return self.post(url + "/sign", {"role": role,
                                         "content_hash": self.hidden("content_hash")})


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture(scope="session")
def seeded(tmp_path_factory) -> Path:
    """A database with the shipped schemas and the demo data, made once: making it runs the
    migrations and hashes six passwords (a second), so each test starts from a copy."""
    folder = tmp_path_factory.mktemp("seeded")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'ru.db'}", "DEMO": True,
                      "TESTING": True, "SCHEMAS": str(ROOT / "schemas"), "SECRET_KEY": "x"})
    app.extensions["rapport_unique"].store.close()  # the last connection writes the WAL back
    return folder / "ru.db"


@pytest.fixture
def make_app(tmp_path, clock, seeded):
    """Build an application on this test's own database (a copy of the seeded one unless the
    schemas differ); keyword arguments override the config."""

    def make(**config):
        database = tmp_path / "ru.db"
        if "SCHEMAS" not in config and not database.exists():
            for suffix in ("", "-wal"):  # a write-ahead log left behind holds data too
                if seeded.with_name(seeded.name + suffix).exists():
                    shutil.copyfile(seeded.with_name(seeded.name + suffix),
                                    database.with_name(database.name + suffix))
        settings = {"DATABASE_URL": f"sqlite:///{database}", "DEMO": True,
                    "TESTING": True, "SCHEMAS": str(ROOT / "schemas"), "TODAY": clock}
        settings.update(config)
        return create_app(settings)

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def service(app):
    return app.extensions["rapport_unique"].service


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def browser(app):
    """A browser for one user: ``browser("agent")`` is logged in as the demo agent."""

    def open_as(username: str | None = None, password: str = "demo") -> Browser:
        one = Browser(app.test_client())
        if username:
            one.login(username, password)
        return one

    return open_as


def typed(page: str, name: str) -> str | None:
    """What the input named ``name`` shows on the page (None when there is no such input)."""
    found = re.search(rf'<input id="f-{name}" name="{name}"[^>]* value="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def text_of(response) -> str:
    """The page as text, entities decoded (``l'avance`` rather than ``l&#39;avance``)."""
    return html.unescape(response.get_data(as_text=True))
