"""A CPAS's pages: its home (the campaign's forms and where each one stands) and its shared
data (contact person and bank account), which every form shows and a sent form freezes."""

from __future__ import annotations

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from engine.service import CPAS_EDITABLE
from web.auth import require_user
from web.i18n import lang
from web.i18n import t

bp = Blueprint("cpas", __name__, url_prefix="/cpas/<nis>")
bp.before_request(require_user)


def _service():
    return current_app.extensions["rapport_unique"].service


@bp.route("/")
def home(nis: str):
    service = _service()
    forms = service.home(g.actor, nis)
    return render_template("cpas/home.html", cpas=service.cpas(g.actor, nis), forms=forms,
                           nis=nis)


@bp.route("/data", methods=["GET", "POST"])
def data(nis: str):
    service = _service()
    cpas = service.cpas(g.actor, nis)  # another CPAS: refused here, a 404
    editable = g.actor.can_edit(nis)
    values = {name: cpas.get(name) or "" for name in CPAS_EDITABLE}
    problems = {}
    if request.method == "POST":
        values = {name: request.form.get(name, "") for name in CPAS_EDITABLE}
        problems = service.update_cpas(g.actor, nis, values)
        if not problems:
            flash(t("cpas_saved"), "success")
            return redirect(url_for("cpas.data", nis=nis))
    messages = {name: issue.message(lang()) for name, issue in problems.items()}
    return render_template("cpas/data.html", cpas=cpas, nis=nis, values=values,
                           messages=messages, editable=editable,
                           fields=CPAS_EDITABLE), (422 if problems else 200)
