"""Sozialraum names as typed and as stored: the same but for case or spelled-out umlauts,
slips, new names an import or ``workbench districts --add`` declares.

Below the importers (which use it) so that commands that only name a district — a
``--district`` option, ``workbench districts`` — need no importer.
"""

from __future__ import annotations

import difflib
import re
import shlex
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


def shell_name(name: str) -> str:
    """A district's name as typed in a shell: bare if it is one word ("Steinbüchel").

    >>> shell_name("Steinbüchel"), shell_name("Bürrig/Küppersteg")
    ('Steinbüchel', "'Bürrig/Küppersteg'")
    """
    return name if re.fullmatch(r"[\w.,-]+", name) else shlex.quote(name)


def district_twins(names: Sequence[str]) -> list[list[str]]:
    """The stored names that are one name but for case or spelled-out umlauts ("Opladen"
    and "OPLADEN", "Steinbüchel" and "Steinbuechel"), as a project from before the
    refusal in :func:`new_districts` may hold them; in each group the spelling a merge
    should keep first (the city-wide area, umlauts written, neither all capitals nor
    all small letters).

    >>> district_twins(["Buerrig", "Opladen", "Bürrig", "Opladen-Nord", "OPLADEN"])
    [['Bürrig', 'Buerrig'], ['Opladen', 'OPLADEN']]
    >>> district_twins(["Rheindorf", "Rheindorf-Nord", "Schlebusch 1", "Schlebusch 2"])
    []
    """
    groups: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        groups.setdefault(spelled_out(district_fold(name)), []).append(name)
    return sorted(sorted(g, key=_kept_first) for g in groups.values() if len(g) > 1)


def _kept_first(name: str) -> tuple[bool, bool, bool, bool, int, str]:
    """The order of twins: the spelling a merge keeps first (:func:`district_twins`): each
    word capitalised ("Rheindorf-Nord"), no capital inside a word ("Mathildenhof")."""
    words = re.findall(r"[^\W\d_]+", name)
    capitalised = all(w[0].isupper() for w in words)
    capitals = sum(c.isupper() for c in name)
    shouted = name.isupper() or name.islower()
    return (name != CITYWIDE, name.isascii(), shouted, not capitalised, capitals, name)


def _listed(kept: str, others: Sequence[str]) -> str:
    """Twins as a German list: "'Opladen' und 'OPLADEN'"."""
    return ", ".join(f"'{n}'" for n in [kept, *others[:-1]]) + f" und '{others[-1]}'"


def _twin_commands(kept: str, others: Sequence[str]) -> str:
    """What to do with a group of twins: the merge into ``kept`` (or a new name beside the
    city-wide area), or a rename if they are two places."""
    if kept == CITYWIDE:  # "GESAMTSTADT" beside the city-wide area: only a new name
        to_do = "; ".join(f"workbench districts --rename {shell_name(n)} NEU" for n in others)
        return f"Den Sozialraum umbenennen: {to_do}"
    merges = "; ".join(
        f"workbench districts --merge {shell_name(n)} --into {shell_name(kept)}" for n in others
    )
    return (
        f"Ist es derselbe Ort: {merges}. Sind es zwei Orte, einen umbenennen: workbench "
        f"districts --rename {shell_name(others[0])} NEU"
    )


def twin_notices(names: Sequence[str]) -> list[str]:
    """A German notice for each group of :func:`district_twins`: they count as several
    Sozialräume in reports and apps; the command that merges them (or renames one)."""
    return [
        f"Hinweis: Die Sozialräume {_listed(kept, others)} unterscheiden sich nur in Groß-/"
        f"Kleinschreibung oder ausgeschriebenen Umlauten; Berichte und Apps zeigen sie als "
        f"{len(others) + 1} Sozialräume. {_twin_commands(kept, others)}."
        for kept, *others in district_twins(names)
    ]


def twins_meant(name: str, known: Sequence[str]) -> list[str]:
    """The stored twins (:func:`district_twins`) a name written in a file matches but for
    case or spelled-out umlauts, when it matches several and none exactly ("opladen" beside
    "Opladen" and "OPLADEN"); empty when it names one district or none (as
    :func:`named_district` decides, which refuses the same on the command line).

    >>> twins_meant("opladen", ["Opladen", "OPLADEN", "Manfort"])
    ['OPLADEN', 'Opladen']
    >>> twins_meant("OPLADEN", ["Opladen", "OPLADEN"]), twins_meant("buerrig", ["Bürrig"])
    ([], [])
    """
    name = district_name(name)
    if not name or name in known:
        return []
    for key in (district_fold, lambda text: spelled_out(district_fold(text))):
        wanted = key(name)
        hits = sorted({k for k in known if key(k) == wanted})
        if hits:
            return hits if len(hits) > 1 else []
    return []


def ambiguous_twins(
    name: str,
    twins: Sequence[str],
    file: str | None = None,
    rows: Sequence[int | None] = (),
    field: str = "",
) -> InputError:
    """The error for a file that names stored twins in a third spelling (``rows``: where,
    the first as the error's row; ``field``: the column or header that holds it): which
    one it means is not for the import to guess; the merge command that settles it."""
    (kept, *others), *_ = district_twins(twins)
    later = sorted({r for r in rows[1:] if r is not None and r != rows[0]})
    also = f"; ebenso in Zeile {', '.join(map(str, later[:5]))}" if later else ""
    also += " …" if len(later) > 5 else ""
    return InputError(
        f"Sozialraum '{name}'{f' ({field}{also})' if field or also else ''} ist nicht "
        f"eindeutig: Das Projekt hat {_listed(kept, others)}, die sich nur in Groß-/Klein"
        "schreibung oder ausgeschriebenen Umlauten unterscheiden. Nichts importiert. In der "
        f"Datei genau eine dieser Schreibweisen verwenden, oder: {_twin_commands(kept, others)}.",
        file=file,
        row=rows[0] if rows else None,
    )


def boundary_names(written: Iterable[str], stored: Sequence[str]) -> dict[str, str]:
    r"""The stored district each name of the project's boundaries file
    (``geo/districts.geojson``, written with the names as stored then) is: the one of that
    exact name ("OPLADEN" beside "Opladen", a project from before twins were refused), else
    the one it is by :func:`district_name` or, if only one, by case. A name that is
    the city-wide area's but for invisible characters ("Gesamt\u200bstadt") is the
    district migration 0010 called "Gesamtstadt (2)" (the city-wide area has no boundary),
    if the project has one such; names of no stored district are left out.

    >>> boundary_names(["Opla\u202eden", "OPLADEN", "Gesamt\u200bstadt", "Köln"],
    ...                ["Opladen", "OPLADEN", "Gesamtstadt", "Gesamtstadt (2)"])
    {'Opla\u202eden': 'Opladen', 'OPLADEN': 'OPLADEN', 'Gesamt\u200bstadt': 'Gesamtstadt (2)'}
    """
    exact = set(stored)
    folded: dict[str, list[str]] = {}
    for name in stored:
        folded.setdefault(district_fold(name), []).append(name)
    renamed = [n for n in stored if re.fullmatch(rf"{re.escape(CITYWIDE)} \(\d+\)", n)]
    found: dict[str, str] = {}
    for name in written:
        clean = district_name(name)
        same = folded.get(clean.casefold(), [])
        if name in exact:
            found[name] = name
        elif clean in exact and clean != CITYWIDE:
            found[name] = clean
        elif clean != name and clean.casefold() == CITYWIDE.casefold():
            if len(renamed) == 1:  # several: which was which is in no file (upgrade says so)
                found[name] = renamed[0]
        elif len(same) == 1:
            found[name] = same[0]
    return found
