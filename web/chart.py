"""Share charts drawn on the server as SVG: each bar is an amount as a share of a whole (a
volet's eligible amount as a share of the subsidy), drawn against the band it must stay in
(its minimum and maximum). No JavaScript and no image library: the page stays printable and
works under the strict Content-Security-Policy.

Pure functions over plain values: :func:`bars` computes the shares, :func:`svg` draws them.
Every text is escaped (labels come from the schema, but nothing reaches a page unescaped).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup
from markupsafe import escape

from engine.display import format_value

WIDTH, LEFT, RIGHT, BAR, GAP, TOP = 640, 150, 24, 22, 18, 28  # px


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its share of the whole and its band (fractions; None unknown)."""

    label: str
    share: Decimal | None
    low: Decimal | None
    high: Decimal | None

    @property
    def within(self) -> bool | None:
        """True inside the band, False outside it, None when the share is unknown."""
        if self.share is None:
            return None
        return (self.low is None or self.share >= self.low) and (
            self.high is None or self.share <= self.high)


def share_of(part, whole) -> Decimal | None:
    """``part / whole`` as a fraction, None when either is unknown or the whole is not > 0."""
    if part is None or whole is None or whole <= 0:
        return None
    return Decimal(part) / Decimal(whole)


def bars(chart, values: dict, lang: str) -> list[Bar]:
    """The bars of a schema chart (``engine.model.Chart``) for these values."""
    whole = values.get(chart.of)
    found = []
    for bar in chart.bars:
        found.append(Bar(bar.label[lang], share_of(values.get(bar.value), whole),
                         share_of(values.get(bar.min), whole) if bar.min else None,
                         share_of(values.get(bar.max), whole) if bar.max else None))
    return found


def percent(share: Decimal | None, lang: str) -> str:
    if share is None:
        return "—"
    return format_value(share.quantize(Decimal("0.001")), "percent", lang)


def _x(share: Decimal) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + float(min(max(share, Decimal(0)), Decimal(1))) * inner


def svg(title: str, drawn: list[Bar], texts: dict, lang: str) -> Markup:
    """The chart as inline SVG. ``texts`` gives the words ``min``, ``max``, ``outside``."""
    height = TOP + len(drawn) * (BAR + GAP) + 8
    parts = [f'<svg class="share-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg" aria-labelledby="chart-title">',
             f'<title id="chart-title">{escape(title)}</title>']
    for tick in range(0, 101, 25):
        x = _x(Decimal(tick) / 100)
        parts.append(f'<line class="tick" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" '
                     f'y2="{height - 8}"/>')
        parts.append(f'<text class="tick-label" x="{x:.1f}" y="{TOP - 10}" '
                     f'text-anchor="middle">{tick} %</text>')
    for index, bar in enumerate(drawn):
        y = TOP + index * (BAR + GAP)
        colon = " : " if lang == "fr" else ": "
        words = [f"{bar.label}{colon}{percent(bar.share, lang)}"]
        if bar.low is not None:
            words.append(f"{texts['min']} {percent(bar.low, lang)}")
        if bar.high is not None:
            words.append(f"{texts['max']} {percent(bar.high, lang)}")
        if bar.within is False:
            words.append(texts["outside"])
        parts.append(f'<g class="bar{" outside" if bar.within is False else ""}">'
                     f'<title>{escape(", ".join(words))}</title>')
        parts.append(f'<text class="bar-label" x="{LEFT - 8}" y="{y + BAR - 6}" '
                     f'text-anchor="end">{escape(bar.label)}</text>')
        low, high = bar.low or Decimal(0), bar.high if bar.high is not None else Decimal(1)
        parts.append(f'<rect class="band" x="{_x(low):.1f}" y="{y - 3}" '
                     f'width="{max(_x(high) - _x(low), 0):.1f}" height="{BAR + 6}"/>')
        if bar.share is not None:
            parts.append(f'<rect class="value" x="{LEFT}" y="{y}" '
                         f'width="{max(_x(bar.share) - LEFT, 0):.1f}" height="{BAR}"/>')
        for limit in (bar.low, bar.high):
            if limit is not None:
                parts.append(f'<line class="limit" x1="{_x(limit):.1f}" y1="{y - 5}" '
                             f'x2="{_x(limit):.1f}" y2="{y + BAR + 5}"/>')
        end = min(_x(bar.share or Decimal(0)) + 6, WIDTH - RIGHT)
        parts.append(f'<text class="bar-value" x="{end:.1f}" y="{y + BAR - 6}">'
                     f'{escape(percent(bar.share, lang))}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
