"""Which Sozialraum a row of an indicator file names, as statistics offices write it.

Official tables put the district's number before its name ("010 Manfort", "1.1 Wiesdorf");
the number is dropped when the rest is a declared district. Names the project does not
know stop the import, all of them in one message, each with its first row and the
district it probably means; a city total under the city's own name ("Leverkusen
insgesamt") is pointed to ``Gesamtstadt`` rather than guessed (a "Stadtbezirk I
insgesamt" looks the same and is not the city).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from workbench.core.domain import InputError
from workbench.store import CITYWIDE
from workbench.store.district_spelling import (
    meant_district,
    misspelt_district,
    named_district,
    spelled_out,
)

# "010 Manfort", "1.1 Wiesdorf-West", "03 - Bürrig", "2) Opladen": a number, then the name
CODE = re.compile(r"\d+(?:[./]\d+)*[.)]?(?:\s*[-–:]\s*|\s+)(?=\S)")
SUBTOTAL = re.compile(r"(?i),?\s+(?:insgesamt|gesamt|zusammen|zus\.)$")  # "… insgesamt"
NUMBERED = re.compile(r"(?:[^\W\d_][\w.-]*\s+)?0*(\d+)")  # "101", "ST 101", "Sozialraum 03"
TOTAL = re.compile(r"(?i).*\b(?:insgesamt|gesamt|zusammen|summe)\b.*|(?:gesamt)?stadt\s.*")
# a footnote mark after a name: "Wiesdorf¹", "Opladen*", "Manfort 1)"
FOOTNOTE = re.compile(r"(?<=\S)\s?(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\*+|\d{1,2}\))$")


def district_of(written: str, known: Mapping[str, str], districts: Sequence[str]) -> str | None:
    """The declared district (or Gesamtstadt) ``written`` names, None if none.

    ``known`` maps names compared without case (and the city's aliases) to districts.

    A declared district's total row ("Stadtbezirk I insgesamt", "Opladen zusammen": the
    sum of its parts in the table) is that district.

    >>> known = {"manfort": "Manfort", "gesamtstadt": "Gesamtstadt"}
    >>> district_of("010 Manfort", known, ["Manfort"]), district_of("1.1 Köln", known, ["Manfort"])
    ('Manfort', None)
    >>> district_of("Manfort insgesamt", known, ["Manfort"])
    'Manfort'

    A footnote mark after the name ("Manfort¹", "Manfort 1)": a changed area, a note
    under the table) is no part of it.

    >>> district_of("Manfort¹", known, ["Manfort"]), district_of("010 Manfort 2)", known, [])
    ('Manfort', 'Manfort')

    Hyphens and spaces between the words count alike, as on the map ("Opladen Nord" is
    Opladen-Nord), if only one district is written so.

    >>> district_of("Opladen Nord", known, ["Opladen-Nord", "Opladen-Süd"])
    'Opladen-Nord'
    """
    text = " ".join(written.split())
    names = [text, *([bare] if (bare := FOOTNOTE.sub("", text)) not in ("", text) else [])]
    for name in list(names):
        if (match := CODE.match(name)) and not name[match.end() :].isdigit():
            names.append(name[match.end() :])
    names += [bare for name in names if (bare := SUBTOTAL.sub("", name)) not in ("", name)]
    for name in names:  # "buerrig" for Bürrig, as on the command line
        found = known.get(unicodedata.normalize("NFC", name).casefold()) or named_district(
            name, districts
        )
        if found is not None:
            return found
    for name in names:  # "Opladen Nord", "Schlebusch - Süd": the words are the district's
        same = {d for d in districts if _words(d) == _words(name)}
        if len(same) == 1:
            return same.pop()
    return None


def _words(name: str) -> str:
    """A name's words, spelled out, without the hyphens and spaces between them."""
    return " ".join(re.findall(r"[^\W_]+", spelled_out(name)))


@dataclass
class FormerNames:
    """The names of Sozialräume since renamed or merged away ("Opladen" → "Manfort",
    ``store.district_changes.former_names``) as an indicator file of a later year still
    writes them: each row is the district's today. A district's own row for the same
    indicator and year takes precedence, as ``districts --merge`` keeps the target's value."""

    former: Mapping[str, str]
    used: dict[str, int] = field(default_factory=dict)  # former name → its first row
    via: dict[tuple[str, str, int], tuple[str, int]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)  # German sentences, one per row

    def today(self, district: str, number: int) -> tuple[str, str | None]:
        """The district ``district`` (as read) is today, and the former name it was."""
        if district not in self.former:
            return district, None
        self.used.setdefault(district, number)
        return self.former[district], district

    def gives_way(self, key: tuple[str, str, int], number: int, old: str | None, at: int) -> str:
        """Of two rows for ``key`` (this one, ``number``, and the one in row ``at``): "new"
        if this one, written with a former name, is left out; "old" if the earlier one,
        written with one, makes way for this one; "" if both name the district (an error)."""
        earlier = self.via.pop(key, None) if old is None else self.via.get(key)
        if old is None and earlier is None:
            return ""
        name, gone, kept = (old, number, at) if old is not None else (earlier[0], at, number)
        self.dropped.append(
            f"Zeile {gone}: {key[1]} {key[2]} von {name} übergangen – {key[0]} hat in Zeile "
            f"{kept} einen eigenen Wert."
        )
        return "new" if old is not None else "old"


def probable_district(name: str, districts: Sequence[str]) -> str | None:
    """The declared district an unknown ``name`` probably means ("Opladen" → "Opladen-Nord
    oder Opladen-Süd", "Manfurt" → "Manfort"; "101" or "ST 101" → "Stadtteil 101"), None if
    none.

    >>> probable_district("101", ["Stadtteil 101", "Stadtteil 102"])
    'Stadtteil 101'
    >>> probable_district("SR 03", ["Sozialraum 3", "Sozialraum 13"])
    'Sozialraum 3'
    """
    bare = CODE.sub("", name, count=1)
    found = meant_district(bare, districts) or misspelt_district(bare, districts)
    if found is None:  # the study splits an official district: "Opladen-Nord", "-Süd"
        word = bare.casefold()
        parts = [d for d in districts if word in re.findall(r"[^\W_]+", d.casefold())]
        found = " oder ".join(sorted(parts)) if len(parts) > 1 else None
    if found is None and (number := NUMBERED.fullmatch(" ".join(name.split()))):
        # districts by their number, as the statistics office counts them
        same = [d for d in districts if [int(n) for n in re.findall(r"\d+", d)] == [int(number[1])]]
        found = same[0] if len(same) == 1 else None
    return found


def unknown_error(
    unknown: Mapping[str, int], districts: Sequence[str], file: str, city_row: bool = True
) -> InputError:
    """The error for the district names (→ first row) of an indicator file the project does
    not know: all at once, with the district each probably means. ``city_row``: whether the
    file has a row for the city; without one, a name that means no district ("Leverkusen")
    is probably the city's own name."""
    valid = ", ".join([CITYWIDE, *sorted(d for d in districts if d != CITYWIDE)])
    several = len(unknown) > 1
    guesses = {name: probable_district(name, districts) for name in unknown}

    def listed(name: str) -> str:
        return (
            f"'{name}'"
            + (f" (Zeile {unknown[name]})" if several else "")
            + (f" (gemeint: {guesses[name]}?)" if guesses[name] else "")
        )

    # a total beside the city's own row is a part's ("Stadtbezirk III insgesamt")
    totals = [name for name in unknown if TOTAL.fullmatch(name) and not city_row]
    unguessed = [name for name in unknown if guesses[name] is None]
    if not totals and not city_row and len(unguessed) == 1:  # "Leverkusen": the city?
        totals = unguessed
    city = (
        f" Ist {', '.join(repr(n) for n in totals)} der Wert der ganzen Stadt: in der Datei "
        f"'{CITYWIDE}' (oder 'Stadt gesamt', 'Insgesamt') schreiben."
        if totals
        else ""
    )
    if not totals and not city_row and unguessed:
        city = (
            f" Die Datei hat keine Zeile für die ganze Stadt: Steht sie unter dem Namen der "
            f"Stadt, dort '{CITYWIDE}' schreiben."
        )
    return InputError(
        f"Unbekannte{'' if several else 'r'} Sozialr{'äume' if several else 'aum'} "
        f"{', '.join(listed(n) for n in unknown)}. Gültig sind: {valid}.{city} "
        "Die Zeilen an die Namen des Projekts anpassen oder entfernen; neue Sozialräume: "
        "workbench districts --add NAME; eine Tabelle aller Stadtteile, von denen die Studie "
        "nur einige braucht: indicators --import DATEI --skip-unknown",
        file=file,
        row=None if several else next(iter(unknown.values())),
    )
