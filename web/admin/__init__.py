"""The SPP IS administration: national follow-up, campaign dates, publishing schemas,
pre-filled values and exports.

Administrators and inspectors read every page; only administrators change anything. The pages
hide what an inspector cannot do, and the service refuses it anyway (a POST from an inspector is
a 403 with the engine's message): the rights are checked on the server, never by the page.
"""

from __future__ import annotations

import base64

from flask import Blueprint
from flask import current_app
from flask import g
from flask import request

from engine.lifecycle import Refused
from web.auth import require_user

bp = Blueprint("admin", __name__, url_prefix="/admin")
# A file checked on a page goes back in its confirmation form (base64, a third larger): the
# largest the pages take, well within the request's limit (the command line takes more).
PAGE_LIMIT = 4 * 1024 * 1024


@bp.before_request
def _staff_only():
    refused = require_user()
    if refused is not None:
        return refused
    if not (g.actor.is_admin or g.actor.is_inspector):
        raise Refused("STAFF_ONLY")
    if request.method != "GET" and not g.actor.is_admin:  # the service refuses it too
        raise Refused("ADMIN_ONLY")
    return None


@bp.app_template_filter("b64")
def b64(text: str) -> str:
    """A text carried in a hidden field byte for byte (a textarea would change its line
    endings and drop a first empty line)."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def service():
    return current_app.extensions["rapport_unique"].service


from web.admin import campaigns  # noqa: E402,F401  (the routes register on ``bp``)
from web.admin import exports  # noqa: E402,F401
from web.admin import follow  # noqa: E402,F401
from web.admin import prefilled  # noqa: E402,F401
from web.admin import schemas  # noqa: E402,F401
from web.admin import users  # noqa: E402,F401
