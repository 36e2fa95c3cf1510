"""Figures of the coding stage (plotly): the code × Sozialraum heatmap."""

from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from workbench.coding.code_analysis import code_frequencies
from workbench.core.domain import InputError

if TYPE_CHECKING:
    from workbench.store import ProjectStore

VALUES = {"share": "Anteil der Aussagen", "segments": "Aussagen"}


def code_district_heatmap(
    project: ProjectStore, coder: str | None = None, value: str = "share"
) -> go.Figure:
    """Code × Sozialraum heatmap of ``share`` (default) or ``segments``."""
    if value not in VALUES:
        raise InputError(f"Unbekannter Wert '{value}' (share oder segments).")
    table = code_frequencies(project, coder)
    codes = list(dict.fromkeys(table["code"]))
    districts = list(dict.fromkeys(table["district"]))
    z = (
        table.pivot(index="code", columns="district", values=value)
        .reindex(index=codes, columns=districts)
        .to_numpy(dtype=float)
    )
    if value == "share":
        z = z * 100
        template = "%{z:.0f} %"
        hover = "Code: %{y}<br>Sozialraum: %{x}<br>Anteil: %{z:.1f} %<extra></extra>"
    else:
        template = "%{z:.0f}"
        hover = "Code: %{y}<br>Sozialraum: %{x}<br>Aussagen: %{z:.0f}<extra></extra>"
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=districts,
            y=codes,
            colorscale="Blues",
            texttemplate=template,
            hovertemplate=hover,
            colorbar={"title": {"text": VALUES[value] + (" (%)" if value == "share" else "")}},
        )
    )
    who = f" (Kodierer*in {coder})" if coder else ""
    figure.update_layout(
        title={"text": f"Codes nach Sozialraum{who}"},
        xaxis={"title": {"text": "Sozialraum"}},
        yaxis={"title": {"text": "Code"}, "autorange": "reversed"},
        height=max(400, 24 * len(codes) + 160),
    )
    return figure
