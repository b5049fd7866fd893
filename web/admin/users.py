"""Users and roles: every user with their roles per CPAS; an administrator gives or takes back
a role (agent, president, secretary) in one CPAS."""

from __future__ import annotations

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from engine.lifecycle import CPAS_ROLES
from engine.lifecycle import Refused
from web.admin import bp
from web.admin import service
from web.errors import status_of
from web.i18n import lang
from web.i18n import t


@bp.get("/users")
def users(refusal: str | None = None, status: int = 200):
    query = (request.args.get("q") or "").strip()
    return render_template("admin/users.html", users=service().users(g.actor, query),
                           roles=CPAS_ROLES, query=query,
                           refusal=refusal, posted=request.form), status


@bp.post("/users/give")
def give_role():
    return _change(service().give_role, "role_given_done")


@bp.post("/users/take")
def take_role():
    return _change(service().take_role, "role_taken_done")


def _change(action, done: str):
    form = request.form
    username, nis, role = (form.get(k, "").strip() for k in ("username", "nis", "role"))
    try:
        action(g.actor, username, nis, role)
    except Refused as refused:
        return users(refused.message(lang()), status_of(refused))
    flash(t(done, username=username, nis=nis), "success")
    return redirect(url_for("admin.users"))
