"""Sozialraum names as typed and as stored: the same but for case or spelled-out umlauts,
slips, new names an import or ``workbench districts --add`` declares.

Below the importers (which use it) so that commands that only name a district — a
``--district`` option, ``workbench districts`` — need no importer.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from workbench.core.errors import InputError
from workbench.core.typed_text import one_line_name
from workbench.store.schema import CITYWIDE, MAX_DISTRICT_NAME


def district_name(name: str) -> str:
    """A Sozialraum's name as every command stores and compares it: composed, each run of
    blanks, tabs or line breaks inside one space, none at the ends (a name pasted from a
    table cell or typed on two lines is the name on one line); the visible characters
    decide, as for a label (:func:`~workbench.core.typed_text.one_line_name`: a control
    character, a mark that turns text around, a terminal's escape sequence left out) and
    without zero-width characters (:func:`visible_letters`).

    >>> district_name(" Opladen\\nNord\\t Ost "), district_name("Steinbu\u0308chel")
    ('Opladen Nord Ost', 'Steinbüchel')
    >>> district_name("Opla\u202eden"), district_name("\x1b[31mOpladen\x1b[0m\x9b")
    ('Opladen', 'Opladen')
    """
    if not name.isascii() or not name.isprintable():
        name = visible_letters(one_line_name(name))
    return " ".join(unicodedata.normalize("NFC", name).split())


def district_fold(name: str) -> str:
    r"""The key a name written elsewhere (typed, a boundaries file's) is matched by with the
    stored names: stored as :func:`district_name` stores it, case folded.

    >>> district_fold("opla‮den") == district_fold("Opladen")
    True
    """
    return district_name(name).casefold()


# zero-width characters that show nothing in a Latin name: space, word joiner, byte order
# mark, soft hyphen, Mongolian vowel separator; the joiners (U+200C/D) only where no emoji,
# mark or letter of a script that shapes with them (Hebrew onwards: U+0590) is beside them
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
_JOINER = re.compile("[\u200c\u200d]")


def visible_letters(text: str) -> str:
    """``text`` without the zero-width characters that show nothing between Latin letters
    ("Opla\u200bden" is "Opladen"); a joiner inside an emoji or an Arabic word stays.

    >>> visible_letters("Opla\u200dden\ufeff"), visible_letters("Wiese \U0001f469\u200d\U0001f467")
    ('Opladen', 'Wiese 👩\u200d👧')
    """
    text = _ZERO_WIDTH.sub("", text)
    if _JOINER.search(text) is None:
        return text
    return _JOINER.sub(_joining, text)


def _joining(m: re.Match[str]) -> str:
    """A joiner kept beside an emoji, a mark or a letter from U+0590 on, else nothing."""
    text, start, end = m.string, m.start(), m.end()
    beside = text[start - 1 : start] + text[end : end + 1]
    keeps = any(
        unicodedata.category(c) in {"So", "Sk", "Mn", "Mc", "Me"} or ord(c) >= 0x0590
        for c in beside
    )
    return m.group() if keeps else ""


def meant_district(name: str, known: Sequence[str]) -> str | None:
    """The declared district an unknown name probably means: one whose name is a word of
    it ("Leverkusen-Opladen", "Opladen-Nord?" → "Opladen"), if exactly one is.

    >>> meant_district("Leverkusen-Opladen", ["Opladen", "Manfort", "Gesamtstadt"])
    'Opladen'
    >>> meant_district("Schlebusch", ["Opladen", "Manfort"]) is None
    True
    """
    words = {w.casefold() for w in re.findall(r"[^\W_]+", name)}
    found = [k for k in known if k.casefold() in words and k.casefold() != name.casefold()]
    return found[0] if len(found) == 1 else None


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def spelled_out(name: str) -> str:
    """A name in lower case with its umlauts and ß spelled out ("Steinbüchel" →
    "steinbuechel"), as keyboards and file names without them write it; composed first
    (a file name from a Mac writes "ü" as "u" and a combining mark).

    >>> spelled_out("Steinbu\u0308chel"), spelled_out(" Straße ")
    ('steinbuechel', 'strasse')
    """
    if name.isascii():  # no umlaut to spell out, composed already: most words of a text
        return name.strip().lower()
    return unicodedata.normalize("NFC", name).strip().casefold().translate(_UMLAUTS)


def named_district(name: str, known: Sequence[str], what: str = "Sozialraum") -> str | None:
    """The declared district ``name`` names on the command line: itself, or the one that is
    the same but for case or spelled-out umlauts ("buerrig" → "Bürrig"); None if none is.
    Names that match several raise an InputError listing them (``what`` names the kind of
    thing, e.g. "Workshop", for other names typed on the command line).

    >>> named_district("buerrig", ["Bürrig", "Opladen"]), named_district("OPLADEN", ["Opladen"])
    ('Bürrig', 'Opladen')
    >>> named_district("Köln", ["Opladen"]) is None
    True
    """
    if name in known:
        return name
    for key in (district_fold, lambda text: spelled_out(district_fold(text))):
        wanted = key(name)  # once, not once per declared name
        hits = sorted({k for k in known if key(k) == wanted})
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise InputError(
                f"{what} '{district_name(name)}' ist mehrdeutig: {', '.join(hits)}. "
                "Bitte den Namen genau so schreiben."
            )
    return None


def check_district_size(name: str, file: str | None = None, row: int | None = None) -> str:
    """Return ``name``; refuse a new Sozialraum's name longer than the database holds
    (PostgreSQL stopped with a database error, SQLite stored it).

    >>> check_district_size("Manfort")
    'Manfort'
    """
    if len(name) > MAX_DISTRICT_NAME:
        raise InputError(
            f"Der Name des Sozialraums '{name[:30]}…' ist zu lang: {len(name)} Zeichen, "
            f"höchstens {MAX_DISTRICT_NAME}. Bitte einen kürzeren Namen angeben.",
            file=file,
            row=row,
        )
    return name


def new_districts(names: Iterable[str], known: Sequence[str]) -> list[str]:
    """The names among ``names`` that are not declared yet (composed, stripped, each once).
    A name that is a declared one (or one given before it) but for case or spelled-out
    umlauts raises an InputError naming it: "Sued-Ost" beside "Süd-Ost" would be a second
    district that splits the statements, as every command takes the two as one name.

    >>> new_districts(["Altstadt", " Süd-Ost ", "Altstadt"], ["Gesamtstadt", "Altstadt"])
    ['Süd-Ost']
    """
    declared = [unicodedata.normalize("NFC", k) for k in known]
    added: list[str] = []
    for given in names:
        name = district_name(given)
        if not name or name in declared:
            continue
        same = named_district(name, declared)
        if same == CITYWIDE:
            raise InputError(f"'{name}' ist der gesamtstädtische Bereich, kein Sozialraum.")
        if same is not None:
            raise InputError(
                f"Sozialraum '{name}' gibt es schon als '{same}' (Groß-/Kleinschreibung und "
                "ausgeschriebene Umlaute meinen denselben Sozialraum). Einen anderen Namen "
                f"geben oder umbenennen: workbench districts --rename '{same}' NEU"
            )
        declared.append(check_district_size(name))
        added.append(name)
    return added


def misspelt_district(name: str, known: Sequence[str]) -> str | None:
    """The declared district an unknown name is a slip of: the same but for case or umlauts
    ("steinbuechel"), or a letter or two apart ("Manfrot"), if exactly one is that close.

    >>> misspelt_district("Manfrot", ["Manfort", "Opladen"])
    'Manfort'
    >>> misspelt_district("steinbuechel", ["Steinbüchel"]), misspelt_district("Köln", ["Opladen"])
    ('Steinbüchel', None)
    """
    spelled = {spelled_out(k): k for k in known}
    key = spelled_out(name)
    if key in spelled:
        return spelled[key] if spelled[key] != name.strip() else None
    if len(key) < 5:
        return None
    close = difflib.get_close_matches(key, list(spelled), n=2, cutoff=0.8)
    return spelled[close[0]] if len(close) == 1 else None


def unknown_districts(
    unknown: Mapping[str, int | None], known: Sequence[str], file: str, hint: str = ""
) -> InputError:
    """The error for districts a file names that the project does not know (name → first
    row): all at once, each with its row and the district it probably means."""
    added = sorted(unknown)
    listed = ", ".join(
        (f"{name} (Zeile {unknown[name]})" if unknown[name] and len(added) > 1 else name)
        + (
            f" (gemeint: {meant}?)"
            if (meant := meant_district(name, known) or misspelt_district(name, known))
            else ""
        )
        for name in added
    )
    return InputError(
        f"Unbekannte Sozialräume{f' ({hint})' if hint else ''}: {listed}. "
        f"Gültig sind: {', '.join(sorted(known))} (weitere mit: workbench districts --add "
        "NAME, oder beim Import --add-districts).",
        file=file,
        row=unknown[added[0]] if len(added) == 1 else None,
    )


def district_notices(added: Sequence[str], alike: Mapping[str, str]) -> list[str]:
    """What an import with ``--add-districts`` declared, and which names it read as a
    declared district instead (name → district).

    >>> district_notices(["Hitdorf"], {"Steinbuechel": "Steinbüchel"})[1]
    "Sozialraum 'Steinbuechel' als 'Steinbüchel' gelesen (derselbe Name), nicht neu angelegt."
    """
    notices = [f"Neue Sozialräume angelegt: {', '.join(added)}."] if added else []
    return notices + [
        f"Sozialraum '{name}' als '{same}' gelesen (derselbe Name), nicht neu angelegt."
        for name, same in alike.items()
    ]
