"""Reports: the city-wide report and the district profiles as HTML, DOCX and XLSX.

One outline — headings, paragraphs, tables, quotes and charts, built from
:mod:`workbench.synthesis.profiles` and :mod:`workbench.synthesis.recommendations` — is
rendered to HTML (:mod:`.html`; charts with plotly in :mod:`.charts`, plotly.js embedded
from the installed package, so the file works offline) and to DOCX (:mod:`.docx`; charts
drawn as tables: bars of block characters, heatmaps as shaded cells — no image renderer
needed). The XLSX (:mod:`.xlsx`) holds the same findings as filterable tables, one sheet
per kind, with native Excel bar charts. :mod:`.model` has the blocks and reads the data,
:mod:`.outline` decides what the report says.

Reproducible: the same project gives the same file content except for one line
"Erstellt am …". Everything is sorted; chart element ids are fixed (``wb-chart-…``, each
chart inside a ``<figure class="wb-chart">``); DOCX/XLSX carry fixed ZIP timestamps and
fixed core properties (``SOURCE_DATE_EPOCH`` if set, else 1980-01-01). Quotes are the
stored, pseudonymised texts. Files are written atomically (temporary file + rename).
A sparse project (no districts, dates, roles, codebook, codings, runs or indicators)
still gives every format; each empty section says what is missing and which command
provides it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.domain import WorkbenchError
from workbench.core.endings import output_format
from workbench.core.fileio import write_atomic
from workbench.core.word_caches import forgets_words
from workbench.synthesis.reports.docx import render_docx
from workbench.synthesis.reports.html import render_html
from workbench.synthesis.reports.model import (
    CHART_CLASS,
    FORMATS,
    GENERATED,
    Report,
    ReportData,
    collect,
    slug,
)
from workbench.synthesis.reports.outline import build_report
from workbench.synthesis.reports.xlsx import render_xlsx

if TYPE_CHECKING:
    from workbench.project import Project

__all__ = [
    "CHART_CLASS",
    "FORMATS",
    "GENERATED",
    "Report",
    "ReportData",
    "build_report",
    "collect",
    "render",
    "render_docx",
    "render_html",
    "render_xlsx",
    "slug",
    "write_report",
]


def render(
    project: Project,
    fmt: str,
    district: str | None = None,
    generated_at: datetime | None = None,
    max_quotes: int = 3,
    concept_text: str | Path | None = None,
) -> bytes:
    """The report (city-wide, or one district's profile) as bytes of ``fmt``; with
    ``concept_text`` (the researchers' prose file) the city-wide report carries the
    Sozialraumkonzept as a chapter (:mod:`workbench.synthesis.concept`)."""
    if fmt not in FORMATS:
        raise WorkbenchError(f"Unbekanntes Berichtsformat '{fmt}' ({', '.join(FORMATS)}).")
    if max_quotes < 0:
        raise WorkbenchError("Die Zahl der Zitate darf nicht negativ sein.")
    generated_at = generated_at or datetime.now(UTC)
    data = collect(project, district)
    report = build_report(data, max_quotes)
    if concept_text is not None and district is None:
        # imported here: the concept renders with this package's renderers
        from workbench.synthesis.concept import concept_chapter, with_chapter

        report = with_chapter(report, concept_chapter(project, concept_text, max_quotes))
    if fmt == "html":
        return render_html(report, generated_at, regions=True)  # wide tables: own box
    if fmt == "docx":
        return render_docx(report, generated_at)
    return render_xlsx(data, report, generated_at)


# Endings of report files and their format (".htm" is HTML).
_ENDINGS = {".html": "html", ".htm": "html", ".docx": "docx", ".xlsx": "xlsx"}
_PDF = "Ein PDF: den Bericht als HTML oder DOCX öffnen und als PDF speichern."


@forgets_words  # no participant's word stays in a module's cache
def write_report(
    project: Project,
    out: str | Path,
    fmt: str | None = None,
    district: str | None = None,
    generated_at: datetime | None = None,
    max_quotes: int = 3,
    concept_text: str | Path | None = None,
) -> Path:
    """Write the report to ``out`` atomically; the format defaults to the file suffix."""
    out = Path(out)
    fmt = output_format(out, fmt, _ENDINGS, notes={".pdf": _PDF})
    if not out.parent.is_dir():
        raise WorkbenchError(f"Ordner {out.parent} gibt es nicht.")
    write_atomic(out, render(project, fmt, district, generated_at, max_quotes, concept_text))
    return out
