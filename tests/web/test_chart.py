"""The share chart (web/chart.py): shares of the whole against their band, drawn as SVG."""

from decimal import Decimal

from web import chart

TEXTS = {"min": "min", "max": "max", "outside": "hors limites"}


def test_shares_and_their_band():
    bar = chart.Bar("Volet B", chart.share_of(Decimal("8000"), Decimal("40000")),
                    chart.share_of(Decimal("10000"), Decimal("40000")),
                    chart.share_of(Decimal("20000"), Decimal("40000")))
    assert (bar.share, bar.low, bar.high) == (Decimal("0.2"), Decimal("0.25"), Decimal("0.5"))
    assert bar.within is False
    assert chart.Bar("A", Decimal("0.5"), None, Decimal("0.5")).within is True
    assert chart.Bar("A", None, None, None).within is None
    assert chart.share_of(Decimal("1"), Decimal("0")) is None
    assert chart.share_of(None, Decimal("10")) is None


def test_the_svg_says_each_share_and_escapes_labels():
    drawn = [chart.Bar("Volet A <b>", Decimal("0.5"), None, Decimal("0.5")),
             chart.Bar("Volet B", Decimal("0.2"), Decimal("0.25"), Decimal("0.5"))]
    svg = str(chart.svg("Parts <de> S", drawn, TEXTS, "fr"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "Parts &lt;de&gt; S" in svg and "Volet A &lt;b&gt;" in svg and "<b>" not in svg
    assert "Volet B : 20 %, min 25 %, max 50 %, hors limites" in svg
    assert svg.count('class="bar outside"') == 1
    assert svg.count('class="value"') == 2
    assert "33,3 %" in str(chart.svg("t", [chart.Bar("C", Decimal(1) / 3, None, None)],
                                     TEXTS, "fr"))
