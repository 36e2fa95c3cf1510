"""Personal data with a fixed shape: e-mail, phone, IBAN, date of birth, handle, address,
licence plate, a person's number (customer, tenant, staff, insurance, tax, ID card).

Every finder returns :class:`Hit` records (offsets into the text, kind, confidence);
:mod:`workbench.ingest.pseudonymise` chooses among overlapping hits and replaces them.
Addresses are found in :mod:`workbench.ingest.pii_addresses`, e-mails in
:mod:`workbench.ingest.pii_emails`, plates in :mod:`workbench.ingest.pii_plates`, phones in
:mod:`workbench.ingest.pii_phones`; ``Hit`` is defined in :mod:`workbench.ingest.pii_common`.
What is meant to stay stays: meeting dates ("Am 25.11.2020 um 18 Uhr"), date-times,
times and timestamps (never a phone: "02.03.2021 18:22", "0000-00-00 00:00:00"), years, amounts,
counts ("zum Beispiel 3 Kinder", "im Jahr 2020"), places without a house number ("Kita am
Marktplatz") and institutional web addresses.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import UTC, datetime

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import LOCAL_NAMES
from workbench.ingest.pii_addresses import address_spans
from workbench.ingest.pii_common import _DAY, _MONTH_NUMBER, _YEAR, Hit
from workbench.ingest.pii_emails import email_spans
from workbench.ingest.pii_person_numbers import PERSON_NUMBER, THRESHOLD_BEFORE
from workbench.ingest.pii_phones import _phones
from workbench.ingest.pii_plates import plate_spans

# -- social media ------------------------------------------------------------------------
_NETWORKS = (
    r"instagram\.com|facebook\.com|fb\.com|fb\.me|tiktok\.com|twitter\.com|x\.com|"
    r"linkedin\.com|xing\.com|youtube\.com|youtu\.be|t\.me|wa\.me|threads\.net|"
    r"snapchat\.com|pinterest\.\w+|twitch\.tv|reddit\.com|bsky\.app|"
    r"[\w-]+\.social|mastodon\.\w+|chaos\.social|onlyfans\.com|vk\.com|"
    # invitations to a private group: whoever has the link reads the members' numbers
    r"chat\.whatsapp\.com|signal\.group|discord\.gg|discord\.com/invite"
)
_PROFILE_URL = re.compile(
    rf"(?:https?://)?(?:www\.|m\.|de\.)?(?:{_NETWORKS})/[^\s,;)\]}}>\"'“”]+", re.IGNORECASE
)
# A personal homepage names its owner: "www.anna-mueller.de", "anna.mueller.de",
# "www.annamueller.de" (a first name and a surname), or any address after "meine Seite:",
# "mein Blog", "meine Homepage ist"; institutions' addresses stay ("www.caritas-leverkusen.de")
_WEB_ADDRESS = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?P<host>[a-zäöüß0-9]+(?:[-.][a-zäöüß0-9]+)*)"
    r"\.(?:de|com|net|eu|info|org|at|ch|me|online|page|blog)(?:/[^\s,;)\]}>\"'“”]*)?"
    r"(?![\w@-]|\.\w)",
    re.IGNORECASE,
)
_OWN_PAGE_BEFORE = re.compile(
    r"\b[Mm]eine?\s+(?:private\s+|eigene\s+)?(?:Homepage|Webseite|Website|Internetseite|Seite|"
    r"Blog|Webauftritt|Portfolio)\s*(?::|ist|heißt|lautet|unter|findet\s+ihr\s+unter)?\s*$"
)
# "@ayse.demir", "@jens_b89", Mastodon "@olga@norden.social"
_HANDLE = re.compile(
    r"(?<![\w@.+-])@\w(?:[\w.]{0,38}\w)?"
    r"(?:@[\w-]+(?:\.[\w-]+)+)?(?![\w@])"
)
# Mentions that name nobody: everyone in a chat ("@alle", Slack's "@here"), adhocracy+'s and
# meinBerlin's mark of a reply in their export ("@reply: 2021-03-05 … - anna_s")
_EVERYONE = frozenset("@all @alle @here @channel @everyone".split())


def _names_nobody(text: str, mention: re.Match[str]) -> bool:
    """Whether a mention found by :data:`_HANDLE` names nobody (:data:`_EVERYONE`, "@reply:")."""
    found = mention.group().casefold()
    return found in _EVERYONE or (found == "@reply" and text.startswith(":", mention.end()))


# "Insta: ayse_demir", "auf TikTok unter jensbecker", "Instagram-Name ist olga.p"
_HANDLE_CUE = re.compile(
    r"\b(?:Instagram|Insta|IG|TikTok|Tiktok|Twitter|Facebook|FB|Snapchat|Snap|Telegram|"
    r"Threads|Mastodon|YouTube|Youtube|Twitch|Discord|Skype|Bluesky|Signal|Xing|LinkedIn|"
    # as typed in a hurry: "auf insta unter anna.m"
    r"instagram|insta|tiktok|facebook|snapchat|telegram|mastodon|youtube|twitch|discord|skype|"
    r"bluesky|xing|linkedin|twitter)(?![\w.])"
    r"(?:-?(?:Name|Account|Konto|Profil|Kanal|Handle|ID|Nutzername|Benutzername))?"
    # without a cue word only a name no word looks like: "Instagram anna_mueller"
    r"(?:\s+(?:ist|heißt|lautet))?\s*(?P<cue>:|unter|als|ist|heißt|lautet|)\s*"
    # with Discord's old four-digit tag: "jens_b#1234"
    r"(?P<handle>@?[A-Za-z0-9_][A-Za-z0-9_.]{2,38}[A-Za-z0-9_](?:#\d{4})?)(?![\w@])"
)
# German words that follow such a cue without being a handle ("unter anderem")
_NOT_HANDLES = frozenset(
    """
    anderem anderen andere auch aber oder und sehr viel viele vielen mehr immer noch nicht
    kein keine jeder jede jedes alle allen dort hier jetzt schon eher eigentlich ganz gut
    aktiv bekannt erreichbar unterwegs vertreten präsent online dabei wichtig uns euch
    """.split()
)


# -- bank account ------------------------------------------------------------------------
_IBAN = re.compile(
    r"\b(?:[A-Z]{2}|[a-z]{2}(?= ?\d{2}[ ]?\d{4})) ?\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}"
    r"(?:[ ]?[A-Z0-9]{1,3})?\b"
    # in groups joined by "-" or ".": "DE89-3704-0044-0532-0130-00"
    r"|\b[A-Z]{2}\d{2}(?P<sep>[-.])[A-Z0-9]{4}(?:(?P=sep)[A-Z0-9]{4}){1,6}"
    r"(?:(?P=sep)[A-Z0-9]{1,3})?\b"
    r"|(?:(?<=IBAN )|(?<=IBAN: )|(?<=IBAN:))[A-Za-z]{2} ?\d{2}[A-Za-z0-9 ]{10,32}[A-Za-z0-9]"
    # a German or Austrian one (all digits) in odd groups or with double blanks: "DE8937 0400
    # 4405 3201 3000", "DE89  3704  0044  0532  0130  00"
    # (only with valid check digits: not "Die DE 2021 2022 2023 2024 2025")
    r"|\b(?P<loose>(?:[Dd][Ee][ \u00a0]{0,2}(?:\d[ \u00a0]{0,3}){19}"
    r"|[Aa][Tt][ \u00a0]{0,2}(?:\d[ \u00a0]{0,3}){17})\d)(?!\d)"
)
# "Kontonummer 1234567890", "Meine Kontonummer ist 0123456789", "Kto 1234567890",
# "Kontonr. 1234567890", "Konto 12 345 678 90" (a number with a leading zero is no phone here)
_ACCOUNT = re.compile(
    r"\b(?:Kontonummer|Konto-?Nr\.?|Kontonr\.?|Kto\.?(?:-?Nr\.?)?|Konto|BLZ|Bankleitzahl)"
    r"\s*[:.]?\s*(?:(?:ist|lautet)\s*:?\s*)?"
    r"(?P<number>\d{2,4}(?:\s?\d{2,4}){1,4})(?![\w.,]\d)"
)

# -- dates of birth ----------------------------------------------------------------------
_MONTHS = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\.?"
)
_DATE = (
    rf"(?:{_DAY}\.\s?{_MONTH_NUMBER}\.\s?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}\.?\s?{_MONTHS}(?:\s?(?:\d{{4}}|\d{{2}}))?(?![\d\w])"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
)
# after a word of birth any dotted day and month: a typo or the American order ("geb.
# 01.13.1961") is still someone's date of birth
_CUED_DATE = rf"(?:{_DATE}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})(?!\d))"
_WORDS = r"(?:[\wäöüß.-]+\s+){0,4}?"
# a cue, up to four words ("geboren in Köln am"), then a date — or a year after cues that
# say "born" (not after "Geburtstag": "zum 80. Geburtstag im Jahr 2020")
_BIRTH_AFTER = re.compile(
    r"(?<!\w)(?:(?P<born>geboren|geb\.|Geburtsjahr|Geburtsjahrgang|Jahrgang|Jg\.|born)"
    # a cue that ends in a dot may touch the date: "geb.03.04.1961"
    r"|Geburtsdatum|Geb\.-Datum|(?P<day>Geburtstag)|DOB)(?:(?<=\.)|(?!\w))"
    # also a day and a month without the year: "Geburtstag: 3.4."
    rf"\s*[:,]?\s*{_WORDS}(?:am|im|den|der|ist|:)?\s*"
    rf"(?P<date>{_CUED_DATE}|{_YEAR}|{_DAY}\.\s?{_MONTH_NUMBER}\.(?!\s?\d))",
    re.IGNORECASE,
)
# a year of birth in two digits: "Jahrgang 61", "Jg. '58" (not a school grade "Jahrgang 10")
_BIRTH_SHORT_YEAR = re.compile(
    r"(?<!\w)(?:Jahrgang|Jg\.|Geburtsjahr(?:gang)?)\s*:?\s*(?P<date>['’]\d{2}|[2-9]\d)"
    r"(?![\d.,:%]\d|\d|\s?(?:%|Prozent|Schüler|Kinder|Jahre))"
)
# … but a cohort of a school or a kita is no one's birth: "Jahrgang 2019 der Kita", "Der
# Jahrgang 61 der Schule", "Im Jahrgang 2020 sind 80 Kinder" (still "Ich bin Jahrgang 61",
# "Ich bin vom Jahrgang 1961", "Anna, Jahrgang 1961")
_COHORT_BEFORE = re.compile(
    r"(?<!\w)(?:[Dd](?:er|en|em|es|ie|ieser|iesen|iesem)|[Ii]m|[Jj]ede[nmr]?|[Gg]anzen?|"
    r"[Gg]esamten?|[Nn]ächsten?|[Nn]euen?|[Ll]etzten?|[Aa]lle|[Bb]eide[n]?|[Ff]ür|[Aa]b)\s+$"
)
_COHORT_AFTER = re.compile(
    r"\s+(?:der|des|an der|am|an dem|in der|im|unserer|unseres|eurer|vom|von der)\s+"
    r"(?:[\w-]*(?:[Ss]chule|[Gg]ymnasium|[Kk]ita|KiTa|[Kk]indergarten|[Kk]lasse|[Kk]lassen)|"
    r"OGS|Uni|Universität|Hochschule|Kindertagesstätte|Krippe|Ausbildung|Akademie)(?!\w)"
)
_BIRTH_STAR = re.compile(rf"(?<![\w*])\*\s?(?P<date>{_CUED_DATE}|{_YEAR})")
_BIRTH_BEFORE = re.compile(
    rf"(?P<date>{_CUED_DATE}|{_YEAR})\s+(?:in\s+[A-ZÄÖÜ]\S+\s+)?"
    r"(?:geboren|zur Welt gekommen|Geburtstag)(?!\w)",
    re.IGNORECASE,
)
# … but not the date of an event named before it, nor one since or until which something
# holds: "Treffen am 3.4.61", "Die Sitzung vom 03.04.1999", "Seit dem 01.04.1999"
_EVENT_BEFORE = re.compile(
    r"(?<!\w)(?:(?:Treffen|Treffens|Sitzung|Ratssitzung|Termin|Veranstaltung|Versammlung|"
    r"Fest|Feier|Eröffnung|Einweihung|Workshop|Begehung|Konferenz|Beschluss|Protokoll|"
    r"Stand|Gründung|Schließung|Abriss|Brief|Schreiben)\s+(?:am|vom|ab|bis|seit)"
    r"|[Ss]eit|[Bb]is|[Ss]eit dem|[Bb]is zum|[Aa]b dem)\s+(?:de[mn]\s+)?$"
)
# … nor one of an event named after it: "Am 3.4.61 war das Fest." (not "… bin ich geboren")
_EVENT_AFTER = re.compile(
    r"\s+(?:war|ist|fand|findet|wurde|begann|gab es)\s+(?:[\wäöüß]+\s+){0,3}?"
    r"(?:das|die|der|unser|unsere|ein|eine)\s+(?:[\wäöüß-]*(?i:Fest|Feier|Treffen|Sitzung|"
    r"Versammlung|Veranstaltung|Eröffnung|Einweihung|Workshop|Begehung|Konferenz|Markt)|"
    r"Gründung|Schließung|Abriss|Beschluss|Wahl)(?!\w)"
)
_ANY_DATE = re.compile(rf"(?<![\d.])(?P<date>{_DATE})")

# -- a person's number: pii_person_numbers -------------------------------------------

_DIGIT = re.compile(r"\d")


def find_structured(text: str) -> list[Hit]:
    """Every e-mail, phone, IBAN, date of birth, handle, profile link, address, plate and
    person's number."""
    hits: list[Hit] = []
    at = "@" in text
    spoken = " at " in text or " ät " in text or " AT " in text or "＠" in text
    if at or spoken or any(f"{a}t{b}" in text for a in "aä" for b in ")]"):
        hits += [Hit(start, end, "email") for start, end in email_spans(text)]
    if "/" in text:  # a profile link is "netzwerk/…"
        hits += [Hit(m.start(), m.end(), "url") for m in _PROFILE_URL.finditer(text)]
    if at:
        hits += [
            Hit(m.start(), m.end(), "handle")
            for m in _HANDLE.finditer(text)
            if not _names_nobody(text, m)
        ]
    for m in _HANDLE_CUE.finditer(text):
        handle = m.group("handle")
        marked = handle.startswith("@") or re.search(r"[._\d]", handle)
        if not m.group("cue"):
            marked = marked and re.fullmatch(r"@?[A-Za-z]\w*[._]?[\w.]*", handle)
            marked = marked and (handle.startswith("@") or re.search(r"[A-Za-z][._\d]", handle))
            marked = marked and len(re.findall(r"[A-Za-z]", handle)) >= 3 and " " in m.group()
            if marked:
                hits.append(Hit(m.start("handle"), m.end("handle"), "handle"))
            continue
        plain = handle.islower() and handle not in _NOT_HANDLES and m.group("cue") != "als"
        # typed all in lower case, a plain word after "unter" is German: "auf insta unter
        # freunden"; a handle there is marked ("anna.m"), a name ("jensbecker") or after ":"
        typed_lower = m.group()[0].islower() and m.group("cue") != ":"
        plain = plain and (not typed_lower or _names_person(handle))
        if marked or plain:
            hits.append(Hit(m.start("handle"), m.end("handle"), "handle"))
    if "." in text:
        hits += list(_homepages(text))
    if _DIGIT.search(text) is None:
        return hits  # phones, accounts, dates and house numbers all have digits
    hits += [
        Hit(m.start("number"), m.end("number"), "number")
        for m in PERSON_NUMBER.finditer(text)
        if sum(ch.isdigit() for ch in m.group("number")) >= 3
        and not THRESHOLD_BEFORE.search(text, max(0, m.start() - 5), m.start())
        and not _year_named(text, m)
    ]
    accounts = [
        Hit(m.start("number"), m.end("number"), "iban")
        for m in _ACCOUNT.finditer(text)
        if sum(ch.isdigit() for ch in m.group("number")) >= 6
    ]
    # an account number is a bank account, not a phone, even with a leading zero
    hits += [
        h for h in _phones(text) if not any(a.start <= h.start and h.end <= a.end for a in accounts)
    ]
    hits += [Hit(m.start(), m.end(), "iban") for m in _IBAN.finditer(text) if _iban_like(m)]
    hits += accounts
    hits += list(_birthdates(text))
    hits += [Hit(start, end, "address") for start, end in address_spans(text)]
    hits += [Hit(start, end, "plate") for start, end in plate_spans(text)]
    return _numbers_cut(text, hits)


# … but the town's site is no one's own page ("Meine Seite: www.leverkusen.de hat Infos")
_PUBLIC_HOST_WORDS = LOCAL_NAMES | frozenset("stadt gemeinde kreis bezirk land nrw bund".split())


def _homepages(text: str) -> Iterator[Hit]:
    """Web addresses that name a person or that someone calls their own page."""
    for m in _WEB_ADDRESS.finditer(text):
        host = m.group("host")
        parts = re.split(r"[-.]", fold(host))
        # "jens-schlebusch.de" names Jens: a first name makes the page a person's
        public = any(p in _PUBLIC_HOST_WORDS for p in parts) and not any(
            gazetteer().has_first(p) for p in parts if p not in _PUBLIC_HOST_WORDS
        )
        own = _OWN_PAGE_BEFORE.search(text, max(0, m.start() - 50), m.start()) and not public
        if own or _names_person(host):
            yield Hit(m.start(), m.end(), "url")


def _names_person(host: str) -> bool:
    """Whether a host name is a first name and a surname: "anna-mueller", "annamueller"."""
    names = gazetteer()
    parts = re.split(r"[-.]", host.lower())
    if len(parts) == 2:
        return names.has_first(parts[0]) and names.has_last(parts[1])
    if len(parts) != 1:
        return False
    word = parts[0]
    return any(
        names.has_first(word[:cut]) and names.has_last(word[cut:])
        for cut in range(3, len(word) - 4)
    )


def _year_named(text: str, match: re.Match[str]) -> bool:
    """Whether a person's number is a year in a sentence ("Die Mitgliedsnummer 2021 ist neu");
    after a colon, "ist" or "lautet" it is the number ("Mitgliedsnummer: 2021")."""
    cue = text[match.start() : match.start("number")]
    return re.fullmatch(_YEAR, match.group("number")) is not None and not re.search(
        r":|\bist\b|\blautet\b", cue
    )


def _numbers_cut(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with each person's number ended before a hit that starts inside it and runs
    on ("Kundennummer 12345 DE89 3704 …": the IBAN whole, not its last groups in clear)."""
    out = []
    for hit in hits:
        if hit.kind == "number":
            cut = min(
                (h.start for h in hits if hit.start < h.start < hit.end < h.end), default=hit.end
            )
            value = text[hit.start : cut].rstrip(" ./-")
            if sum(ch.isdigit() for ch in value) < 3:
                continue
            hit = replace(hit, end=hit.start + len(value))
        out.append(hit)
    return out


def _iban_like(match: re.Match[str]) -> bool:
    value = re.sub(r"[\s:.-]", "", match.group())
    if match.group("loose") and not _check_digits_valid(value):
        return False
    return 15 <= len(value) <= 34 and sum(ch.isdigit() for ch in value) >= 12


def _check_digits_valid(iban: str) -> bool:
    """Whether an IBAN's check digits fit (ISO 13616, modulo 97): "DE89370400440532013000"."""
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved.upper())) % 97 == 1


def _birth_year_plausible(date: str) -> bool:
    """Whether a date's year (if it names one) lies in the past, far enough for a birth."""
    match = re.search(r"(?:19|20)\d{2}", date)
    return match is None or int(match.group()) <= datetime.now(UTC).year


# A birthday without its year is someone's after a colon, "ist" or "mein" ("Geburtstag: 3.4.",
# "Mein Geburtstag ist am 3.4."), not an event's ("Der Geburtstag des Vereins am 3.4.",
# "Geburtstag am 3.4. feiern wir")
_DAY_MONTH = re.compile(rf"{_DAY}\.\s?{_MONTH_NUMBER}\.")
_BIRTHDAY_SAID = re.compile(r"\s*:\s*|\s+(?:ist\s+(?:am\s+|der\s+)?)?")
_OWN_BEFORE = re.compile(r"\b(?:[Mm]ein|[Dd]ein|[Ss]ein|[Ii]hr|[Uu]nser|[Ee]uer)e?[mnrs]?\s+$")


def _own_birthday(text: str, match: re.Match[str]) -> bool:
    """Whether a date after "Geburtstag" is someone's birthday: with its year, or said so."""
    if not _DAY_MONTH.fullmatch(match.group("date")):
        return True
    between = text[match.end("day") : match.start("date")]
    own = _OWN_BEFORE.search(text, max(0, match.start() - 10), match.start()) is not None
    return bool(_BIRTHDAY_SAID.fullmatch(between) or (own and re.fullmatch(r"\s+am\s+", between)))


def _cohort(text: str, match: re.Match[str]) -> bool:
    """Whether a year after "Jahrgang" or "Jg." names a cohort of a school or a kita."""
    if not re.match(r"(?i:Jahrgang|Jg\.)", match.group()):
        return False
    before = _COHORT_BEFORE.search(text, max(0, match.start() - 12), match.start())
    return before is not None or _COHORT_AFTER.match(text, match.end("date")) is not None


def _birthdates(text: str) -> Iterator[Hit]:
    for m in _BIRTH_SHORT_YEAR.finditer(text):
        if not _cohort(text, m):
            yield Hit(m.start("date"), m.end("date"), "birthdate")
    for pattern in (_BIRTH_AFTER, _BIRTH_STAR, _BIRTH_BEFORE):
        for m in pattern.finditer(text):
            date = m.group("date")
            if pattern is _BIRTH_AFTER and _cohort(text, m):
                continue
            year_only = re.fullmatch(_YEAR, date) is not None
            if year_only and pattern is _BIRTH_AFTER and not m.group("born"):
                continue
            if pattern is _BIRTH_AFTER and m.group("day") and not _own_birthday(text, m):
                continue
            if _birth_year_plausible(date):
                yield Hit(m.start("date"), m.end("date"), "birthdate")
    # a full date in the last century, without any cue, is a date of birth more often
    # than not in a workshop statement (meetings and events are recent)
    for m in _ANY_DATE.finditer(text):
        date = m.group("date")
        if _EVENT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Treffen am 3.4.61 im Rathaus", "Seit dem 01.04.1999 …"
        if _EVENT_AFTER.match(text, m.end()):
            continue
        if re.search(r"19\d{2}$", date) or re.search(r"\.\s?([3-9]\d)$", date):
            yield Hit(m.start("date"), m.end("date"), "birthdate", confidence=0.9)


def mentioned_names(hits: list[Hit], listed: Collection[Hit] = ()) -> list[Hit]:
    """``hits`` without the handle of a chat mention that is a full name ("@Anna Schmidt",
    as Zoom and Teams write it): the person hit after the "@" covers the surname too; nor
    of a mention that is all a listed name (an author's user name: "@kalle1999")."""
    handles = {h.start + 1 for h in hits if h.kind == "handle"}
    after: dict[int, list[Hit]] = {}  # person hits right after a handle's "@", by start
    for h in hits:
        if h.kind == "person" and h.start in handles:
            after.setdefault(h.start, []).append(h)
    if not after:
        return list(hits)
    named = set(listed)  # of a name list: the author column's

    def mention(h: Hit) -> bool:
        names = after.get(h.start + 1, ())
        return h.start + 1 < h.end and (
            any(h.end < n.end for n in names) or any(n.end == h.end and n in named for n in names)
        )

    return [h for h in hits if h.kind != "handle" or not mention(h)]
