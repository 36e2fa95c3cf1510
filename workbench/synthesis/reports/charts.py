"""The report's charts as plotly figures (the only report module that imports plotly).

Every label from the data is escaped for plotly's HTML subset; numbers use the German
separators. plotly.js itself is embedded from the installed package (:func:`plotly_script`),
so an HTML report works offline.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

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
        figure = go.Figure(
            go.Heatmap(
                z=z,
                x=[esc(c) for c in chart.columns],
                y=categories,
                colorscale="RdBu_r" if diverging else "Blues",
                zmid=chart.reference,
                texttemplate="%{z:.0f}",
                hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
            )
        )
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
