"""The follow-up's progress chart: bars split by state in proportion, texts escaped."""

import re

from web.progress import svg

STATES = ("NOT_STARTED", "DRAFT", "SENT")
WORDS = {"NOT_STARTED": "Non commencé", "DRAFT": "Brouillon", "SENT": "Envoyé"}


def test_each_bar_is_split_by_state_in_proportion():
    drawn = str(svg("Avancement", [("covid50 2020", "Prime <50> 2020",
                                    {"NOT_STARTED": 1, "DRAFT": 1, "SENT": 2})], STATES, WORDS))
    widths = {state: float(width) for state, width in re.findall(
        r'<rect class="state-(\w+)" x="[\d.]+" y="\d+" width="([\d.]+)"', drawn)}
    assert widths["sent"] == 2 * widths["not_started"] == 2 * widths["draft"]
    assert "Prime &lt;50&gt; 2020 — Non commencé 1, Brouillon 1, Envoyé 2" in drawn
    assert "<50>" not in drawn


def test_a_measure_without_cpas_draws_an_empty_bar():
    drawn = str(svg("Avancement", [("pas 2025", "PAS 2025", {})], STATES, WORDS))
    assert "<rect" not in drawn and "pas 2025" in drawn
