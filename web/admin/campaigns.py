"""Campaign dates: campaigns, the dates of each measure, extensions for one CPAS."""

from __future__ import annotations

import datetime

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from engine.lifecycle import Refused
from web.admin import bp
from web.admin import service
from web.errors import status_of
from web.i18n import lang
from web.i18n import t


@bp.get("/campaigns")
def campaigns(refusal: str | None = None, status: int = 200):
    return render_template("admin/campaigns.html", campaigns=service().campaigns(g.actor),
                           measures=service().measure_dates(g.actor),
                           extensions=service().extensions(g.actor), refusal=refusal,
                           posted=request.form if request.method == "POST" else {}), status


@bp.post("/campaigns")
def set_campaign():
    form = request.form
    return _apply(lambda: service().set_campaign(
        g.actor, form.get("name", ""), _date(form, "opens"), _date(form, "deadline")),
        "campaign_saved")


@bp.post("/campaigns/measure")
def set_measure_dates():
    form = request.form
    return _apply(lambda: service().set_measure_dates(
        g.actor, *_measure(form), form.get("campaign") or None,
        _date(form, "opens", required=False), _date(form, "deadline", required=False)),
        "measure_dates_saved")


@bp.post("/campaigns/extension")
def extend():
    form = request.form
    return _apply(lambda: service().extend(g.actor, form.get("nis", "").strip(),
                                           *_measure(form), _date(form, "deadline")),
                  "extension_saved")


def _measure(form) -> tuple[str, int]:
    """The measure chosen in the list (``code/year``)."""
    code, _, year = form.get("measure", "").partition("/")
    if not year.isdigit():
        raise _NoMeasure
    return code, int(year)


class _NoMeasure(Exception):
    pass


class _BadDate(Exception):
    pass


def _date(form, name: str, required: bool = True) -> datetime.date | None:
    raw = (form.get(name) or "").strip()
    if not raw and not required:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise _BadDate(name) from None


def _apply(action, done: str):
    try:
        action()
    except _NoMeasure:
        return campaigns(t("choose_measure"), 422)
    except _BadDate as bad:
        return campaigns(t("bad_date", field=t(f"date_{bad.args[0]}")), 422)
    except Refused as refused:
        return campaigns(refused.message(lang()), status_of(refused))
    flash(t(done), "success")
    return redirect(url_for("admin.campaigns"))
