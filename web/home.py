"""The entry page: a CPAS user goes to their CPAS; administrators, inspectors and users of
several CPAS choose one from a list."""

from __future__ import annotations

from flask import Blueprint
from flask import current_app
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from web.auth import require_user

bp = Blueprint("home", __name__)
bp.before_request(require_user)


@bp.route("/")
def index():
    actor = g.actor
    listed = current_app.extensions["rapport_unique"].service.cpas_list(actor)
    if len(listed) == 1 and not (actor.is_admin or actor.is_inspector):
        return redirect(url_for("cpas.home", nis=listed[0]["nis"]))
    query = (request.args.get("q") or "").strip().lower()
    if query:
        listed = [c for c in listed if c["nis"].startswith(query)
                  or query in c["name_fr"].lower() or query in c["name_nl"].lower()]
    return render_template("home/index.html", cpas_list=listed, query=query)
