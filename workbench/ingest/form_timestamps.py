"""A form tool's submission time as a response's identity: Google Forms and Nextcloud Forms
give their responses no ID.

Google Forms' table starts with "Zeitstempel" ("Timestamp"); Nextcloud Forms' has "Zeitstempel"
("Timestamp", in older versions "Datum") beside its "Benutzer-ID" and "Benutzer-Anzeigename"
("User ID", "User display name"). Without a response ID the project stores such a table by
row numbers, and a response deleted in the form moves every later row up: a re-download
then seemed to change every later stored row. The time a response was submitted stays with
it: a download's rows are matched to the stored rows by it
(:func:`~workbench.ingest.stored_row_ids.by_timestamp`), new ones
numbered after them. Responses of the same second are matched in their order; where such a
group lost or gained a response, its rows cannot be told apart, and the import stops naming
them (:func:`refuse_ambiguous`). Google Forms gives a response edited after submission a new
time in its old place: a row of an unknown time where a stored row is missing stops the
import as well (:func:`refuse_edited`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.formatting import plural
from workbench.ingest.person_headers import header_key

FORM_TIMESTAMP = "form_timestamp"  # a table's options: the column a form tool times responses in
_GOOGLE = frozenset({"Zeitstempel", "Timestamp"})  # Google Forms' first column
_NEXTCLOUD_TIMESTAMPS = frozenset({"zeitstempel", "timestamp", "datum"})  # header_key
# header_key of the columns Nextcloud Forms puts before its time (German, English)
_NEXTCLOUD_USERS = frozenset({"benutzerid", "benutzeranzeigename", "userid", "userdisplayname"})
_SHOWN = 10  # rows named


def form_timestamp(header: Sequence[str]) -> dict[str, str]:
    """``{FORM_TIMESTAMP: column}`` for the submission time of a Google Forms export (its
    first column) or a Nextcloud Forms export (beside its user columns); else ``{}``.

    >>> form_timestamp(["Zeitstempel", "Was fehlt?"]), form_timestamp(["Text", "Zeitstempel"])
    ({'form_timestamp': 'Zeitstempel'}, {})
    >>> form_timestamp(["Benutzer-Anzeigename", "Datum", "Was fehlt?"])
    {'form_timestamp': 'Datum'}
    >>> form_timestamp(["Datum", "Karte"]), form_timestamp(["timestamp", "comment-id"])
    ({}, {})
    """
    names = [str(h).strip() for h in header]
    if names and names[0] in _GOOGLE:  # as Google writes it: Pol.is' "timestamp" is no form's
        return {FORM_TIMESTAMP: names[0]}
    keys = [header_key(h) for h in names]
    times = [h for h, k in zip(names, keys, strict=True) if k in _NEXTCLOUD_TIMESTAMPS]
    if len(times) == 1 and _NEXTCLOUD_USERS & set(keys):
        return {FORM_TIMESTAMP: times[0]}
    return {}


def timestamp_keys(rows: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Row → its key: its time, and how many rows of that time came before it ("…#1")."""
    seen: dict[str, int] = {}
    keys = {}
    for row, value in rows:
        keys[row] = f"{value}#{seen.get(value, 0)}"
        seen[value] = seen.get(value, 0) + 1
    return keys


def refuse_ambiguous(
    document: ParsedDocument, column: str, stored: Mapping[int, str], mine: Mapping[int, str]
) -> None:
    """Stop if a time shared by several responses, stored or in the file, is held by a
    different number of rows in each (one of them deleted, or one more in that second)."""
    for value in dict.fromkeys(mine.values()):
        rows = [row for row, v in mine.items() if v == value]
        theirs = [row for row, v in stored.items() if v == value]
        if not theirs or len(rows) == len(theirs) or max(len(rows), len(theirs)) < 2:
            continue
        shown = ", ".join(map(str, rows[:_SHOWN])) + (" …" if len(rows) > _SHOWN else "")
        raise InputError(
            f"Spalte '{column}': {plural(len(rows), 'Antwort', 'Antworten')} dieser Datei "
            f"(Zeile {shown}) mit dem Zeitstempel '{value}', im Projekt {len(theirs)}. Eine "
            "frühere Fassung "
            "dieser Datei ist schon im Projekt; der Export hat keine Antwort-ID, die Werkbank "
            "ordnet seine Zeilen den gespeicherten nach dem Zeitstempel zu. Antworten "
            "derselben Sekunde, von denen eine gelöscht wurde oder hinzukam, lassen sich so "
            "nicht zuordnen (nach Zeilennummern verschöbe jede gelöschte Zeile alle "
            "folgenden). Nichts importiert. Nur neue Antworten übernehmen: die Datei unter "
            "anderem Namen speichern, darin nur die neuen Zeilen unter der Kopfzeile behalten "
            "und diese Datei importieren.",
            file=document.filename,
            row=rows[0],
        )


def refuse_edited(
    document: ParsedDocument,
    column: str,
    stored: Mapping[int, str],
    mine: Mapping[int, str],
    matched: Mapping[int, int | None],
    sources: Mapping[int, Sequence[str]],
) -> None:
    """Stop if a row of a time the project does not hold (``mine``: row → time, in the
    file's order; ``matched``: row → stored row or None) stands between the rows stored
    before and after a stored row the file lacks (``stored``: row → time; ``sources``: its
    row IDs): Google Forms keeps a response edited after submission in its place with a
    new time, and added beside its earlier version it would count twice."""
    gone = set(stored) - {n for n in matched.values() if n is not None}
    if not gone:
        return
    rows = list(mine)
    before: list[int | None] = []
    last: int | None = None
    for row in rows:
        before.append(last)
        last = matched[row] if matched[row] is not None else last
    after: list[int | None] = []
    last = None
    for row in reversed(rows):
        after.append(last)
        last = matched[row] if matched[row] is not None else last
    after.reverse()
    for row, low, high in zip(rows, before, after, strict=True):
        if matched[row] is not None or low is None or high is None:
            continue
        inside = sorted(n for n in gone if min(low, high) < n < max(low, high))
        if not inside:
            continue
        n = inside[0]
        ids = ", ".join(sources.get(n) or [str(n)])
        raise InputError(
            f"Spalte '{column}': der Zeitstempel '{mine[row]}' steht nicht im Projekt, seine "
            f"Antwort aber an der Stelle der gespeicherten Zeile {n} (Zeitstempel "
            f"'{stored[n]}'), die in dieser Datei fehlt. Eine frühere Fassung dieser "
            "Datei ist schon im Projekt; nach dem Absenden bearbeitete Antworten erhalten "
            "in Google Forms einen neuen Zeitstempel und stünden importiert neben ihrer "
            "früheren Fassung (unveränderte Antworten doppelt). Nichts importiert. Gilt die "
            f"bearbeitete Fassung: die frühere (Zeilen-ID {ids}) mit workbench forget "
            "--source … --document … löschen und die Datei erneut importieren (gelöschte "
            "Antworten bleiben gelöscht, auch unveränderte). Nur neue Antworten übernehmen: "
            "die Datei unter anderem Namen speichern, darin nur die neuen Zeilen unter der "
            "Kopfzeile behalten und diese Datei importieren.",
            file=document.filename,
            row=row,
        )
