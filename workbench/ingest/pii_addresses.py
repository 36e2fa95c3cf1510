"""Addresses with a house number: "Hauptstraße 12a", "Kölner Str. 5", "Am Stadtpark 3a",
with a postcode and town after them — but not "Handlungsfeld 3", "Parkplatz 20 Stellplätze",
"Im Jahr 2020" or a class of road ("Landstraße 80"). Written in capitals ("HAUPTSTRASSE 12",
"IN DER KÖLNER STR. 5A") an address is found as in ordinary spelling. Used by
:func:`workbench.ingest.pii_patterns.find_structured`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_tokens import has_capitals_run
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun

# -- addresses ---------------------------------------------------------------------------
# Endings of street names that hardly mean anything else with a house number after them …
_STRICT_STREET = (
    r"stra(?:ß|ss)e|str\.|str(?=\s?\d)|weg|allee|gasse|ring|damm|chaussee|promenade|ufer|pfad"
)
# … and endings that are also ordinary nouns ("Parkplatz 20 Stellplätze").
_LOOSE_STREET = (
    r"platz|markt|hof|steig|stieg|berg|feld|siedlung|wall|graben|kamp|garten|höhe|winkel|"
    r"grund|bogen|brücke|kai|anger|acker|wiese|heide|park|hain|aue|deich|zeile|kuhle|"
    r"stiege|treppe|gärten|höfe|wiesen|pfädchen|twiete|gracht|stadt"
)
_STREET_END = rf"(?:{_STRICT_STREET}|{_LOOSE_STREET})"
# compounds with such an ending that are no streets ("Handlungsfeld 3", "Arbeitsplatz 2")
_NOT_STREETS = re.compile(
    r"(?:handlungs|arbeits|um|themen|aktions|tätigkeits|praxis|berufs|vor|kraft|spiel|such|"
    r"lern|übungs|förder|sport|schlacht|sicht)feld$|(?:arbeits|kita|krippen|ausbildungs|"
    r"studien|park|stell|sitz|betreuungs|schlaf|wohn|pflege|heim|praktikums|tabellen|"
    r"listen|kindergarten|schul|spiel|markt|sport|bolz|abenteuer|dorf|kirch|rat)platz$|"
    r"(?:arbeits|wohnungs|ausbildungs|super|wochen|floh|weihnachts|bio|bau|dritt|bin)markt$|"
    r"kindergarten$|(?:bahn|fried|hinter|innen|schul|kirch|bauern|pfarr|gast)hof$|"
    r"(?:fuhr|frei|frei|wohn|natur|stadt)park$|(?:heim|schul|rück|hin|um|lösungs|mittel|"
    r"aus|lebens|bildungs|karriere|dienst|fuß|rad|wander|ab|irr|holz|zu|rein)weg$|"
    r"(?:haupt|neben|bundes|landes|klein|groß|innen|heimat|partner|vater|haupt)stadt$|"
    r"(?:schul|lebens|freundes|bekannten|eltern|familien)ring$|(?:schul)hof$",
    re.IGNORECASE,
)
# a class of road, not a street: "Landstraße 80" (km/h), "Bundesstraße 8", "Kreisstr. 12"
# (a street of that name has its postcode after it: "Landstraße 12, 51379 Leverkusen")
_ROAD_CLASS = re.compile(
    r"(?:land|landes|bundes|kreis|staats|gemeinde)(?:stra(?:ß|ss)e|str\.)", re.IGNORECASE
)
# … but "Ich wohne Landstraße 12", "Meine Adresse: Bundesstraße 8" is where someone lives
# (not "Wir wohnen an der Bundesstraße 51": the road past the house)
_RESIDENCE_BEFORE = re.compile(
    r"\b(?:wohne|wohnst|wohnt|wohnen|wohnte|wohnten|wohnhaft|gemeldet|[Aa]dresse|[Aa]nschrift|"
    r"Wohnort|Wohnsitz)\b[^.!?;,\n\d]{0,30}(?<!\ban der )(?<!\bauf der )$"
)
_CAP = r"[A-ZÄÖÜ][a-zäöüßé]+"
_NUMBER = (
    # "Hauptstr. Nr. 12", "Kölner Str. Hausnr. 12", "Hauptstraße, Hausnummer 12"
    r"(?:\s?Nr\.|,?\s?(?:Haus-?[Nn]r\.?|Hausnummer))?\s?(?P<number>\d{1,3}(?:\s?[a-hA-H](?![\w]))?"
    # "12-14", "12/3", Vienna's house/staircase/door "99/16/70"
    # … but no number of a year's paper: "Nr. 12/2023"
    r"(?:\s?[-–/+]\s?\d{1,3}(?:\s?[a-hA-H](?![\w]))?){0,2})"
    r"(?![\d.,:]\d|\d|\s?%|\s?€|[^\W\d_]|/(?:19|20)\d{2}(?!\d))"
)
_PLZ_CITY = r"(?:,?\s+\d{5}\s+[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)?"
# "Hauptstraße 12a", "Bahnhofstr.5", "Konrad-Adenauer-Platz 1", "Dr.-Ottmar-Kohler-Str. 3"
_COMPOUND = re.compile(
    r"(?<![\w-])(?P<word>(?:(?:Dr|St|Prof)\.-)?(?:[A-ZÄÖÜ][\wäöüß.]*-)*"
    rf"(?:[A-ZÄÖÜ][a-zäöüß]*?)?(?P<end>(?i:{_STREET_END}))){_NUMBER}{_PLZ_CITY}",
)
_ARTICLES = (
    r"(?:Die|Der|Den|Dem|Des|Das|Eine|Einer|Einen|Einem|Unsere|Unserer|Unseren|Diese|Dieser|"
    r"Diesen|Jede|Jeder|Jeden|Keine|Keiner|Seine|Ihre|Ihrer|Meine|Meiner|Deine|Welche|Welcher|"
    r"Alle|Allen|Viele|Vielen|Andere|Anderen|Manche|Beide|Beiden|Ganze|Ganzen|Gesamte|"
    r"Nächste|Letzte|Erste|Zweite|Dritte|Eigene|Eigenen|Gleiche|Gleichen|Selbe|Ohne|Jene)\s"
)
# "Kölner Straße 5", "Leverkusener Str. 112", "Alte Landstraße 3", "Berliner Allee 23"
_TWO_WORD = re.compile(
    rf"(?<![\w-])(?!{_ARTICLES})(?:(?:{_CAP}(?:er|e|en|es)|St\.|Sankt)\s)"
    rf"(?:(?!{_ARTICLES}){_CAP}(?:er|e|en)\s)?"
    r"(?P<street>(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:Straße|Strasse|Str\.|Str(?=\s?\d)|Weg|Platz|Allee|"
    r"Gasse|Ring|Damm|Ufer|Markt|Chaussee|Promenade|Hof|Steig|Pfad|Wall|Graben|Kamp|Brücke|Park|Feld|Berg|"
    r"Garten|Höhe|Winkel|Tor|Landstraße|Heide|Wiese|Aue|Siedlung))"
    rf"{_NUMBER}{_PLZ_CITY}"
)
# "Am Stadtpark 3a", "An der Wiese 7", "Auf dem Kamp 2", "Im Oberen Feld 3", "Unter den Linden 5"
_PREPOSITIONAL = re.compile(
    r"(?<![\w-])(?P<prep>[Aa]m|[Ii]m|[Aa]n der|[Aa]n den|[Aa]uf dem|[Aa]uf der|[Aa]uf den|"
    r"[Ii]n der|[Ii]n den|[Zz]um|[Zz]ur|[Uu]nter den|[Uu]nter der|[Uu]nterm|[Hh]inter der|"
    r"[Hh]inter dem|[Hh]inter den|[Vv]or dem|[Vv]or der|[Bb]eim|[Bb]ei der|[Üü]ber der|"
    r"[Üü]ber dem|[Zz]wischen den|[Oo]p de|[Oo]p dem)\s"
    # the adjective also as typed in lower case: "Am alten Markt 3"
    r"(?:(?:[Aa]lte[nmr]?|[Nn]eue[nmr]?|[Oo]bere[nmr]?|[Uu]ntere[nmr]?|[Kk]leine[nmr]?|"
    r"[Gg]roße[nmr]?|[Hh]ohe[nmr]?|[Ll]ange[nmr]?|[Gg]rüne[nmr]?|[Ww]eiße[nmr]?|[Rr]oten?|"
    r"[Bb]reite[nmr]?|[Ll]angen|"
    r"[A-ZÄÖÜ][a-zäöüß]+er)\s)?"
    rf"(?P<place>{_CAP}(?:-{_CAP})?){_NUMBER}{_PLZ_CITY}"
)
# Nouns after a preposition that make ordinary phrases ("Im Jahr 2020", "in der Gruppe 2").
_NOT_PLACES = frozenset(
    """
    jahr jahre jahren monat monate woche wochen wochenende tag tage beispiel ende anfang moment
    schnitt durchschnitt teil vergleich sommer winter herbst frühjahr frühling lockdown abend
    morgen mittag nachmittag vormittag montag dienstag mittwoch donnerstag freitag samstag
    sonntag januar februar märz april mai juni juli august september oktober november dezember
    zeitpunkt rahmen schluss prinzip gegenteil grunde allgemeinen raum zimmer saal haus
    gebäude block etage stock stockwerk gleis bus linie klasse klassen gruppe kleingruppe
    gruppen runde phase stufe kapitel abschnitt punkt frage fragen folie seite seiten tabelle
    anlage kategorie workshop sitzung welle jahrgang quartal halbjahr schuljahr alter team
    bezirk stadtbezirk sozialraum wahlkreis modul variante schritt bereich zone level
    gebiet ortsgebiet tempo
    thema themen projekt schwerpunkt paragraph paragraf absatz artikel nummer platz rang
    vorjahr zeitraum minute minuten stunde stunden uhr prozent euro mal durchgang version
    zeit schnitt vordergrund mittel mittelpunkt zentrum kreis stadtteil quartier viertel
    fall falle szenario tisch stand infostand station antrag protokoll aufgabe plakat pinnwand
    stellwand flipchart tafel arbeitskreis arbeitsgruppe entwurf vorschlag beitrag dokument
    anhang foto bild lageplan plan
    """.split()
)
# … also as the end of a compound: "Im Sitzungsprotokoll Nr. 12", "Im Ratsbeschluss 5"
_PAPER_END = re.compile(
    r"(?:protokoll|beschluss|antrag|dokument|kapitel|abschnitt|anhang|entwurf|vorschlag|"
    r"beitrag|artikel|paragraph|paragraf|absatz|tabelle|folie|workshop|projekt|modul|"
    r"schritt|runde|phase|gruppe|bericht|gutachten|konzept|verzeichnis)$"
)
_NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|sion|tät|ismus|nis|tum|ment|ik)$")
# Words after the number that show it counts something ("Parkplatz 20 Stellplätze").
_COUNTED = re.compile(
    r"\s*(?:[A-ZÄÖÜ][a-zäöüß]*(?:e|en|er|n|s|innen|ä\w*)\b|mal\b|Mal\b|Uhr\b|Euro\b|€|"
    r"Prozent\b|%|km\b|m\b|Kinder\b|Leute\b|Plätze\b|Jahre\b|Tage\b|bis\b|von\b|und\s\d)"
)
_ADDRESS_END = re.compile(
    r"\s*(?:[,.;:)!?]|$|\s*\(|\s+(?:in|im|bei|und|oder|zu|für|wohnt|wohnen|ist|sind|gibt|hat|"
    r"haben|kann|können|trifft|treffen|statt|abgeben|melden|vorbei|klingeln)\b|\s+\d{5})"
)


# After "Adresse:", "Anschrift:", "wohnhaft", "ich wohne" any name with a house number is
# where someone lives, whatever it ends in: "Adresse: Alte Schule 3", "Anschrift: Schloss
# Morsbroich 1", "Ich wohne Hinterm Hof 3" (not "Ich wohne Opladen 3 Jahre")
_CUED_ADDRESS = re.compile(
    r"(?<!\w)(?:[Aa]dresse|[Aa]nschrift|[Ww]ohnhaft|[Ww]ohnsitz|[Ww]ohne|wohnen|wohnt)"
    r"(?:\s*:|\s+(?:ist|lautet)\s*:?)?\s+"
    rf"(?P<address>(?:{_CAP}(?:-{_CAP})*\s){{1,3}}?{_CAP}(?:-{_CAP})*{_NUMBER}{_PLZ_CITY})"
)


def address_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` names a street with a house number (start, end of each)."""
    spans = list(_spans(text, text))
    view = sentence_case(text)
    if view != text:  # "HAUPTSTRASSE 12": found as "Hauptstrasse 12", at the same place
        spans += [span for span in _spans(view, text) if span not in spans]
    yield from spans


def _spans(text: str, written: str) -> Iterator[tuple[int, int]]:
    """The address spans of ``text``, a view of ``written`` letter for letter."""
    for m in _address_matches(text, written):
        if not _list_number(text, m):
            yield m.span("address") if "address" in m.groupdict() else m.span()


# A word in capitals (not a letter of a house number: "5A"); words of a sentence that are
# written in lower case in ordinary spelling: articles, prepositions, the words the address
# patterns read around an address ("wohne", "ist", "klingeln")
_CAPS_WORD = re.compile(r"(?<![\w.])[^\W\d_]{2,}(?:-[^\W\d_]+)*(?![\w])")
_LOWER_WORDS = (
    lists.FUNCTION_WORDS
    | (lists.ARTICLES - {"st.", "sankt", "hl.", "heilige", "heiligen"})
    | frozenset(
        """
        wohne wohnst wohnt wohnen wohnte wohnten wohnhaft gemeldet ist lautet gibt hat haben
        kann konnen trifft treffen abgeben melden vorbei klingeln op
        """.split()
    )
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def sentence_case(text: str) -> str:
    """``text`` with its words in capitals written as in a sentence, each letter in its
    place: a function word in lower case, any other word with a capital ("WIR TREFFEN UNS
    IN DER KÖLNER STR. 5A" → "Wir Treffen Uns in der Kölner Str. 5A")."""
    if not has_capitals_run(text):
        return text
    letters = list(text)
    for m in _CAPS_WORD.finditer(text):
        word = m.group()
        if not word.isupper():
            continue
        lower = fold(word) in _LOWER_WORDS and not _SENTENCE_START.search(text, 0, m.start())
        for at in range(m.start(), m.end()):
            first = at == m.start() or text[at - 1] == "-"
            if (lower or not first) and len(text[at].lower()) == 1:
                letters[at] = text[at].lower()
    return "".join(letters)


# a list item's number at the start of a line: "2. Busse am Abend", "2) Licht"
_LIST_NUMBER = re.compile(r"[.)]\s")
# a line that is an item of a list: "1. Ampel an der Schule", "- Ampel an der Schule"
_LIST_LINE = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-–*•])\s")


def _list_number(text: str, match: re.Match[str]) -> bool:
    """Whether the "house number" of a match is the next list item's number on a new line:
    "1. Ampel an der Schule\n2. Busse am Abend" (not "Musterstraße\n12" in a form)."""
    if "\n" not in text[match.start() : match.start("number")]:
        return False
    if not _LIST_NUMBER.match(text, match.end("number")):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    after = text[match.end("number")]
    return after == ")" or bool(_LIST_LINE.match(text, line_start))


def _address_matches(text: str, written: str) -> Iterator[re.Match[str]]:
    """All address matches, list numbers on the next line included (``text``: ``written``
    or its :func:`sentence_case`)."""
    for m in _CUED_ADDRESS.finditer(text):
        if not _counts(text, m, written) and not re.search(r"\d{4}", m.group("number")):
            yield m
    for m in _COMPOUND.finditer(text):
        word, end = m.group("word"), m.group("end")
        bare = len(word) <= len(end) + 1 and not word.startswith(("Dr.", "St.", "Prof."))
        if bare or _NOT_STREETS.search(word) or _counts(text, m, written):
            continue  # "Straße 5", "Handlungsfeld 3", "Parkplatz 20 Stellplätze"
        if _ROAD_CLASS.fullmatch(word) and not _lives_on(text, m):
            continue  # "Tempo 30, Landstraße 80, Autobahn 100"
        strict = re.fullmatch(_STRICT_STREET, end, re.IGNORECASE) is not None
        if strict or _ends_like_address(text, m):
            yield m
    for m in _TWO_WORD.finditer(text):
        if not _counts(text, m, written):
            yield m
    for m in _PREPOSITIONAL.finditer(text):
        place = m.group("place")
        last = place.split("-")[-1].lower()
        if last in _NOT_PLACES or _NOUN_SUFFIX.search(last) or _PAPER_END.search(last):
            continue
        if re.search(rf"(?:{_STRICT_STREET})$", place, re.IGNORECASE):
            continue  # "in der Hauptstraße 12a": the street pattern takes it, without "in der"
        if _counts(text, m, written) or (
            m.group("prep")[0].islower() and not _ends_like_address(text, m)
        ):
            continue
        yield m


def _lives_on(text: str, match: re.Match[str]) -> bool:
    """Whether a class of road with a number is someone's street: a postcode after it, a
    house number with a letter ("Kreisstraße 12a"), or "wohne", "Adresse" before it."""
    return bool(
        re.search(r"\d{5}", match.group())
        or re.search(r"[a-hA-H]", match.group("number"))
        or _RESIDENCE_BEFORE.search(text, max(0, match.start() - 60), match.start())
    )


def _counts(text: str, match: re.Match[str], written: str) -> bool:
    """Whether the number of an address match counts things ("… 20 Stellplätze"); a word
    in capitals after it only if it is a noun ("… 20 STELLPLÄTZE", not "… 12 SCHICKEN")."""
    after = text[match.end() :]
    counted = _COUNTED.match(after) if after.startswith(" ") else None
    if counted is None:
        return False
    word = counted.group().strip()
    shouted = written[match.end() : counted.end() + match.end()].strip()
    if word.isalpha() and word[0].isupper() and shouted.isupper():
        return is_german_noun(fold(word)) or compound_noun(fold(word))
    return True


def _ends_like_address(text: str, match: re.Match[str]) -> bool:
    """Whether a match ends like an address: punctuation, the end, "in …", "wohnt", a PLZ."""
    return bool(_ADDRESS_END.match(text[match.end() :]))
