"""Who is making the request: a small, replaceable identity provider, and the login pages.

An :class:`IdentityProvider` answers one question — which :class:`engine.lifecycle.Actor` sends
this request — so that another sign-on (the federal CSAM/FAS portal behind a reverse proxy, an
OpenID Connect client) replaces it without touching the pages. Two are provided:

* :class:`LocalPasswords` (``AUTH = "local"``): the login form checks the password through
  ``service.authenticate``; the user's id is kept in the signed session cookie. A failed login
  says the same thing whatever was wrong, so that user names cannot be guessed.
* :class:`TrustedHeader` (``AUTH = "header"``): a reverse proxy has authenticated the user and
  passes the user name in ``AUTH_HEADER``. The application must then be reachable only through
  that proxy, which must drop the header from incoming requests.

Every page but the login page, the language switch and static files requires a user
(:func:`require_user`); access to a CPAS is then checked by the service.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import g
from flask import jsonify
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for

from engine.lifecycle import Actor
from engine.lifecycle import Refused
from web.i18n import LANGUAGES
from web.i18n import lang
from web.i18n import t

bp = Blueprint("auth", __name__)


class IdentityProvider:
    """Says who sends the current request."""

    has_login_form = False

    def current(self, service) -> Actor | None:
        raise NotImplementedError

    def logout(self) -> None:
        """Forget the user in this browser (the language choice stays)."""
        language = session.get("lang")
        session.clear()
        if language:
            session["lang"] = language


class LocalPasswords(IdentityProvider):
    """User name and password checked by the service; the user id in the session cookie."""

    has_login_form = True

    def current(self, service) -> Actor | None:
        user_id = session.get("user_id")
        return service.actor(user_id) if isinstance(user_id, int) else None

    def login(self, service, username: str, password: str) -> Actor | None:
        actor = service.authenticate(username, password)
        if actor is not None:
            self.logout()  # a fresh session: nothing from before the login carries over
            session["user_id"] = actor.user_id
            session.permanent = True
        return actor


class TrustedHeader(IdentityProvider):
    """The reverse proxy authenticates; the user name arrives in a request header."""

    def __init__(self, header: str = "X-Remote-User"):
        self.header = header

    def current(self, service) -> Actor | None:
        username = (request.headers.get(self.header) or "").strip()
        return service.actor_by_username(username) if username else None


def identity_provider(config) -> IdentityProvider:
    if config.get("AUTH") == "header":
        return TrustedHeader(config.get("AUTH_HEADER") or "X-Remote-User")
    if config.get("AUTH") in (None, "local"):
        return LocalPasswords()
    raise ValueError(f"AUTH must be 'local' or 'header', not {config.get('AUTH')!r}")


def _extension():
    return current_app.extensions["rapport_unique"]


REFRESH_SECONDS = 300  # a session's 8 hours restart at most this often


def load_user() -> None:
    if request.endpoint == "static":
        return
    ext = _extension()
    g.actor = ext.identity.current(ext.service)
    if g.actor is not None and session.permanent:
        _keep_alive()


def _now() -> float:
    return time.time()


def _keep_alive() -> None:
    """A session lasts 8 hours after its last use, as with a cookie re-signed on every request,
    but the cookie is sent again only every few minutes (signing it costs about a tenth of a
    generated page): an agent typing a long form all day is not logged out at its save."""
    now = int(_now())
    if now - int(session.get("seen") or 0) >= REFRESH_SECONDS:
        session["seen"] = now


def require_user():
    """``before_request`` of the blueprints that need a user."""
    if g.get("actor") is not None:
        return None
    if request.is_json or request.path.endswith("/recompute"):
        return jsonify({"error": t("login_required")}), 401
    if not _extension().identity.has_login_form:
        return render_template("auth/login.html", header_auth=True), 403
    flash(t("login_required"), "info")
    target = request.full_path if request.method == "GET" else request.path
    return redirect(url_for("auth.login", next=target.rstrip("?")))


def init_app(app) -> None:
    app.before_request(load_user)
    app.context_processor(lambda: {"actor": g.get("actor")})


def _safe_next(target: str | None) -> str:
    """Only a path of this site (no scheme, no host): never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("home.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return url_for("home.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    identity = _extension().identity
    if not identity.has_login_form:
        if g.get("actor") is not None:
            return redirect(_safe_next(request.args.get("next")))
        return render_template("auth/login.html", header_auth=True), 403
    failed, throttled = False, None
    if request.method == "POST":
        username = (request.form.get("username") or "").strip()
        password = request.form.get("password") or ""
        try:
            if username and password and identity.login(_extension().service, username,
                                                        password):
                return redirect(_safe_next(request.form.get("next")))
        except Refused as refusal:  # too many failures for this name
            throttled = refusal.message(lang())
        failed = True
    page = render_template("auth/login.html", failed=failed, throttled=throttled,
                           header_auth=False, next=request.values.get("next", ""),
                           username=request.form.get("username", ""))
    return page, (429 if throttled else 200)


@bp.route("/logout", methods=["POST"])
def logout():
    _extension().identity.logout()
    flash(t("logged_out"), "success")
    return redirect(url_for("auth.login"))


@bp.route("/lang/<code>")
def language(code: str):
    if code in LANGUAGES:
        session["lang"] = code
        g.lang = code
    return redirect(_safe_next(request.args.get("next")))
