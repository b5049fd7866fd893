"""The web application: server-rendered pages in French and Dutch over :mod:`engine.service`.

``create_app(config)`` builds one application; nothing happens at import time (the flaskr
pattern). The web layer never validates or computes: every page asks the service, which checks
on the server that the user may do what they ask, and raises :class:`engine.lifecycle.Refused`
otherwise (see :mod:`web.errors` for how refusals become pages).

Configuration: ``config`` overrides ``RAPPORT_UNIQUE_<KEY>`` environment variables (read as
JSON when they parse, so ``RAPPORT_UNIQUE_DEMO=true``), which override the defaults:

* ``DATABASE_URL`` — SQLAlchemy URL; default the ``RAPPORT_UNIQUE_DATABASE_URL`` environment
  variable, else ``sqlite:///rapport-unique.db``.
* ``SCHEMAS`` — the folder (or a list of folders) whose schemas are published at start-up.
* ``REQUIRE_FORM_TESTS`` — a schema not yet published must pass the form tests beside it
  (default True; False only for developers' fixtures).
* ``DEMO`` — create the demo CPAS and users (:mod:`engine.demo`) when they do not exist.
* ``TODAY`` — a callable returning today's date, given to the service (tests move time with it).
* ``AUTH`` — ``"local"`` (login form, default) or ``"header"`` (a reverse proxy authenticates
  and passes the user name in ``AUTH_HEADER``, default ``X-Remote-User``); see :mod:`web.auth`.
* ``PROXIES`` — how many reverse proxies stand in front (their ``X-Forwarded-*`` headers are
  then trusted, so that HTTPS is recognised); default 0.
* ``TIMEZONE`` — how times are shown (default ``Europe/Brussels``).
* ``ROWS_PER_PAGE`` — rows of a long table shown per page (default 50; see :mod:`web.paging`).
* ``SESSION_COOKIE_SECURE`` — the session cookie is always HttpOnly and SameSite=Lax; it is
  also Secure when this is true, when ``PREFERRED_URL_SCHEME`` is ``https``, or whenever the
  request came over HTTPS.
* ``SECRET_KEY`` — signs the session cookie and the CSRF tokens. When not given: the
  ``RAPPORT_UNIQUE_SECRET_KEY`` environment variable; else a random key generated once and kept
  in a file, so that restarts and several worker processes share it: **beside the SQLite
  database** (``<database file>.secret-key``, mode 0600) when the database is an SQLite file,
  so the key lives and dies with the data it protects (deleting a demo database also ends its
  sessions); in the Flask **instance folder** (``instance/secret-key``) for any other database.
  Several hosts behind a load balancer must be given the same key through the environment.

Start-up brings the database to the latest migration, publishes the schemas and seeds the demo
data. With several worker processes on a fresh database, run it once before forking
(``gunicorn --preload 'web:create_app()'``); the connection pool is emptied after the set-up so
that forked workers never share a connection.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from flask import Flask
from flask import request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from werkzeug.middleware.proxy_fix import ProxyFix

import engine
from engine import demo
from engine.catalog import Catalog
from engine.service import Service
from engine.store import Store
from engine.store import database_url

csrf = CSRFProtect()


class RapportUnique:
    """What the application shares between requests: the store, the catalogue, the service."""

    def __init__(self, store: Store, catalog: Catalog, service: Service, identity):
        self.store = store
        self.catalog = catalog
        self.service = service
        self.identity = identity


class _SessionInterface(SecureCookieSessionInterface):
    """The session cookie is Secure when configured so, or when the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def create_app(config: dict | None = None) -> Flask:
    """Build the application (see the module docstring for the configuration)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(
        DATABASE_URL=None, SCHEMAS="schemas", DEMO=False, TODAY=None, AUTH="local",
        REQUIRE_FORM_TESTS=True,
        AUTH_HEADER="X-Remote-User", PROXIES=0, TIMEZONE="Europe/Brussels", ROWS_PER_PAGE=50,
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=False, PERMANENT_SESSION_LIFETIME=8 * 3600,
        # A session lasts 8 hours after its last use; the cookie is sent again every few
        # minutes rather than on every request (web/auth.py _keep_alive).
        SESSION_REFRESH_EACH_REQUEST=False,
        # A token lives as long as the session: a long form left open must still save.
        WTF_CSRF_TIME_LIMIT=None, MAX_CONTENT_LENGTH=16 * 1024 * 1024,
        # A 2 000-row table is posted as ~16 000 fields: allow it, within a bound.
        MAX_FORM_MEMORY_SIZE=8 * 1024 * 1024, MAX_FORM_PARTS=50_000,
    )
    # RAPPORT_UNIQUE_<KEY> environment variables (values read as JSON when they parse:
    # RAPPORT_UNIQUE_DEMO=true), then the explicit configuration, which wins.
    app.config.from_prefixed_env("RAPPORT_UNIQUE")
    app.config.update(config or {})
    if app.config.get("SECRET_KEY") is not None:
        app.config["SECRET_KEY"] = str(app.config["SECRET_KEY"])
    if app.config["PREFERRED_URL_SCHEME"] == "https":
        app.config["SESSION_COOKIE_SECURE"] = True
    app.config["DATABASE_URL"] = database_url(app.config["DATABASE_URL"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _stored_secret(app)
    app.session_interface = _SessionInterface()
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension("jinja2.ext.do")
    if app.config["PROXIES"]:
        count = int(app.config["PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    _init_engine(app)

    from web import admin
    from web import auth
    from web import cpas
    from web import errors
    from web import forms
    from web import home
    from web import i18n
    from web import present
    from web import uploads

    # Language and user first: a refused CSRF check is then shown in the reader's language.
    i18n.init_app(app)
    auth.init_app(app)
    csrf.init_app(app)
    present.init_app(app)
    errors.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(home.bp)
    app.register_blueprint(cpas.bp)
    app.register_blueprint(forms.bp)
    app.register_blueprint(uploads.bp)
    app.register_blueprint(admin.bp)
    app.after_request(_security_headers)
    return app


def _init_engine(app: Flask) -> None:
    from web.auth import identity_provider

    store = Store(app.config["DATABASE_URL"])
    store.upgrade()
    catalog = Catalog(store, app.config.get("PLUGINS") or engine.default_plugins())
    folders = app.config["SCHEMAS"]
    folders = [folders] if isinstance(folders, (str, os.PathLike)) else list(folders)
    for folder in folders:
        catalog.publish_folder(folder, require_tests=app.config["REQUIRE_FORM_TESTS"])
    service = Service(store, catalog, today=app.config["TODAY"])
    service.schemas_folder = folders[0] if folders else None  # its _fragments for publishing
    service.refresh_corrections()  # forms not yet sent follow a version corrected in the folder
    if app.config["DEMO"]:
        with contextlib.suppress(IntegrityError):  # another process seeded at the same time
            demo.seed(service)
    store.close()  # connections are opened again, lazily, in each worker
    app.extensions["rapport_unique"] = RapportUnique(store, catalog, service,
                                                     identity_provider(app.config))


def _stored_secret(app: Flask) -> str:
    """The generated key, created once (atomically, so concurrent workers agree)."""
    url = make_url(app.config["DATABASE_URL"])
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database).resolve().with_name(Path(url.database).name + ".secret-key")
    else:
        path = Path(app.instance_path) / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as stream:
            stream.write(secrets.token_hex(32))
        try:
            os.link(draft, path)  # fails if another process made the key first: keep theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    return path.read_text().strip()


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy",
                       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                       "data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                       "frame-ancestors 'none'")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "static":
        # Pages show a CPAS's data: never keep them in a shared computer's cache.
        headers.setdefault("Cache-Control", "no-store")
    return response
