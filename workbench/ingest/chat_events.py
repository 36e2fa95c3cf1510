"""The events a meeting app writes into a copied chat (Teams: who left, joined or was
added, the recording, the meeting's end), each a line of its own and no one's message
(pure; moved from :mod:`workbench.ingest.transcript_frame`, which reads them as notices)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import ARTICLES, FUNCTION_WORDS

# A display name in a tool's event line: words of a name, "Nachname, Vorname", up to eight
# with titles and particles ("Dr. Maria Luisa von der Heide"), or the e-mail address of a
# guest's account, also with "(Gast)" or an organisation's name ("(Stadt Leverkusen)") — no
# colon, so "Anna Schmidt: Lea hat die Besprechung verlassen." is a turn
_MAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_EVENT_NAME = (
    rf"(?:{_MAIL}|[^\W\d_][\w'’.-]*(?:,?\s+[^\W\d_][\w'’.-]*){{0,7}})(?:\s+\([^()\n]{{1,40}}\))?"
)
CHAT_EVENTS = (
    # Teams' events in a copied meeting chat, each a line of its own: who left, joined or was
    # added ("Wagner, Lea hat die Besprechung verlassen.", "Anna Schmidt added Lea Wagner to
    # the meeting."; the people go onto the name list), the recording and the meeting itself
    re.compile(
        rf"^(?P<who>{_EVENT_NAME})\s+(?:hat\s+die\s+Besprechung\s+verlassen|ist\s+der\s+"
        r"Besprechung\s+beigetreten|(?:has\s+)?(?:left|joined)\s+the\s+meeting)\.?$"
    ),
    re.compile(
        rf"^(?P<who>{_EVENT_NAME})\s+(?:hat\s+(?P<whom>{_EVENT_NAME})\s+zur\s+Besprechung\s+"
        rf"hinzugefügt|added\s+(?P<whom2>{_EVENT_NAME})\s+to\s+the\s+meeting)\.?$"
    ),
    re.compile(
        r"^(?:(?:Die\s+)?Aufzeichnung\s+wurde\s+(?:gestartet|beendet|angehalten)|Recording\s+"
        r"(?:has\s+)?(?:started|stopped)|Besprechung\s+gestartet|Meeting\s+started)\.?$"
    ),
    re.compile(r"^(?:Besprechung\s+beendet|Meeting\s+ended)\s*:\s*(?:\d+\s*\w+\.?\s*){1,3}$"),
)


def told(who: str) -> bool:
    """Whether an event's "name" opens with a pronoun, article or particle ("Sie", "Mein
    Kollege", "Ja, Lea"): a message telling of it, as no app names a person so; a surname
    with its particle before the first name is a name ("von der Heide, Maria Luisa")."""
    if _PARTICLE_FIRST.match(who):
        return False
    return fold(re.split(r"[\s,]+", who)[0]) in FUNCTION_WORDS | ARTICLES


# "Nachname, Vorname" with the surname's particle in lower case, as Teams lists a person
_PARTICLE_FIRST = re.compile(
    r"(?:von|van|de|zu|da|di|del|della|ten|ter)(?:\s+(?:der|den|dem|zu|la|le|de))?"
    r"\s+[A-ZÄÖÜ][\w'’-]*(?:\s+[A-ZÄÖÜ][\w'’-]*)?,\s+[A-ZÄÖÜ]"
)
_WORD = r"[^\W\d_]{2,}"
_MAIL_NAME = re.compile(
    rf"(?P<first>{_WORD}(?:-{_WORD})*)[._](?P<last>{_WORD}(?:-{_WORD})?)@[^\s()]+"
)


def event_person(who: str) -> str | None:
    """The person an event names: the display name as written, or the name an account's
    e-mail address spells ("maria.schulz@example.org (Gast)" → "Maria Schulz"); None for an
    address that spells none ("m.schulz@…") or an office's ("team.sozialplanung@…", no part a
    first name: the address itself is replaced wherever it stands, as any e-mail address).

    >>> event_person("Lea Wagner (Gast)"), event_person("maria.schulz@example.org (Gast)")
    ('Lea Wagner (Gast)', 'Maria Schulz')
    >>> event_person("anna-lena.schulz@example.org"), event_person("info.jugend@stadt.de")
    ('Anna-Lena Schulz', None)
    >>> event_person("m.schulz@stadt-leverkusen.de") is None
    True
    """
    if re.match(_MAIL, who) is None:
        return who
    spelt = _MAIL_NAME.match(who)
    if spelt is None or not any(_first_name(spelt[part]) for part in ("first", "last")):
        return None
    return f"{spelt['first'].title()} {spelt['last'].title()}"


def _first_name(part: str) -> bool:
    """Whether each piece of an address's part is a first name ("anna-lena", "maria")."""
    return all(gazetteer().has_first(piece) for piece in part.split("-"))
