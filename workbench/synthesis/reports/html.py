"""The report as one self-contained HTML file (charts by :mod:`.charts`, works offline).

Each chart stands in a ``<figure class="wb-chart">`` with a fixed element id
(``wb-chart-…``) and its numbers as a table beside it (for screen readers and without
JavaScript). Every text from the data is escaped.
"""

from __future__ import annotations

import html
from datetime import datetime

from workbench.synthesis.map_svg import map_figure, table_region
from workbench.synthesis.reports.charts import chart_div, plotly_script
from workbench.synthesis.reports.model import (
    CHART_CLASS,
    Bullets,
    Chart,
    Heading,
    MapFigure,
    Paragraph,
    Quote,
    Report,
    Table,
    chart_table,
    generated_line,
)
from workbench.synthesis.reports.office import property_title

CSS = """
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2935; background: #fff; }
main.wb-report { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.8rem; } h2 { border-bottom: 2px solid #2a6f97; padding-bottom: .2rem; }
h5 { font-size: 1rem; margin: 1rem 0 .4rem; }
h1, h2, h3, h4, h5, h6, nav.wb-toc { overflow-wrap: break-word; hyphens: auto; }
nav.wb-toc ul { columns: 2; }
p.wb-meta { color: #52606d; } p.wb-note { color: #8a3b12; font-style: italic; }
p.wb-generated { color: #52606d; font-size: .9rem; } p.wb-item { font-weight: 600; }
blockquote.wb-quote { margin: .6rem 0 .6rem 1rem; padding: .2rem .8rem;
  border-left: 4px solid #b0b7bf; }
blockquote.wb-quote footer { color: #52606d; font-size: .85rem; }
table.wb-table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
table.wb-table th, table.wb-table td { border: 1px solid #d0d5da; padding: .25rem .5rem;
  vertical-align: top; }
table.wb-table td.num { text-align: right; }
div.wb-scroll { overflow-x: auto; max-width: 100%; }
div.wb-scroll > table.wb-table { margin: 0; } div.wb-scroll { margin: .8rem 0; }
div.wb-scroll:focus { outline: 3px solid #1f4e8c; outline-offset: 2px; }
table.wb-table tbody th { text-align: left; font-weight: normal; }
figure.wb-chart { margin: 1rem 0; }
figure.wb-chart figcaption { font-weight: 600; }
figure.wb-map { margin: 1rem 0; max-width: 32rem; }
figure.wb-map figcaption { font-weight: 600; }
""".strip()


def html_table(table: Table) -> str:
    """A table block as ``<table class="wb-table">`` (text escaped), with its ``<caption>``,
    column headers with ``scope="col"``, with ``row_headers`` the first cell of each row a
    ``scope="row"`` header (an empty corner stays a plain cell).

    >>> html_table(Table(("A", "n"), (("<b>", "1"),), (False, True)))[-65:]
    '<tr><td>&lt;b&gt;</td><td class="num">1</td></tr></tbody></table>'
    >>> chart = Table(("", "n"), (("Manfort", "1"),), (False, True), row_headers=True)
    >>> for row in html_table(chart).split("<tr>")[1:]:
    ...     print(row)
    <td></td><th scope="col">n</th></tr></thead><tbody>
    <th scope="row">Manfort</th><td class="num">1</td></tr></tbody></table>
    """
    esc = html.escape
    head = "".join(f'<th scope="col">{esc(c)}</th>' if c else "<td></td>" for c in table.columns)

    def cells(row: tuple[str, ...]) -> str:
        out = []
        for i, (v, n) in enumerate(zip(row, table.numeric, strict=True)):
            if i == 0 and table.row_headers:
                out.append(f'<th scope="row">{esc(v)}</th>')
            else:
                out.append(f'<td class="num">{esc(v)}</td>' if n else f"<td>{esc(v)}</td>")
        return "".join(out)

    body = "".join(f"<tr>{cells(row)}</tr>" for row in table.rows)
    caption = f"<caption>{esc(table.caption)}</caption>" if table.caption else ""
    return (
        f'<table class="wb-table">{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def chart_label(chart: Chart) -> str:
    """What a screen reader says for a chart's drawing: its title and where its numbers are.

    >>> chart_label(Chart("k", "Aussagen je Sozialraum", "bar", ("Manfort",)))
    'Diagramm: Aussagen je Sozialraum. Die Zahlen stehen in der Tabelle „Daten“.'
    """
    return f"Diagramm: {chart.title}. Die Zahlen stehen in der Tabelle „Daten“."


def table_label(table: Table) -> str:
    """The name of a table's scrolling box: its caption, else its columns.

    >>> table_label(Table(("", "Manfort", "Opladen"), (), (False, True, True)))
    'Tabelle: Manfort, Opladen'
    """
    return f"Tabelle: {table.caption or ', '.join(c for c in table.columns if c)}"


def html_chart(chart: Chart, regions: bool = False) -> str:
    """A chart in its ``<figure>``: caption, plotly div (one image for a screen reader,
    named by :func:`chart_label`, not its axis labels one by one) and the numbers as a table
    (with ``regions`` in a box of its own that scrolls sideways: :func:`table_region`).
    """
    numbers = html_table(chart_table(chart))
    numbers = table_region(numbers, f"Daten: {chart.title}") if regions else numbers
    data = f"<details><summary>Daten</summary>{numbers}</details>"
    label = html.escape(chart_label(chart))
    drawing = f'<div role="img" aria-label="{label}">{chart_div(chart)}</div>'
    return (
        f'<figure class="{CHART_CLASS}" data-chart="{chart.key}">\n'
        f"<figcaption>{html.escape(chart.title)}</figcaption>\n{drawing}\n"
        f"{data}\n</figure>"
    )


def html_blocks(report: Report, generated_at: datetime, regions: bool = False) -> str:
    """The report's blocks as HTML (headings, contents list, text, tables, quotes, charts);
    with ``regions`` each table scrolls sideways in its own named box, not the page."""
    esc = html.escape
    parts: list[str] = []
    toc = [b for b in report.blocks if isinstance(b, Heading) and b.level == 2]
    for block in report.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 6)
            parts.append(f'<h{level} id="{block.anchor}">{esc(block.text)}</h{level}>')
            if block.level == 1 and toc:
                items = "".join(f'<li><a href="#{h.anchor}">{esc(h.text)}</a></li>' for h in toc)
                parts.append(f'<nav class="wb-toc"><ul>{items}</ul></nav>')
        elif isinstance(block, Paragraph):
            text = generated_line(generated_at) if block.kind == "generated" else block.text
            parts.append(f'<p class="wb-{block.kind}">{esc(text)}</p>')
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            table = html_table(block)
            parts.append(table_region(table, table_label(block)) if regions else table)
        elif isinstance(block, Quote):
            parts.append(
                f'<blockquote class="wb-quote"><p>{esc(block.shown)}</p>'
                f"<footer>{esc(block.source)}</footer></blockquote>"
            )
        elif isinstance(block, Chart):
            parts.append(html_chart(block, regions))
        elif isinstance(block, MapFigure):
            values = dict(block.values)
            parts.append(
                map_figure(
                    block.key, block.title, values, block.shapes, block.percent, block.value_label
                )
            )
    return "\n".join(parts)


def render_html(
    report: Report, generated_at: datetime, include_plotlyjs: bool = True, regions: bool = False
) -> bytes:
    """The report as one self-contained HTML file (plotly.js inline, works offline);
    ``regions``: see :func:`html_blocks`."""
    esc = html.escape
    script = plotly_script() if include_plotlyjs else ""
    document = (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Sozialraum-Werkbank">\n'
        f"<title>{esc(property_title(report.title))}</title>\n<style>\n{CSS}\n</style>\n{script}"
        '</head>\n<body>\n<main class="wb-report">\n'
        + html_blocks(report, generated_at, regions)
        + "\n</main>\n</body>\n</html>\n"
    )
    return document.encode("utf-8")
