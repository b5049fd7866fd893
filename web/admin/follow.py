"""The national follow-up: every CPAS × measure state, filters, counts, a progress chart."""

from __future__ import annotations

from flask import g
from flask import render_template
from flask import request

from engine.followup import STATES
from web import progress
from web.admin import bp
from web.admin import service
from web.i18n import lang
from web.i18n import t


@bp.get("/")
def follow_up():
    args = request.args
    measure, _, year = (args.get("measure") or "").partition("/")
    state = args.get("state") or None
    search = (args.get("q") or "").strip()
    year_number = int(year) if year.isdigit() else None
    found = service().follow_up(g.actor, measure or None, year_number,
                                state if state in STATES else None, search)
    words = {s: t(f"state_short_{s}") for s in STATES}
    chart = progress.svg(
        t("progress_title"),
        [(f"{m.code} {m.year}", f"{m.title[lang()]} {m.year}",
          found.counts.get((m.code, m.year), {})) for m in found.measures],
        STATES, words) if found.measures else None
    return render_template("admin/follow.html", found=found, states=STATES, words=words,
                           choices=found.choices, chart=chart,
                           chosen={"measure": f"{measure}/{year}" if measure else "",
                                   "state": state or "", "q": search})
