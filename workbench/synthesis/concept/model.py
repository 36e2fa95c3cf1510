"""The Sozialraumkonzept as data: the researchers' prose, linked to what the study found.

:func:`build_concept` assembles, for each district, its cross-cutting and district-specific
needs (latest need run), the resources named in its workshops (statements coded
``Ressource``), the actors responsible (the addressees of the recommendations that concern
it), those recommendations with their evidence trail and the indicators to watch beside
the city value; for the city, the two pillars with the recommendations the text assigns to
them. It checks every link: each recommendation and statement the text names exists, each
recommendation's chain (need cluster → statement → document → workshop) is whole, each
recommendation has addressees and evidence. What is broken or missing becomes a
:class:`ConceptWarning` — listed in the document and by the command, never dropped.

Texts are the stored, pseudonymised ones; every quote keeps its trail (document, source id,
statement number).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.analysis.needs import CROSS_CUTTING
from workbench.core.domain import WorkbenchError
from workbench.core.formatting import MISSING_DISTRICT, is_missing, text_or
from workbench.core.word_caches import forgets_words
from workbench.ingest.pseudonymise import as_stored_texts
from workbench.store import CITYWIDE
from workbench.store.district_changes import now_called
from workbench.store.district_spelling import spelled_out
from workbench.synthesis.citywide import UNPLACED_WORDS, CityWords
from workbench.synthesis.concept.names import without_key_names
from workbench.synthesis.concept.text import (
    DEFAULT_TITLE,
    NEIGHBOURHOOD_MANAGEMENT,
    PARTICIPATION,
    PILLAR_TITLES,
    ConceptText,
    Section,
    clean_name,
)
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.recommendation_chain import recommendation_title
from workbench.synthesis.recommendation_tables import recommendation_label
from workbench.synthesis.recommendations import chain as recommendation_chain
from workbench.synthesis.recommendations import problem_text

if TYPE_CHECKING:
    from workbench.project import Project

RESOURCE = "Ressource"
NO_NEED_RUN = (
    "Für das Sozialraumkonzept fehlen die Bedarfscluster: zuerst workbench needs ausführen."
)
NO_RECOMMENDATIONS = (
    "Für das Sozialraumkonzept fehlen die Empfehlungen: zuerst workbench recommend add TEXT "
    "ausführen."
)
NO_TEXT = (
    "nicht angegeben; Einleitung und Säulen bleiben ohne Text (workbench konzept --text DATEI)."
)


@dataclass(frozen=True)
class ConceptWarning:
    """A broken or missing link: where it is and what is wrong (German)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Statement:
    """A quoted statement with its trail (pseudonymised text)."""

    segment_id: int
    text: str
    document: str
    source_id: str
    workshop: str
    district: str
    speaker_role: str | None = None

    @property
    def reference(self) -> str:
        """Document, statement id and number: ``manfort_karten.csv, Aussage MF-K17 (Nr. 12)``."""
        return f"{self.document}, Aussage {self.source_id} (Nr. {self.segment_id})"


@dataclass(frozen=True)
class MissingStatement:
    """A statement that is named but does not exist (any more)."""

    reference: str
    problem: str


@dataclass(frozen=True)
class NeedLink:
    """A need a recommendation answers, as it resolves in the latest need run."""

    label: str
    scope: str | None  # None: the cluster is not in the current run any more
    cluster: int | None
    segments: int
    districts: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecommendationEntry:
    """A recommendation with its need links, evidence trail and broken links."""

    recommendation_id: int
    title: str
    text: str
    scope: str
    actors: tuple[str, ...]
    status: str
    needs: tuple[NeedLink, ...]
    evidence: tuple[Statement | MissingStatement, ...]
    problems: tuple[str, ...]
    cited: tuple[str, ...]  # the districts its evidence comes from
    notes: tuple[str, ...] = ()  # hints that are no broken link (evidence from elsewhere)

    @property
    def citywide(self) -> bool:
        """Whether it is meant for the whole city (else for one district)."""
        return self.scope == CITYWIDE

    @property
    def name(self) -> str:
        """``Empfehlung 3: Titel`` (the text's start when there is no title), on one line as
        the rating card and ``recommend list`` name it (:func:`recommendation_label`)."""
        head = " ".join(recommendation_label(self.title, self.text).split())
        head = head if len(head) <= 70 else head[:69].rstrip() + "…"
        return f"Empfehlung {self.recommendation_id}: {head}"


@dataclass(frozen=True)
class Pillar:
    """A pillar of the concept: its prose and the recommendations assigned to it."""

    number: int
    heading: str
    text: Section | None
    recommendations: tuple[int, ...]
    unresolved: tuple[str, ...] = ()  # references in its text that name no recommendation


@dataclass(frozen=True)
class DistrictPart:
    """What the concept says about one district (the Quartiersmanagement's basis)."""

    district: str
    text: Section | None
    segments: int
    workshops: tuple[str, ...]
    cross_cutting: pd.DataFrame  # workbench.synthesis.profiles.NEED_COLUMNS
    specific: pd.DataFrame  # workbench.synthesis.profiles.NEED_COLUMNS
    resources: tuple[Statement, ...]  # agreed-on ones first
    # actor → (ids of the district's own recommendations, ids of city-wide ones)
    actors: tuple[tuple[str, tuple[int, ...], tuple[int, ...]], ...]
    recommendations: tuple[int, ...]  # for the district, or named in its section of the text
    indicators: pd.DataFrame  # indicators.COMPARISON_COLUMNS
    unresolved: tuple[str, ...] = ()  # references in its text that name no recommendation


@dataclass(frozen=True)
class Concept:
    """The whole concept, ready to render."""

    project: str
    title: str
    text: ConceptText | None
    need_run: int
    pillars: tuple[Pillar, ...]
    districts: tuple[DistrictPart, ...]
    cross_cutting: pd.DataFrame  # need matrix rows with scope "übergreifend"
    city_resources: tuple[Statement, ...]
    recommendations: dict[int, RecommendationEntry]
    unassigned: tuple[int, ...]  # city-wide recommendations in no pillar
    sections: tuple[tuple[Section, str], ...]  # other sections of the text, with a note
    quotes: dict[int, Statement | MissingStatement] = field(default_factory=dict)  # by line
    focus: dict[int, tuple[str, ...]] = field(default_factory=dict)  # cluster → focus districts
    warnings: tuple[ConceptWarning, ...] = ()
    illustrative: bool = False  # some indicator values are invented (demo)
    city_segments: int = 0  # statements of the city-wide workshop(s)
    city_words: CityWords = UNPLACED_WORDS  # what those statements are called
    scope_note: str = ""  # fewer than two districts: why no need has a scope (else "")
    unplaced: pd.DataFrame | None = None  # then: the need matrix rows without a district


# -- statements ------------------------------------------------------------------------------
def _statement(segments: pd.DataFrame, segment_id: int) -> Statement:
    seg = segments.loc[segment_id]
    return Statement(
        segment_id=int(segment_id),
        text=str(seg["text"]),
        document=str(seg["document"]),
        source_id=str(seg["source_id"]),
        workshop=text_or(seg["workshop"]),
        district=text_or(seg["district"], MISSING_DISTRICT),
        speaker_role=None if is_missing(seg["speaker_role"]) else str(seg["speaker_role"]),
    )


def find_statement(segments: pd.DataFrame, ref: str) -> Statement | None:
    """The statement ``ref`` names: ``DOKUMENT:ID`` or its number (``segments`` by id)."""
    ref = ref.strip()
    if ref.isdigit():
        return _statement(segments, int(ref)) if int(ref) in segments.index else None
    document, sep, source_id = ref.rpartition(":")
    if not sep:
        return None
    hits = segments[
        (segments["document"] == document.strip()) & (segments["source_id"] == source_id.strip())
    ]
    return _statement(segments, int(hits.index[0])) if len(hits) else None


# -- recommendations -------------------------------------------------------------------------
def _entry(rec: dict[str, Any], segments: pd.DataFrame) -> RecommendationEntry:
    needs = []
    cited: set[str] = set()
    for need in rec["needs"]:
        current = need["current"]
        if current:
            needs.append(
                NeedLink(
                    label=text_or(current["label"]),
                    scope=text_or(current["scope"]),
                    cluster=int(current["cluster"]),
                    segments=len(current["segments"]),
                    districts=tuple(current["districts"]),
                )
            )
        else:
            linked = need["linked"]
            needs.append(NeedLink(text_or(linked["label"]), None, None, int(linked["segments"])))
    evidence: list[Statement | MissingStatement] = []
    for e in rec["evidence"]:
        if e["exists"] and e["segment_id"] in segments.index:
            statement = _statement(segments, e["segment_id"])
            evidence.append(statement)
            cited.add(statement.district)
        else:
            where = f"{text_or(e['document'])}, Aussage {text_or(e['source_id'])}"
            evidence.append(
                MissingStatement(f"{where} (Nr. {e['segment_id']})", "Aussage gelöscht")
            )
    cited -= {CITYWIDE, MISSING_DISTRICT}
    return RecommendationEntry(
        recommendation_id=int(rec["id"]),
        title=recommendation_title(rec["title"]),  # "\x1b" alone: untitled
        text=rec["text"],
        scope=rec["scope"],
        actors=tuple(rec["actors"]),
        status=text_or(rec["status"]),
        needs=tuple(needs),
        evidence=tuple(evidence),
        problems=tuple(problem_text(p["link"], p["target"], p["problem"]) for p in rec["problems"]),
        cited=tuple(sorted(cited)),
        notes=tuple(rec.get("notes", ())),
    )


def _resolve(
    ref: str, recs: dict[int, RecommendationEntry], as_stored: Callable[[str], str] = str
) -> tuple[int | None, str | None]:
    """The recommendation a reference names (number or title: as typed or as stored,
    ``as_stored`` pseudonymises it like a title), or why there is none."""
    text = ref.strip().lstrip("#").strip()
    if text.lower().startswith("nr."):
        text = text[3:].strip()
    if not text:
        return None, "Empfehlung ohne Nummer oder Titel"
    if text.isdigit():
        if int(text) in recs:
            return int(text), None
        return None, f"Empfehlung {text} gibt es nicht"
    hits = [r.recommendation_id for r in recs.values() if clean_name(r.title) == clean_name(text)]
    if not hits:  # the title named someone: stored with a placeholder
        stored = clean_name(as_stored(text))
        hits = [r.recommendation_id for r in recs.values() if clean_name(r.title) == stored]
    if len(hits) == 1:
        return hits[0], None
    if hits:
        numbers = ", ".join(str(h) for h in hits)
        return None, f"den Titel „{text}“ tragen mehrere Empfehlungen ({numbers}); Nummer angeben"
    return None, f"eine Empfehlung mit dem Titel „{text}“ gibt es nicht"


# -- the stage -------------------------------------------------------------------------------
class _Checks:
    """Collects warnings in the order they are found."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[ConceptWarning] = []

    def line(self, line: int, message: str) -> None:
        self.items.append(ConceptWarning(f"{self.source}, Zeile {line}", message))

    def add(self, where: str, message: str) -> None:
        self.items.append(ConceptWarning(where, message))


def _resources(findings: pd.DataFrame, segments: pd.DataFrame) -> tuple[Statement, ...]:
    own = findings[findings["dimension"] == RESOURCE].drop_duplicates("segment_id")
    return tuple(_statement(segments, int(s)) for s in own["segment_id"])


@forgets_words  # the key's names (concept.names) stay in no cache, nor in re's
def build_concept(project: Project, text: ConceptText | None = None) -> Concept:
    """Assemble and check the concept from the latest need run and the recommendations.

    Raises :class:`WorkbenchError` (one German sentence naming the command that helps)
    when there is no need run or no recommendation.
    """
    profiles = build_profiles(project)
    if profiles.need_run is None:
        raise WorkbenchError(NO_NEED_RUN)
    data = recommendation_chain(project, profiles.need_run)
    if not data["recommendations"]:
        raise WorkbenchError(NO_RECOMMENDATIONS)
    segments = project.segments().set_index("segment_id")
    recs = {int(r["id"]): _entry(r, segments) for r in data["recommendations"]}
    text = without_key_names(project, text) if text is not None else None  # participants
    checks = _Checks(text.source if text else "Konzepttext")
    if text is None:
        checks.add("Konzepttext", NO_TEXT)
    else:
        for line, problem in text.problems:
            checks.line(line, problem)
        if text.introduction is None:
            checks.add(text.source, "Der Text hat keine Einleitung (Text vor dem ersten „##“).")

    def as_stored(title: str) -> str:
        """``title`` pseudonymised as a recommendation's title is stored (the key unchanged)."""
        with project.session() as session:
            return as_stored_texts(session, title)[0] or ""

    def named(section: Section | None) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """The recommendations a section names, and what it names that does not exist."""
        ids: list[int] = []
        unresolved: list[str] = []
        for ref in section.recommendations if section else ():
            found, problem = _resolve(ref.ref, recs, as_stored)
            if found is None:
                checks.line(ref.line, f"{problem}.")
                unresolved.append(f"Zeile {ref.line}: {problem}.")
            elif found not in ids:
                ids.append(found)
        return tuple(ids), tuple(unresolved)

    pillars = []
    for number in (PARTICIPATION, NEIGHBOURHOOD_MANAGEMENT):
        section = text.pillars.get(number) if text else None
        if text is not None and section is None:
            checks.add(text.source, f"Abschnitt „## {PILLAR_TITLES[number]}“ fehlt.")
        heading = section.heading if section else PILLAR_TITLES[number]
        pillars.append(Pillar(number, heading, section, *named(section)))
    in_pillars = {i for p in pillars for i in p.recommendations}

    district_names = list(profiles.names)
    by_key = {clean_name(d): d for d in district_names}
    texts: dict[str, Section] = {}
    sections: list[tuple[Section, str]] = []
    for written, section in text.districts.items() if text else ():
        district = by_key.get(clean_name(written))
        if district is None:  # typed without umlauts ("Buerrig"), if that names exactly one
            typed = spelled_out(clean_name(written))
            spelled = [d for d in district_names if spelled_out(clean_name(d)) == typed]
            district = spelled[0] if len(spelled) == 1 else None
        if district is None:
            valid = ", ".join(sorted(district_names)) or "keine"
            with project.session() as session:  # renamed or merged since the text was written
                since = now_called(session, written)
            valid = f"{since}; gültig: {valid}" if since else f"gültig: {valid}"
            checks.line(section.line, f"Sozialraum „{written}“ gibt es nicht ({valid}).")
            sections.append((section, f"Sozialraum „{written}“ gibt es im Projekt nicht."))
        elif district in texts:  # "Bürrig" and "Buerrig": the second is shown on its own
            checks.line(section.line, f"Sozialraum {district} steht zweimal im Text.")
            sections.append((section, f"Sozialraum {district} steht schon weiter oben."))
        else:
            texts[district] = section
    sections.extend((s, "") for s in (text.sections if text else ()))

    parts = []
    for profile in profiles.districts:
        name = profile.district
        extra, unresolved = named(texts.get(name))
        own = tuple(
            r.recommendation_id
            for r in recs.values()
            if r.scope == name or (r.recommendation_id in extra and not r.citywide)
        )
        citywide = tuple(r.recommendation_id for r in recs.values() if r.citywide)
        actors: dict[str, tuple[list[int], list[int]]] = {}
        for index, ids in enumerate((own, citywide)):
            for rec_id in ids:
                for actor in recs[rec_id].actors:
                    actors.setdefault(actor, ([], []))[index].append(rec_id)
        needs = profile.needs
        parts.append(
            DistrictPart(
                district=name,
                text=texts.get(name),
                segments=profile.segments,
                workshops=profile.workshops,
                cross_cutting=needs[needs["scope"] == CROSS_CUTTING].reset_index(drop=True),
                specific=needs[needs["scope"] != CROSS_CUTTING].reset_index(drop=True),
                resources=_resources(profile.findings, segments),
                actors=tuple(
                    (a, tuple(mine), tuple(city)) for a, (mine, city) in sorted(actors.items())
                ),
                recommendations=own,
                indicators=profile.indicators,
                unresolved=unresolved,
            )
        )

    quotes: dict[int, Statement | MissingStatement] = {}
    all_sections = [
        s
        for s in (
            text.introduction if text else None,
            *(p.text for p in pillars),
            *texts.values(),
            *(s for s, _ in sections),
        )
        if s is not None
    ]
    for section in all_sections:
        for item in section.quotes:
            found = find_statement(segments, item.text)
            if found is None:
                problem = "nicht gefunden (DOKUMENT:ID oder Nummer angeben)"
                checks.line(item.line, f"Aussage „{item.text}“ gibt es nicht.")
                quotes[item.line] = MissingStatement(item.text or "ohne Angabe", problem)
            else:
                quotes[item.line] = found

    for rec in recs.values():
        where = rec.name
        for problem in rec.problems:
            checks.add(where, f"Nachweiskette unterbrochen – {problem}.")
        if not rec.actors:
            checks.add(where, "nennt keine verantwortlichen Akteure.")
        for note in rec.notes:
            checks.add(where, f"{note}.")

    unassigned = tuple(
        r.recommendation_id for r in recs.values() if r.scope == CITYWIDE and r.recommendation_id
        not in in_pillars
    )  # fmt: skip
    focus = profiles.need_focus
    matrix = profiles.need_matrix
    cross = matrix[matrix["scope"] == CROSS_CUTTING].reset_index(drop=True)
    illustrative = bool(
        profiles.indicators["illustrative"].any() or profiles.city.indicators["illustrative"].any()
    )
    return Concept(
        project=project.path.name,
        title=text.title if text else DEFAULT_TITLE,
        text=text,
        need_run=int(profiles.need_run),
        pillars=tuple(pillars),
        districts=tuple(parts),
        cross_cutting=cross,
        city_resources=_resources(profiles.city.findings, segments),
        recommendations=recs,
        unassigned=unassigned,
        sections=tuple(sections),
        quotes=quotes,
        focus=focus,
        warnings=tuple(checks.items),
        illustrative=illustrative,
        city_segments=int(profiles.city.segments),
        city_words=profiles.city_words,
        scope_note="" if profiles.scope_decided else profiles.scope_rule(),
        unplaced=None if profiles.scope_decided else profiles.without_district(),
    )


__all__ = [
    "NO_NEED_RUN",
    "NO_RECOMMENDATIONS",
    "Concept",
    "ConceptWarning",
    "DistrictPart",
    "MissingStatement",
    "NeedLink",
    "Pillar",
    "RecommendationEntry",
    "Statement",
    "build_concept",
    "find_statement",
]
