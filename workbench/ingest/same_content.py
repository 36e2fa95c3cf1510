"""The same contributions in a second file: a protocol saved as DOCX and as PDF (pure).

A folder often holds a protocol twice, as written (``.docx``, ``.odt``, ``.md``) and as
sent round (``.pdf``); an export twice, as ``.csv`` and ``.xlsx``. Imported both, every
statement would count twice in clusters, profiles and the scope rule. Two files are the
same when their words of four letters or more ("der", "und" are in any two German texts),
counted, agree to at least :data:`SAME` of the longer one (readers
split paragraphs differently, a PDF's page furniture adds a few words, stored text is
pseudonymised) and each has at least :data:`MIN_WORDS` words — if leaving one out loses
nothing: each of its statements stands in the other (unless both are one day's protocol
of one workshop, corrected), which names no other Sozialraum (a monthly protocol from one
template, a survey exported per Sozialraum). Of two such files in one import the editable
one is kept (a PDF's text is reconstructed from its lines), else the
first; a file whose contributions the project already holds is left out. Both are named,
and a file kept from another wave than the import's is named with its wave: a follow-up
that repeats an earlier wave's protocol is no DOCX/PDF twin, but the same words again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.core.domain import ImportResult, ParsedDocument
from workbench.core.errors import ListedError
from workbench.core.formatting import format_percent, plural
from workbench.core.typed_text import compared
from workbench.ingest.common import PROTOCOL_IMPORTERS, date_of_title_or_name, fill_template
from workbench.ingest.district_names import district_in_name, district_in_title
from workbench.ingest.export_format import (
    comparable,
    in_other_format,
    numbered_apart,
    polis_way_on,
    same_rows,
    same_stem,
    topic_aside,
    topic_kept,
    unknown_clone,
)
from workbench.ingest.export_growth import (
    Appending,
    Row,
    another_conversation,
    changed_notice,
    downloaded_before,
    earlier_in_import,
    growth,
    has_row_ids,
    newest_first,
    newest_first_notice,
    note_clone,
    one_download_each,
    renamed_download,
    unchanged,
)
from workbench.ingest.held_export import held_export
from workbench.ingest.id_gaps import refuse_renamed_gaps
from workbench.ingest.protocol_title import workshop_in_title
from workbench.ingest.stored_row_ids import rows_as_stored, with_platform_ids
from workbench.store.district_spelling import named_district
from workbench.store.erased_rows import ERASED_ROWS
from workbench.store.waves import ordered_waves

SAME = 0.85  # shared words (counted) ÷ words of the longer text
MIN_WORDS = 30  # shorter texts (a breakout room's chat) may agree by chance
_WORD = re.compile(r"\w{4,}")  # "der", "und", "ist" are shared by any two German texts
_LESS_EXACT = (".pdf",)  # text reconstructed from lines: kept only without an editable copy
SKIPPED = "doppelt"  # an ImportResult's status
EARLIER = "frühere Fassung"  # … of a file whose earlier version the project holds
Meeting = tuple[str | None, str | None, str | None]  # a workshop's name, Sozialraum, date
Waves = tuple[str, str] | None  # a stored document's wave and the import's, if they differ
Places = Callable[[], set[str]]  # worked out on demand: Sozialräume, words of names


def words(text: str) -> Counter[str]:
    """A text's words in lower case, counted; composed first, as a word ends at a
    combining mark ("Bänke" from a Mac, "a" + U+0308, would be "ba" and "nke").

    >>> words("Ba\u0308nke fehlen") == words("Bänke fehlen")
    True
    """
    return Counter(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


def document_words(document: ParsedDocument) -> Counter[str]:
    """The words of a parsed document's contributions (and its text, if it keeps one)."""
    if document.text is not None:
        return words(document.text)
    return words("\n".join(s.text for s in document.segments))


def agreement(a: Counter[str], b: Counter[str]) -> float:
    """Shared words (counted) ÷ words of the longer of two texts; 0 for a short one."""
    size_a, size_b = a.total(), b.total()
    if min(size_a, size_b) < MIN_WORDS or min(size_a, size_b) < SAME * max(size_a, size_b):
        return 0.0  # too short, or too different in length to agree to SAME
    return (a & b).total() / max(size_a, size_b)


@dataclass
class Stored:
    """A document in the project, its text read only when its length could match."""

    name: str
    sha256: str
    importer: str  # a workbook's sheet other than the first: "xlsx:Opladen"
    chars: int  # the stored text's length
    load: Callable[[], str]  # its text
    wave: str | None = None  # the label of the wave its workshop belongs to
    statements: Callable[[], list[tuple[int, str]]] = list  # (id, text) of its statements
    originals: Callable[[], list[tuple[int, str]]] = list  # … with the key's spans put back
    workshop: Meeting = (None, None, None)  # name, place, date
    districts: Callable[[], set[str]] = set  # the Sozialräume of its statements (as compared)
    names: Callable[[], set[str]] = set  # the words its placeholders stand for
    key: int = 0  # its id
    sources: Callable[[], dict[int, Row]] = dict  # its statements' row IDs in the file
    options: Callable[[], dict[str, Any]] = dict  # rows erased, earlier downloads, …
    cells: Callable[[], list[tuple[str, dict[str, Any]]]] = list  # statements' row ID, attributes
    _words: Counter[str] | None = None

    def words(self) -> Counter[str]:
        """The stored text's words, counted (once)."""
        if self._words is None:
            self._words = words(self.load())
        return self._words


def _notice(other: str, share: float, stored: bool, waves: tuple[str, str] | None) -> str:
    """Why a file was left out; ``waves`` (the other file's, the import's) when they differ."""
    where = "schon im Projekt" if stored else "in diesem Import"
    if waves is None:
        return (
            f"nicht importiert: {format_percent(share, 0)} der Wörter stimmen mit '{other}' "
            f"({where}) überein — dieselben Beiträge in einer zweiten Datei (z. B. das "
            "Protokoll als DOCX und als PDF)? Mit --allow-duplicates werden beide importiert."
        )
    theirs, ours = waves
    return (
        f"nicht importiert: {format_percent(share, 0)} der Wörter stimmen mit '{other}' "
        f"({where}, Welle '{theirs}') überein — eine eigene Erhebung der Welle '{ours}', "
        "die die Beiträge von damals wiederholt? Dann mit --allow-duplicates importieren."
    )


def _coded(document: ParsedDocument) -> bool:
    """Whether a file brings codings (a second coder's copy of the same statements)."""
    return document.merge or bool(document.codings) or any(s.codes for s in document.segments)


def _near(a: int, b: int) -> bool:
    """Whether two texts of ``a`` and ``b`` characters could hold the same words (a stored
    text adds the guiding questions as headings, a PDF page furniture)."""
    return 0.5 * b <= a <= 2 * b


def _rows(other: Stored) -> Callable[[], list[tuple[str, str]]]:
    """The stored document's rows: each row's ID in its file and its text in clear."""

    def read() -> list[tuple[str, str]]:
        source = other.sources()
        return [(source[key][0], text) for key, text in other.originals() if key in source]

    return read


def label_key(text: str) -> str:
    """A workshop's or district's name as compared: composed, case and spacing aside."""
    return compared(text)


def _another_workshop(
    document: ParsedDocument, other: Meeting, stored_name: Callable[[str], str]
) -> bool:
    """Whether the file names another workshop, Sozialraum or date than ``other`` (a
    stored document's workshop: name, place, date): the template "protokoll.docx" filled
    in for the next workshop, whose greeting and introductions read as in the last."""
    name, district, date = other
    if document.workshop and name:
        given = {label_key(document.workshop), label_key(stored_name(document.workshop))}
        if label_key(name) not in given:
            return True
    if document.district and district and label_key(document.district) != label_key(district):
        return True
    return bool(document.date and date and document.date.strip() != date.strip())


def _earlier_version(
    document: ParsedDocument,
    names: Callable[[], set[str]],
    stored: Iterable[Stored],
    wave: str | None,
    stored_name: Callable[[str], str] = str,
    keep_wave: bool = False,
) -> tuple[str, str] | Appending | None:
    """The status and notice for a file whose earlier version (same name and sheet, same
    wave and workshop, another content holding at least half of its statements word for
    word, compared with the names in clear) the project holds: a protocol corrected after
    import (:data:`EARLIER`: the team decides). Imported, its unchanged statements would
    count twice. With exactly the stored statements it is the same file saved again (line
    endings, a BOM, re-saved by Word): left out as a copy (:data:`SKIPPED`). A coded file
    with exactly the statements of the stored one is a second coder's copy; a file naming
    another workshop, Sozialraum or date is no version. ``keep_wave`` (an import without
    --wave): a file naming a stored workshop goes into that workshop's wave, whatever
    ``wave`` is. A table, platform export or chat that holds each stored row with its ID
    and text and adds rows is no version: its new rows are to be added (:class:`Appending`,
    :mod:`workbench.ingest.export_growth`); of one that changed rows, those are named."""
    clones: list[Stored] = []
    for other in stored:
        apart = (
            not _coded(document)
            and same_stem(other.name, names())
            and numbered_apart(document, other.importer, other.options, other.originals)
        )
        if apart:  # "umfrage.csv" after "umfrage.json", no ID column
            return EARLIER, apart
        if other.sha256 == document.sha256 or not comparable(
            document, other.importer, other.options
        ):
            continue  # another kind of file (a table: the same columns read as CSV or Excel)
        options = other.options()  # read once: erased rows, earlier downloads, ID column
        if (before := downloaded_before(document, other.name, options)) is not None:
            return before  # an earlier download of an export grown since: all in
        if another_conversation(document, options):
            clones.append(other)  # a cloned Pol.is conversation: its seed comments are its own
            continue
        found = _version(document, names, other, options, wave, stored_name, keep_wave)
        if isinstance(found, tuple) and found[0] == EARLIER:
            if unknown_clone(document, options, _rows(other)):  # a Pol.is comment: never edited
                clones.append(other)
                continue
            found = (EARLIER, polis_way_on(found[1], document))
        if found is not None and other.importer != document.importer:
            return in_other_format(found, document, other.name)  # "umfrage.xlsx"
        if found is not None:
            return found
    for other in clones:  # said if it starts with their comments
        source = other.sources()
        rows = [(key, source.get(key, ("", {})), text) for key, text in sorted(other.originals())]
        if note_clone(document, other.name, other.options(), rows):
            break
    return None


def _version(
    document: ParsedDocument,
    names: Callable[[], set[str]],
    other: Stored,
    options: dict[str, Any],
    wave: str | None,
    stored_name: Callable[[str], str],
    keep_wave: bool,
) -> tuple[str, str] | Appending | None:
    """What :func:`_earlier_version` finds ``document`` to be against the stored document
    ``other`` (its ``options``): None if no version of it."""
    mine = [compared(s.text) for s in document.segments]
    mac = unicodedata.normalize("NFC", other.name)  # stored as a Mac named it
    renamed = mac not in names()  # "polis_2026-12-08.csv": the same export's rows?
    if other.importer != document.importer:  # "umfrage.csv" after "umfrage.xlsx"
        renamed = not same_stem(mac, names())
    given = document
    document = topic_aside(document, options)  # "comments.csv" again, with summary.csv
    if renamed and not has_row_ids(document):
        return None
    if _another_workshop(document, other.workshop, stored_name):
        return None
    if (other.wave or "").casefold() != (wave or "").casefold() and not (
        keep_wave and document.workshop and other.workshop[0]
    ):
        return None
    rows_of, by = rows_as_stored(document, options, not renamed, other.cells)  # "_id"
    theirs = other.originals()  # stored pseudonymised, read in clear
    source = other.sources()
    rows = [(key, source.get(key, ("", {})), text) for key, text in sorted(theirs)]
    erased = options.get(ERASED_ROWS)
    grown = None if _coded(document) else growth(rows_of, rows, erased)
    grown = with_platform_ids(grown, by, other.cells)  # "3 = _id 40002": both IDs
    if renamed:
        known = (other.name, options, other.workshop)
        if (plan := renamed_download(rows_of, other.key, grown, known)) is not None:
            return topic_kept(plan, given) if isinstance(plan, Appending) else (SKIPPED, plan)
        refuse_renamed_gaps(document, options, rows, erased)  # an ID cell empty
        return None
    if grown is not None and (plan := unchanged(rows_of, other.key, grown, other.workshop)):
        if isinstance(plan, Appending):  # no row changed
            return topic_kept(plan, given)
        return SKIPPED, plan
    if other.importer != document.importer and (same := same_rows(grown)):
        return SKIPPED, same  # "umfrage.csv" as "umfrage.xlsx" was
    in_wave = f"Welle '{other.wave}', " if other.wave else ""
    if not _coded(document) and (above := newest_first(rows_of, rows)):
        return EARLIER, newest_first_notice(in_wave, len(theirs), above)
    if grown is not None and grown.changed and 2 * grown.kept >= len(theirs):
        ids = " ".join(str(key) for key, _ in sorted(grown.changed))  # a row cut or edited
        return EARLIER, changed_notice(in_wave, len(theirs), grown, ids)  # in a larger file
    known = Counter(compared(text) for _, text in theirs)
    kept = sum((Counter(mine) & known).values())
    if not kept or 2 * kept < len(mine):
        return None
    if _coded(document) and kept == len(mine) == len(theirs):
        return None  # the same statements with another coder's codes: welcome
    lost = grown.changed if grown is not None and grown.changed else theirs
    ids = " ".join(str(key) for key, _ in sorted(lost))  # forget: only the changed
    changed = len(mine) - kept
    if not changed and kept == len(theirs):  # nothing to decide: nothing would be lost
        return SKIPPED, (
            "nicht importiert: dieselben Aussagen stehen schon im Projekt, aus der "
            f"gleichnamigen Datei ({in_wave}{plural(kept, 'Aussage', 'Aussagen')}) — "
            "dieselbe Datei, anders gespeichert (Zeilenenden, Leerzeichen, von Word "
            "neu gespeichert)? Ist etwas anderes berichtigt (etwa die Kopfangaben) und "
            f"soll es gelten: die frühere löschen (workbench forget --statement {ids}; "
            "ihre Kodierungen gehen mit) und die Datei erneut importieren."
        )
    what = (
        f"{plural(kept, 'Aussage steht', 'Aussagen stehen')} unverändert in der neuen, "
        f"{plural(changed, 'ist', 'sind')} neu oder geändert"
        if changed
        else f"die neue hat {plural(len(theirs) - kept, 'Aussage', 'Aussagen')} weniger"
    )
    if grown is not None and lost is not theirs:  # by row IDs: only those changed or gone
        return EARLIER, changed_notice(in_wave, len(theirs), grown, ids)
    return EARLIER, (
        f"nicht importiert: eine frühere Fassung dieser Datei ist schon im Projekt "
        f"({in_wave}{plural(len(theirs), 'Aussage', 'Aussagen')}); {what}. Importiert "
        "zählten die unveränderten Aussagen doppelt. Ersetzt die neue Fassung die "
        f"frühere: die frühere löschen (workbench forget --statement {ids}; ihre "
        "Kodierungen gehen mit) und "
        "die Datei erneut importieren. Sind es zwei verschiedene Dateien gleichen "
        "Namens, nimmt --allow-duplicates beide auf."
    )


def _names(filename: str, stored_name: Callable[[str], str]) -> Callable[[], set[str]]:
    """A file's name as given and as the project would store it, worked out on demand;
    composed (macOS names files decomposed, Windows composed)."""
    found: set[str] = set()

    def names() -> set[str]:
        given = found or {filename, stored_name(filename)}
        found.update(unicodedata.normalize("NFC", name) for name in given)
        return found

    return names


def left_out(
    parsed: Sequence[tuple[Path, ParsedDocument]],
    stored: Iterable[Stored] = (),
    wave: str | None = None,
    stored_name: Callable[[str], str] = str,
    keep_wave: bool = False,
    appends: dict[int, Appending] | None = None,
) -> list[ImportResult | None]:
    """For each of ``parsed``: None to import it, or the result of leaving it out because
    another file of the import or a document ``stored`` in the project already holds its
    contributions, or an earlier version of it (see :func:`_earlier_version`; a file's
    or workshop's name as the project would store it is ``stored_name(name)``). Other files
    that bring codings are always imported; the same file again (same SHA-256) is the
    writer's to report. Words are counted only for files whose length could match
    another's (one large table into a new project: none). ``wave`` is the label of the
    wave the import goes into: a stored document of another wave is named with its;
    ``keep_wave``: the import has no --wave (a named workshop keeps its wave). A file
    whose new rows go to a stored document is imported (None) with them only, in
    ``appends`` by its index."""
    docs = [doc for _, doc in parsed]
    met = [_as_stored(doc) for doc in docs]  # with the date it would be stored with
    chars = [sum(len(s.text) for s in doc.segments) for doc in docs]
    counted: dict[int, Counter[str]] = {}

    def mine(i: int) -> Counter[str]:
        if i not in counted:
            counted[i] = document_words(docs[i])
        return counted[i]

    order = sorted(range(len(parsed)), key=lambda i: parsed[i][0].suffix.lower() in _LESS_EXACT)
    stored = list(stored)
    kept: list[int] = []
    out: list[ImportResult | None] = [None] * len(parsed)
    for i in order:
        same = (docs[i].sha256, docs[i].importer)  # the same file (sheet) again
        name = _names(docs[i].filename, stored_name)
        version = _earlier_version(docs[i], name, stored, wave, stored_name, keep_wave)
        if isinstance(version, Appending):
            if appends is not None:
                appends[i] = version
            kept.append(i)
            continue
        if version is not None:
            out[i] = ImportResult(docs[i].filename, version[0], notices=(version[1],))
            continue
        if (held := held_export(docs[i], stored)) is not None:  # exported from here
            out[i] = ImportResult(docs[i].filename, SKIPPED, notices=(held,))
            continue
        if _coded(docs[i]):
            kept.append(i)
            continue
        if (later := _later_download(docs, i, kept, appends)) is not None:  # one call
            out[later[0]] = ImportResult(docs[later[0]].filename, SKIPPED, notices=(later[1],))
            kept[:] = [j for j in kept if j != later[0]] + ([i] if later[0] != i else [])
            continue
        imported = (
            (parsed[j][0].name, mine(j), None, lambda j=j: places(docs[j]), _meeting(met[j]), set)
            for j in kept
            if (docs[j].sha256, docs[j].importer) != same and _near(chars[i], chars[j])
        )
        earlier = (
            (d.name, d.words(), _other_wave(d.wave, wave), d.districts, d.workshop, d.names)
            for d in stored
            if (d.sha256, d.importer) != same and _near(chars[i], d.chars)
        )
        found = _same_as(mine, met[i], i, imported, stored=False, stored_name=stored_name)
        found = found or _same_as(mine, met[i], i, earlier, True, stored_name)
        if found is None:
            kept.append(i)
        else:
            out[i] = ImportResult(docs[i].filename, SKIPPED, notices=(found,))
    for i, (differ, why) in one_download_each(appends or {}).items():  # weeks 2 and 3
        out[i] = ImportResult(docs[i].filename, EARLIER if differ else SKIPPED, notices=(why,))
        (appends or {}).pop(i, None)  # not added: the later download brings its rows
    return out


def _later_download(
    docs: Sequence[ParsedDocument], i: int, kept: Sequence[int], appends: dict | None
) -> tuple[int, str] | None:
    """(index, why) of a file to leave out of the import as an earlier download of the same
    export as file ``i`` and one ``kept`` (:func:`earlier_in_import`): ``i`` or that one."""
    for j in (j for j in kept if j not in (appends or {}) and not _coded(docs[j])):
        if (why := earlier_in_import(docs[i], docs[j])) is not None:
            return j, why
        if (why := earlier_in_import(docs[j], docs[i])) is not None:
            return i, why
    return None


def refuse_earlier_versions(results: Sequence[ImportResult | None]) -> None:
    """Stop the import (ListedError, nothing stored) when one of :func:`left_out`'s
    ``results`` is a corrected version of a stored file: the team must decide, by the
    command the message names, whether it replaces the earlier one."""
    earlier = [r for r in results if r is not None and r.status == EARLIER]
    if not earlier:
        return
    lines = [f"{r.filename}: {r.notices[0]}" for r in earlier]
    if len(results) > 1:
        lines.append("Nichts wurde gespeichert, auch keine andere Datei dieses Imports.")
    raise ListedError(lines)


def _other_wave(theirs: str | None, ours: str | None) -> tuple[str, str] | None:
    """(their wave, the import's) if a stored document belongs to another wave, else None."""
    if theirs is None or ours is None or theirs.casefold() == ours.casefold():
        return None
    return theirs, ours


def _lost(statement: str, theirs: Counter[str], names: set[str] = frozenset()) -> bool:
    """Whether a statement is missing from another file's words: half of its words and
    more are not there. A name a stored text holds as "[Person 1]" (``names``: the words
    its placeholders stand for) is there: "Anna Schmidt kümmert sich" is in the stored
    "[Person 1] kümmert sich"."""
    own = set(words(statement))
    return 2 * sum(word not in theirs and word not in names for word in own) >= len(own) > 0


def _all_in(document: ParsedDocument, theirs: Counter[str], names: set[str]) -> bool:
    """Whether each contribution of ``document`` stands in a file of words ``theirs``:
    left out, it loses nothing. The protocols of a monthly conference written from one
    template share greeting, privacy note and dates, ≥ 85 % of their words, but not the
    few statements of the month. A PDF's letterhead or footer (first or last line, no
    sentence) is not read from the Word file: it is no contribution."""
    texts = [s.text for s in document.segments]
    for k, text in enumerate(texts):
        edge = k in (0, len(texts) - 1) and not text.rstrip().endswith((".", "!", "?"))
        if _lost(text, theirs, names) and not (
            edge and Path(document.filename).suffix.lower() in _LESS_EXACT
        ):
            return False
    return True


def _same_as(
    mine: Callable[[int], Counter[str]],
    document: ParsedDocument,
    i: int,
    others: Iterable[tuple[str, Counter[str], Waves, Places, Meeting, Places]],
    stored: bool,
    stored_name: Callable[[str], str] = str,
) -> str | None:
    """The notice for the first of ``others`` (name, counted words, differing waves, its
    Sozialräume, its workshop, the words its placeholders stand for) with the words of file
    ``i`` (counted by ``mine``, only if there is another to compare) in the same
    Sozialraum: a survey exported per Sozialraum, answered with the same few words ("Mehr
    Grün"), is no copy of another Sozialraum's.
    The other must hold each contribution of ``document`` (file ``i``), unless both are of
    one day and workshop: a protocol corrected under another name is left out, as one of
    the same name; two rooms' protocols of one day from one template are two meetings."""
    for name, theirs, waves, where, meeting, named in others:
        share = agreement(mine(i), theirs)
        date = meeting[2]
        same_day = bool(document.date and date and document.date.strip() == date.strip())
        one = same_day and not _another_workshop(document, meeting, stored_name)
        if share >= SAME and (one or _all_in(document, theirs, named())):
            ours, other = places(document), where()
            if not ours or not other or ours & other:
                return _notice(name, share, stored, waves)
    return None


def _as_stored(document: ParsedDocument) -> ParsedDocument:
    """A protocol without "Datum:" that names its workshop ("Workshop:" or the event of its
    title) with the date the writer stores it with: that of its title or file name.
    "Protokoll_2025-05-20_korrigiert.docx" is the same day's protocol as
    "Protokoll_2025-05-20.docx"; files named only by their file names stay undated."""
    if document.importer not in PROTOCOL_IMPORTERS or document.date:
        return document
    workshop = document.workshop or workshop_in_title(document.title)
    found = date_of_title_or_name(document.title, document.filename)
    if not (workshop and found):
        return document
    return replace(document, date=found[1], workshop=workshop)


def _meeting(document: ParsedDocument) -> Meeting:
    """A parsed file's workshop: name, Sozialraum, date (as given for the import)."""
    return document.workshop, document.district, document.date


def places(document: ParsedDocument) -> set[str]:
    """The Sozialräume a file's statements are in (as compared), if it names any."""
    named = {s.district or document.district for s in document.segments}
    return {label_key(district) for district in named if district}


def as_given(
    document: ParsedDocument,
    path: Path,
    workshop: str | None,
    district: str | None,
    known: Sequence[str],
) -> ParsedDocument:
    """A parsed file with the workshop and Sozialraum given for the import, if any; a
    file naming none has the one its name or else its title names, as the writer stores it
    ("umfrage-Opladen.csv", "# Quartiersworkshop Opladen")."""
    fixed = fill_template(district, path)
    place = (named_district(fixed, known) or fixed) if fixed else document.district
    if not (place or any(s.district for s in document.segments)):
        place = district_in_name(document.filename, known) or district_in_title(document, known)
    return replace(
        document, workshop=fill_template(workshop, path) or document.workshop, district=place
    )


def import_wave(session, wave: str | None) -> str | None:
    """The label of the wave an import with ``--wave`` ``wave`` goes into (the first
    wave without one; None in a project without waves)."""
    if wave is not None:
        return " ".join(wave.split())
    first = ordered_waves(session)
    return first[0].label if first else None
