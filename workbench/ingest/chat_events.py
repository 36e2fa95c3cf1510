"""The events a meeting app writes into a copied chat (Teams: who left, joined or was
added, the recording, the meeting's end), each a line of its own and no one's message
(pure; moved from :mod:`workbench.ingest.transcript_frame`, which reads them as notices)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import ARTICLES, FUNCTION_WORDS

# A display name in a tool's event line: a few capitalised words, "Nachname, Vorname" or with
# "(Gast)" — no colon, so "Anna Schmidt: Lea hat die Besprechung verlassen." is a turn
_EVENT_NAME = r"[^\W\d_][\w'’.-]*(?:,?\s+[^\W\d_][\w'’.-]*){0,4}(?:\s+\([^()\n]{1,30}\))?"
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
    Kollege", "Ja, Lea"): a message telling of it, as no app names a person so."""
    return fold(re.split(r"[\s,]+", who)[0]) in FUNCTION_WORDS | ARTICLES
