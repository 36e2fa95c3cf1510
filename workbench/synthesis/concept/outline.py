"""The concept's outline: headings, prose, tables and quotes in the report's blocks.

Order: title; the check's warnings; introduction; pillar 1 (participation) and pillar 2
(Quartiersmanagement, with an overview of the districts), each with its recommendations;
the city-wide needs and resources; one chapter per district (needs, resources, actors,
recommendations, indicators); the city-wide recommendations in no pillar; the text's other
sections; how the concept was assembled. Every recommendation is shown in full once, at
its home (the first pillar naming it, else its district, else the other city-wide ones),
and named with a pointer elsewhere. Missing data is said in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.core.formatting import (
    EMPTY_FIELD,
    format_number,
    signs_note,
    text_or,
    value_places,
)
from workbench.store import CITYWIDE
from workbench.synthesis.citywide import UNPLACED_WORDS
from workbench.synthesis.concept.model import (
    Concept,
    DistrictPart,
    MissingStatement,
    NeedLink,
    RecommendationEntry,
    Statement,
)
from workbench.synthesis.concept.text import INTRODUCTION, NEIGHBOURHOOD_MANAGEMENT, Section
from workbench.synthesis.indicator_units import compared_number
from workbench.synthesis.profiles import NO_DISTRICT_INDICATORS, NO_INDICATORS, place
from workbench.synthesis.reports.model import (
    GENERATED,
    PSEUDONYMISED,
    Bullets,
    OutlineBuilder,
    Quote,
    Report,
    Table,
    plural,
    role,
    slug,
)
from workbench.synthesis.reports.outline import raised_in
from workbench.synthesis.workshop_names import is_file_name

KEY = "konzept"  # prefix of every anchor: the concept can be a chapter of the report
CITY_CHAPTER = "Gesamtstadt: übergreifende Bedarfe und Ressourcen"
CROSS_CUTTING_CAPTION = "Übergreifende Bedarfe (in mehreren Sozialräumen genannt)"
DISTRICTS_CHAPTER = "Die Sozialräume"
OTHERS_CHAPTER = "Weitere gesamtstädtische Empfehlungen"
METHOD_CHAPTER = "Herkunft und Prüfung"
WARNINGS_CHAPTER = "Prüfhinweise"
CHAIN = "Empfehlung → Bedarfscluster → Aussage → Dokument → Workshop"


@dataclass(frozen=True)
class CaptionedTable(Table):
    """A table with a caption (HTML ``<caption>``; DOCX: a bold line above it)."""

    caption: str = ""


def quote_source(statement: Statement) -> str:
    """A quote's trail: document, statement id and number, workshop, speaker role. A
    workshop named only after the document is not named twice, a missing role not at all
    (as in the report: :func:`~workbench.synthesis.reports.model.role`).

    >>> s = Statement(12, "…", "manfort_karten.csv", "MF-K17", "Workshop Manfort", "Manfort")
    >>> quote_source(s)
    'manfort_karten.csv, Aussage MF-K17 (Nr. 12) · Workshop Manfort'
    >>> quote_source(Statement(3, "…", "karten_1.csv", "7", "karten_1", "Altstadt", "Kita"))
    'karten_1.csv, Aussage 7 (Nr. 3) · Rolle: Kita'
    """
    parts = [statement.reference]
    if not is_file_name(statement.workshop, statement.document):
        parts.append(statement.workshop)
    if named := role(statement.speaker_role):
        parts.append(named)
    return " · ".join(parts)


def _quote(out: OutlineBuilder, item: Statement | MissingStatement, what: str = "Beleg") -> None:
    """A statement as a quote with its trail; a missing one as a note saying so."""
    if isinstance(item, Statement):
        out.add(Quote(item.text, quote_source(item)))
    else:
        out.text(f"{what} fehlt: {item.reference} – {item.problem}.", "note")


def _homes(concept: Concept) -> dict[int, str]:
    """Where each recommendation is shown in full: ``Säule N``, a district or the others."""
    homes: dict[int, str] = {}
    for pillar in concept.pillars:
        for rec_id in pillar.recommendations:
            homes.setdefault(rec_id, f"Säule {pillar.number}")
    for rec in concept.recommendations.values():
        if rec.scope != CITYWIDE:
            homes.setdefault(rec.recommendation_id, rec.scope)
    for rec_id in concept.unassigned:
        homes.setdefault(rec_id, OTHERS_CHAPTER)
    return homes


def _pointer(home: str) -> str:
    if home.startswith("Säule ") or home == OTHERS_CHAPTER:
        return f"ausgeführt unter „{home}“"
    return f"ausgeführt unter Sozialraum {home}"


class _Writer:
    """Writes the outline of one concept."""

    def __init__(self, concept: Concept, max_quotes: int | None) -> None:
        self.concept = concept
        self.max_quotes = max_quotes
        self.out = OutlineBuilder()
        self.homes = _homes(concept)

    def heading(self, level: int, text: str, key: str) -> None:
        self.out.heading(level, text, f"{KEY}-{key}")

    # -- prose ---------------------------------------------------------------------------
    def prose(self, section: Section | None, level: int, key: str) -> None:
        """The researchers' text of a section; sub-headings one level below ``level``."""
        if section is None:
            return
        for n, item in enumerate(section.items):
            if item.kind == "paragraph":
                self.out.text(item.text)
            elif item.kind == "bullets":
                self.out.add(Bullets(item.items))
            elif item.kind == "subheading":
                self.heading(level + 1, item.text, f"{key}-{n}-{item.text}")
            elif item.kind == "quote":
                _quote(self.out, self.concept.quotes[item.line], "Zitierte Aussage")

    # -- recommendations -----------------------------------------------------------------
    def recommendation(self, rec: RecommendationEntry, level: int) -> None:
        out = self.out
        self.heading(level, rec.name, f"empfehlung-{rec.recommendation_id}")
        if rec.title or not rec.name.endswith(" ".join(rec.text.split())):
            out.text(rec.text)  # the heading shows the title, or the text only if it is short
        scope = "gesamtstädtisch" if rec.scope == CITYWIDE else f"Sozialraum {rec.scope}"
        actors = ", ".join(rec.actors) or "keine Akteure benannt"
        out.text(f"Geltungsbereich: {scope} · Verantwortlich: {actors} · Status: {rec.status}",
                 "meta")  # fmt: skip
        if rec.needs:
            out.text("Antwortet auf die Bedarfe:", "item")
            out.add(Bullets(tuple(_need_line(n) for n in rec.needs)))
        else:
            out.text("Mit keinem Bedarf verknüpft.", "note")
        if rec.evidence:
            out.text(f"Belege ({plural(len(rec.evidence), 'Aussage', 'Aussagen')}):", "item")
            for item in rec.evidence:
                _quote(out, item)
        else:
            out.text("Keine Belege verknüpft.", "note")
        for note in rec.notes:
            out.text(f"Prüfhinweis: {note}.", "note")
        if rec.problems:
            out.text("Nachweiskette unterbrochen:", "note")
            out.add(Bullets(rec.problems))
        else:
            out.text(f"Nachweiskette vollständig ({CHAIN}).", "meta")

    def pointers(self, ids: tuple[int, ...], district: str | None = None) -> None:
        """Recommendations named with where they are shown (and whether ``district`` is cited)."""
        items = []
        for i in ids:
            rec = self.concept.recommendations[i]
            cited = f", mit Belegen aus {district}" if district in rec.cited else ""
            items.append(f"{rec.name} – {_pointer(self.homes[i])}{cited}")
        self.out.add(Bullets(tuple(items)))

    def unresolved(self, problems: tuple[str, ...]) -> None:
        """References of the text that name no recommendation, at their place."""
        if problems:
            self.out.text("Im Konzepttext genannt, aber nicht gefunden:", "note")
            self.out.add(Bullets(problems))

    # -- chapters ------------------------------------------------------------------------
    def head(self) -> None:
        concept, out = self.concept, self.out
        self.heading(1, concept.title, "titel")
        out.text(GENERATED, "generated")
        districts = plural(len(concept.districts), "Sozialraum", "Sozialräume")
        recs = plural(len(concept.recommendations), "Empfehlung", "Empfehlungen")
        source = f"Konzepttext {concept.text.source}; " if concept.text else ""
        out.text(
            f"Projekt {concept.project}: {source}Bedarfslauf {concept.need_run}, {recs}, "
            f"{districts}. {PSEUDONYMISED}",
            "meta",
        )
        self.heading(2, WARNINGS_CHAPTER, "pruefhinweise")
        if concept.warnings:
            out.text(
                f"{plural(len(concept.warnings), 'Hinweis', 'Hinweise')}: Verweise und Angaben, "
                "die fehlen oder nicht aufgehen. Sie stehen auch an ihrer Stelle im Dokument.",
                "note",
            )
            out.add(Bullets(tuple(str(w) for w in concept.warnings)))
        else:
            out.text(
                "Alle Verweise des Konzepttexts und alle Nachweisketten sind vollständig.", "meta"
            )
        self.heading(2, INTRODUCTION, "einleitung")
        introduction = concept.text.introduction if concept.text else None
        if introduction is None:
            out.text("Der Konzepttext enthält keine Einleitung.", "note")
        self.prose(introduction, 2, "einleitung")

    def pillars(self) -> None:
        concept, out = self.concept, self.out
        for pillar in concept.pillars:
            key = f"saeule-{pillar.number}"
            self.heading(2, pillar.heading, key)
            if pillar.text is None:
                out.text(f"Der Konzepttext enthält keinen Abschnitt zu Säule {pillar.number}.",
                         "note")  # fmt: skip
            self.prose(pillar.text, 2, key)
            if pillar.number == NEIGHBOURHOOD_MANAGEMENT:
                self.overview()
            if not pillar.recommendations:
                out.text(f"Der Konzepttext ordnet Säule {pillar.number} keine Empfehlung zu.",
                         "note")  # fmt: skip
            for rec_id in pillar.recommendations:
                if self.homes[rec_id] == f"Säule {pillar.number}":
                    self.recommendation(concept.recommendations[rec_id], 3)
                else:
                    self.pointers((rec_id,))
            self.unresolved(pillar.unresolved)

    def overview(self) -> None:
        parts = self.concept.districts
        if not parts:
            return
        scoped = not self.concept.scope_note  # else one count: no need has a scope
        rows = tuple(
            (
                p.district,
                *((format_number(len(p.cross_cutting)),) if scoped else ()),
                format_number(len(p.specific) + (0 if scoped else len(p.cross_cutting))),
                format_number(len(p.resources)),
                ", ".join(a for a, own, _ in p.actors if own) or "keine eigenen",
                ", ".join(str(i) for i in p.recommendations) or "keine eigenen",
            )
            for p in parts
        )
        self.out.add(
            CaptionedTable(
                ("Sozialraum", *(("Bedarfe übergreifend", "Bedarfe spezifisch") if scoped
                 else ("Bedarfe",)), "Ressourcen", "Akteure eigener Empfehlungen",
                 "eigene Empfehlungen (Nr.)"),
                rows,
                (False, True, *((True,) if scoped else ()), True, False, False),
                caption="Die Sozialräume im Überblick: Grundlage des Quartiersmanagements",
            )
        )  # fmt: skip

    def city(self) -> None:
        concept, out = self.concept, self.out
        # a survey's statements under Gesamtstadt are "ohne Sozialraum", as in the report
        unplaced = bool(concept.city_segments) and concept.city_words is UNPLACED_WORDS
        if concept.scope_note:  # fewer than two districts: none is cross-cutting, say why
            city = "Aussagen ohne Sozialraum" if unplaced else "Gesamtstadt"
            self.heading(2, f"{city}: Bedarfe und Ressourcen", "gesamtstadt")
            out.text(concept.scope_note, "note")
            table, caption = concept.unplaced, "Bedarfe ohne Sozialraum"
            names: list[str] = []
        else:
            self.heading(2, CITY_CHAPTER, "gesamtstadt")
            table, caption = concept.cross_cutting, CROSS_CUTTING_CAPTION
            names = [d.district for d in concept.districts]
            if table.empty:
                out.text("Im aktuellen Bedarfslauf ist kein Bedarf übergreifend.", "note")
        if table is not None and not table.empty:
            rows = []
            for _, r in table.iterrows():
                raised = [d for d in names if d in r.index and int(r[d]) > 0]
                rows.append((text_or(r["label"]), str(r["cluster"]), format_number(r["size"]),
                             *((raised_in(raised),) if names else ())))  # fmt: skip
            columns = ("Bedarf", "Cluster", "Aussagen", *(("Sozialräume",) if names else ()))
            numeric = (False, True, True, False)[: len(columns)]
            out.add(CaptionedTable(columns, tuple(rows), numeric, caption=caption))
        out.text(concept.city_words.resources_title, "item")
        if not concept.city_segments:  # no city-wide workshop: nothing there to code
            out.text(f"Aus {place(CITYWIDE)} liegen keine Aussagen vor.", "note")
            return
        where = UNPLACED_WORDS.source if unplaced else "der Gesamtstadt"
        self.resources(concept.city_resources, where)

    def resources(self, resources: tuple[Statement, ...], where: str) -> None:
        out = self.out
        if not resources:
            out.text(f"In {where} sind keine Ressourcen kodiert.", "note")
            return
        shown = resources if self.max_quotes is None else resources[: self.max_quotes]
        total = plural(len(resources), "Aussage", "Aussagen")
        more = "" if len(shown) == len(resources) else f"; {len(shown)} davon als Beispiel"
        end = ":" if shown else "."  # --max-quotes 0: no colon over nothing
        out.text(f"{total} als Ressource kodiert{more if shown else ''}{end}", "meta")
        for statement in shown:
            _quote(out, statement)

    def district(self, part: DistrictPart) -> None:
        concept, out = self.concept, self.out
        name, key = part.district, slug(part.district)
        self.heading(3, name, key)
        if part.segments:
            out.text(f"{plural(part.segments, 'Aussage', 'Aussagen')} aus: "
                     f"{', '.join(part.workshops)}.", "meta")  # fmt: skip
        else:
            out.text(f"Aus {name} liegen keine Aussagen vor.", "note")
        if part.text is None and concept.text is not None:
            out.text(f"Der Konzepttext hat keinen Abschnitt „## Sozialraum: {name}“.", "note")
        self.prose(part.text, 3, key)

        self.heading(4, "Bedarfe", f"{key}-bedarfe")
        groups = (
            ("Übergreifende Bedarfe (auch anderswo genannt)", part.cross_cutting, False),
            ("Sozialraumspezifische Bedarfe", part.specific, True),
        )
        if concept.scope_note:  # no need has a scope: one table, no focus
            every = pd.concat([part.cross_cutting, part.specific]).sort_values(
                ["segments", "cluster"], ascending=[False, True]
            )
            groups = (("Bedarfe", every, False),)
        for label, table, specific in groups:
            if table.empty:
                scope = "sozialraumspezifischen " if specific else "übergreifenden "
                out.text(f"Keine {scope if len(groups) > 1 else ''}Bedarfe aus {name}.", "note")
                continue
            columns = ["Bedarf", "Cluster", f"Aussagen aus {name}", "Aussagen insgesamt",
                       "Sozialräume"]  # fmt: skip
            rows = []
            for r in table.itertuples():
                row = [text_or(r.label), str(r.cluster), format_number(r.segments),
                       format_number(r.cluster_size), raised_in(list(r.districts))]  # fmt: skip
                if specific:
                    row.append(", ".join(concept.focus.get(int(r.cluster), ())) or EMPTY_FIELD)
                rows.append(tuple(row))
            if specific:
                columns.append("Schwerpunkt")
            numeric = (False, True, True, True, False, False)[: len(columns)]
            out.add(CaptionedTable(tuple(columns), tuple(rows), numeric,
                                   caption=f"{label}: {name}"))  # fmt: skip

        self.heading(4, "Ressourcen", f"{key}-ressourcen")
        self.resources(part.resources, name)

        self.heading(4, "Verantwortliche Akteure", f"{key}-akteure")
        if part.actors:
            out.add(
                CaptionedTable(
                    ("Akteur", f"Empfehlungen für {name} (Nr.)", "gesamtstädtische (Nr.)"),
                    tuple((a, _numbers(own), _numbers(city)) for a, own, city in part.actors),
                    (False, False, False),
                    caption=f"Verantwortliche Akteure in {name}",
                )
            )
        else:
            out.text(f"Keine Empfehlung für {name} nennt Akteure: keine Akteure benannt.", "note")

        self.heading(4, "Empfehlungen", f"{key}-empfehlungen")
        here = [i for i in part.recommendations if self.homes[i] == name]
        elsewhere = tuple(i for i in part.recommendations if self.homes[i] != name)
        if not part.recommendations:
            out.text(f"Keine eigene Empfehlung für {name}.", "note")
        for rec_id in here:
            self.recommendation(concept.recommendations[rec_id], 5)
        if elsewhere:
            out.text(f"Außerdem für {name}:", "item")
            self.pointers(elsewhere, name)
        self.unresolved(part.unresolved)
        citywide = tuple(r.recommendation_id for r in concept.recommendations.values()
                         if r.citywide)  # fmt: skip
        if citywide:
            out.text(f"Gesamtstädtische Empfehlungen, die auch in {name} gelten:", "item")
            self.pointers(citywide, name)

        self.heading(4, "Indikatoren im Blick", f"{key}-indikatoren")
        self.indicators(part)

    def indicators(self, part: DistrictPart) -> None:
        table = part.indicators
        if table.empty:
            has = self.concept.illustrative or any(
                not p.indicators.empty for p in self.concept.districts
            )
            message = NO_DISTRICT_INDICATORS.format(district=part.district)
            self.out.text(message if has else NO_INDICATORS, "note")
            return
        rows = tuple(
            (r.indicator, str(r.year), _value(r.value, r.city_value), text_or(r.unit),
             _value(r.city_value, r.value), compared_number(r.index, r.note),
             text_or(r.note, EMPTY_FIELD))
            for r in table.itertuples()
        )  # fmt: skip
        self.out.add(
            CaptionedTable(
                ("Indikator", "Jahr", "Wert", "Einheit", "Gesamtstadt",
                 "Index (Gesamtstadt = 100)", "Hinweis"),
                rows,
                (False, False, True, False, True, True, False),
                caption=f"Indikatoren für {part.district} neben dem Wert der Gesamtstadt",
            )
        )  # fmt: skip
        if signs := signs_note(cell for row in rows for cell in row[4:6]):
            self.out.text(signs, "meta")
        if bool(table["illustrative"].any()):
            self.out.text(
                "Werte mit der Quelle „illustrativ“ sind erfunden (Demo) und keine amtlichen "
                "Zahlen.",
                "note",
            )

    def rest(self) -> None:
        concept, out = self.concept, self.out
        self.heading(2, DISTRICTS_CHAPTER, "sozialraeume")
        if not concept.districts:
            out.text("Das Projekt hat keine Sozialräume (workbench districts --add NAME).",
                     "note")  # fmt: skip
        for part in concept.districts:
            self.district(part)
        if concept.unassigned:
            self.heading(2, OTHERS_CHAPTER, "weitere")
            out.text("Gesamtstädtische Empfehlungen, die der Konzepttext keiner Säule zuordnet.",
                     "meta")  # fmt: skip
            for rec_id in concept.unassigned:
                if self.homes[rec_id] == OTHERS_CHAPTER:
                    self.recommendation(concept.recommendations[rec_id], 3)
        for n, (section, note) in enumerate(concept.sections):
            self.heading(2, section.heading, f"abschnitt-{n}-{section.heading}")
            if note:
                out.text(note, "note")
            self.prose(section, 2, f"abschnitt-{n}")
            if section.recommendations:
                out.text("Hier genannte Empfehlungen (siehe Prüfhinweise): "
                         + ", ".join(r.ref for r in section.recommendations), "note")  # fmt: skip
        self.heading(2, METHOD_CHAPTER, "herkunft")
        out.add(
            Bullets(
                (
                    "Den Text schreiben die Forschenden; Bedarfe, Ressourcen, Akteure, "
                    "Empfehlungen und Indikatoren setzt die Werkbank aus dem Projekt ein.",
                    f"Bedarfe: Bedarfslauf {concept.need_run}. "
                    + (
                        concept.scope_note
                        or "„Übergreifend“ heißt in mehreren Sozialräumen genannt und in "
                        "keinem gehäuft, „sozialraumspezifisch“: in wenigen genannt oder in "
                        "einem gehäuft."
                    ),
                    "Ressourcen: Aussagen mit dem Code „Ressource“; übereinstimmend "
                    "kodierte zuerst.",
                    "Akteure: die Adressaten der Empfehlungen für den Sozialraum und der "
                    "gesamtstädtischen Empfehlungen, die überall gelten.",
                    *(
                        ()
                        if concept.scope_note
                        else (
                            "Schwerpunkt: Sozialräume, aus denen ein Bedarf überzufällig "
                            "häufig genannt wurde (hypergeometrischer Test, Holm-korrigiert).",
                        )
                    ),
                    f"Jedes Zitat nennt Dokument, Aussage-ID und Aussage-Nummer; die "
                    f"Nachweiskette jeder Empfehlung ist geprüft ({CHAIN}).",
                    "Fehlende Angaben sind benannt: „ohne Sozialraum“, „keine Ressourcen "
                    "kodiert“, „keine Akteure benannt“; eine Rolle steht nur, wo sie bekannt ist.",
                )
            )
        )


def _value(value: object, beside: object) -> str:
    """An indicator value with the decimals it and the value beside it need beyond one
    (0,85 beside 0,92, not 0,9 beside 0,9); otherwise as numbers are shown elsewhere."""
    places = value_places(value, beside)
    return format_number(value, places if places > 1 else None)


def _numbers(ids: tuple[int, ...]) -> str:
    """Recommendation numbers, or a dash.

    >>> _numbers((1, 4)), _numbers(())
    ('1, 4', '–')
    """
    return ", ".join(str(i) for i in ids) or EMPTY_FIELD


def _need_line(need: NeedLink) -> str:
    """One need a recommendation answers, for a bullet list."""
    label = f"„{need.label}“"
    if need.scope is None:
        return f"{label} – im aktuellen Bedarfslauf nicht mehr vorhanden"
    size = plural(need.segments, "Aussage", "Aussagen")
    return (
        f"{label} – {need.scope}, Cluster {need.cluster}, {size}, {raised_in(list(need.districts))}"
    )


def concept_outline(concept: Concept, max_quotes: int | None = 5) -> Report:
    """The concept as report blocks (``max_quotes``: resource quotes per place, None: all)."""
    writer = _Writer(concept, max_quotes)
    writer.head()
    writer.pillars()
    writer.city()
    writer.rest()
    return Report(concept.title, tuple(writer.out.blocks))
