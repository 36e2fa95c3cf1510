"""The topic map as a static page: the map, topics × districts, and each topic's quotes.

The same data as the Voilà app ``themenlandkarte`` (:mod:`workbench.analysis.topic_map`,
the latest stored topic and need runs), drawn once for reading without a kernel: the map
coloured by topic (and, with a need run, a second one by need cluster), a table of topics
per district shaded by each district's share, and per topic its most typical quotes.
Without a topic run the page says so in one sentence naming the command.
"""

from __future__ import annotations

import html
from datetime import datetime

from workbench.analysis.topic_map import (
    MapData,
    heatmap_table,
    map_sample,
    topic_name,
    topic_quotes,
)
from workbench.core.colours import blend, readable_text
from workbench.core.formatting import format_number, plural
from workbench.synthesis.citywide import column_name, place_name, statements_from
from workbench.synthesis.map_svg import table_region
from workbench.synthesis.reports.model import (
    CHART_CLASS,
    PSEUDONYMISED,
    generated_line,
    shorten_quote,
    slug,
)
from workbench.synthesis.reports.outline import PUBLIC_NO_TOPICS
from workbench.synthesis.site.charts import map_div

TITLE = "Themenlandkarte"
QUOTES_SHOWN = 3  # quotes per topic shown at once; the rest behind "Weitere Aussagen"
QUOTE_LIMIT = 40  # quotes per topic on the page at most, most typical first
SHADE = (31, 78, 140)  # the heatmap's colour; its opacity grows with the share


def _count(n: int) -> str:
    return f"{format_number(n)} {'Aussage' if n == 1 else 'Aussagen'}"


def heatmap_html(data: MapData) -> str:
    """Topics × districts as a table shaded by the share of each district's statements."""
    esc = html.escape
    counts = heatmap_table(data)
    totals = counts.sum(axis=0).clip(lower=1)
    peak = max(float((counts / totals).to_numpy().max()), 1e-9) if counts.size else 1.0
    city = data.city_workshops
    head = "".join(f'<th class="num">{esc(column_name(d, city))}</th>' for d in counts.columns)
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
            alpha = round(0.04 + 0.76 * share / peak, 2)  # the darkest take white text
            cells.append(
                f'<td class="num wb-cell" title="{esc(title)}" style="background: '
                f"rgba(31, 78, 140, {alpha:.2f}); color: "
                f'{readable_text(blend(SHADE, alpha))}">{format_number(n)}</td>'
            )
        rows.append(f"<tr><td>{esc(topic_name(label))}</td>{''.join(cells)}</tr>")
    return (
        '<p class="wb-meta">Zahl der Aussagen; je dunkler, desto größer der Anteil an allen '
        "Aussagen des Sozialraums.</p>"
        + table_region(
            f'<table class="wb-table wb-heatmap"><thead><tr><th>Thema</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>",
            "Tabelle: Themen je Sozialraum",
        )
    )


def _quote(text: str, source: str) -> str:
    esc = html.escape
    return (
        f'<blockquote class="wb-quote"><p dir="auto">{esc(text)}</p>'
        f"<footer>{esc(source)}</footer></blockquote>"
    )


def topic_html(data: MapData, topic: str, label: str, keywords: list[str], size: int) -> str:
    """One topic: heading, size and keywords, its most typical quotes (more on request)."""
    esc = html.escape
    part = topic_quotes(data, topic)
    quotes = [  # long statements shortened as in the report (full text in the export)
        _quote(
            shorten_quote(r.text, int(r.segment_id)),
            f"{place_name(r.district, data.city_workshops)} · {r.document}, Aussage {r.source_id}",
        )
        for r in part.head(QUOTE_LIMIT).itertuples()
    ]
    words = ", ".join(keywords[:8])
    parts = [
        f'<h3 id="sec-thema-{slug(topic)}">{esc(topic_name(label))}</h3>',
        f'<p class="wb-meta">{_count(size)}'
        + (f" · Schlagworte: {esc(words)}" if words else "")
        + "</p>",
        *quotes[:QUOTES_SHOWN],
    ]
    if len(quotes) > QUOTES_SHOWN:
        more = len(quotes) - QUOTES_SHOWN
        summary = "Eine weitere Aussage" if more == 1 else f"Weitere {format_number(more)} Aussagen"
        parts.append(
            f'<details class="wb-more"><summary>{summary} dieses Themas</summary>'
            f"{''.join(quotes[QUOTES_SHOWN:])}</details>"
        )
    if len(part) > QUOTE_LIMIT:
        parts.append(
            f'<p class="wb-note">… und {format_number(len(part) - QUOTE_LIMIT)} weitere, '
            "weniger typische Aussagen (in der Werkbank zu lesen).</p>"
        )
    return "\n".join(parts)


def _figure(key: str, caption: str, div: str) -> str:
    return (
        f'<figure class="{CHART_CLASS}" data-chart="{key}">\n'
        f"<figcaption>{html.escape(caption)}</figcaption>\n{div}\n</figure>"
    )


def topic_map_body(data: MapData | None, generated_at: datetime) -> tuple[str, bool]:
    """The page's main part and whether it has charts (none without a topic run)."""
    esc = html.escape
    head = (
        f'<h1 id="sec-titel">{TITLE}</h1>\n'
        f'<p class="wb-generated">{esc(generated_line(generated_at))}</p>'
    )
    if data is None:
        return f'{head}\n<p class="wb-note">{esc(PUBLIC_NO_TOPICS)}</p>', False
    n = len(data.statements)
    meta = (  # no run numbers: those are the team's handles
        f"{_count(n)}, {plural(len(data.topics), 'Thema', 'Themen')}. {PSEUDONYMISED}"
    )
    sections = [
        ("sec-karte", "Karte der Aussagen"),
        ("sec-themen-je-sozialraum", "Themen je Sozialraum"),
        ("sec-themen", "Themen und ihre Aussagen"),
    ]
    toc = "".join(f'<li><a href="#{a}">{esc(t)}</a></li>' for a, t in sections)
    points = "Der Punkt ist die eine Aussage" if n == 1 else f"Jeder Punkt ist eine der {_count(n)}"
    if len(map_sample(data)) < n:  # a large study: the map draws a sample of each topic
        points = (
            f"Die Karte zeigt eine Auswahl von {format_number(len(map_sample(data)))} der "
            f"{_count(n)}, aus jedem Thema einen Teil nach seiner Größe (so bleibt die Seite "
            "auch auf dem Handy schnell)"
        )
    parts = [
        head,
        f'<p class="wb-meta">{esc(meta)}</p>',
        *(f'<p class="wb-note">{esc(note)}</p>' for note in data.notes),
        f'<nav class="wb-toc"><ul>{toc}</ul></nav>',
        f'<h2 id="{sections[0][0]}">{sections[0][1]}</h2>',
        f"<p>{points}; ähnliche Aussagen liegen nah beieinander. Zeigen Sie auf einen Punkt, "
        "um die Aussage zu lesen; ein Klick auf ein Thema in der Legende blendet es aus und "
        "ein.</p>",
        _figure("karte-themen", "Aussagen nach Thema", map_div(data, False, "wb-chart-karte")),
    ]
    if data.need_run is not None:
        parts.append(
            _figure(
                "karte-bedarfe",
                "Aussagen nach Bedarf",
                map_div(data, True, "wb-chart-karte-bedarfe"),
            )
        )
    parts += [
        f'<h2 id="{sections[1][0]}">{sections[1][1]}</h2>',
        heatmap_html(data),
        f'<h2 id="{sections[2][0]}">{sections[2][1]}</h2>',
        "<p>Zu jedem Thema die Aussagen, die es am deutlichsten vertreten, zuerst.</p>",
    ]
    for r in data.topics.itertuples():
        parts.append(topic_html(data, r.topic, r.label, list(r.keywords), int(r.size)))
    return "\n".join(parts), True
