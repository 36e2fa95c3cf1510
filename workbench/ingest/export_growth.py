"""An export downloaded again with more rows: its new rows go to the stored document.

A city running a participation for months downloads the same export each week: Pol.is
``comments.csv``, a survey's table, a Decidim export, a meeting's chat. The file holds
each row the project stored from it before, with the same ID (``comment-id``, a survey's
response ID, a table's row, a chat message's number) and the same text, and some rows
more. Those rows are added to the stored document (:func:`append_rows`); the stored ones
keep their number, codings, pseudonyms and need assignments. A row changed or gone is
for the team to decide (:func:`growth` names exactly those). Protocols and REFI-QDA
projects have no row IDs: a corrected protocol stays a version to decide on
(:mod:`workbench.ingest.same_content`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.domain import ImportResult, ParsedDocument, ParsedSegment
from workbench.core.formatting import plural
from workbench.core.typed_text import compared
from workbench.ingest.common import PROTOCOL_IMPORTERS
from workbench.ingest.export_counts import recounted_notice, refresh_counts
from workbench.store import CITYWIDE, Document, Segment
from workbench.store.downloads import DOWNLOAD_NAMES, EARLIER_SHA
from workbench.store.erased_rows import ERASED_ROWS, row_digest

IDENTITY = ("date", "time")  # a chat message's: with its number and text
Row = tuple[str, dict[str, Any]]  # a row's ID in its file, and its date and time if any
_SHOWN = 10  # changed rows named in a message; the command lists them all
RENAMED_ROWS = 3  # stored rows a download under another name must hold to be the same export
TELLING_WORDS = 3  # a row's words that no other file holds by chance at the same row ID
_COLUMNS = ("id_column", "text_column")  # a table's columns read: the same in each download


@dataclass(frozen=True)
class Growth:
    """How a file's rows compare with those stored from its earlier download."""

    added: tuple[ParsedSegment, ...]  # rows the stored document does not have
    changed: tuple[tuple[int, str], ...]  # stored (statement, row ID) changed in the file
    kept: int  # stored rows unchanged in the file
    erased: int = 0  # rows of the file the team erased (``workbench forget``): left out
    missing: tuple[tuple[int, str], ...] = ()  # stored (statement, row ID) not in the file
    counts: tuple[tuple[int, Mapping[str, Any]], ...] = ()  # kept: statement, file's attributes
    telling: int = 0  # kept or erased rows as they were, of distinct telling texts (_telling)
    rejected: tuple[str, ...] = ()  # missing row IDs the file's moderation rejected (Pol.is -1)
    moderation: str = ""  # the file's moderation column ("moderated", "Moderationsstatus")


@dataclass(frozen=True)
class Appending:
    """A file whose new rows go to the stored document ``target``."""

    target: int  # the stored document's id
    document: ParsedDocument  # the file with its new rows only
    kept: int
    erased: int = 0  # rows of the file erased in the project: left out
    workshop: str | None = None  # the stored document's workshop …
    district: str | None = None  # … and its Sozialraum
    missing: tuple[str, ...] = ()  # row IDs of stored rows the file no longer holds
    renamed: str | None = None  # the stored document's name, if the file has another
    counts: tuple[tuple[int, Mapping[str, Any]], ...] = ()  # kept rows' attributes in the file
    rejected: tuple[str, ...] = ()  # of ``missing``: rows the moderation rejected since
    moderation: str = ""  # the file's moderation column

    def rows(self, workshop: str | None, district: str | None) -> ParsedDocument:
        """The new rows, in the stored rows' workshop and Sozialraum unless the import
        or the file names one (a weekly import that forgot --district)."""
        document, segments = self.document, self.document.segments
        if not (workshop or document.workshop or any(s.workshop for s in segments)):
            document = replace(document, workshop=self.workshop)
        named = district or document.district or any(s.district for s in segments)
        if not named and self.district != CITYWIDE:
            document = replace(document, district=self.district)
        return document


def _telling(row: Row, text: str) -> bool:
    """Whether a row matching a stored one tells that both files are one export: a text of
    :data:`TELLING_WORDS` words or more, or a chat message's time. Two surveys from one
    questionnaire both have "Ja", "Nein" or "Mehr Grün" in their first rows."""
    return bool(row[1]) or len(compared(text).split()) >= TELLING_WORDS


def row_id(source_id: str, attributes: Mapping[str, Any] | None) -> Row:
    """A row's identity: its ID in the file, and a message's date and time."""
    when = {k: str(v) for k, v in (attributes or {}).items() if k in IDENTITY and v}
    return str(source_id), when


def has_row_ids(document: ParsedDocument) -> bool:
    """Whether a file's statements are rows with IDs (tables, platform exports, chats),
    not a protocol's paragraphs or a REFI-QDA project's spans."""
    ids = [s.source_id for s in document.segments]
    return (
        document.importer.split(":", 1)[0] not in PROTOCOL_IMPORTERS
        and document.text is None
        and not document.merge
        and document.options.get("own_export") is None
        and len(set(ids)) == len(ids) > 0
    )


def conversation(options: Mapping[str, Any]) -> str | None:
    """The Pol.is conversation a file's rows come from (its summary.csv's URL), if known."""
    found = options.get("polis")
    return found.get("conversation") if isinstance(found, Mapping) else None


def another_conversation(document: ParsedDocument, options: Mapping[str, Any]) -> bool:
    """Whether a Pol.is file comes from another conversation than a stored document of
    ``options`` (a clone starts with the same seed comments and IDs, then differs)."""
    mine, theirs = conversation(document.options), conversation(options)
    return bool(mine and theirs and mine != theirs)


def note_clone(
    document: ParsedDocument,
    name: str,
    options: Mapping[str, Any],
    stored: Sequence[tuple[int, Row, str]],
) -> bool:
    """Note in a Pol.is file's options that it is another conversation than stored document
    ``name`` (its ``options``, its ``stored`` rows) whose first :data:`RENAMED_ROWS`
    comments it holds unchanged (a clone starts with the seed comments; another
    conversation may share one comment by chance), for
    :func:`workbench.ingest.polis.polis_notices`."""
    found = growth(document, stored)
    first = sorted(stored, key=lambda r: _by_number(r[1][0]))[:RENAMED_ROWS]
    held = {key for key, _ in found.counts} if found is not None else set()
    if len(first) < RENAMED_ROWS or any(key not in held for key, _, _ in first):
        return False
    clone = {"clone_of": name, "clone_of_conversation": conversation(options)}
    document.options["polis"] = {**document.options.get("polis", {}), **clone}
    return True


def downloaded_before(
    document: ParsedDocument, name: str, options: Mapping[str, Any]
) -> tuple[str, str] | None:
    """The status and notice for an earlier download of an export the stored document
    ``name`` (its ``options``) has grown from since: all its rows are in."""
    if not has_row_ids(document) or document.sha256 not in options.get(EARLIER_SHA, ()):
        return None
    return "bereits vorhanden", (
        f"ein früherer Download des Exports '{name}', der seither mit einem späteren "
        "ergänzt wurde: seine Zeilen stehen alle schon im Projekt."
    )


def growth(
    document: ParsedDocument,
    stored: Sequence[tuple[int, Row, str]],
    erased: Mapping[str, str] | None = None,
) -> Growth | None:
    """The file's rows against the ``stored`` ones (statement, row identity, text in
    clear), or None if its rows have no IDs or no stored row is in it as stored. A row
    ``erased`` (row ID → fingerprint of its text) comes in only changed; a document whose
    rows were all erased is grown by a file holding one of them as it was, if telling
    (:func:`_telling`: any survey may hold "Ja" in its first row)."""
    erased = erased or {}
    if not has_row_ids(document):
        return None
    segments = document.segments
    if not stored and not any(
        erased.get(s.source_id) == row_digest(s.text)
        and _telling(row_id(s.source_id, s.attributes), s.text)
        for s in segments
    ):
        return None  # nothing stored, and no telling erased row of this export in the file
    rows = {s.source_id: (row_id(s.source_id, s.attributes), compared(s.text)) for s in segments}
    known = {source for _, (source, _), _ in stored}
    missing = tuple((key, row[0]) for key, row, _ in stored if row[0] not in rows)
    changed = tuple(
        (key, row[0])
        for key, row, text in stored
        if row[0] in rows and rows[row[0]] != (row, compared(text))
    )
    kept = len(stored) - len(changed) - len(missing)
    if stored and not kept:
        return None
    new = [s for s in document.segments if s.source_id not in known]
    added = tuple(s for s in new if erased.get(s.source_id) != row_digest(s.text))
    attributes = {s.source_id: s.attributes or {} for s in segments}
    counts = tuple(
        (key, attributes[row[0]])
        for key, row, text in stored
        if row[0] in rows and rows[row[0]] == (row, compared(text))
    )
    held = [rows[row[0]] for _, row, text in stored if rows.get(row[0]) == (row, compared(text))]
    hidden = set(document.options.get("moderation_rejected_ids") or ())  # moderated = -1 now
    survey = bool(document.options.get("more_text_columns"))  # answers "11.1", "11.2"
    column = (document.options.get("moderation_rejected") or [""])[0]
    held += [rows[s.source_id] for s in new if erased.get(s.source_id) == row_digest(s.text)]
    order = lambda pair: _by_number(pair[1])  # noqa: E731
    return Growth(
        added,
        tuple(sorted(changed, key=order)),
        kept,
        len(new) - len(added),
        tuple(sorted(missing, key=order)),
        counts,
        len({text for row, text in held if _telling(row, text)}),
        tuple(source for _, source in missing if _asked_row(source, survey) in hidden),
        str(column or ""),
    )


def appending(
    document: ParsedDocument, target: int, found: Growth, meeting: Sequence[str | None]
) -> Appending:
    """The file with its new rows only, to be added to stored document ``target`` of
    ``meeting`` (its workshop's name, Sozialraum, …)."""
    rows = replace(document, segments=found.added)
    missing = tuple(source for _, source in found.missing)
    plan = Appending(target, rows, found.kept, found.erased, meeting[0], meeting[1], missing)
    return replace(plan, counts=found.counts, rejected=found.rejected, moderation=found.moderation)


def unchanged(
    document: ParsedDocument, target: int, found: Growth, meeting: Sequence[str | None]
) -> Appending | str | None:
    """For a file that changed no stored row: its new rows to add to ``target``, or why it
    adds nothing (only erased rows new; all its rows stored: an earlier or partial
    download); None if it changed a row or is the stored rows again, or if no row it holds
    as stored is telling (:func:`_telling`: "Ja", "Nein" in another survey of the name)."""
    if found.changed or not found.telling:
        return None
    if found.added:
        return appending(document, target, found, meeting)  # downloaded again
    if found.erased:
        return nothing_new(found)
    return within(found) if found.missing else None


def renamed_download(
    document: ParsedDocument,
    target: int,
    found: Growth | None,
    stored: tuple[str, Mapping[str, Any], Sequence[str | None]],
) -> Appending | str | None:
    """For a file under another name than stored document ``target`` (its ``stored`` name,
    options and workshop): its new rows to add, or why it adds nothing, if it is a
    download of the same export ("polis_2026-12-01.csv", then "polis_2026-12-08.csv",
    "umfrage (1).csv"): the same columns read, no stored row changed, and every stored row
    (at least :data:`RENAMED_ROWS` of distinct telling texts, erased ones too: see
    :func:`_telling`) in it or every row of it stored; else None."""
    name, options, meeting = stored
    if found is None or found.changed or found.telling < RENAMED_ROWS:
        return None  # erased rows count: an export forgotten whole keeps them out
    if found.missing and (found.added or found.erased):
        return None  # rows removed and others added: perhaps another file
    if any(document.options.get(k) != options.get(k) for k in _COLUMNS):
        return None
    plan = unchanged(document, target, found, meeting)
    if isinstance(plan, Appending):
        return replace(plan, renamed=name)
    said = plan or (
        "nicht importiert: dieselben Zeilen stehen schon im Projekt "
        f"({plural(found.kept, 'Aussage', 'Aussagen')}). Nichts geändert."
    )
    return f"{said} {_renamed(name)}"


def _renamed(name: str) -> str:
    """How a download under another name was recognised, and how to import it anyway."""
    return (
        f"Als Download desselben Exports erkannt, gespeichert unter '{name}': seine "
        "Zeilen stimmen dort, wo beide sie haben, in Zeilen-ID und Text überein. Ist es "
        "doch eine andere Datei, nimmt --allow-duplicates sie als eigenes Dokument auf."
    )


def one_download_each(appends: Mapping[int, Appending]) -> dict[int, tuple[bool, str]]:
    """Of several downloads of one export in an import (by index), the one with the most
    new rows is added; the others, by index: (False, why) if it holds their new rows as
    they are, (True, why) if they differ in a row (the import stops)."""
    targets: dict[int, list[int]] = {}
    for at, plan in appends.items():
        targets.setdefault(plan.target, []).append(at)
    out: dict[int, tuple[bool, str]] = {}
    for group in targets.values():
        largest = max(group, key=lambda at: (len(appends[at].document.segments), at))
        held = _rows(appends[largest].document.segments)
        for at in group:
            if at == largest:
                continue
            mine = _rows(appends[at].document.segments)
            differ = sorted((k for k in mine if held.get(k) != mine[k]), key=_by_number)
            out[at] = (bool(differ), _other_download(len(held), differ))
    return out


def earlier_in_import(document: ParsedDocument, other: ParsedDocument) -> str | None:
    """Why ``other``, a file of the same import, is left out as an earlier download of the
    export ``document`` is a later one of (same importer and columns read, every row of
    ``other`` in ``document`` unchanged, at least :data:`RENAMED_ROWS` of distinct telling
    texts, no other workshop or Sozialraum named); else None. Two dated downloads in one
    call into a project without them would each be imported whole."""
    if document.importer != other.importer or not has_row_ids(other):
        return None
    if any(document.options.get(k) != other.options.get(k) for k in _COLUMNS):
        return None
    named = [(document.workshop, other.workshop), (document.district, other.district)]
    if any(
        a and b and " ".join(a.split()).casefold() != " ".join(b.split()).casefold()
        for a, b in named
    ):
        return None
    rows = [(at, row_id(s.source_id, s.attributes), s.text) for at, s in enumerate(other.segments)]
    found = growth(document, rows)
    if found is None or found.changed or found.missing or found.telling < RENAMED_ROWS:
        return None
    return (
        "nicht importiert: ein früherer Download desselben Exports wie "
        f"'{document.filename}' in diesem Import — jede seiner Zeilen steht unverändert "
        f"darin ({plural(found.kept, 'Zeile', 'Zeilen')}, in Zeilen-ID und Text gleich); "
        "sie kommen mit jenem herein. Ist es doch eine andere Datei, nimmt "
        "--allow-duplicates beide auf."
    )


def _rows(segments: Sequence[ParsedSegment]) -> dict[str, tuple[Row, str]]:
    """A download's rows by ID: their identity and text as compared."""
    return {s.source_id: (row_id(s.source_id, s.attributes), compared(s.text)) for s in segments}


def _asked_row(source: str, survey: bool) -> str:
    """The row ID of a stored statement: of a ``survey`` of several questions (answers
    "11.1", "11.2", "Q3_2.1") the row's, which the moderation decided on; else its own.

    >>> _asked_row("Q3_2.1", True), _asked_row("11.2", True), _asked_row("11.2", False)
    ('Q3_2', '11', '11.2')
    """
    return (source.rpartition(".")[0] or source) if survey else source


def _by_number(source: str) -> tuple[int, str]:
    """A row ID's order: numbers as numbers."""
    return (int(source), "") if source.isdigit() else (1 << 62, source)


def _other_download(rows: int, differ: Sequence[str]) -> str:
    """Why a download is left out beside a later one of the same export in one import."""
    if not differ:
        return (
            "nicht importiert: ein früherer Download desselben Exports; seine neuen Zeilen "
            "kommen mit dem späteren in diesem Import herein "
            f"({plural(rows, 'neue Zeile', 'neue Zeilen')})."
        )
    shown = ", ".join(differ[:_SHOWN]) + (" …" if len(differ) > _SHOWN else "")
    return (
        "nicht importiert: zwei Downloads desselben Exports in diesem Import weichen in "
        f"{plural(len(differ), 'Zeile', 'Zeilen')} voneinander ab (ID {shown}). Die "
        "Downloads einzeln nacheinander importieren, den älteren zuerst."
    )


def appended(session: Session, plan: Appending, result: ImportResult) -> ImportResult:
    """The new rows just written moved to the stored document, said in ``result``."""
    if result.status != "importiert":
        return result
    append_rows(session, plan.target, plan.document.sha256)
    notice = appended_notice(plan.kept, result.segments, plan.erased)
    notice += _missing(plan.missing, plan.rejected, plan.moderation)
    recounted = refresh_counts(session, plan.counts)
    notice += f" {recounted_notice(recounted)}" if recounted else ""
    notice += f" {_renamed(plan.renamed)}" if plan.renamed else ""
    return replace(result, notices=(notice, *result.notices))


def appended_notice(kept: int, added: int, erased: int = 0) -> str:
    """What a second download of an export added to the stored one."""
    if not kept:  # every stored row was erased
        return (
            "Export erneut heruntergeladen: seine früheren Aussagen sind alle im Projekt "
            f"gelöscht, {plural(added, 'neue kam', 'neue kamen')} hinzu.{_erased(erased)}"
        )
    return (
        "Export erneut heruntergeladen: "
        f"{plural(kept, 'Aussage stand', 'Aussagen standen')} schon im Projekt und "
        f"{'bleibt' if kept == 1 else 'bleiben'} unverändert (mit Kodierungen und "
        f"Pseudonymen), {plural(added, 'neue kam', 'neue kamen')} hinzu.{_erased(erased)}"
    )


def _erased(erased: int) -> str:
    """What became of rows the team erased that a download holds again."""
    if not erased:
        return ""
    rows = plural(erased, "Zeile, die im Projekt gelöscht wurde", "Zeilen, die gelöscht wurden")
    return f" {rows} (workbench forget), {'bleibt' if erased == 1 else 'bleiben'} gelöscht."


def _missing(sources: Sequence[str], rejected: Sequence[str] = (), column: str = "") -> str:
    """What becomes of stored rows a download no longer holds (removed on the platform) or
    holds as rejected by the moderation since (Pol.is ``moderated`` -1): they stay, with
    their codings; the team decides (``workbench forget``), the import never does."""
    hidden = [s for s in sources if s in set(rejected)]
    sources = [s for s in sources if s not in set(rejected)]
    return _hidden(hidden, column) + _gone(sources)


def _left(found: Growth) -> str:
    """What becomes of the stored rows ``found`` missing from the file (:func:`_missing`)."""
    sources = tuple(source for _, source in found.missing)
    return _missing(sources, found.rejected, found.moderation)


def _hidden(sources: Sequence[str], column: str = "") -> str:
    """What becomes of stored rows the moderation rejected after they were imported; the
    file's moderation ``column`` named as the import's hint names it (Pol.is: -1).

    >>> _hidden(["3"], "moderated")[:73]
    ' 1 gespeicherte Zeile hat die Moderation seit dem früheren Download abgel'
    >>> _hidden(["3"], "Moderationsstatus")[78:120]
    "(ID 3; Spalte 'Moderationsstatus') und ble"
    """
    if not sources:
        return ""
    shown = ", ".join(sources[:_SHOWN]) + (" …" if len(sources) > _SHOWN else "")
    one = len(sources) == 1
    rows = plural(len(sources), "gespeicherte Zeile hat", "gespeicherte Zeilen haben")
    return (
        f" {rows} die Moderation seit dem früheren Download abgelehnt (ID {shown}; "
        f"{_decision(column)}) und bleib" + ("t" if one else "en") + " im Projekt, mit ihren "
        "Kodierungen. Soll" + ("" if one else "en") + " sie nicht mit ausgewertet werden, "
        "die Aussage" + ("" if one else "n") + " bewusst mit workbench forget löschen."
    )


def _decision(column: str) -> str:
    """How a moderation column's rejection reads: Pol.is writes -1, other tools a word.

    >>> _decision("moderated"), _decision("Moderation")
    ('moderated = -1', "Spalte 'Moderation'")
    """
    return "moderated = -1" if column in ("moderated", "") else f"Spalte '{column}'"


def _gone(sources: Sequence[str]) -> str:
    """What becomes of stored rows a download no longer holds (removed on the platform)."""
    if not sources:
        return ""
    shown = ", ".join(sources[:_SHOWN]) + (" …" if len(sources) > _SHOWN else "")
    one = len(sources) == 1
    return (
        f" {plural(len(sources), 'gespeicherte Zeile fehlt', 'gespeicherte Zeilen fehlen')} "
        f"in diesem Download (ID {shown}; auf der Plattform entfernt?) und "
        f"{'bleibt' if one else 'bleiben'} im Projekt. Soll{'' if one else 'en'} "
        f"sie auch dort entfallen, die Aussage{'' if one else 'n'} dieser Zeilen-ID"
        f"{'' if one else 's'} bewusst mit workbench forget löschen."
    )


def within(found: Growth) -> str:
    """Why a download whose rows are all stored unchanged (an earlier or partial one)
    adds nothing."""
    return (
        "nicht importiert: bereits enthalten — jede Zeile dieses Downloads steht "
        f"unverändert im Projekt ({plural(found.kept, 'Aussage', 'Aussagen')}); ein "
        "früherer oder unvollständiger Download desselben Exports? Nichts geändert."
        f"{_left(found)}"
    )


def nothing_new(found: Growth) -> str:
    """Why a download whose only new rows are erased ones adds nothing."""
    stored = plural(found.kept, "Aussage steht", "Aussagen stehen") + " schon im Projekt."
    return (
        f"nicht importiert: nichts Neues —{' ' + stored if found.kept else ''}"
        f"{_erased(found.erased)}"
        f"{_left(found)}"
    )


def changed_rows(found: Growth) -> str:
    """The stored rows a download changed, by the file's row IDs."""
    shown = ", ".join(source for _, source in found.changed[:_SHOWN])
    more = " …" if len(found.changed) > _SHOWN else ""
    what = "ist geändert" if len(found.changed) == 1 else "sind geändert"
    return f"{plural(len(found.changed), 'Zeile', 'Zeilen')} der früheren {what} (ID {shown}{more})"


def newest_first(document: ParsedDocument, stored: Sequence[tuple[int, Row, str]]) -> int:
    """How many rows a table without ID column (its row numbers are the IDs) put above the
    ``stored`` ones, unchanged and in their order: a table listing newest first; else 0."""
    if not stored or document.options.get("id_column") or not has_row_ids(document):
        return 0
    if not all(source.isdigit() for _, (source, _), _ in stored):
        return 0
    mine = [compared(s.text) for s in document.segments]  # in the file's order
    theirs = [compared(text) for _, row, text in sorted(stored, key=lambda r: _by_number(r[1][0]))]
    above = len(mine) - len(theirs)
    return above if above > 0 and mine[above:] == theirs else 0


def newest_first_notice(in_wave: str, stored: int, above: int) -> str:
    """Why a table without ID column that lists its newest rows first is not imported."""
    new = plural(above, "neue Zeile", "neuen Zeilen")
    return (
        f"nicht importiert: eine frühere Fassung dieser Datei ist schon im Projekt "
        f"({in_wave}{plural(stored, 'Aussage', 'Aussagen')}). Die Tabelle hat keine "
        "ID-Spalte und listet die neuesten Zeilen zuerst: die gespeicherten Zeilen stehen "
        f"unverändert darin, aber {above} {'Zeile' if above == 1 else 'Zeilen'} tiefer. Ohne "
        "ID gilt die Zeilennummer, und jede gespeicherte Zeile hätte eine andere — "
        f"importiert zählten sie doppelt. Nur die {new} übernehmen: die Datei unter "
        f"anderem Namen speichern, darin nur die obersten {above} Zeilen unter der "
        "Kopfzeile behalten und diese Datei importieren (die Aussagen und Kodierungen im "
        "Projekt bleiben). Bietet die Plattform eine ID-Spalte (etwa eine Antwort-ID), "
        "den Export künftig mit ihr herunterladen."
    )


def changed_notice(in_wave: str, stored: int, grown: Growth, ids: str) -> str:
    """Why a download of an export whose stored rows changed or went is not imported."""
    return (
        f"nicht importiert: eine frühere Fassung dieser Datei ist schon im Projekt "
        f"({in_wave}{plural(stored, 'Aussage', 'Aussagen')}); {changed_rows(grown)}. "
        "Sollen die neuen Zeilen gelten: die früheren dieser Zeilen löschen (workbench "
        f"forget --statement {ids}; ihre Kodierungen gehen mit) und die Datei erneut "
        "importieren — die übrigen Aussagen bleiben, neue Zeilen kommen hinzu. Sind es "
        "zwei verschiedene Dateien gleichen Namens, nimmt --allow-duplicates beide auf."
        f"{_left(grown)}"
    )


def append_rows(session: Session, target: int, sha256: str) -> None:
    """Move the statements of the document just written from a file of ``sha256`` to the
    stored document ``target`` (after its statements, its text extended) and remove the
    written one: the export is one document, now with the file's hash; the file's name is
    kept beside it (:mod:`workbench.store.downloads`)."""
    written = session.scalars(
        select(Document)
        .where(Document.sha256 == sha256, Document.id != target)
        .order_by(Document.id.desc())
    ).first()
    stored = session.get(Document, target)
    if written is None or stored is None:
        return  # nothing was written (the rows were all empty)
    shift = len(stored.text)
    last = session.scalar(select(func.max(Segment.position)).where(Segment.document_id == target))
    for segment in session.scalars(select(Segment).where(Segment.document_id == written.id)):
        segment.document_id = target
        segment.position = (last or 0) + segment.position
        if segment.start is not None and segment.end is not None:
            segment.start, segment.end = segment.start + shift, segment.end + shift
    stored.text += written.text
    earlier = [*(stored.options or {}).get(EARLIER_SHA, []), stored.sha256]
    erased = {ERASED_ROWS: stored.options[ERASED_ROWS]} if ERASED_ROWS in stored.options else {}
    names = {**(stored.options or {}).get(DOWNLOAD_NAMES, {}), sha256: written.filename}
    options = {**(written.options or {}), **erased, EARLIER_SHA: earlier, DOWNLOAD_NAMES: names}
    known = conversation(stored.options or {})
    if known and not conversation(options):  # a download without its summary.csv
        options["polis"] = {**options.get("polis", {}), "conversation": known}
    session.flush()
    session.delete(written)
    session.flush()  # the hash is unique per importer: free it first
    stored.sha256, stored.options = sha256, options
    stored.importer = written.importer  # the kind of file of that hash: CSV after Excel
    session.flush()
