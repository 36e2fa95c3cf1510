"""The report's findings as XLSX (openpyxl): filterable sheets, native Excel bar charts.

One sheet per kind (needs, quotes, topics, indicators, recommendations, evidence trail,
provenance check) after a cover sheet. Every text is stored as text (never a formula,
whatever it starts with). Missing metadata is named ("ohne Sozialraum", "ohne Rolle"); a
field that does not apply to a row holds "–" (a role where no statement has one, a workshop
named only after the document beside it); a missing indicator number "." (unknown) or
"x" (a comparison that would say nothing), as in DIN 55301, where "–" is zero. Quotes are
shortened like in the other formats (:func:`workbench.synthesis.reports.model.shorten_quote`,
with the statement id); the full texts are in ``workbench export``. A control character
is dropped, as in the DOCX report; a literal "_x001B_" is written so that Excel shows it
(:func:`workbench.core.spreadsheet.ooxml_text`), not ESC.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import quoteattr

from workbench.core.formatting import (
    EMPTY_FIELD,
    MISSING_DISTRICT,
    MISSING_NUMBER,
    MISSING_ROLE,
    is_missing,
    text_or,
)
from workbench.core.spreadsheet import ooxml_text, safe_text
from workbench.synthesis.citywide import column_name
from workbench.synthesis.indicator_units import compared_number
from workbench.synthesis.profiles import (
    DIMENSIONS,
    NO_DISTRICT_INDICATORS,
    NO_INDICATORS,
    DistrictProfile,
    place,
)
from workbench.synthesis.recommendation_chain import recommendation_title
from workbench.synthesis.reports.model import (
    Heading,
    Paragraph,
    Report,
    ReportData,
    generated_line,
    none_for_district,
    params_text,
    relevant,
    shorten_quote,
)
from workbench.synthesis.reports.monitoring import monitoring_sheets, scope_name
from workbench.synthesis.reports.office import (
    AUTHOR,
    clean,
    fixed_time,
    normalise_zip,
    property_title,
)
from workbench.synthesis.reports.outline import (
    NO_CODEBOOK,
    NO_CODINGS,
    NO_NEED_CLUSTERS,
    NO_RECOMMENDATIONS,
    NO_STATEMENTS,
    NO_TOPICS,
)
from workbench.synthesis.workshop_names import is_file_name

# Sheets: (column header, column width) each.
QUOTE_SHEET = (
    ("Sozialraum", 14), ("Art", 18), ("Code / Cluster", 30), ("Zitat", 80),
    ("Kodiert von", 10), ("Workshop", 28), ("Dokument", 26), ("Aussage", 10),
    ("Aussage-Nr. (intern)", 10), ("Rolle", 18),
)  # fmt: skip
TOPIC_SHEET = (
    ("Sozialraum", 14), ("Thema", 8), ("Bezeichnung", 50), ("Aussagen", 10),
    ("Anteil", 10), ("Anteil alle Workshops", 20),
)  # fmt: skip
INDICATOR_SHEET = (
    ("Sozialraum", 14), ("Indikator", 46), ("Jahr", 8), ("Wert", 10), ("Einheit", 20),
    ("Gesamtstadt", 12), ("Differenz", 10), ("Index (Gesamtstadt = 100)", 14),
    ("Quelle", 30), ("illustrativ", 10), ("Hinweis", 30),
)  # fmt: skip
RECOMMENDATION_SHEET = (
    ("Nr.", 6), ("Titel", 30), ("Empfehlung", 70), ("Geltungsbereich", 16),
    ("Adressiert an", 30), ("Status", 14), ("Bedarfe", 40), ("Nachweiskette", 14),
)  # fmt: skip
TRAIL_SHEET = (
    ("Empfehlung", 11), ("Art", 16), ("Bedarfscluster", 36), ("Sozialraum", 14),
    ("Workshop", 28), ("Dokument", 26), ("Aussage", 10), ("Rolle", 18), ("Zitat", 80),
)  # fmt: skip
CHECK_SHEET = (("Empfehlung", 11), ("Glied der Kette", 18), ("Betrifft", 50), ("Problem", 60))
CHAINS_COMPLETE = "Alle Nachweisketten sind vollständig."
CHAINS_WITHOUT_TRAIL = "Keine Empfehlung ist mit Bedarfen oder Belegen verknüpft (siehe „Prüfung“)."
DATE_FORMAT = "dd.mm.yyyy"  # 23.09.2021, as everywhere else in the reports
# The native bar charts: the sheet each stands on (below its table) and its title.
CHART_TITLES = {
    "Bedarfe": "Bedarfe nach Sozialraum (Aussagen)",
    "Indikatoren-Index": "Indikatoren im Verhältnis zur Gesamtstadt (= 100)",
}
_CHART_FRAME = re.compile(rb'(<cNvPr id="\d+" name="Chart \d+")/>')
_DRAWING = re.compile(r"xl/drawings/drawing(\d+)\.xml")


def cell(value: Any) -> Any:
    """A value as an XLSX cell: text XML-safe and never a formula, a missing number empty,
    flags ja/nein.

    >>> cell(float("nan")), cell(True), cell(("a", "b")), cell("x\\x00"), cell("=1+1")
    (None, 'ja', 'a, b', 'x', "'=1+1")
    >>> cell(("@Verwaltung", "Jugendamt"))
    "'@Verwaltung, Jugendamt"
    """
    if isinstance(value, tuple | list):
        return text(", ".join(str(v) for v in value)) or EMPTY_FIELD
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return text(value) if isinstance(value, str) else value


def text(value: object) -> str:
    """A text as an XLSX cell holds it: control characters dropped (as in the DOCX report),
    never a formula, a literal "_x001B_" shown as written (not as ESC).

    >>> text("=1"), text("Kind\x1b[31m"), text("_x001B_")
    ("'=1", 'Kind[31m', '_x005F_x001B_')
    """
    return ooxml_text(safe_text(clean(value)))


def _sheet(book: Any, title: str, spec: Sequence[tuple[str, float]], rows: Iterable[Sequence]):
    """A sheet with a bold, frozen header (repeated on every printed page), a filter and
    every value stored as is."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append([text(name) for name, _ in spec])
    for header in sheet[1]:
        header.font = Font(bold=True)
    for row in rows:
        sheet.append([cell(v) for v in row])
    wrapped = Alignment(wrap_text=True, vertical="top")  # one object: 7× faster to assign
    for r in sheet.iter_rows(min_row=2):
        for c in r:
            if isinstance(c.value, date):  # a date cell, shown the German way
                c.number_format = DATE_FORMAT
            elif isinstance(c.value, str):
                c.data_type = "s"  # never a formula, whatever the text starts with
                if len(c.value) > 40:
                    c.alignment = wrapped
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # printed, every page repeats the header row
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for i, (_, width) in enumerate(spec, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    return sheet


def _bar_chart(sheet: Any, title: str, rows: int, first: int, last: int, stacked: bool = False):
    """A native horizontal bar chart of columns ``first``–``last`` (labels in column 1/2)."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    chart.add_data(
        Reference(sheet, min_col=first, max_col=last, min_row=1, max_row=rows + 1),
        titles_from_data=True,
    )
    label_column = 2 if stacked else 1
    chart.set_categories(Reference(sheet, min_col=label_column, min_row=2, max_row=rows + 1))
    chart.height, chart.width = 6 + 0.5 * rows * (1 if stacked else last - first + 1), 24
    sheet.add_chart(chart, f"A{rows + 4}")


def chart_alt_text(sheet: str) -> str:
    """What Excel's accessibility check and a screen reader take for the chart on ``sheet``.

    >>> chart_alt_text("Bedarfe")
    'Balkendiagramm: Bedarfe nach Sozialraum (Aussagen). Die Zahlen stehen in der Tabelle darüber.'
    """
    return f"Balkendiagramm: {CHART_TITLES[sheet]}. Die Zahlen stehen in der Tabelle darüber."


def describe_charts(data: bytes, sheets: Sequence[str]) -> bytes:
    """The XLSX file ``data`` with alt text on the chart of each of ``sheets``.

    openpyxl writes a chart's frame without a description, one drawing per sheet with
    charts, numbered in the order of the sheets; each of these sheets has one chart.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            drawing = _DRAWING.fullmatch(info.filename)
            if drawing:
                descr = quoteattr(chart_alt_text(sheets[int(drawing.group(1)) - 1])).encode()
                frame = rb"\g<1> descr=" + descr.replace(b"\\", b"\\\\") + b"/>"
                content = _CHART_FRAME.sub(frame, content)
            dst.writestr(info, content)
    return out.getvalue()


def _cover(book: Any, data: ReportData, report: Report, generated_at: datetime) -> None:
    from openpyxl.styles import Font

    cover = book.active
    cover.title = "Bericht"
    cover.append([text(report.title)])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append([generated_line(generated_at)])
    for block in report.blocks[1:]:
        if isinstance(block, Heading):
            break  # the paragraphs under the title: basis and notes
        if isinstance(block, Paragraph) and block.kind in ("meta", "note"):
            cover.append([text(block.text)])
    for name, info in data.runs.items():
        params = params_text(info["params"])
        cover.append([text(f"{name} {info['run']}: {params}")])
    cover.column_dimensions["A"].width = 120


def _needs(book: Any, data: ReportData) -> None:
    matrix = data.profiles.need_matrix
    if matrix.empty:
        return
    fixed = ["cluster", "label", "scope", "n_districts", "size"]
    districts = [data.district] if data.district else [c for c in matrix if c not in fixed]
    spec = [("Cluster", 8), ("Bedarf", 50), ("Reichweite", 20), ("Schwerpunkt", 20)]
    city = data.profiles.city.workshops  # its column: "Gesamtstadt (Auftakt)", "ohne Sozialraum"
    spec += [("Sozialräume", 12), ("Aussagen", 10)]
    spec += [(column_name(d, city), 12) for d in districts]
    rows = (
        [
            *(r[c] for c in fixed[:3]),
            ", ".join(data.profiles.focus(r["cluster"])) or EMPTY_FIELD,
            *(r[c] for c in fixed[3:]),
            *(r[d] for d in districts),
        ]
        for _, r in matrix.iterrows()
    )
    sheet = _sheet(book, "Bedarfe", spec, rows)
    title = CHART_TITLES["Bedarfe"]
    _bar_chart(sheet, title, len(matrix), 7, 6 + len(districts), stacked=True)


def _has_roles(data: ReportData) -> bool:
    """Whether any statement has a speaker role (a card wall, a survey: none)."""
    return any(text_or(r, "") for r in data.segments["speaker_role"])


def _trail(roles: bool, workshop: object, document: object, role: object) -> list[Any]:
    """A quote's workshop and document cells (a workshop named only after its document:
    "–", the file is named beside it) and its role cell: "ohne Rolle" where other
    statements have one, "–" where none has (``roles`` False)."""
    named = EMPTY_FIELD if is_file_name(workshop, document) else workshop
    return [named, document, text_or(role, MISSING_ROLE if roles else EMPTY_FIELD)]


def _quotes(book: Any, data: ReportData, profiles: list[DistrictProfile]) -> None:
    rows, roles = [], _has_roles(data)
    for p in profiles:
        district = text_or(p.district, MISSING_DISTRICT)
        for q in p.need_quotes.itertuples():
            label = f"{q.cluster}: {q.label}"
            text = shorten_quote(q.quote, int(q.segment_id))
            workshop, document, role = _trail(roles, q.workshop, q.document, q.speaker_role)
            rows.append([district, "Bedarfscluster", label, text, EMPTY_FIELD, workshop])
            rows[-1] += [document, q.source_id, q.segment_id, role]
        for q in p.findings.itertuples():
            text = shorten_quote(q.quote, int(q.segment_id))
            workshop, document, role = _trail(roles, q.workshop, q.document, q.speaker_role)
            rows.append([district, DIMENSIONS[q.dimension], q.code, text, q.coders])
            rows[-1] += [workshop, document, q.source_id, q.segment_id, role]
    _sheet(book, "Zitate", QUOTE_SHEET, rows)


def _topics(book: Any, profiles: list[DistrictProfile]) -> None:
    rows = (
        [p.district, t.topic, t.label, t.segments, round(t.share, 4), round(t.share_all, 4)]
        for p in profiles
        for t in p.topics.itertuples()
    )
    sheet = _sheet(book, "Themen", TOPIC_SHEET, rows)
    for column in ("E", "F"):
        for c in sheet[column][1:]:
            c.number_format = "0.0 %"


def _indicators(book: Any, data: ReportData, profiles: list[DistrictProfile]) -> None:
    columns = ["district", "indicator", "year", "value", "unit", "city_value", "difference"]
    columns += ["index", "source", "illustrative", "note"]
    rows = (
        _indicator_cells(r) for p in profiles for r in p.indicators[columns].itertuples(index=False)
    )
    _sheet(book, "Indikatoren", INDICATOR_SHEET, rows)
    table = data.profiles.indicators
    if data.district is not None:
        table = table[table["district"] == data.district]
    table = table[table["index"].notna()]
    if table.empty:
        return
    pivot = table.pivot_table(
        index=["indicator", "year"], columns="district", values="index", aggfunc="first"
    ).reindex(columns=[p.district for p in profiles if p.district in set(table["district"])])
    rows = (
        [f"{i} ({y})", *(None if math.isnan(v) else round(float(v), 1) for v in row)]
        for (i, y), row in pivot.iterrows()
    )
    spec = [("Indikator", 50), *((d, 12) for d in pivot.columns)]
    sheet = _sheet(book, "Indikatoren-Index", spec, rows)
    title = CHART_TITLES["Indikatoren-Index"]
    _bar_chart(sheet, title, len(pivot), 2, 1 + len(pivot.columns))


def _indicator_cells(r: Any) -> list[Any]:
    """A comparison row: numbers stay numbers, a missing one is "." (unknown) or "x" (the
    comparison would say nothing; "Hinweis" says why), any other empty field "–"."""
    cells = [EMPTY_FIELD if is_missing(v) else v for v in r]
    cells[5] = MISSING_NUMBER if is_missing(r.city_value) else r.city_value
    for at, number in ((6, r.difference), (7, r.index)):
        cells[at] = compared_number(math.nan, r.note) if is_missing(number) else number
    return cells


def _need_names(rec: dict[str, Any]) -> str:
    names = [
        n["current"]["label"]
        if n["current"]
        else f"{n['linked']['label'] or 'ohne Bezeichnung'} (nicht mehr vorhanden)"
        for n in rec["needs"]
    ]
    return "; ".join(names) or EMPTY_FIELD


def _recommendations(book: Any, data: ReportData) -> None:
    recs = [r for r in data.chain["recommendations"] if relevant(data, r)]
    rows, roles = [], _has_roles(data)
    for r in recs:
        state = "unterbrochen" if r["problems"] else "vollständig"
        title = recommendation_title(r["title"]) or EMPTY_FIELD  # "\x1b" alone: none
        rows.append([r["id"], title, r["text"], scope_name(r["scope"])])
        rows[-1] += [r["actors"], text_or(r["status"]), _need_names(r), state]
    _sheet(book, "Empfehlungen", RECOMMENDATION_SHEET, rows)

    def segment(r: dict, kind: str, cluster: str, segment_id: int) -> list[Any]:
        seg = data.segments.loc[segment_id]
        workshop, document, role = _trail(
            roles, seg["workshop"], seg["document"], seg["speaker_role"]
        )
        where = [text_or(seg["district"], MISSING_DISTRICT), workshop, document]
        where += [seg["source_id"], role]
        return [r["id"], kind, cluster, *where, shorten_quote(seg["text"], int(segment_id))]

    trail = []
    for r in recs:
        for n in (n for n in r["needs"] if n["current"]):
            trail += [
                segment(r, "Bedarfscluster", n["current"]["label"], s)
                for s in n["current"]["segments"]
                if s in data.segments.index
            ]
        for e in r["evidence"]:
            if e["exists"] and e["segment_id"] in data.segments.index:
                trail.append(segment(r, "Beleg", EMPTY_FIELD, e["segment_id"]))
            else:
                gone = "gelöscht"
                trail.append([r["id"], "Beleg (gelöscht)", EMPTY_FIELD, gone, gone])
                trail[-1] += [e["document"], e["source_id"], gone, gone]
    _sheet(book, "Nachweise", TRAIL_SHEET, trail)
    problems = (
        [r["id"], p["link"], p["target"], p["problem"]] for r in recs for p in r["problems"]
    )
    _sheet(book, "Prüfung", CHECK_SHEET, problems)


def _no_quotes(data: ReportData) -> str:
    """Why the quote sheet is empty."""
    if data.district is not None and not data.profiles.profile(data.district).segments:
        return f"Aus {place(data.district)} liegen keine Aussagen vor."
    if data.segments.empty:
        return NO_STATEMENTS
    if data.codings:
        return NO_NEED_CLUSTERS
    return NO_CODINGS if data.codes else NO_CODEBOOK


def _empty_sheets(book: Any, data: ReportData) -> list[str]:
    """One sentence for each sheet without rows: what is missing, which command adds it."""
    has_district = data.district is not None and data.has_indicators
    reasons = {
        "Bedarfe": NO_NEED_CLUSTERS,
        "Zitate": _no_quotes(data),
        "Themen": NO_TOPICS if data.profiles.topic_run is None else "Keine Themen.",
        "Indikatoren": NO_DISTRICT_INDICATORS.format(district=data.district)
        if has_district
        else NO_INDICATORS,
        "Empfehlungen": none_for_district(data) or NO_RECOMMENDATIONS,
    }
    recommended = book["Empfehlungen"].max_row > 1
    reasons["Nachweise"] = CHAINS_WITHOUT_TRAIL if recommended else reasons["Empfehlungen"]
    reasons["Prüfung"] = CHAINS_COMPLETE if recommended else reasons["Empfehlungen"]
    lines = []
    for name, reason in reasons.items():
        if name not in book.sheetnames:
            lines.append(f"Kein Blatt „{name}“. {reason}")
        elif book[name].max_row < 2:
            lines.append(f"Blatt „{name}“ ist leer. {reason}")
    return lines


def _district_filter(data: ReportData) -> list[DistrictProfile]:
    profiles = (data.profiles.city, *data.profiles.districts)
    if data.district is None:
        return list(profiles)
    return [p for p in profiles if p.district == data.district]


def render_xlsx(data: ReportData, report: Report, generated_at: datetime) -> bytes:
    """The findings as filterable sheets with native bar charts (openpyxl)."""
    import openpyxl

    profiles = _district_filter(data)
    book = openpyxl.Workbook()
    _cover(book, data, report, generated_at)
    _needs(book, data)
    _quotes(book, data, profiles)
    _topics(book, profiles)
    _indicators(book, data, profiles)
    _recommendations(book, data)
    sheets, missing = monitoring_sheets(data.monitoring)  # the chapter "Monitoring"
    for title, spec, rows in sheets:
        _sheet(book, title, spec, rows)
    cover = book["Bericht"]
    for line in [*_empty_sheets(book, data), *missing]:
        cover.append([text(line)])
    book.properties.creator = AUTHOR
    book.properties.title = property_title(report.title)
    book.properties.created = fixed_time().replace(tzinfo=None)
    charted = [sheet.title for sheet in book.worksheets if sheet._charts]
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_zip(describe_charts(buffer.getvalue(), charted))
