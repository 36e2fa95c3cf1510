"""The concept as HTML and DOCX, and as a chapter of the city-wide report.

Both formats are drawn by the report's renderers (:mod:`workbench.synthesis.reports.html`,
:mod:`workbench.synthesis.reports.docx`): escaped HTML with ``lang="de"``, no script and
nothing fetched from the net; DOCX with XML-safe, formula-safe text and fixed metadata.
Tables carry their caption (:class:`CaptionedTable`): the renderers write it as HTML
``<caption>`` (column headers with ``scope="col"``) and in DOCX as a bold line above the
table — in the concept and in its chapter of the city-wide report alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.domain import WorkbenchError
from workbench.core.fileio import write_atomic
from workbench.synthesis.concept.model import Concept, build_concept
from workbench.synthesis.concept.outline import KEY, concept_outline
from workbench.synthesis.concept.text import ConceptText, read_concept_text
from workbench.synthesis.reports.docx import render_docx
from workbench.synthesis.reports.html import render_html
from workbench.synthesis.reports.model import Block, Heading, Paragraph, Report

if TYPE_CHECKING:
    from workbench.project import Project

CONCEPT_FORMATS = ("html", "docx")
CHAPTER_TITLE = "Sozialraumkonzept"


def render_concept(
    concept: Concept, fmt: str, generated_at: datetime | None = None, max_quotes: int | None = 5
) -> bytes:
    """The concept as bytes of ``fmt`` (html or docx)."""
    if fmt not in CONCEPT_FORMATS:
        raise WorkbenchError(
            f"Unbekanntes Format '{fmt}' für das Sozialraumkonzept ({', '.join(CONCEPT_FORMATS)})."
        )
    if max_quotes is not None and max_quotes < 0:
        raise WorkbenchError("Die Zahl der Zitate darf nicht negativ sein.")
    generated_at = generated_at or datetime.now(UTC)
    report = concept_outline(concept, max_quotes)
    if fmt == "html":
        return render_html(report, generated_at, include_plotlyjs=False)
    return render_docx(report, generated_at)


def _text(text: ConceptText | str | Path | None) -> ConceptText | None:
    return read_concept_text(text) if isinstance(text, str | Path) else text


@dataclass(frozen=True)
class WrittenConcept:
    """Where the concept was written, and what it holds (warnings included)."""

    path: Path
    concept: Concept


def write_concept(
    project: Project,
    out: str | Path,
    text: ConceptText | str | Path | None = None,
    fmt: str | None = None,
    generated_at: datetime | None = None,
    max_quotes: int | None = 5,
) -> WrittenConcept:
    """Assemble, check and write the concept to ``out`` (format from the suffix by default)."""
    out = Path(out)
    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in CONCEPT_FORMATS:
        raise WorkbenchError(
            f"Das Sozialraumkonzept wird als .html oder .docx geschrieben, nicht als '{out.name}'."
        )
    if not out.parent.is_dir():
        raise WorkbenchError(f"Ordner {out.parent} gibt es nicht.")
    concept = build_concept(project, _text(text))
    write_atomic(out, render_concept(concept, fmt, generated_at, max_quotes))
    return WrittenConcept(out, concept)


# -- a chapter of the city-wide report ---------------------------------------------------------
def concept_chapter(
    project: Project,
    text: ConceptText | str | Path | None = None,
    max_quotes: int | None = 3,
) -> tuple[Block, ...]:
    """The concept as blocks of one report chapter: its title a level-2 heading.

    Headings move one level down, anchors keep their ``sec-konzept-`` prefix (no clash with
    the report's). Without a need run or recommendations the chapter is one sentence
    saying which command provides them, so a sparse report still renders.
    """
    prose = _text(text)  # a bad text file stops here: the caller's to fix, not a gap in the data
    try:
        concept = build_concept(project, prose)
    except WorkbenchError as err:
        return (Heading(2, CHAPTER_TITLE, f"sec-{KEY}-titel"), Paragraph(str(err), "note"))
    blocks: list[Block] = []
    for block in concept_outline(concept, max_quotes).blocks:
        if isinstance(block, Paragraph) and block.kind == "generated":
            continue
        if isinstance(block, Heading):
            block = Heading(min(block.level + 1, 6), block.text, block.anchor)
        blocks.append(block)
    return tuple(blocks)


def with_chapter(
    report: Report, chapter: tuple[Block, ...], before: str = "Methodik und Herkunft"
) -> Report:
    """``report`` with ``chapter`` before its level-2 heading ``before`` (or at the end)."""
    blocks = list(report.blocks)
    at = next(
        (i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 2
         and b.text == before),
        len(blocks),
    )  # fmt: skip
    return Report(report.title, tuple(blocks[:at] + list(chapter) + blocks[at:]))
