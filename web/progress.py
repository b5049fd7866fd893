"""The progress chart of the national follow-up: for each measure, one bar split into the
shares of CPAS in each state (not started → sent), drawn on the server as SVG.

Pure: :func:`svg` takes the counts and the words; every text is escaped.
"""

from __future__ import annotations

from markupsafe import Markup
from markupsafe import escape

WIDTH, LEFT, RIGHT, BAR, GAP, TOP = 640, 120, 16, 22, 14, 8  # px


def svg(title: str, rows: list[tuple[str, str, dict]], states: tuple, words: dict) -> Markup:
    """``rows``: ``(label, long label, {state: count})`` per bar (the long label in the bar's
    tooltip); ``words``: each state's name."""
    height = TOP + len(rows) * (BAR + GAP) + 4
    inner = WIDTH - LEFT - RIGHT
    parts = [f'<svg class="progress-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg" '
             f'aria-labelledby="progress-title">',
             f'<title id="progress-title">{escape(title)}</title>']
    for index, (label, long_label, counts) in enumerate(rows):
        y = TOP + index * (BAR + GAP)
        total = sum(counts.values())
        summary = ", ".join(f"{words[s]} {counts.get(s, 0)}" for s in states)
        parts.append(f'<g class="progress"><title>{escape(long_label)} — {escape(summary)}'
                     f'</title>')
        parts.append(f'<text class="bar-label" x="{LEFT - 8}" y="{y + BAR - 6}" '
                     f'text-anchor="end">{escape(label)}</text>')
        x = float(LEFT)
        for state in states:
            count = counts.get(state, 0)
            if not total or not count:
                continue
            width = inner * count / total
            parts.append(f'<rect class="state-{state.lower()}" x="{x:.1f}" y="{y}" '
                         f'width="{width:.1f}" height="{BAR}"/>')
            x += width
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))
