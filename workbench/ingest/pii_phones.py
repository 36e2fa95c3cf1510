"""Phone numbers in a text, and what looks like one but is none: dates, date-times, times,
timestamps, opening hours, a timetable's minutes, technical ids, a council paper's number,
amounts in thousands (moved out of :mod:`workbench.ingest.pii_patterns`; called by
:func:`workbench.ingest.pii_patterns.find_structured`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from workbench.ingest.pii_common import _DAY, _MONTH_NUMBER, _YEAR, Hit

# -- phone -------------------------------------------------------------------------------
_SEP = r"(?:\s?[/–-]\s?|\s|\.)"
_PHONE = re.compile(
    r"(?<![\w+./,-])"
    # no country code and no area code starts with 0: "000123" is a number on a form
    # "(0214)", also spaced: "(0 214)", "(02 14)"
    r"(?:(?:\+|00)[\s-]?[1-9]\d{0,2}(?:\s?\(0\))?|\(\+[1-9]\d{0,2}\)|\(0\s?[1-9](?:\s?\d){0,4}\)"
    # the national "(0)" without a country code, by habit, before an area code or a mobile
    # prefix: "(0)171 2345678", "(0) 2171 40688" (not "Werte (0) 12 15 17 20")
    r"|\(0\)\s?(?=[2-9]|1\s?[5-9])"
    r"|0[1-9]\d{0,4}"
    # the area code in pairs, up to a "/" or "-": "0 21 71 / 4 99 88" (not "Skala 0 10 20 30")
    r"|0\s(?=[1-9]\d[\d\s]{0,7}[/–-]\s?\d))"
    # a closing bracket only after an opening one: "(0214) 77 88", not "(0214 7788990)"
    rf"(?:{_SEP}?(?:\(\d{{1,8}}\)|\(?\d{{1,8}})){{1,6}}"
    r"(?![\w])"
)
# a local number right after a phone cue: "Tel.: 30 65 120", "Handy 30650", an extension
# "Durchwahl -1234"
_PHONE_CUE = re.compile(
    r"\b(?:Tel(?:efon)?\.?|Telefonnummer|Tel\.-Nr\.|Rufnummer|Handy(?:nummer)?|Mobil(?:nummer)?|"
    r"Fax|Whats[Aa]pp|Nummer|Festnetz|erreichbar unter|anrufen unter|(?P<ext>Durchwahl|DW)|"
    # "Ruft mich an: 406 88 12", "ruf uns an unter 30 65 120", "Handynr. 30650"
    r"[Rr]uf(?:t|en Sie)?\s+(?:mich|uns)\s+an(?:\s+unter)?|Handynr\.|Tel\.?-?[Nn]r\.)"
    r"\s*(?P<colon>[:.]\s*)?"
    r"(?:ist\s+|lautet\s+)?(?P<number>-?\d{2,6}(?:[ /-]?\d{1,6}){0,4})(?![\w.,]\d)"
)
_CONTACT_CUE = re.compile(r"Tel\b|Tel\.|Telefonnummer|Rufnummer|Fax|erreichbar|anrufen|[Rr]uf")
_DATE_LIKE = re.compile(r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|0?\d/\d{2,4}")
# a month and its year, or a span of them: "04 2022" (a JavaScript date "Fri Mar 04 2022"),
# "KW 09 2022", "01.2021 - 12.2021"
_MONTH_YEAR = r"(?:0?[1-9]|1[0-2])[./\s](?:19|20)\d{2}"
_MONTH_YEARS = re.compile(rf"{_MONTH_YEAR}(?:\s?[–-]\s?{_MONTH_YEAR})?")
# Dates, date-times, times and timestamps are never phones ("02.03.2021 18:22" from
# LimeSurvey or Excel, "0000-00-00 00:00:00", "2021-03-02T18:22:05+01:00", "18:22 Uhr",
# "04-03-2019").
_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
_DATE_TIME = re.compile(
    # a day and a month that exist: "12.34.56" is part of a phone ("+49 221 12.34.56");
    # not "02.03. 0214"
    rf"(?<![\d.])(?:{_DAY}\.\s?{_MONTH_NUMBER}\.\s?(?:(?:19|20)\d{{2}}|\d{{2}}(?!\d))"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:0?[1-9]|[12]\d|3[01])-(?:0?[1-9]|1[0-2])-(?:19|20)\d{2})"  # not "0214 40-68-2019"
    rf"(?![\d])(?!\.\d)(?:,?(?:\s+|T){_TIME}(?:\s?(?:Z|[+-]\d{{2}}:?\d{{2}}))?)?"
    rf"|(?<![\d.:]){_TIME}(?![\d:])"
)
# "Stand 04.2022" starts no phone, but "0214 / 12.2019" is one: a month ends none
_MONTH_YEAR_AT = re.compile(r"(?<![\d.])(?:0?[1-9]|1[0-2])[./](?:19|20)\d{2}(?!\d|\.\d)")

# Opening hours with dotted times are no phones: "Mo 08.00 - 12.00 Uhr", "09.30-11.30",
# "08.00-12.00/14.00-18.00"
_CLOCK = r"(?:[01]?\d|2[0-3])[.:][0-5]\d"
_HOURS = re.compile(rf"(?<![\d.,]){_CLOCK}\s?[–-]\s?{_CLOCK}(?!\d|[.,:]\d)")
# Minutes of a timetable are no phone: "Fahrplan 05 12 25 35", "Abfahrt jeweils 08 23 38 53"
# (two-digit minutes, rising, right after a word of buses and trains and only words of a
# timetable between: not "Nach dem Bus bitte 02 14 30 45 anrufen", "Bus-Hotline: 02 14 30 45")
_MINUTES = re.compile(r"0\d(?: [0-5]\d){2,}")
_TIMETABLE_BEFORE = re.compile(
    r"(?<!\w)(?:Fahrplan|Abfahrt|Abfahrten|Abfahrtszeiten|Takt|Minute|Minuten|fährt|fahren|Bus|"
    r"Busse|Linie|Bahn|Zug|Züge|Haltestelle)"
    r"(?:\s*:|\s+(?:jeweils|um|ab|immer|zur|zu|den|der|in|nach|alle|stündlich|täglich|werktags|"
    r"nur|noch|jetzt|dort|morgens|abends|Minute|Minuten|fährt|fahren|kommt|kommen)(?!\w))*\s+$",
    re.IGNORECASE,
)
# Technical ids are no phones: a UUID ("_uuid" of KoBoToolbox, GUIDs of REFI-QDA) and a
# colour "#000000"
_TECHNICAL = re.compile(
    r"(?<![\w-])[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(?![\w-])"
    r"|#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?!\w)"
)
# The number of a council paper or a development plan is public and no phone ("Vorlage
# 0456/2021", "Drucksache Nr. 0123/21", "Bebauungsplan Nr. 0815/12"); an Aktenzeichen may
# be a private person's case and goes.
_PUBLIC_PAPER = re.compile(
    r"\b(?:(?:Rats|Beschluss|Verwaltungs|Mitteilungs)?[Vv]orlage|Drucksache|Bebauungsplan|"
    r"B-Plan|Bauleitplan)(?:n-?Nr\.|n?nummer|-?Nr\.|\s+Nummer)?\s*(?:Nr\.)?\s*[:.]?\s*"
    r"(?P<number>\d+(?:\.\d+)*[/-]\d+(?:[./-]\d+)*)(?![\w/-])"
)


def _phones(text: str) -> Iterator[Hit]:
    """Phone numbers; none starts inside a date or a time, and none runs into one."""
    dates = [m.span() for m in _DATE_TIME.finditer(text)] if re.search(r"\d[.:/-]\d", text) else []
    dates += [m.span("number") for m in _PUBLIC_PAPER.finditer(text)]
    dates += [m.span() for m in _TECHNICAL.finditer(text)]
    dates += [m.span() for m in _HOURS.finditer(text)]
    months = [m.span() for m in _MONTH_YEAR_AT.finditer(text)]
    cued = {m.start("number") for m in _PHONE_CUE.finditer(text)}  # "Tel 01 02 03 04 05 06"
    pos = 0
    while m := _PHONE.search(text, pos):
        # "02.03.2021 18:22", "0000-00-00 00:00:00"; a phone right after the date is
        # looked for behind it ("am 02.03.2021 0214 406 88")
        inside = [end for start, end in dates + months if start <= m.start() < end]
        if inside:
            pos = max(inside)
            continue
        cut = min((start for start, _ in dates if m.start() < start < m.end()), default=m.end())
        pos = cut  # a phone after the date it ran into is looked for behind that date
        value = text[m.start() : cut].rstrip(" -/.")
        digits = sum(ch.isdigit() for ch in value)
        if (
            digits < 6
            or digits > 16
            or _DATE_LIKE.fullmatch(value)
            or _MONTH_YEARS.fullmatch(value)
            # "001234": too short for "00", a country code and a number; but "0043 1 4000",
            # written in groups, is Vienna's city hall
            or (value.startswith("00") and digits < 10 and (value.isdigit() or value[2] == "-"))
        ):
            continue
        if _timetable(text, m.start(), value) or (
            _no_dialling_code(value) and m.start() not in cued
        ):
            continue
        if _THOUSANDS.fullmatch(value) and _AMOUNT_AFTER.match(text, m.start() + len(value)):
            continue  # "Kosten 040 000 Euro", "Anteil 040 500 Prozent"
        # a trailing group that is a count ("0214 30650 20 Kinder") is not part of it
        yield Hit(m.start(), m.start() + len(value), "phone")
    for m in _PHONE_CUE.finditer(text):
        value = m.group("number")
        if any(start <= m.start("number") < end for start, end in dates):
            continue
        # "Das Handy 2019 gekauft", "Mobil 2030"; but "Tel.: 2019", "DW 2019", and "Tel. 2019",
        # "Fax 2019", "Rufnummer 2019": words of a contact line, not of a sentence
        contact = m.group("ext") or ":" in (m.group("colon") or "") or _CONTACT_CUE.match(m.group())
        if re.fullmatch(_YEAR, value) and not contact:
            continue
        if sum(ch.isdigit() for ch in value) >= 4 and not _DATE_LIKE.fullmatch(value):
            yield Hit(m.start("number"), m.end("number"), "phone")


# Digits in thousands with a unit after them are an amount: "025 000 Euro", "0 150 000 €",
# "040 500 Prozent" (not "0214 406 88 Euro-Tarif", nor a mobile's "0171 234 567 Euro")
_THOUSANDS = re.compile(r"(?!01[5-7][1-9])\d{1,4}(?:[ .]\d{3})+")
_AMOUNT_AFTER = re.compile(r"\s?(?:Euro|EUR|€|Prozent|%|Mio\.?|Millionen|Tsd\.?)(?![\w-])")
# German area codes of two digits (after the 0): Berlin, Hamburg, Frankfurt, München
_TWO_DIGIT_AREA_CODES = frozenset({"30", "40", "69", "89"})


def _no_dialling_code(value: str) -> bool:
    """Whether a number starts as no German phone does: "010", "011" in short groups
    ("Werte 01 02 03 04 05 06"; "010xx" only selects a carrier; "0117 2345678" is a
    mistyped mobile), or its area code in brackets cannot exist ("Skala (0 10) 20 30",
    "(0 5) 10 15 20"; "(0 30) 12 34 56" is Berlin)."""
    if value.startswith(("+", "00", "(+")):
        return False
    digits = re.sub(r"\D", "", value)
    if re.match(r"01[01]", digits) and re.fullmatch(r"\d{2,3}(?: \d{2,3})+", value):
        return True
    bracket = re.match(r"\(0((?:\s?\d)*)\)", value)
    code = re.sub(r"\D", "", bracket.group(1)) if bracket else None
    return code is not None and (
        len(code) == 1 or (len(code) == 2 and code not in _TWO_DIGIT_AREA_CODES)
    )


def _timetable(text: str, start: int, value: str) -> bool:
    """Whether ``value`` at ``start`` are a timetable's minutes ("Fahrplan 05 12 25 35") or
    times ("Abfahrt 06 10 06 40")."""
    if not _MINUTES.fullmatch(value):
        return False
    minutes = [int(group) for group in value.split()]
    # or hours and minutes in pairs, the whole run of them: "Abfahrt 06 10 06 40 07 10 08 10"
    run = re.match(r"\d{2}(?: \d{2})*", text[start:])
    pairs = [int(group) for group in run.group().split()] if run else minutes
    times = [h * 60 + m for h, m in zip(pairs[::2], pairs[1::2], strict=False) if h < 24 and m < 60]
    rising = all(a < b for a, b in pairwise(minutes)) or (
        len(pairs) % 2 == 0
        and len(times) * 2 == len(pairs)
        and all(a < b for a, b in pairwise(times))
    )
    return rising and _TIMETABLE_BEFORE.search(text, max(0, start - 60), start) is not None
