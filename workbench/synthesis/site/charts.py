"""The site's own charts (the topic map) and plotly.js as a file (the site's only plotly module).

The report's charts come from :mod:`workbench.synthesis.reports.charts`; this module adds
the map of statements and writes plotly.js from the installed package once into the
site's ``assets/`` folder, so that every page loads it from disk: no CDN, works from
``file://`` and without network. Every text from the data is escaped for plotly's HTML
subset; numbers use the German separators.
"""

from __future__ import annotations

import html
import textwrap
from typing import TYPE_CHECKING, Any

from workbench.analysis.topic_map import (
    GREY,
    NO_NEED,
    group_style,
    map_height,
    map_sample,
    need_clusters,
    topic_name,
)
from workbench.core.formatting import PLOTLY_SEPARATORS
from workbench.synthesis.citywide import named_places

if TYPE_CHECKING:
    import pandas as pd

    from workbench.analysis.topic_map import MapData


def plotly_asset() -> tuple[str, bytes]:
    """plotly.js from the installed package: (file name with its version, content)."""
    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    return f"plotly-{get_plotlyjs_version()}.min.js", get_plotlyjs().encode("utf-8")


def plot_text(value: object, width: int | None = None, limit: int | None = None) -> str:
    """``value`` escaped for plotly, cut to ``limit`` characters, wrapped at ``width``.

    >>> plot_text("<b>fett</b> und mehr", width=12, limit=18)
    '&lt;b&gt;fett&lt;/b&gt;<br>und m…'
    """
    text = " ".join(str("" if value is None else value).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    lines = textwrap.wrap(text, width) if width else [text]
    return "<br>".join(html.escape(line) for line in lines)


def _points(
    part: pd.DataFrame,
    name: str,
    style: tuple[str, str | None],
    opacity: float,
    size: int,
) -> Any:
    import plotly.graph_objects as go

    return go.Scatter(
        x=part["x"].tolist(),
        y=part["y"].tolist(),
        mode="markers",
        name=plot_text(name),
        marker={
            "color": style[0],
            "size": size,
            "opacity": opacity,
            "line": {"width": 0},
            **({"symbol": style[1]} if style[1] else {}),  # dots, as before, for 20 groups
        },
        hovertext=[
            f"<b>{plot_text(d)}</b> · {plot_text(s)}<br>{plot_text(t, width=60, limit=320)}"
            for d, s, t in zip(part["district"], part["source_id"], part["text"], strict=True)
        ],
        hoverinfo="text",
    )


def map_div(data: MapData, by_need: bool, div_id: str) -> str:
    """The map of statements as a ``<div>`` with its ``Plotly.newPlot`` call (one line).

    One trace per topic, or per need cluster (statements without a need in grey); a large
    study's map draws a sample of each (:func:`workbench.analysis.topic_map.map_sample`).
    """
    import plotly.graph_objects as go
    import plotly.io as pio

    statements = named_places(data, map_sample(data, by_need))
    traces = []
    if by_need:
        rest = statements["need"].isna().to_numpy()
        if rest.any():
            traces.append(_points(statements[rest], NO_NEED, (GREY, None), 0.35, 5))
        for i, (cluster, label) in enumerate(need_clusters(data).items()):
            mask = (statements["need"] == cluster).fillna(False).to_numpy()
            name = str(label)  # by name: the cluster number is the team's handle
            traces.append(_points(statements[mask], name, group_style(i), 0.9, 8))
    else:
        topics = zip(data.topics["topic"], data.topics["label"], strict=True)
        for i, (topic, label) in enumerate(topics):
            part = statements[statements["topic"] == topic]
            name = topic_name(label, limit=40)
            traces.append(_points(part, name, group_style(i), 0.85, 7))
    figure = go.Figure(traces)
    height = map_height(len(traces))
    figure.update_layout(
        template="plotly_white",
        separators=PLOTLY_SEPARATORS,
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        legend={
            "title": {"text": "Bedarf" if by_need else "Thema"},  # not jargon
            "orientation": "h",
            "yanchor": "top",
            "y": 0,
        },
        hoverlabel={"align": "left"},
        font={"family": "system-ui, sans-serif", "size": 12},
    )
    div = pio.to_html(
        figure,
        include_plotlyjs=False,
        full_html=False,
        div_id=div_id,
        default_height=f"{height}px",
        # no "Share chart..." button: plotly.js 3+ would upload the map, the participants'
        # quotes in its hover texts included, to Plotly Cloud (as in widgets/figures.py);
        # no mode bar: its buttons are English ("Download plot as a png", "Box Select"),
        # as the report's charts (dragging still zooms, a double click resets)
        config={
            "displaylogo": False,
            "responsive": True,
            "showSendToCloud": False,
            "displayModeBar": False,
        },
    )
    return " ".join(div.split())
