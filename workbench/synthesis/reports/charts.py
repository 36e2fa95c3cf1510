"""The report's charts as plotly figures (the only report module that imports plotly).

Every label from the data is escaped for plotly's HTML subset; numbers use the German
separators. plotly.js itself is embedded from the installed package (:func:`plotly_script`),
so an HTML report works offline.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench.core.colours import readable_text
from workbench.core.formatting import PLOTLY_SEPARATORS
from workbench.synthesis.reports.model import BAR_COLOURS, Chart

if TYPE_CHECKING:
    import plotly.graph_objects as go


def plotly_figure(chart: Chart) -> tuple[go.Figure, int]:
    """The chart as a plotly figure, and its height in pixels."""
    import plotly.graph_objects as go

    esc = html.escape
    categories = [esc(c) for c in chart.categories]
    if chart.kind == "heatmap":
        z = [[None if math.isnan(v) else v for v in row] for row in chart.z]
        diverging = chart.reference is not None
        low, high = colour_range(chart)
        columns = [esc(c) for c in chart.columns]
        heatmap = go.Heatmap(
            z=z,
            x=columns,
            y=categories,
            colorscale="RdBu_r" if diverging else "Blues",
            zmin=low,
            zmax=high,
            hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        )
        figure = go.Figure(heatmap)
        figure.update_layout(annotations=cell_numbers(heatmap, low, high))
        height = max(320, 30 * len(categories) + 160)
    else:
        figure = go.Figure(
            [
                go.Bar(
                    name=esc(name),
                    x=[100 * v for v in values] if chart.percent else list(values),
                    y=categories,
                    orientation="h",
                    marker={"color": BAR_COLOURS[i % len(BAR_COLOURS)]},
                    hovertemplate="%{y}: %{x:.1f}"
                    + (" %" if chart.percent else "")
                    + "<extra></extra>",
                )
                for i, (name, values) in enumerate(chart.series)
            ]
        )
        figure.update_layout(barmode="group", showlegend=len(chart.series) > 1)
        height = max(260, 26 * len(categories) * len(chart.series) + 140)
        if chart.reference is not None:
            figure.update_layout(
                shapes=[
                    {
                        "type": "line",
                        "x0": chart.reference,
                        "x1": chart.reference,
                        "y0": 0,
                        "y1": 1,
                        "yref": "paper",
                        "line": {"color": "#8a3b12", "dash": "dash"},
                    }
                ]
            )
    figure.update_layout(
        template="plotly_white",
        height=height,
        separators=PLOTLY_SEPARATORS,
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        xaxis={
            "title": {"text": esc(chart.axis + (" (%)" if chart.percent else ""))},
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True},
        font={"family": "system-ui, sans-serif", "size": 12},
    )
    return figure, height


def colour_range(chart: Chart) -> tuple[float | None, float | None]:
    """The values at both ends of a heatmap's colour scale: smallest to largest, or, with a
    reference (an index around 100), as far below it as above (as plotly's ``zmid``).

    >>> colour_range(Chart("k", "t", "heatmap", ("a",), columns=("x", "y"), z=((80.0, 130.0),),
    ...                    reference=100.0))
    (70.0, 130.0)
    """
    finite = [v for row in chart.z for v in row if not math.isnan(v)]
    if not finite:
        return None, None
    if chart.reference is None:
        return min(finite), max(finite)
    spread = max(abs(v - chart.reference) for v in finite)
    return chart.reference - spread, chart.reference + spread


def cell_colour(
    scale: Sequence[tuple[float, str]], value: float, low: float, high: float
) -> tuple[float, float, float]:
    """The colour plotly paints ``value`` with on ``scale`` from ``low`` to ``high``
    (linear between the scale's stops, in RGB).

    >>> cell_colour(((0.0, "rgb(0,0,0)"), (1.0, "rgb(255,255,255)")), 5.0, 0.0, 10.0)
    (127.5, 127.5, 127.5)
    """
    t = 0.5 if high <= low else min(1.0, max(0.0, (value - low) / (high - low)))
    stops = [(at, tuple(float(c) for c in colour[4:-1].split(","))) for at, colour in scale]
    for (a, one), (b, other) in itertools.pairwise(stops):
        if a <= t <= b:
            f = 0.0 if b == a else (t - a) / (b - a)
            return tuple(x + (y - x) * f for x, y in zip(one, other, strict=True))
    return stops[-1][1]


def cell_numbers(heatmap: go.Heatmap, low: float | None, high: float | None) -> list[dict]:
    """A heatmap's numbers as annotations, each black or white, whichever reads better on
    its cell (WCAG 1.4.3: plotly's own choice of #444 or white reached only 3.2:1)."""
    numbers = []
    for category, row in zip(heatmap.y, heatmap.z, strict=True):
        for column, value in zip(heatmap.x, row, strict=True):
            if value is None or low is None or high is None:
                continue
            ink = readable_text(cell_colour(heatmap.colorscale, value, low, high))
            text = str(math.floor(value + 0.5))  # as plotly's "%{z:.0f}" rounds
            numbers.append({"x": column, "y": category, "text": text, "showarrow": False,
                            "font": {"color": ink}})  # fmt: skip
    return numbers


def chart_div(chart: Chart) -> str:
    """The chart's ``<div>`` with its ``Plotly.newPlot`` call, on one line (stable output)."""
    import plotly.io as pio

    figure, height = plotly_figure(chart)
    div = pio.to_html(
        figure,
        include_plotlyjs=False,
        full_html=False,
        div_id=f"wb-chart-{chart.key}",
        default_height=f"{height}px",
        # no "Share chart..." button: plotly.js 3+ would upload the chart to Plotly Cloud;
        # no mode bar: ten English buttons per chart in the keyboard's way, in a report
        # whose charts are images with their numbers in a table (hover texts stay)
        config={
            "displaylogo": False,
            "responsive": True,
            "showSendToCloud": False,
            "displayModeBar": False,
        },
    )
    return " ".join(div.split())  # one line: stable, and no stray blank lines


def plotly_script() -> str:
    """plotly.js from the installed package, as an inline ``<script>`` (no CDN)."""
    from plotly.offline import get_plotlyjs

    return f'<script type="text/javascript">{get_plotlyjs()}</script>\n'
