"""Refusals and HTTP errors as pages in the reader's language, never a traceback.

The service refuses with :class:`engine.lifecycle.Refused`; its code decides the status:
``FORBIDDEN`` (another CPAS, or one that does not exist) is a plain 404 that looks exactly like
a missing page, so that nobody learns which CPAS exist; conflicts with the form's state are
409; every other refusal is 403 with the engine's message. Pages that can do better (keeping
the user's typed values on a stale save, showing the form again after a refused signature)
catch the refusal themselves and use :func:`status_of`.
"""

from __future__ import annotations

from flask import jsonify
from flask import render_template
from flask import request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from engine.lifecycle import Refused
from web.i18n import TEXTS
from web.i18n import lang
from web.i18n import t

_STATUS = {
    "FORBIDDEN": 404, "NO_SUCH_FORM": 404, "UNKNOWN_VERSION": 404,
    "STALE": 409, "SIGN_STALE": 409, "SIGN_ALREADY": 409, "NOT_SENT": 409,
    "SIGN_INCOMPLETE": 409, "REASON_REQUIRED": 422, "ALREADY_PUBLISHED": 409,
    # what an administrator typed or sent cannot be used: the page says why, with the input
    "DATES_ORDER": 422, "DATES_REQUIRED": 422, "CAMPAIGN_NAME": 422, "UNKNOWN_CAMPAIGN": 422,
    "SCHEMA_HAS_ERRORS": 422, "FORM_TESTS_REQUIRED": 422, "UNKNOWN_USER": 422,
    "UNKNOWN_CPAS": 422, "UNKNOWN_ROLE": 422, "ROLE_NOT_HELD": 422,
}


def status_of(refused: Refused) -> int:
    return _STATUS.get(refused.code, 403)


def _wants_json() -> bool:
    return request.is_json or request.path.endswith("/recompute")


def error_page(status: int, message: str | None = None):
    """The error page (or a JSON error for the recompute endpoint)."""
    if message is None:
        key = f"error_{status}"
        message = t(key if key in TEXTS else ("error_500" if status >= 500 else "error_400"))
    if _wants_json():
        return jsonify({"error": message, "status": status}), status
    return render_template("errors/error.html", status=status, message=message), status


def on_refused(refused: Refused):
    status = status_of(refused)
    return error_page(status, None if status == 404 else refused.message(lang()))


def on_csrf(_error: CSRFError):
    return error_page(400, t("error_csrf"))


def on_http(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    return error_page(error.code)


def init_app(app) -> None:
    app.register_error_handler(Refused, on_refused)
    app.register_error_handler(CSRFError, on_csrf)
    # An unexpected exception is logged by Flask, then comes here as a 500.
    app.register_error_handler(HTTPException, on_http)
