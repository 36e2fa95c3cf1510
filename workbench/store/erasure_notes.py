"""What a ``forget`` leaves of a person, said as a note (placeholders, ids, counts).

The key entry of a person forgotten as speaker stays while another text still names them
(a statement of someone else, "[Person 3] hat recht"; a participant's comment; a code's
description): those texts keep their placeholder, and the key keeps the name behind it.
Without a note the researcher answering the erasure request believed the name gone. The
same holds for a person the forgotten statements named (a file name "Interview_[Person 1].md"
of a partly forgotten document keeps their entry), and for ``--person``, which takes the
name out of the key: the texts that keep the placeholder are named for checking.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.participation_tables import FeedbackAnswer
from workbench.store.schema import Code, Document, Memo, Pseudonym, Segment, Workshop
from workbench.store.synthesis_tables import Recommendation, RecommendationStatus

_ADVICE = (
    "gegebenenfalls löschen (Aussagen: --statement ID …, Kommentare: --token CODE, Codes: codebook)"
)


def _ids(ids: list[int]) -> str:
    """Ids as shown: the first twenty, then "…"."""
    return " ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")


def _places(session: Session, placeholder: str, speaking: bool = False) -> list[str]:
    """Where ``placeholder`` stands: statements (with ``speaking``: as speaker too),
    documents' file names, titles or texts, workshop names, comments, code descriptions,
    recommendations (title, text, actors) and their status steps (actor, note)."""
    ids = [
        segment.id
        for segment in session.scalars(select(Segment).order_by(Segment.id))
        if placeholder in segment.text
        or (
            speaking
            and placeholder in (segment.speaker_role, (segment.attributes or {}).get("speaker"))
        )
    ]
    documents = [
        i
        for i, filename, title in session.execute(
            select(Document.id, Document.filename, Document.title).order_by(Document.id)
        )
        if placeholder in f"{filename} {title or ''}"
    ]
    workshops = sum(placeholder in (n or "") for n in session.scalars(select(Workshop.name)))
    comments = sum(
        placeholder in (c or "") for c in session.scalars(select(FeedbackAnswer.comment))
    )
    codes = sum(
        placeholder in f"{d or ''} {e or ''}"
        for d, e in session.execute(select(Code.description, Code.example))
    )
    recommendations = [
        i
        for i, title, text, actors in session.execute(
            select(
                Recommendation.id, Recommendation.title, Recommendation.text, Recommendation.actors
            ).order_by(Recommendation.id)
        )
        if placeholder in " ".join([title or "", text or "", *map(str, actors or ())])
    ]
    steps = session.execute(
        select(RecommendationStatus.recommendation_id, RecommendationStatus.actor)
        .add_columns(RecommendationStatus.note)
        .order_by(RecommendationStatus.recommendation_id)
    )
    for i, actor, note in steps:
        if placeholder in f"{actor or ''} {note or ''}" and i not in recommendations:
            recommendations.append(i)
    where = []
    if ids:
        whose = "Aussage(n)" if speaking else "Aussage(n) anderer"  # the person's are gone
        where.append(f"{len(ids)} {whose} (ID {_ids(ids)})")
    if documents:
        where.append(
            f"Dateiname oder Titel von {len(documents)} Dokument(en) (ID {_ids(documents)})"
        )
    if workshops:
        where.append(f"{workshops} Workshop-Name(n)")
    if comments:
        where.append(f"{comments} Kommentar(e) von Beteiligten")
    if codes:
        where.append(f"{codes} Code-Beschreibung(en)")
    if recommendations:  # the team's own text: edited with workbench recommend
        where.append(
            f"Empfehlung(en) {_ids(sorted(recommendations))} (Titel, Text, Akteure oder "
            "Statusverlauf; workbench recommend)"
        )
    return where


def _person(erased: set[str]) -> list[str]:
    """The person placeholders of ``erased``, sorted."""
    return sorted(p for p in erased if re.fullmatch(r"\[Person \d+\]", p))


def still_named(session: Session, erased: set[str], erased_person: bool = True) -> list[str]:
    """Notes on the placeholders of ``erased`` the key still holds, and where they stand;
    ``erased_person`` False: persons the forgotten texts named (not the one forgotten)."""
    keyed = set(session.scalars(select(Pseudonym.placeholder).where(Pseudonym.kind == "person")))
    notes = []
    for placeholder in [p for p in _person(erased) if p in keyed]:
        where = _places(session, placeholder, speaking=not erased_person)
        if not where:
            continue
        if erased_person:
            notes.append(
                f"Hinweis: {placeholder} bleibt mit Namen im Pseudonymschlüssel, weil "
                f"{', '.join(where)} die Person noch nennen. Diese prüfen und {_ADVICE}; "
                "erst dann verlässt der Name den Schlüssel — oder mit --person "
                f"'{placeholder}' den Namen gleich aus dem Schlüssel nehmen."
            )
        else:
            notes.append(
                f"Hinweis: {placeholder}, in den gelöschten Texten genannt, bleibt mit Namen "
                f"im Pseudonymschlüssel, weil {', '.join(where)} die Person noch nennen. "
                f"Soll die Person selbst gelöscht werden: workbench forget --person "
                f"'{placeholder}'."
            )
    return notes


def left_behind(session: Session, erased: set[str]) -> list[str]:
    """Notes for ``--person``: the texts that keep the placeholder whose name left the key."""
    notes = []
    for placeholder in _person(erased):
        where = _places(session, placeholder)
        if where:
            notes.append(
                f"Hinweis: Der Name hinter {placeholder} ist aus dem Pseudonymschlüssel "
                f"gelöscht; der Platzhalter steht weiter in: {', '.join(where)}. Er führt "
                "nicht mehr zum Namen. Was die Person dort dennoch erkennbar macht (Rolle, "
                f"Adresse, Umstände), prüfen und {_ADVICE}."
            )
    return notes


# A quoted piece of a statement is found from this many characters on: shorter ones
# ("Busse fehlen.", "Vielen Dank für die Einladung.") stand in many texts for other reasons.
MIN_QUOTE = 40
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def statement_pieces(text: str) -> set[str]:
    """The statement and each of its sentences, normalised, from MIN_QUOTE characters on."""
    whole = " ".join(text.split()).casefold()
    parts = {whole, *(" ".join(p.split()).casefold() for p in _SENTENCE_END.split(text))}
    return {p for p in parts if len(p) >= MIN_QUOTE}


# Up to this many pieces, each is looked for in each text; beyond, texts are read once
# through an index of the pieces' beginnings (forget of a large survey: thousands of
# pieces times every statement and memo took minutes).
_FEW_PIECES = 64


def quote_finder(pieces: set[str]) -> Callable[[str | None], bool]:
    """A test whether a text (normalised as :func:`statement_pieces` does) contains one of
    ``pieces`` (each at least MIN_QUOTE characters).

    >>> finds = quote_finder({"die polizei kommt nie, auch nicht am wochenende."})
    >>> finds("Er schrieb: Die Polizei kommt  nie, auch nicht am Wochenende. Stimmt.")
    True
    >>> finds("Die Polizei kommt nie.")
    False
    """

    def normal(value: str | None) -> str:
        return " ".join((value or "").split()).casefold()

    def each(value: str | None) -> bool:
        found = normal(value)
        return any(p in found for p in pieces)

    if len(pieces) <= _FEW_PIECES:
        return each
    starts: dict[str, list[str]] = {}
    for piece in pieces:
        starts.setdefault(piece[:MIN_QUOTE], []).append(piece)

    def finds(value: str | None) -> bool:
        found = normal(value)
        for i in range(len(found) - MIN_QUOTE + 1):
            candidates = starts.get(found[i : i + MIN_QUOTE])
            if candidates and any(found.startswith(p, i) for p in candidates):
                return True
        return False

    return finds


def quoted(session: Session, texts: list[str]) -> list[str]:
    """Notes on the statements, participants' comments, memos, codes (description, anchor
    example) and recommendations that quote one of the erased ``texts`` (the whole or a
    sentence): others' words and researchers' own writing, which ``forget`` does not
    change. Ids only, never the text; call after the erased statements are gone."""
    pieces = {p for text in texts for p in statement_pieces(text)}
    if not pieces:
        return []
    quotes = quote_finder(pieces)

    memos = [
        i for i, t in session.execute(select(Memo.id, Memo.text).order_by(Memo.id)) if quotes(t)
    ]
    codes = [
        path
        for path, d, e in session.execute(
            select(Code.path, Code.description, Code.example).order_by(Code.path)
        )
        if quotes(d) or quotes(e)
    ]
    recommendations = [
        i
        for i, title, text in session.execute(
            select(Recommendation.id, Recommendation.title, Recommendation.text).order_by(
                Recommendation.id
            )
        )
        if quotes(title) or quotes(text)
    ]
    statements = [
        i
        for i, t in session.execute(select(Segment.id, Segment.text).order_by(Segment.id))
        if quotes(t)
    ]
    comments = sum(quotes(c) for c in session.scalars(select(FeedbackAnswer.comment)))
    where = []
    if statements:  # a reply quoting it, a protocol repeating it
        where.append(f"Aussage(n) {_ids(statements)} (workbench forget --statement)")
    if comments:
        where.append(f"{comments} Kommentar(e) von Beteiligten (workbench forget --token)")
    if memos:
        where.append(f"Memo(s) {_ids(memos)} (workbench memos edit/delete)")
    if codes:
        where.append(f"Code(s) {', '.join(codes[:20])} (workbench codebook)")
    if recommendations:
        where.append(f"Empfehlung(en) {_ids(recommendations)} (workbench recommend)")
    if not where:
        return []
    return [
        "Hinweis: Diese Texte zitieren eine gelöschte Aussage und wurden nicht geändert: "
        + "; ".join(where)
        + ". Bitte prüfen und das Zitat entfernen."
    ]
