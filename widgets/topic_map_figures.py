"""The topic map's figures and HTML (pure): the map, its text alternative, the heatmap
table and a topic's quotes.

:class:`widgets.topic_map.TopicMapView` draws them; every text from the data is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from widgets.accessibility import blend, readable_text
from widgets.app_support import esc
from widgets.feedback_texts import short_quote
from widgets.figures import GERMAN_SEPARATORS, plot_text
from workbench.analysis.topic_map import (
    GREY,
    NO_NEED,
    MapData,
    group_style,
    heatmap_table,
    map_height,
    map_sample,
    need_clusters,
    topic_name,
    topic_quotes,
)
from workbench.core.formatting import format_number, plural
from workbench.synthesis.citywide import column_name, named_places, place_name, statements_from

if TYPE_CHECKING:
    import plotly.graph_objects as go

ALL = "__alle__"
BY_TOPIC, BY_NEED = "topic", "need"
QUOTE_LIMIT = 40  # quotes listed at once; "Weitere Aussagen zeigen" adds as many again


# -- figures and HTML (pure) --------------------------------------------------------------
def _hover(part: pd.DataFrame) -> list[str]:
    return [
        f"<b>{plot_text(d)}</b> · {plot_text(s)}<br>{plot_text(t, width=60, limit=320)}"
        for d, s, t in zip(part["district"], part["source_id"], part["text"], strict=True)
    ]


def map_figure(data: MapData, colour_by: str = BY_TOPIC, highlight: str | None = None) -> go.Figure:
    """The map of statements: one trace per topic or need cluster (others grey).

    A large study's map draws a sample of each group (:func:`map_sample`).
    """
    import plotly.graph_objects as go

    statements = named_places(data, map_sample(data, colour_by == BY_NEED))
    traces = []
    if colour_by == BY_NEED:
        clusters = need_clusters(data)
        rest = statements["need"].isna().to_numpy()
        if rest.any():
            traces.append(_points(statements[rest], NO_NEED, (GREY, None), 0.35, 5))
        for i, (cluster, label) in enumerate(clusters.items()):
            mask = (statements["need"] == cluster).fillna(False).to_numpy()
            name = str(label)  # by name, as the site: the cluster number is the team's handle
            traces.append(_points(statements[mask], name, group_style(i), 0.9, 8))
        title = "Aussagen nach Bedarf"
    else:
        topics = zip(data.topics["topic"], data.topics["label"], strict=True)
        for i, (topic, label) in enumerate(topics):
            chosen = highlight is None or topic == highlight
            traces.append(
                _points(
                    statements[statements["topic"] == topic],
                    topic_name(label, limit=40),
                    group_style(i),
                    0.9 if chosen else 0.18,
                    9 if highlight is not None and chosen else 7,
                )
            )
        title = "Aussagen nach Thema"
    figure = go.Figure(traces)
    figure.update_layout(
        title=title,
        template="plotly_white",
        separators=GERMAN_SEPARATORS,
        height=map_height(len(traces)),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        legend={
            "title": {"text": "Bedarf" if colour_by == BY_NEED else "Thema"},  # not jargon
            "orientation": "h",
            "yanchor": "top",
            "y": 0,
        },
        hoverlabel={"align": "left"},
    )
    return figure


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
        hovertext=_hover(part),
        hoverinfo="text",
    )


SHADE = (31, 78, 140)  # the heatmap's colour; its opacity grows with the share


def map_text_html(data: MapData, colour_by: str = BY_TOPIC) -> str:
    """The map in words (its text alternative): what it shows, the largest groups."""
    n = len(data.statements)
    drawn = len(map_sample(data, colour_by == BY_NEED))
    shows = (
        f"Die Karte zeigt {plural(n, 'Aussage', 'Aussagen')}"
        if drawn == n
        else f"Die Karte zeigt eine Auswahl von {format_number(drawn)} der "
        f"{format_number(n)} Aussagen, aus jedem {'Bedarf' if colour_by == BY_NEED else 'Thema'} "
        "ein Teil nach seiner Größe"
    )
    if colour_by == BY_NEED:
        sizes = data.statements.groupby("need").size().sort_values(ascending=False)
        labels = need_clusters(data)
        largest = ", ".join(
            f"{esc(labels[c])} ({format_number(int(k))})" for c, k in sizes.head(3).items()
        )
        coloured = int(sizes.sum())
        text = (
            f"{shows}. Farbig "
            f"{'ist die' if coloured == 1 else 'sind die'} "
            f"{plural(coloured, 'Aussage', 'Aussagen')} zu "
            f"{plural(len(sizes), 'Bedarf', 'Bedarfen')}, jeder Bedarf in seiner Farbe; "
            "grau die übrigen."
        )
        if largest:
            text += f" {'Die größten Bedarfe' if len(sizes) > 1 else 'Der Bedarf'}: "
            text += f"{largest}."
    else:
        topics = data.topics.head(3)
        largest = ", ".join(
            f"{esc(topic_name(label))} ({format_number(int(k))})"
            for label, k in zip(topics["label"], topics["size"], strict=True)
        )
        many = len(data.topics) > 1
        text = (
            f"{shows}{' in' if drawn == n else '; sie zeigt'} "
            f"{plural(len(data.topics), 'Thema', 'Themen')}, jedes Thema in seiner Farbe. "
            f"{'Die größten Themen' if many else 'Das Thema'}: {largest}."
        )
    return (
        f"<p class='sw-note'>{text} Alle Themen mit ihren Aussagen stehen in "
        "der Liste „Aussagen eines Themas lesen“, ihre Verteilung auf die Sozialräume in "
        "der Tabelle „Themen je Sozialraum“.</p>"
    )


def heatmap_html(data: MapData, level: int = 3) -> str:
    """Topics × districts as a table shaded by the share of each district's statements.

    A shaded table rather than a plotly heatmap: the same reading, no chart to start in
    the browser, and every cell says its numbers when pointed at. Each number is black
    or white, whichever reads better on its shade (WCAG AA contrast). ``level``: of
    the heading.
    """
    counts = heatmap_table(data)
    totals = counts.sum(axis=0).clip(lower=1)
    peak = max(float((counts / totals).to_numpy().max()), 1e-9) if counts.size else 1.0
    city = data.city_workshops
    head = "".join(f"<th class='sw-num'>{esc(column_name(d, city))}</th>" for d in counts.columns)
    rows = []
    for topic, label in zip(data.topics["topic"], data.topics["label"], strict=True):
        cells = []
        for district in counts.columns:
            n = int(counts.loc[topic, district])
            share = n / totals[district]
            title = (
                f"{format_number(n)} von {format_number(int(totals[district]))} Aussagen "
                f"{statements_from(district, city)} ({100 * share:.0f} %)"
            )
            alpha = round(0.04 + 0.76 * share / peak, 2)  # the darkest: white text
            cells.append(
                f"<td class='sw-num sw-cell' title='{esc(title)}' style='background: "
                f"rgba(31, 78, 140, {alpha:.2f}); color: "
                f"{readable_text(blend(SHADE, alpha))}'>{format_number(n)}</td>"
            )
        rows.append(f"<tr><td>{esc(topic_name(label))}</td>{''.join(cells)}</tr>")
    return (
        f"<h{level}>Themen je Sozialraum</h{level}><p class='sw-note'>Zahl der Aussagen; je "
        "dunkler, desto "
        "größer der Anteil an allen Aussagen des Sozialraums.</p>"
        f"<table class='sw-table sw-heatmap-table'><thead><tr><th>Thema</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def topic_quotes_html(
    data: MapData,
    topic: str,
    district: str = ALL,
    limit: int = QUOTE_LIMIT,
    level: int = 3,
    first_new: tuple[int, str] | None = None,
) -> str:
    """A topic's quotes (most typical first), of all districts or one (heading ``level``).

    ``first_new``: (position, id) of the first quote that "show more" added; it gets the
    id and can take the focus.
    """
    info = data.topics[data.topics["topic"] == topic]
    if info.empty:
        return "<p class='sw-meta'>Bitte wählen Sie ein Thema.</p>"
    row = info.iloc[0]
    part = topic_quotes(data, topic, None if district == ALL else district)
    where = "" if district == ALL else f" {esc(statements_from(district, data.city_workshops))}"
    keywords = ", ".join(list(row["keywords"])[:8])
    position, mark = first_new or (-1, "")
    focusable = f" id='{esc(mark)}' tabindex='-1'"
    items = "".join(
        f"<li class='sw-quote'{focusable if i == position else ''}>"
        f"<span class='sw-quote-text' dir='auto'>{esc(short_quote(r.text))}</span>"
        f"<span class='sw-source'>({esc(place_name(r.district, data.city_workshops))} · "
        f"{esc(r.document)}, "
        f"Aussage {esc(r.source_id)})"
        f"</span></li>"
        for i, r in enumerate(part.head(limit).itertuples())
    )
    more = len(part) - limit
    rest = (
        f"<p class='sw-note sw-quotes-left'>… und {format_number(more)} weitere, weniger "
        "typische (die typischsten stehen oben).</p>"
        if more > 0
        else ""
    )
    count = plural(len(part), "Aussage", "Aussagen")
    if part.empty:
        items = "<li class='sw-empty'>Zu diesem Thema gibt es hier keine Aussagen.</li>"
    return (
        f"<h{level} class='sw-topic-title'>{esc(topic_name(row['label']))}"
        f"</h{level}>"
        f"<p class='sw-meta'>{count}{where} · Schlagworte: {esc(keywords)}</p>"
        f"<ul class='sw-quotes'>{items}</ul>{rest}"
    )
