"""Licence plates of private cars: "LEV-AB 123", "LEV-AB123", after "Kennzeichen" also
"LEV AB 123" — not "DIN-A 4", "Die SPD-AG 60 plus", "Bauabschnitt BA-C 3". Used by
:func:`workbench.ingest.pii_patterns.find_structured`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.ingest.plate_districts import DISTRICT_CODES

# -- licence plates ----------------------------------------------------------------------
# A private car's plate points to its keeper: "LEV-AB 123", "K-XY 1234E"; after a cue also
# "Kennzeichen LEV AB 123", "Kennzeichen: GL-A12". Not "DIN-A 4", "SGB-II 12", and nothing
# whose first part is no district code ("Die SPD-AG 60 plus", "OGS-AG 3", "DRK-KV 12").
_PLATE_NUMBER = r"[1-9]\d{0,3}[EH]?(?![\w-]|[.,]\d)"  # not "CC BY-SA 4.0"
_PLATE = re.compile(
    # "DIN-A 4" is paper, "TV-L 13" a pay grade; Ennepe-Ruhr, Groß-Gerau, Coburg, Dinslaken
    # are districts ("EN-AB 123", "GG-XY 12", "CO-AB 7", "DIN-AB 12")
    r"(?<![\w-])(?!(?:ISO|SGB|BGB|BVG|VDI|NO|TOP|TV)-|DIN-A )"
    r"(?:(?:[A-ZÄÖÜ]{2,3}-[A-Z]|[A-ZÄÖÜ]{1,3}-[A-Z]{2})"  # not "A-B 12", "B-C 3"
    rf" {_PLATE_NUMBER}"
    # without the blank only with two letters: "LEV-AB123" (a card "GS-K10" is none)
    rf"|[A-ZÄÖÜ]{{1,3}}-[A-Z]{{2}}{_PLATE_NUMBER})"
)
# A working group, a district association, a local branch: "Die KI-AG 2 trifft sich", "Die
# K-KV 12" — a plate with these letters is named after "Kennzeichen"
_GROUP_LETTERS = re.compile(r"[A-ZÄÖÜ]{1,3}-(?:AG|KV|OV)\b")
# … unless a vehicle is named before it in the sentence: "Das Auto LEV-KV 12 steht da"
_VEHICLE = re.compile(
    r"\b(?:Autos?|Wagen|P[Kk][Ww]s?|L[Kk][Ww]s?|Fahrzeugs?|Transporter|Wohnmobils?|Motorrads?|"
    r"Anhänger|Falschparker(?:in)?)\b"
)
# … nor a section, a house, a bus line: "Bauabschnitt BA-C 3", "Haus AB-C 2", "Linie SB-A 23";
# nor a door, an article, a device: "Die Tür A-OG12", "Artikel K-AB12", "Router FB-AB123"
_NOT_PLATE_BEFORE = re.compile(
    r"(?:Linie|Buslinie|Bus|Abschnitt|Bauabschnitt|Haus|Block|Gebäude|Raum|Bereich|Zone|"
    r"Feld|Typ|Modell|Variante|Gleis|Bahnsteig|Stufe|Tür|Etage|Geschoss|Ebene|Artikel|"
    r"Artikelnummer|Art\.-Nr\.|Bestellnummer|Teilenummer|Produkt|Formular|Gerät|Router|"
    r"Version)\s$"
)  # (read over 24 characters before a plate: the longest word and its blank fit)
# … a section of a site, a house or a line even with a car elsewhere in the sentence: "Das
# Auto steht in Bauabschnitt BA-C 3" (but "Das Auto vor der Tür LEV-AB123" is its plate)
_SECTION_BEFORE = re.compile(
    r"(?:Linie|Buslinie|Abschnitt|Bauabschnitt|Haus|Block|Gebäude|Bereich|Zone|Feld|Gleis|"
    r"Bahnsteig|Etage|Geschoss|Ebene)\s$"
)
# After a vehicle or "Kennzeichen" a plate's shape is enough, whatever its code: an old code
# the list does not know ("Das Auto LÜD-AB 123", "Kennzeichen ZEV-X 12") or one letter and
# one ("Der Wagen K-X 12")
_PLATE_SHAPE = re.compile(rf"(?<![\w-])[A-ZÄÖÜ]{{1,3}}-[A-Z]{{1,2}} ?{_PLATE_NUMBER}")
# … the vehicle right before it: "Das Auto LÜD-AB 123", "Der Wagen mit dem K-X 12" (not
# "Mit dem Auto zur SPD-AG 60", "Das Auto steht in Haus AB-C 2")
_VEHICLE_RIGHT_BEFORE = re.compile(
    rf"{_VEHICLE.pattern}(?:\s+(?:mit|dem|vom|von|aus|ist|hat|hatte|war|mit dem)\b)?\s*:?\s$"
)
# … written with blanks, right after a vehicle, with a district's code: "Mein Auto mit HH AB
# 1234" (not "Das Auto ist ein VW ID 3")
_PLATE_BLANKS = re.compile(rf"(?<![\w-])[A-ZÄÖÜ]{{1,3}} [A-Z]{{1,2}} {_PLATE_NUMBER}")
# … or without its letters, right after a vehicle, with a district's code of two or three
# letters: "Der Pkw mit BM 1234" (not a model: "Der Wagen mit S 500")
_PLATE_NO_LETTERS = re.compile(
    rf"(?<![\w-])[A-ZÄÖÜ]{{2,3}}[ -]{_PLATE_NUMBER}"
    r"(?!\s?(?:t|Tonnen|PS|kW|km|Sitze|Plätze|Jahre|Euro|€|%|Prozent)(?!\w))"
)
_PLATE_AFTER_CUE = re.compile(
    r"(?:(?:Kfz-|Auto|Nummern)?[Kk]ennzeichen|Nummernschild)(?:\s+ist|:)?\s+"
    rf"(?P<plate>[A-ZÄÖÜ]{{1,3}}[\s-][A-Z]{{1,2}}[\s-]?{_PLATE_NUMBER})"
)


def plate_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` names a car's licence plate (start, end of each; they may overlap)."""
    for m in _PLATE.finditer(text):
        vehicle = _vehicle_before(text, m.start())
        if (
            _has_district(m.group())
            and (not _NOT_PLATE_BEFORE.search(text, max(0, m.start() - 24), m.start()) or vehicle)
            and not _SECTION_BEFORE.search(text, max(0, m.start() - 24), m.start())
            and not (_GROUP_LETTERS.match(m.group()) and not vehicle)
        ):
            yield m.span()
    for m in _PLATE_AFTER_CUE.finditer(text):
        if _has_district(m.group("plate")) or _PLATE_SHAPE.fullmatch(m.group("plate")):
            yield m.span("plate")
    for m in _PLATE_SHAPE.finditer(text):
        if _VEHICLE_RIGHT_BEFORE.search(
            text, max(0, m.start() - 40), m.start()
        ) and not _GROUP_LETTERS.match(m.group()):
            yield m.span()
    for m in _PLATE_NO_LETTERS.finditer(text):
        if _has_district(m.group()) and _VEHICLE_RIGHT_BEFORE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            yield m.span()
    for m in _PLATE_BLANKS.finditer(text):
        if _has_district(m.group()) and _VEHICLE_RIGHT_BEFORE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            yield m.span()


def _vehicle_before(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` names a vehicle ("Das Auto …", "Ein PKW mit …")."""
    before = re.split(r"[.!?\n]", text[max(0, start - 80) : start])[-1]
    return _VEHICLE.search(before) is not None


def _has_district(plate: str) -> bool:
    """Whether a plate starts with a German district code ("LEV-AB 123"; not "SPD-AG 60")."""
    return re.split(r"[\s-]", plate, maxsplit=1)[0] in DISTRICT_CODES
