"""A protocol's details, shared by the DOCX, ODT, PDF and Markdown readers (pure).

Detail lines ``Schlüssel: Wert`` (:data:`META_KEYS`): Workshop, Sozialraum, Datum, Format;
the participants (Teilnehmende, Anwesende) and who wrote or moderated the protocol
(Protokoll, Protokollführung, Moderation) give the names to pseudonymise; ``Ort``,
``Uhrzeit`` are known but not kept. A list of names (:func:`split_names`) is split at
",", ";", "/", " und ", "&" and line breaks (an entry "Nachname, Vorname" is one person);
an organisation or role in brackets, forms of address and titles ("Frau Dr.", "Herr
Pfr.") are left out, and so are parts that are no name's shape (digits or "@": a date, a
phone number, an e-mail; words in lower case but particles: "de Vries", "al-Hassan"). A
signature line at a protocol's end ("gez. Anna Schmidt", "Protokoll erstellt von Anna
Schmidt am 22.03.2021") is no statement: its names go onto the name list
(:func:`signature_names`).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from itertools import pairwise

from workbench.ingest.common import normalise_date
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import ACADEMIC, PARTICLES, REACTIONS, ROLE_WORDS, TITLES
from workbench.ingest.name_tokens import prefixed_name
from workbench.ingest.paragraphs import CLUB_NAMES
from workbench.ingest.protocol_title import is_event
from workbench.ingest.speakers import natural_order
from workbench.ingest.venue_names import VENUE_WORDS

IGNORED = "ignored"  # a known detail that is not kept (Ort, Uhrzeit)
# A card query's table in a protocol without headings (header_key of its first column):
# a first column headed like this holds the question of its row ("Leitfrage | Antworten"),
# one headed like this labels the rows (attribute "Zeile"); any other first column is
# content like the others, each column's header its statements' guiding question.
ROW_QUESTION_HEADERS = frozenset("leitfrage leitfragen frage fragen fragestellung".split())
ROW_LABEL_HEADERS = frozenset(
    [
        "",
        *"thema themen themenfeld bereich bereiche handlungsfeld handlungsfelder gruppe "
        "kategorie zielgruppe sozialraum stadtteil quartier".split(),
    ]
)
META_KEYS = {
    "workshop": "workshop",
    "sozialraum": "district",
    "stadtteil": "district",
    "district": "district",
    "datum": "date",
    "date": "date",
    "format": "format",
    "teilnehmende": "names",
    "teilnehmer": "names",
    "teilnehmer*innen": "names",
    "teilnehmer:innen": "names",
    "teilnehmerinnen": "names",
    "participants": "names",
    "anwesend": "names",
    "anwesende": "names",
    "moderation": "names",
    "protokoll": "names",
    "protokollführung": "names",
    "protokollant": "names",
    "protokollantin": "names",
    "protokollführer": "names",
    "protokollführerin": "names",
    "ort": IGNORED,
    "uhrzeit": IGNORED,
    "zeit": IGNORED,
}
SEVERAL = "several"  # a line of several details: its value the (field, value) of each
# Where a line of details goes on with the next ("Datum: 12.03.2021 | Ort: Bürgerhaus",
# "Moderation: Anna Schmidt, Protokoll: Jonas Becker", a tab between them)
_NEXT_DETAIL = re.compile(
    r"(?:\s*[,;|·•–—]\s*|\s+)(?=(?:"
    + "|".join(re.escape(key) for key in sorted(META_KEYS, key=len, reverse=True))
    + r")\s*:)",
    re.IGNORECASE,
)
# … also before a label inside a line joined from two ("Jonas Becker Gastgeber: Café Anna")
_SEPARATORS = re.compile(r"[,;/\n]|\s+(?:und|&)\s+|\s+(?=[^\W\d_][\w*-]*:\s)")
_BRACKETS = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
_DOTTED = frozenset(w for w in ACADEMIC | TITLES if w.endswith("."))  # "Dr.", "Prof.", "Hr."
_EXTRA_TITLES = frozenset({"pfr.", "pfrin.", "pfarrer", "pfarrerin", "dipl.-pad.", "mag.", "ing."})
_SIGNATURE = re.compile(
    r"^(?:gez\.|i\.\s?A\.|(?:das\s+)?protokoll\s+(?:erstellt|geschrieben|führte|verfasst)"
    r"(?:\s+von)?|(?P<label>(?:protokoll(?:führung)?|moderation)\s*:)|erstellt\s+von)"
    r"\s*(?P<rest>.+)$",
    re.I,
)
# What ends a sentence ("Moderation: Danke."), not an initial ("Protokoll: Anna S.")
_SENTENCE_END = re.compile(r"(?:[!?…]|[^\W\d_]{2}\.)$")
# A date the protocol does not know ("Datum: unbekannt, das Protokoll wurde nachgetragen",
# "k. A.", "offen", "?", "–"): no date, as without the line
_NO_DATE = re.compile(
    r"^(?:(?:(?:nicht\s+|un)bekannt|unklar|(?:noch\s+)?offen|keine\s+angaben?|k\.\s?a\.|"
    r"n\.\s?n\.|tba|tbd|unknown)(?=$|[\s,;.:(–—-])|[?–—-]+(?!.*\d))",  # "– 12.03.2021": a date
    re.I,
)
# Finite verbs that make the value of "Ort:"/"Zeit:" a sentence ("… ist zu klein")
FINITE_VERBS = frozenset(
    "ist sind war waren hat haben hatte hatten wird werden fehlt fehlen gibt gab kann "
    "können konnte konnten muss müssen soll sollen bleibt bleiben braucht brauchen reicht "
    "reichen".split()
)
_AFTER_NAME = re.compile(r"\s+(?:am|den|vom)\s+\d.*$|\s+am\s+\S+\s*$")
# A word for a group, no one's name: a gender form ("Vertreter*innen", "Bürger:innen",
# "BewohnerInnen", "Träger_in") or a collective ("Nachbarschaft", "Elternschaft")
_GROUP_WORD = re.compile(r"\w(?:[*:_/]in(?:nen)?|Innen|schaft(?:en)?)$")
# What may stand before a group's word: an article, "ca." ("die Nachbarschaft", "ca. 12 …");
# and the small words among the capitalised ones after it ("Vertreter*innen der Träger")
_GROUP_LEAD = frozenset({"die", "der", "das", "ca.", "etwa", "rund"})
_GROUP_JOINS = frozenset(
    "der die das des den dem aus von vom im in am an und sowie mit zum zur".split()
)
_HEADING_NUMBER = re.compile(  # not the "1." of a club's name ("1. FC Köln")
    rf"^\s*(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?|[IVX]{{1,4}}\.|[A-Za-z]\))\s+(?=\S)(?!(?:{CLUB_NAMES})\b)"
)


def _name(part: str) -> str:
    """One entry of a list of names without brackets, a label ("Gastgeberin: Anna
    Schmidt"), forms of address and titles."""
    words = _BRACKETS.sub(" ", part).replace("–", " ").split()
    if len(words) > 1 and re.fullmatch(r"[^\W\d_][\w*-]*:", words[0]):
        words.pop(0)
    while words and fold(words[0]) in TITLES | ACADEMIC | ROLE_WORDS | _EXTRA_TITLES:
        words.pop(0)
    return " ".join(w.strip(" .:-") if i == len(words) - 1 else w for i, w in enumerate(words))


def _looks_like_name(name: str) -> bool:
    """A person's name: one to five words, capitalised but for particles ("von der", also
    first: "de Vries") and Arabic articles ("al-Hassan"), no digits or "@" ("Sitzung des
    Beirats", "22.03.2021" are none), no word for a group ("Vertreter*innen der Träger",
    "Nachbarschaft")."""
    words = name.split()
    named = [w for w in words if w[0].isupper() or prefixed_name(w)]
    return (
        0 < len(words) <= 5
        and not re.search(r"[\d@]", name)
        and not any(_GROUP_WORD.search(w) for w in words)
        and bool(named)
        and all(w in named or fold(w) in PARTICLES for w in words)
    )


def _venue(words: list[str]) -> bool:
    """Whether the words of an entry name a venue ("Café Anna", "Hotel Post"); "Villa",
    "Casa" are surnames too ("Anna Villa", "Casa Lopez" stay)."""
    first = words[0]
    return (
        len(words) > 1
        and fold(first) in VENUE_WORDS
        and not gazetteer().has_last(first)
        and not gazetteer().has_first(first)
    )


def split_names(value: str) -> tuple[str, ...]:
    """The names in a list of participants (see the module's docstring).

    >>> split_names("Frau Dr. Gudrun Schnittger-Kallweit (Büro); Herr Pfr. Benedikt Hülsenbeck")
    ('Gudrun Schnittger-Kallweit', 'Benedikt Hülsenbeck')
    >>> split_names("Anna Schmidt und Thi Thu Trang Nguyen, 22.03.2021")
    ('Anna Schmidt', 'Thi Thu Trang Nguyen')
    >>> split_names("de Vries, Jan; Schmidt, Anna; Mohammed al-Hassan")
    ('Jan de Vries', 'Anna Schmidt', 'Mohammed al-Hassan')
    >>> split_names("Anna Schmidt, Gastgeber: Café Anna")
    ('Anna Schmidt',)
    """
    names = []
    for name in _entries(value):
        words = name.split()
        if not _venue(words):
            names.append(name)
        elif len(words) > 2:  # "Studio Tamo Zabelberg": the owner's full name stays listed
            names.append(" ".join(words[1:]))
    return tuple(names)


def _entries(value: str) -> tuple[str, ...]:
    """The entries of a list of participants, people and venues ("Café Anna": a host)."""
    names = []
    for entry in re.split(r"[;\n]", _BRACKETS.sub(" ", value)):
        # an entry "Nachname, Vorname" is one person ("de Vries, Jan; Schmidt, Anna")
        for part in _SEPARATORS.split(_surname_first(entry)):
            name = _name(part)
            if _looks_like_name(name):
                names.append(name)
    return tuple(dict.fromkeys(names))


def _surname_first(entry: str) -> str:
    """An entry "Nachname, Vorname" in natural order ("Schmidt, Anna" → "Anna Schmidt");
    two people stay two: two first names ("Anna, Lena"), two surnames ("Braun, Schmidt")."""
    turned = natural_order(entry)
    if turned == " ".join(entry.split()):
        return entry
    names = gazetteer()
    surname, _, first = (part.split() for part in entry.partition(","))
    particle = any(w[:1].islower() for w in surname)  # "von der Heide, Anna-Lena"
    surname = [p for w in surname if w[:1].isupper() for p in w.split("-")]
    first = [p for w in first if not w.endswith(".") for p in w.split("-")]
    if not particle and all(names.has_first(w) and not names.has_last(w) for w in surname):
        return entry  # "Anna, Lena"
    if any(names.has_last(w) and not names.has_first(w) for w in first):
        return entry  # "Braun, Schmidt"
    return turned


def is_names_line(text: str) -> bool:
    """Whether a line in a list after "Teilnehmende:" is one of names (a few words each,
    no sentence end outside brackets)."""
    names = _entries(text)  # "Gastgeber: Café Anna" is a line of the list, no one's name
    plain = " ".join(w for w in _BRACKETS.sub("", text).split() if w.lower() not in _DOTTED)
    return (
        bool(names)
        and all(len(n.split()) <= 5 for n in names)
        and not re.search(r"[.!?…](?=\s|$)", plain)  # "Dr. Mehmet Yılmaz" ends none
    )


def is_people_line(text: str) -> bool:
    """Whether a plain line under "Teilnehmende:" names people: a line of names, each of
    two words or more or a first name or surname the gazetteer knows ("Anna Schmidt",
    "Braun"), not a description ("Bewohnerinnen und Bewohner", "Nachbarschaft")."""
    names, known = split_names(text), gazetteer()
    return is_names_line(text) and all(
        len(n.split()) > 1 or known.has_first(n) or known.has_last(n) for n in names
    )


def _reaction(value: str) -> bool:
    """Whether the value of "Moderation:" is a reaction alone ("Prima"), no surname."""
    word = value.strip(" *_\t")
    return fold(word) in REACTIONS and not gazetteer().has_last(word)


def said_after_key(text: str) -> bool:
    """Whether a line "Moderation: …"/"Teilnehmende: …" is what was said, not a list of
    names ("Moderation: Herzlich willkommen, wir beginnen."), or a line "Ort: …"/"Zeit: …"/
    "Format: …"/"Sozialraum: …" a sentence, no place, time, format or district ("Ort: Das
    Bürgerhaus ist zu klein für große Feste.", "Format: leider nur digital, viele Ältere
    konnten nicht teilnehmen."), a reaction alone ("Moderation: Prima")."""
    first = _NEXT_DETAIL.split(text)[0]  # of a line of several details, the first
    value = first.partition(":")[2].strip(" *_\t")
    field = detail_key(first)
    if field in (IGNORED, "format", "district"):
        return _sentence(value)
    if field == "names" and _reaction(value):
        return True  # "Moderation: Prima", "Moderation: Super"
    return field == "names" and bool(value) and not is_names_line(value)


def _sentence(value: str) -> bool:
    """Whether the value of "Ort:", "Format:" … is a sentence: with a finite verb, or of four
    words and more with a sentence end and no number (a place or a time has none)."""
    words = value.split()
    if any(w.strip(",;.!?…").lower() in FINITE_VERBS for w in words):
        return True
    ended = _SENTENCE_END.search(value) is not None
    return len(words) >= 4 and ended and not any(c.isdigit() for c in value)


def people_heading(text: str) -> bool:
    """Whether a heading is over the list of participants ("Teilnehmende", "Anwesende:"),
    whose lines are names, no statements ("Moderation", "Protokoll" are not: a section
    "Protokoll" holds the protocol)."""
    key = " ".join(text.strip(" *_:\t").lower().split())
    return META_KEYS.get(key) == "names" and not key.startswith(("moderation", "protokoll"))


def names_heading(text: str) -> bool:
    """Whether a line is "Teilnehmende:" (or "Moderation:") without names after it, or a
    heading over the participants (:func:`people_heading`): a list of names follows."""
    bare = detail_key(text) == "names" and not text.partition(":")[2].strip()
    return bare or people_heading(text)


def people_in(text: str) -> tuple[str, ...]:
    """The people a line under "Teilnehmende:" names: all of a line of names ("Okonkwo,
    Wiśniewska": a name the gazetteer does not know is still one); in a line that names a
    group (:func:`describes_group`), each of two words or more or a name the gazetteer
    knows, a description among them is none."""
    return known_people(text) if describes_group(text) else split_names(text)


def known_people(text: str) -> tuple[str, ...]:
    """The names in a line that surely name people: each of two words or more or a name
    the gazetteer knows ("Herausforderungen", "Nachbarschaft" are none)."""
    known = gazetteer()
    names = split_names(text)
    return tuple(n for n in names if len(n.split()) > 1 or known.has_first(n) or known.has_last(n))


def names_alone(text: str) -> tuple[str, ...]:
    """The people of a line of names without a key ("Anna Schmidt, Jonas Becker, Frau
    Öztürk" under a protocol's title): two or more, each a known first name and a surname
    or a name after "Frau"/"Herr"; else () ("Stadt Leverkusen, Fachbereich Soziales").

    >>> names_alone("Anna Schmidt, Jonas Becker, Frau Öztürk")
    ('Anna Schmidt', 'Jonas Becker', 'Öztürk')
    >>> names_alone("Stadt Leverkusen, Fachbereich Soziales"), names_alone("Anna Schmidt")
    ((), ())
    """
    names, known = split_names(text), gazetteer()
    addressed = {
        fold(after)
        for before, after in pairwise(text.replace(",", " ").split())
        if fold(before) in TITLES
    }
    person = [
        (len(n.split()) > 1 and known.has_first(n.split()[0])) or fold(n.split()[0]) in addressed
        for n in names
    ]
    return names if len(names) > 1 and is_names_line(text) and all(person) else ()


def describes_group(text: str) -> bool:
    """Whether a line under a bare "Teilnehmende:" says which group came, naming no one
    ("Nachbarschaft", "Vertreter*innen der Träger", "12 Bürger:innen"): a few words, no
    sentence's end, one of its parts (between commas) led by a word for a group, the words
    after it capitalised or small ones ("der", "aus") — not a statement that mentions one
    ("Mehr Treffpunkte für die Nachbarschaft", "Bürger*innen fordern mehr Licht").

    >>> describes_group("Anna Schmidt, Vertreter*innen der Träger")
    True
    >>> describes_group("Mehr Treffpunkte für die Nachbarschaft")
    False
    """
    words = text.split()
    if not 0 < len(words) <= 6 or re.search(r"[.!?:;…]$", text.strip()):
        return False
    for part in re.split(r"[,;]", text):
        words = part.split()
        while words and (words[0].isdigit() or fold(words[0]) in _GROUP_LEAD):
            words = words[1:]
        joined = all(w[0].isupper() or w in _GROUP_JOINS for w in words[1:])
        if words and _GROUP_WORD.search(words[0]) and joined:
            return True
    return False


def signature_names(line: str) -> tuple[str, ...] | None:
    """The names in a signature line ("gez. Anna Schmidt", "Protokoll erstellt von Anna
    Schmidt am 22.03.2021", "Protokoll: Anna Schmidt, 22.03.2021"); None for any other line
    (also when what follows is more than a few names, a date and contact details, or when
    a line "Moderation: …"/"Protokoll: …" ends a sentence: it is what was said).

    >>> signature_names("Protokoll erstellt von Björn Treckmann am 22.03.2021")
    ('Björn Treckmann',)
    >>> signature_names("Protokoll: die Gruppe sammelt weiter Ideen für den Platz.") is None
    True
    >>> signature_names("Moderation: Danke."), signature_names("Moderation: Anna S.")
    (None, ('Anna S',))
    """
    match = _SIGNATURE.match(line.strip())
    if not match:
        return None
    said = _SENTENCE_END.search(match.group("rest").strip()) or _reaction(match.group("rest"))
    if match.group("label") and said:
        return None  # "Moderation: Danke.", "Moderation: Prima", "Protokoll: Bus und …" say
    rest = _AFTER_NAME.sub("", match.group("rest").strip())
    parts = [p.strip() for p in _SEPARATORS.split(_BRACKETS.sub(" ", rest)) if p.strip()]
    names = split_names(rest)
    contact = [p for p in parts if re.search(r"[\d@]", p) or fold(p).startswith(("tel", "mail"))]
    if not names or len(names) + len(contact) < len(parts):
        return None
    if any(len(n.split()) > 4 or not n[0].isupper() for n in names):
        return None
    return names


def heading_text(text: str) -> str:
    """A heading without its number ("1. Herausforderungen" → "Herausforderungen").

    >>> heading_text("2.1 Ressourcen und Möglichkeiten")
    'Ressourcen und Möglichkeiten'
    """
    return _HEADING_NUMBER.sub("", text.strip(), count=1).strip()


def title_like(line: str) -> bool:
    """Whether a plain protocol's first line reads as its title ("Workshop Opladen",
    "Protokoll Stadtteilkonferenz 12.3.2021"): short, no "Label:", no sentence's end."""
    text = line.strip()
    last = text.split()[-1] if text else ""
    ends = text.endswith(("?", "!")) or (text.endswith(".") and not any(c.isdigit() for c in last))
    return 0 < len(text.split()) <= 12 and ":" not in text and not ends


def intro_like(line: str) -> bool:
    """Whether a line of its own may introduce a list as a guiding question: short, ends
    with "?" or ":" ("Was fehlt im Stadtteil?", "Ressourcen:"), and is no detail
    ("Teilnehmende:" above a list of names)."""
    text = line.strip()
    return text.endswith(("?", ":")) and len(text.split()) <= 15 and detail_key(text) is None


def detail_key(text: str) -> str | None:
    """The field of a detail line ``Schlüssel: Wert`` with a known key, else None (the
    value is not read)."""
    key, sep, _ = text.partition(":")
    return META_KEYS.get(" ".join(key.strip(" *_").lower().split())) if sep else None


def detail(text: str, filename: str) -> tuple[str, object] | None:
    """``(field, value)`` of a detail line ``Schlüssel: Wert`` with a known key (names as
    a tuple, a date as ISO text, :data:`IGNORED` for details not kept), else None. A line
    "Protokoll: Stadtteilworkshop Manfort" names the event: it is the title; in "Protokoll:
    Anna Schmidt, Stadtteilworkshop Manfort" the minute-taker is named, the event no name.
    A line of several details ("Datum: 12.03.2021 | Ort: Bürgerhaus | Protokoll: Jonas
    Becker") is ``(SEVERAL, ((field, value), …))``.

    >>> detail("Moderation: Anna Schmidt, Protokoll: Jonas Becker", "p.docx")
    ('several', (('names', ('Anna Schmidt',)), ('names', ('Jonas Becker',))))
    """
    field = detail_key(text)
    parts = _NEXT_DETAIL.split(text) if field else []
    if len(parts) > 1:
        found = tuple(d for d in (detail(part, filename) for part in parts) if d is not None)
        return SEVERAL, found
    key, _, value = text.partition(":")
    value = value.strip(" *_\t\n")
    if field == "names" and fold(key.strip(" *_")) == "protokoll" and _names_event(value):
        return "title", f"Protokoll: {' '.join(value.split())}"
    if field == "names" and _reaction(value):
        return IGNORED, value  # "Moderation: Prima" above the first heading: no name
    if field == "names":  # an event beside the minute-taker is no one's name
        named = split_names(value)
        return field, tuple(n for n in named if not any(map(is_event, n.split())))
    if field == "date":
        return (
            (IGNORED, value)
            if _NO_DATE.match(value)
            else (field, normalise_date(value.lstrip("–—- "), filename))
        )
    return (field, value) if field else None


def _names_event(value: str) -> bool:
    """Whether the value of "Protokoll:" names the event ("Stadtteilworkshop Manfort",
    "Sitzung des Beirats 12.03.2021"), not who wrote it ("Anna Schmidt", also "Anna
    Schmidt (Jugendforum)": a name led by a first name the gazetteer knows)."""
    if not any(is_event(word) for word in value.split()):
        return False
    known = gazetteer()
    return not any(
        known.has_first(name.split()[0]) and not any(map(is_event, name.split()))
        for name in split_names(value)
    )


def add_detail(fields: MutableMapping[str, object], field: str, value: object) -> None:
    """Put a detail into a document's fields: names are added to those found before, a
    detail not kept is left out, any other replaces what was there; several each."""
    if field == SEVERAL:
        for each in value:  # type: ignore[attr-defined]
            add_detail(fields, *each)
    elif field == "names":
        fields["names"] = tuple(dict.fromkeys((*fields.get("names", ()), *value)))  # type: ignore[misc]
    elif field != IGNORED:
        fields[field] = value


def _label(text: str) -> str | None:
    """A table cell's detail key ("Datum:", "Sozialraum", "Thema:"), else None: a cell
    ending in ":" with a key of one or two words, or a known key without the colon."""
    key = text.removesuffix(":").strip()
    shaped = text.endswith(":") and 0 < len(key.split()) <= 2
    return key if "\n" not in text and (shaped or detail_key(key + ":")) else None


def _detail_lines(text: str) -> list[str] | None:
    """A cell's lines if each is a detail line of its own ("Datum: 12.03.2021"), else None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    shaped = all(
        len(key.split()) <= 2 and sep and value.strip()
        for key, sep, value in (line.partition(":") for line in lines)
    )
    return lines if lines and shaped else None


def table_details(rows: list[list[str]]) -> list[str] | None:
    """The lines ``Schlüssel: Wert`` of a table of a protocol's details (a Word template's
    header table: "Datum:" | "12.03.2021" a row, pairs side by side, "Datum: 12.03.2021" in
    a cell, or the keys in a first row over their values), with at least one known key;
    None for any other table (a card query, a list of participants). ``rows`` are the
    cells' texts, paragraphs as lines; a value keeps its lines (names one a line)."""
    rows = [[_lines(cell) for cell in row] for row in rows if any(c.strip() for c in row)]
    if len(rows) == 2 and all(_label(c) and detail_key(c + ":") for c in rows[0] if c):
        return _known([f"{_label(k)}: {v}" for k, v in zip(*rows, strict=False) if k and v])
    found: list[str] = []
    for row in rows:
        column = 0
        while column < len(row):
            text, column = row[column], column + 1
            lines = _detail_lines(text) if text else []
            key = _label(text) if text and lines is None else None
            if lines is None and key is None:
                return None  # neither a detail nor a key: no table of details
            if key is not None and column < len(row) and _label(row[column]) is None:
                value, column = row[column], column + 1
                found += [f"{key}: {value}"] if value else []
            found += lines or []
    return _known(found)


def _lines(text: str) -> str:
    """A cell's text without blank lines and the white space around its lines."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _known(lines: list[str]) -> list[str] | None:
    """The lines if at least one has a known key of a detail kept, else None."""
    return lines if any(detail_key(line) not in (None, IGNORED) for line in lines) else None


# What sets a header's or footer's parts apart ("Stadtteilworkshop⇥Protokoll: Anna Schmidt",
# "Jugendamt | Protokoll: Anna Schmidt | Seite 1")
_MARGIN_PARTS = re.compile(r"\t+|\n|\s+[|·•–—]\s+")


def margin_names(texts: Sequence[str]) -> tuple[str, ...]:
    """The names in a document's headers and footers, which are no statements: who wrote
    or moderated ("Protokoll: Anna Schmidt", "Erstellt von Jonas Becker", "gez. …") or
    took part ("Teilnehmende: …"), each part of a line set apart by a tab or " | " read
    on its own. Named there only, a minute-taker mentioned in a statement stayed in clear.

    >>> margin_names(["Stadtteilworkshop Manfort\\tProtokoll: Anna Schmidt", "Seite 1 von 2"])
    ('Anna Schmidt',)
    """
    names: dict[str, None] = {}
    for text in texts:
        for part in _MARGIN_PARTS.split(text):
            part = " ".join(part.split())
            if not part:
                continue
            found = signature_names(part)
            if found is None:
                found = names_listed(part)
            names.update(dict.fromkeys(found or ()))
    return tuple(names)


def names_listed(line: str) -> tuple[str, ...]:
    """The names a detail line lists ("Teilnehmende: …", "Moderation: …", also among
    other details: "Datum: 12.03.2021 | Protokoll: Jonas Becker"; a date is not read)."""
    names: list[str] = []
    for part in _NEXT_DETAIL.split(line) if detail_key(line) else ():
        found = detail(part, "") if detail_key(part) == "names" else None
        names += found[1] if found is not None and found[0] == "names" else ()
    return tuple(dict.fromkeys(names))
