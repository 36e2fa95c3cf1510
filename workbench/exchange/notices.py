"""Notices of a REFI-QDA import: what was skipped, whose name the file did not give, whose
name it spells otherwise than the project."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from sqlalchemy.orm import Session

from workbench.coding.records import known_coder
from workbench.core.formatting import plural
from workbench.exchange.qdxml import SOURCE_LABELS, source_label
from workbench.exchange.records_in import Exchange, SkippedIn
from workbench.ingest.author_names import known_people, shown_name
from workbench.store import coder_names

_NO_TEXT = "ohne Text im Projekt (importiert werden Texte, Textfassungen von PDFs und Transkripte)."
_IMPORTED = {"Textfassung": "die Textfassung des Herstellers", "Transkript": "das Transkript"}


def skipped_notices(
    skipped: Sequence[SkippedIn], code_paths: Mapping[str, str] | None = None
) -> list[str]:
    """One notice per source (or part of one) without text: what was skipped, what not;
    one more per PDF whose areas were left out because their text stands there twice
    (``code_paths``: the file's code GUIDs → paths, to name their codes)."""
    notices = []
    for s in skipped:
        # areas left out because their text stands there twice: named on their own below
        twice = len(s.ambiguous)
        count = s.codings - sum(len(codes) for _, codes in s.ambiguous)
        codings = plural(count, "Kodierung", "Kodierungen")
        selections = len(s.selections) - twice
        if not s.imported:
            places = plural(selections, "markierten Stelle", "markierten Stellen")
            detail = f" mit {places} und {codings}" if selections or count else ""
            notices.append(f"{_label(s)}{detail} übersprungen: {_reason(s)}")
            continue
        places = plural(selections, "markierte Stelle", "markierte Stellen")
        left = (
            f"; {places} und {codings} ohne Textstelle (Seitenbereich, Zeitabschnitt) übersprungen."
            if selections or count
            else "."
        )
        notices.append(f"{_label(s)}: {_IMPORTED[s.imported]} importiert{left}")
    notices += [_twice(s, code_paths or {}) for s in skipped if s.ambiguous]
    advice = [_RICH_ADVICE] if any(s.rich for s in skipped) else []
    return notices + advice + ([SOURCE_LABELS] if notices else [])


def _twice(s: SkippedIn, code_paths: Mapping[str, str]) -> str:
    """The notice on a PDF's areas whose text stands in its text version more than once:
    where each is (page, counted from 1) and which codes it had, to code them by hand."""
    areas = []
    for page, guids in s.ambiguous[:8]:
        where = f"Seite {page + 1}" if page is not None and page >= 0 else "Seite unbekannt"
        codes = [f"'{code_paths.get(g, g)}'" for g in guids]
        what = (
            f"Code {', '.join(codes)}"
            if len(codes) == 1
            else (f"Codes {', '.join(codes)}" if codes else "ohne Code")
        )
        areas.append(f"{where}, {what}")
    more = f"; und {len(s.ambiguous) - 8} weitere" if len(s.ambiguous) > 8 else ""
    areas_n = plural(len(s.ambiguous), "markierter Seitenbereich", "markierte Seitenbereiche")
    return (
        f"{_label(s)}: {areas_n} nicht übernommen — Text kommt im PDF mehrfach vor, welche "
        f"Stelle gemeint ist, sagen nur die Koordinaten: {'; '.join(areas)}{more}. "
        f"{_PAGES_FROM_ZERO if s.page_zero else _PAGES_UNSURE} Bitte im Dokument suchen und "
        "von Hand kodieren (workbench code AUSSAGE CODE)."
    )


# REFI-QDA does not say where `page` counts from (Project-mrt2019.xsd: a bare xsd:integer);
# ATLAS.ti writes page="0" on the first page. A file with a page 0 counts from 0 for sure.
_PAGES_FROM_ZERO = "Seiten gezählt ab 1 (die Datei zählt ab 0: sie hat eine Seite 0)."
_PAGES_UNSURE = (
    "Seiten gezählt ab 1, wenn die Datei ab 0 zählt wie ATLAS.ti; REFI-QDA legt das nicht "
    "fest — zählt das andere Programm ab 1, ist es jeweils die Seite davor."
)


def _label(s: SkippedIn) -> str:
    """The skipped source by its place in the file, never its name (:func:`source_label`)."""
    return source_label(s.kind, s.number, s.guid)


def _reason(s: SkippedIn) -> str:
    """Why a source without text was skipped."""
    return f"{s.rich}." if s.rich else _NO_TEXT


# Once for all text sources with only a rich text: no text file can be added, as no path
# names one, and the workbench's own reading of a .docx may differ from the plain text.
_RICH_ADVICE = (
    "Die Positionen markierter Stellen beziehen sich auf die Textfassung, die hier fehlt: "
    "im anderen Programm das Projekt erneut als REFI-QDA-Projekt mit den Texten der Quellen "
    "exportieren und importieren (schon Importiertes kommt nicht doppelt), oder die Datei "
    "aus dem Archiv auspacken und einzeln importieren: workbench import DATEI (ohne ihre "
    "Kodierungen)."
)


def undefined_users(guids: Set[str], coder: str | None) -> list[str]:
    """The notice that users missing from ``<Users>`` (or there without a name) were read
    as ``--coder``."""
    if not guids or coder is None:
        return []
    shown = ", ".join(sorted(guids)[:3]) + (
        f" und {len(guids) - 3} weitere" if len(guids) > 3 else ""
    )
    return [
        f"creatingUser ohne Namen in <Users> ({shown}): als „{coder.strip()}“ (--coder) übernommen."
    ]


def same_name_users(named: dict[str, set[str]]) -> list[str]:
    """The notice that users of the file with different GUIDs but one name were read as one
    coder: codings of both on the same passage with the same code are kept once.

    >>> "„Anna“ (G1, G2)." in same_name_users({"Anna": {"G2", "G1"}, "Ben": {"G3"}})[0]
    True
    """
    twins = {name: sorted(guids) for name, guids in sorted(named.items()) if len(guids) > 1}
    if not twins:
        return []
    listed = "; ".join(f"„{name}“ ({', '.join(guids)})" for name, guids in twins.items())
    return [
        f"Kodierende der Datei mit gleichem Namen, hier als eine Person gelesen: {listed}. "
        "Was beide an derselben Stelle mit demselben Code kodiert haben, steht hier einmal, "
        "und die Übereinstimmung (agreement) zählt sie als eine Person. Sind es zwei "
        "Personen: im anderen Programm eine umbenennen und neu exportieren."
    ]


def known_users(x: Exchange, session: Session) -> Exchange:
    """``x`` with each user spelt as the project's coder of that name but for case ("anna"
    in MAXQDA is Anna here, as ``code --coder anna``): otherwise the file's codings would
    be a second coder's, who disagrees with the first on every statement. Says so. A
    user named by the placeholder of a coder the key knows by her full name (the
    pseudonymised export's) is that coder."""
    known = coder_names(session)
    # a participant who codes, named by her placeholder in a pseudonymised export: her
    # codings again (silently: the notice would print her name)
    people = known_people(session)
    coders = {p: c for c in sorted(known) if (p := shown_name(people, c)) != c}
    x = replace(x, users={guid: coders.get(name, name) for guid, name in x.users.items()})
    users = {guid: known_coder(name, known) if name else name for guid, name in x.users.items()}
    changed = sorted({(x.users[g], n) for g, n in users.items() if n != x.users[g]})
    if not changed:
        return x
    named = ", ".join(f"„{old}“ → {new}" for old, new in changed)
    notice = (
        "Kodierende der Datei wie im Projekt geschrieben (nur Groß-/Kleinschreibung "
        f"anders): {named}."
    )
    return replace(x, users=users, notices=(*x.notices, notice))
