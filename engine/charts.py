"""Share charts declared in a section (``chart:``): checked when the schema loads.

A chart draws each bar's amount as a share of a whole (``of``), against the band between its
``min`` and ``max`` — a PAS volet's eligible amount as a share of the subsidy, with its minimum
and maximum share. Every name must be a form-level value (field, total, parameter, pre-filled
value) of the same unit as the whole; the web layer draws it (``web/chart.py``).
"""

from __future__ import annotations

from engine.display import Shown
from engine.display import Suggestion
from engine.formula import suggest
from engine.model import Chart
from engine.model import ChartBar
from engine.yamlload import json_path


def build_chart(builder, path: tuple, raw: dict) -> Chart:
    """The chart at ``path``; each unknown or unsuitable name is reported where it is."""
    of = raw["of"]
    whole = builder.names.get(of)
    if whole is None or whole.unit == "table":
        _unknown(builder, path + ("of",), of, _amounts(builder, None))
        unit = None
    else:
        builder.used.add(of)
        unit = whole.unit
    bars = []
    for index, bar in enumerate(raw["bars"]):
        bpath = path + ("bars", index)
        for key in ("value", "min", "max"):
            name = bar.get(key)
            if name is None:
                continue
            info = builder.names.get(name)
            if info is None or info.unit == "table":
                _unknown(builder, bpath + (key,), name, _amounts(builder, unit))
            elif unit is not None and info.unit != unit:
                builder.report(bpath + (key,), "NOT_ALLOWED", where=json_path(bpath + (key,)),
                               value=Shown(name), allowed=", ".join(_amounts(builder, unit)))
            else:
                builder.used.add(name)
        bars.append(ChartBar(builder.text(bpath + ("label",)), bar["value"], bar.get("min"),
                             bar.get("max")))
    return Chart(builder.text(path + ("label",)), of, tuple(bars))


def _amounts(builder, unit) -> list[str]:
    return sorted(name for name, info in builder.names.items()
                  if info.unit != "table" and info.kind != "builtin"
                  and (unit is None or info.unit == unit))


def _unknown(builder, path, name, candidates):
    builder.report(path, "UNKNOWN_NAME", name=name,
                   suggestion=Suggestion(suggest(name, candidates)))
