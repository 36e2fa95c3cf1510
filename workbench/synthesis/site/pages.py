"""The site's pages: the city-wide overview, one profile per Sozialraum, the report.

All of them come from the report's outline (:mod:`workbench.synthesis.reports.outline`)
over data read once (:func:`workbench.synthesis.reports.collect`): a district's page is
the report of that district (``workbench report --district``), the report page the
city-wide report, and the overview the report's city-wide sections (workshops, needs
across districts, indicators in comparison) with links to every profile. Sections
without data carry the outline's one sentence naming the command that provides it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import datetime

from workbench.core.formatting import format_number
from workbench.store import CITYWIDE
from workbench.synthesis.citywide import menu_name, profile_name
from workbench.synthesis.map_layout import is_schematic
from workbench.synthesis.map_svg import map_figure
from workbench.synthesis.reports.html import html_blocks
from workbench.synthesis.reports.model import (
    Block,
    Heading,
    Paragraph,
    Report,
    ReportData,
    slug,
)
from workbench.synthesis.reports.outline import PUBLIC_NO_DISTRICTS, build_report

OVERVIEW_TITLE = "Überblick"
REPORT_FILE = "bericht.html"
# The report's city-wide sections the overview shows (anchors of its level-2 headings).
OVERVIEW_SECTIONS = (
    "sec-ueberblick",
    "sec-sozialraumuebergreifende-bedarfe",
    "sec-indikatoren-im-vergleich",
)


@dataclass(frozen=True)
class ProfilePage:
    """A Sozialraum's page: its name, file and how the navigation names it."""

    district: str
    file: str
    label: str


def profile_pages(data: ReportData) -> tuple[ProfilePage, ...]:
    """The city's and every district's page, each with a unique file name."""
    pages: list[ProfilePage] = []
    used: set[str] = set()
    for profile in (data.profiles.city, *data.profiles.districts):
        name = profile.district
        base = file = f"sozialraum-{slug(name)}"
        n = 2
        while file in used:
            file, n = f"{base}-{n}", n + 1
        used.add(file)
        label = menu_name(name, profile.workshops)  # a survey's: "ohne Sozialraum"
        pages.append(ProfilePage(name, f"{file}.html", label))
    return tuple(pages)


def sections(report: Report, anchors: tuple[str, ...]) -> list[Block]:
    """The blocks of the report's level-2 sections with the given anchors, in order."""
    chosen: list[Block] = []
    keep = False
    for block in report.blocks:
        if isinstance(block, Heading) and block.level <= 2:
            keep = block.level == 2 and block.anchor in anchors
        if keep:
            chosen.append(block)
    return chosen


def _intro(report: Report) -> list[Block]:
    """The report's lines between its title and its first section (meta line, notes)."""
    intro: list[Block] = []
    for block in report.blocks[1:]:
        if isinstance(block, Heading):
            break
        if not (isinstance(block, Paragraph) and block.kind == "generated"):
            intro.append(block)
    return intro


def _district_line(data: ReportData, page: ProfilePage) -> str:
    """A link to a profile page and what it holds: statements, needs, the largest need."""
    esc = html.escape
    profile = data.profiles.profile(page.district)
    n = profile.segments
    name = profile_name(page.district, profile.workshops)
    facts = f"{format_number(n)} {'Aussage' if n == 1 else 'Aussagen'}"
    if page.district == CITYWIDE and not n and len(data.segments):  # not "0 Aussagen"
        facts = "keine stadtweiten Aussagen; die Sozialräume im Vergleich"
    if not profile.needs.empty:
        k = len(profile.needs)
        facts += (
            f", {format_number(k)} {'Bedarf' if k == 1 else 'Bedarfe'}; am häufigsten "
            f"genannt: „{profile.needs['label'].iloc[0]}“"
        )
    return f'<li><a href="{esc(page.file)}">{esc(name)}</a> – {esc(facts)}</li>'


def district_map(data: ReportData, pages: tuple[ProfilePage, ...]) -> str:
    """The districts on a map, each a link to its page; "" without imported boundaries.

    Coloured by each district's share of all statements (names on the areas, the numbers
    in a table); a schematic grid of squares would not show where a district lies, so
    without boundaries the list of districts stands alone.
    """
    total = len(data.segments)
    values: dict[str, float | None] = {
        p.district: p.segments / total if total else None for p in data.profiles.districts
    }
    if not values or is_schematic(values, data.boundaries):
        return ""
    links = {p.district: p.file for p in pages if p.district in values}
    return map_figure(
        "sozialraeume",
        "Anteil jedes Sozialraums an allen Aussagen",
        values,
        data.boundaries,
        percent=True,
        value_label="Anteil an allen Aussagen",
        links=links,
    )


def _sources(data: ReportData) -> str:
    """Whose results a profile page shows: "die Workshops", "die Quellen" (a survey, a card
    wall: none held, :func:`~workbench.synthesis.workshop_names.is_held`) or both."""
    held = int(data.workshops["held"].sum())
    if held == len(data.workshops):
        return "die Workshops"
    return "die Workshops und weiteren Quellen" if held else "die Quellen"


def overview_body(
    data: ReportData, full: Report, pages: tuple[ProfilePage, ...], when: datetime
) -> str:
    """The overview: the report's intro and city-wide sections, links to every profile."""
    esc = html.escape
    chosen = sections(full, OVERVIEW_SECTIONS)
    heads = [b for b in chosen if isinstance(b, Heading) and b.level == 2]
    toc = '<li><a href="#sec-sozialraeume">Sozialräume</a></li>' + "".join(
        f'<li><a href="#{h.anchor}">{esc(h.text)}</a></li>' for h in heads
    )
    title = f"Qualitative Sozialraumanalyse – {OVERVIEW_TITLE}"
    head = Report(
        title, (Heading(1, title, "sec-titel"), Paragraph("", "generated"), *_intro(full))
    )
    districts = [p for p in pages if p.district != CITYWIDE]
    lines = "".join(_district_line(data, p) for p in pages)
    drawn = district_map(data, pages)
    parts = [
        html_blocks(head, when, regions=True),
        f'<nav class="wb-toc"><ul>{toc}</ul></nav>',
        '<h2 id="sec-sozialraeume">Sozialräume</h2>',
        f"<p>Was {_sources(data)} in jedem Sozialraum ergeben haben – Bedarfe mit Zitaten, "
        "Ressourcen und Herausforderungen, Themen und Indikatoren – steht auf der Seite "
        "des Sozialraums."
        + (
            " Ein Klick auf einen Sozialraum in der Karte öffnet seine Seite; die Liste "
            "darunter führt zu denselben Seiten.</p>"
            if drawn
            else "</p>"
        ),
        *([drawn] if drawn else []),
        f'<ul class="wb-districts">{lines}</ul>',
    ]
    if not districts:
        parts.append(f'<p class="wb-note">{esc(PUBLIC_NO_DISTRICTS)}</p>')
    parts.append(html_blocks(Report(title, tuple(chosen)), when, regions=True))
    parts.append(
        f"<p>Empfehlungen mit ihren Nachweisketten, alle Profile und die Methodik stehen im "
        f'<a href="{REPORT_FILE}">Gesamtbericht</a>.</p>'
    )
    return "\n".join(parts)


def profile_body(
    data: ReportData, district: str, max_quotes: int, when: datetime
) -> tuple[str, str]:
    """A Sozialraum's profile (the report of that district): (title, main part)."""
    report = build_report(replace(data, district=district), max_quotes)
    return report.title, html_blocks(report, when, regions=True)


def report_body(full: Report, when: datetime) -> str:
    """The city-wide report's main part."""
    return html_blocks(full, when, regions=True)
