"""The profile's one plotly chart: a district's indicators against the city (= 100).

Drawn by :class:`widgets.profile_view.ProfileView` once the page shows its text (see
:mod:`widgets.figures`). Every label from the data is escaped for plotly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from widgets.figures import GERMAN_SEPARATORS, plot_text
from widgets.profile_indicators_html import years_shown
from workbench.core.formatting import format_number, text_or, value_places

if TYPE_CHECKING:
    import plotly.graph_objects as go

CHART_WIDTH = 540  # px: the indicator column (chart and table) beside the needs


def indicator_figure(table: pd.DataFrame, district: str) -> go.Figure | None:
    """Bars of the district's index per indicator (Gesamtstadt = 100); None if none."""
    import plotly.graph_objects as go

    shown = table[table["index"].notna()].sort_values("index")
    if shown.empty:
        return None
    hover = [
        f"{plot_text(r.indicator)} ({int(r.year)})<br>{plot_text(district)}: "
        f"{format_number(r.value, value_places(r.value, r.city_value))} · Gesamtstadt: "
        f"{format_number(r.city_value, value_places(r.value, r.city_value))}"
        f"<br>{plot_text(text_or(r.unit, ''), width=50)}"
        for r in shown.itertuples()
    ]
    figure = go.Figure(
        go.Bar(
            x=shown["index"].round(1).tolist(),
            # an indicator of several years: one bar each, named with its year (bars of
            # the same name would share one row and hide each other)
            y=[
                plot_text(name, limit=45) + ("" if year is None else f" ({year})")
                for name, year in zip(shown["indicator"], years_shown(shown), strict=True)
            ],
            orientation="h",
            marker_color="#1f4e8c",
            hovertext=hover,
            hoverinfo="text",
            text=[format_number(round(v)) for v in shown["index"]],
            textposition="outside",
            name=plot_text(district),
        )
    )
    top = max(float(shown["index"].max()), 100.0) * 1.15
    figure.update_layout(
        title=f"{plot_text(district)} im Verhältnis zur Gesamtstadt (= 100)",
        width=CHART_WIDTH,
        template="plotly_white",
        separators=GERMAN_SEPARATORS,
        height=90 + 34 * len(shown),
        margin={"l": 10, "r": 20, "t": 50, "b": 30},
        xaxis={"range": [0, top], "title": "Index"},
        yaxis={"automargin": True},
        shapes=[
            {
                "type": "line",
                "x0": 100,
                "x1": 100,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": "#b34700", "dash": "dash", "width": 2},
            }
        ],
        annotations=[
            {
                "x": 100,
                "yref": "paper",
                "y": 1.0,
                "text": "Gesamtstadt",
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"color": "#b34700"},
            }
        ],
        showlegend=False,
    )
    return figure
