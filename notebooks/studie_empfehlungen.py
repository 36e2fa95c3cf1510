"""The demo study's draft recommendations (developed and justified in ``06_empfehlungen``):
each with the statements it rests on, stored and linked to the need clusters holding them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from workbench.store import CITYWIDE

if TYPE_CHECKING:
    from workbench.project import Project

AUTHOR = "Forschungsteam"


# -- the draft recommendations (developed in 06_empfehlungen) ---------------------------------
@dataclass(frozen=True)
class RecommendationSpec:
    """A recommendation with the statements it rests on (document, source id)."""

    title: str
    text: str
    scope: str
    actors: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]
    status: str = "Entwurf"


RECOMMENDATIONS: tuple[RecommendationSpec, ...] = (
    RecommendationSpec(
        "Beteiligung als ständiges Instrument",
        "In jedem Sozialraum tagt zweimal im Jahr eine Stadtteilkonferenz mit Bewohnerinnen "
        "und Bewohnern, haupt- und ehrenamtlichen Akteuren und der Verwaltung. Die Stadt "
        "meldet schriftlich zurück, was aus den Anliegen geworden ist; Planungen im "
        "Sozialraum werden dort vorgestellt, bevor sie entschieden sind.",
        CITYWIDE,
        ("Verwaltung", "Quartiersmanagement", "Politik"),
        (
            ("gesamtstadt_protokoll.md", "47"),
            ("gesamtstadt_protokoll.md", "50"),
            ("manfort_protokoll.md", "41"),
            ("steinbuechel_protokoll.docx", "41"),
            ("gesamtstadt_karten.csv", "GS-K37"),
        ),
    ),
    RecommendationSpec(
        "Quartiersmanagement als vermittelnde Instanz",
        "Jeder der fünf Sozialräume erhält ein dauerhaft finanziertes Quartiersmanagement "
        "mit fester Ansprechperson. Es vermittelt zwischen Bewohnerschaft, haupt- und "
        "ehrenamtlichen Akteuren und der Stadtverwaltung, koordiniert die Akteure vor Ort "
        "und trägt Anliegen in die Fachbereiche.",
        CITYWIDE,
        ("Verwaltung", "Quartiersmanagement", "Wohlfahrtsverbände", "Ehrenamt"),
        (
            ("gesamtstadt_protokoll.md", "42"),
            ("gesamtstadt_karten.csv", "GS-K30"),
            ("alkenrath_protokoll.docx", "67"),
            ("wiesdorf_protokoll.md", "40"),
            ("opladen_protokoll.md", "71"),
        ),
    ),
    RecommendationSpec(
        "Leihgeräte nur mit Internetzugang",
        "Leihgeräte für Schülerinnen und Schüler werden grundsätzlich mit Internetzugang "
        "(SIM-Karte oder Router) ausgegeben, dauerhaft und mit einer Stelle, die Geräte "
        "wartet und bei Problemen hilft; Familien aus beengten Wohnverhältnissen zuerst.",
        CITYWIDE,
        ("Verwaltung", "Schulen und Kitas"),
        (
            ("gesamtstadt_protokoll.md", "43"),
            ("wiesdorf_protokoll.md", "38"),
            ("opladen_protokoll.md", "63"),
            ("alkenrath_protokoll.docx", "66"),
        ),
    ),
    RecommendationSpec(
        "Sprachmittler-Pool und Information in vielen Sprachen",
        "Die Stadt stellt Informationen zu Leistungen, Schule und Gesundheit verlässlich in "
        "den häufigsten Sprachen und in einfacher Sprache bereit und richtet einen Pool von "
        "Sprachmittlerinnen und Sprachmittlern ein, den Schulen, KiTas und Beratungsstellen "
        "kostenfrei anfragen können.",
        CITYWIDE,
        ("Verwaltung", "Wohlfahrtsverbände", "Schulen und Kitas"),
        (
            ("gesamtstadt_protokoll.md", "46"),
            ("wiesdorf_protokoll.md", "36"),
            ("wiesdorf_protokoll.md", "37"),
            ("opladen_protokoll.md", "64"),
        ),
    ),
    RecommendationSpec(
        "Wohnpark Steinbüchel: Jugendtreff und Stadtteilmütter",
        "Im Wohnpark entsteht ein Jugendtreff mit festen Öffnungszeiten; die "
        "Stadtteilmütter werden fest angestellt statt über befristete Projekte finanziert, "
        "und der Quartierstreff erhält mindestens eine volle Stelle.",
        "Steinbüchel",
        ("Verwaltung", "Quartiersmanagement", "Wohlfahrtsverbände"),
        (
            ("steinbuechel_protokoll.docx", "33"),
            ("steinbuechel_protokoll.docx", "37"),
            ("steinbuechel_protokoll.docx", "39"),
            ("steinbuechel_karten.csv", "SB-K32"),
        ),
    ),
    RecommendationSpec(
        "Alkenrath: Fahrdienst und Telefonkette für Ältere",
        "Für Alkenrath wird ein regelmäßiger Einkaufs- und Fahrdienst (Bürger- oder Rufbus) "
        "eingerichtet; Kirchengemeinde und Bürgerverein bauen mit hauptamtlicher Begleitung "
        "eine Telefonkette für alleinlebende Ältere auf.",
        "Alkenrath",
        ("Ehrenamt", "Wohlfahrtsverbände", "Verwaltung"),
        (
            ("alkenrath_protokoll.docx", "55"),
            ("alkenrath_protokoll.docx", "56"),
            ("alkenrath_protokoll.docx", "60"),
        ),
    ),
    RecommendationSpec(
        "Wiesdorf: Aufenthaltsort statt Verdrängung",
        "In der Innenstadt entsteht ein geduldeter Aufenthaltsort mit erreichbarer Hilfe, "
        "dazu eine rund um die Uhr zugängliche öffentliche Toilette mit Duschmöglichkeit.",
        "Wiesdorf",
        ("Verwaltung", "Wohlfahrtsverbände"),
        (
            ("wiesdorf_protokoll.md", "34"),
            ("wiesdorf_karten.csv", "WD-K30"),
            ("wiesdorf_karten.csv", "WD-K31"),
        ),
    ),
)


def add_recommendations(
    project: Project,
    specs: Sequence[RecommendationSpec] = RECOMMENDATIONS,
    author: str = AUTHOR,
) -> pd.DataFrame:
    """Store the recommendations with their evidence and link each to the need clusters
    (latest run) that hold its evidence; return the recommendations table."""
    from workbench.analysis import needs
    from workbench.synthesis import recommendations as rec

    clusters = needs.assignments(project).set_index(["document", "source_id"])["cluster"]
    for spec in specs:
        rec_id = rec.add_recommendation(
            project,
            spec.text,
            scope=spec.scope,
            actors=spec.actors,
            status=spec.status,
            title=spec.title,
            author=author,
        )
        rec.link_evidence(project, rec_id, spec.evidence)
        linked = sorted({int(clusters[ref]) for ref in spec.evidence if ref in clusters.index})
        for cluster in linked:
            rec.link_need(project, rec_id, cluster)
    return rec.recommendations(project)


def recommendation_specs(specs: Iterable[RecommendationSpec] = RECOMMENDATIONS) -> pd.DataFrame:
    """The recommendation specs as a table (one row each, evidence as citations)."""
    return pd.DataFrame(
        [
            {
                "Titel": s.title,
                "Geltungsbereich": s.scope,
                "Akteure": ", ".join(s.actors),
                "Belege": "; ".join(f"{d} {i}" for d, i in s.evidence),
            }
            for s in specs
        ]
    )
