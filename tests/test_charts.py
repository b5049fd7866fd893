"""Share charts in a schema (``chart:`` on a section): checked when the schema loads, drawn
from the evaluated values (the PAS recap: each volet's share of S against its band)."""

from decimal import Decimal

import engine
from web import chart as charts

from .conftest import SCHEMAS
from .test_pas import form
from .test_pas import run

PAS = (SCHEMAS / "pas" / "2025.yaml").read_text(encoding="utf-8")


def problems(text):
    loaded = engine.load_measure_text(text, str(SCHEMAS / "pas" / "2025.yaml"),
                                      engine.default_plugins())
    return [(p.code, p.line, p.message("fr")) for p in loaded.problems]


def line_of(text, needle):
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_pas_chart_is_in_the_recap():
    measure = engine.measure_from(SCHEMAS / "pas" / "2025.yaml")
    recap = next(s for s in measure.sections if s.id == "recap")
    assert recap.chart.of == "total_subsidy"
    assert [(b.value, b.min, b.max) for b in recap.chart.bars] == [
        ("eligible_a", None, "maximum_a"), ("eligible_b", "minimum_b", "maximum_b"),
        ("eligible_c", "minimum_c", "maximum_c")]


def test_an_unknown_name_in_a_chart_is_reported_with_its_line():
    text = PAS.replace("value: eligible_b, min: minimum_b", "value: eligble_b, min: minimum_b")
    found = problems(text)
    assert [(code, line) for code, line, _ in found] == [
        ("UNKNOWN_NAME", line_of(text, "eligble_b"))]
    assert "« eligble_b »" in found[0][2] and "eligible_b" in found[0][2]


def test_a_bar_of_another_unit_than_the_whole_is_refused():
    text = PAS.replace("value: eligible_c, min: minimum_c", "value: share_c, min: minimum_c")
    found = problems(text)
    assert [(code, line) for code, line, _ in found] == [
        ("NOT_ALLOWED", line_of(text, "value: share_c"))]
    assert "eligible_c" in found[0][2]  # the amounts it could be


def test_the_bars_follow_the_worked_example():
    measure = engine.measure_from(SCHEMAS / "pas" / "2025.yaml")
    values = run(measure, form()).values
    recap = next(s for s in measure.sections if s.id == "recap")
    drawn = charts.bars(recap.chart, values, "fr")
    assert [(b.label, b.share, b.low, b.high, b.within) for b in drawn] == [
        ("Volet A", Decimal("0.5"), None, Decimal("0.5"), True),
        ("Volet B", Decimal("0.2"), Decimal("0.25"), Decimal("0.5"), False),
        ("Volet C", Decimal("0.3"), Decimal("0.25"), Decimal("0.75"), True)]
