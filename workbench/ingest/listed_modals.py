"""A listed first name that is also an English or German modal verb ("Will", "May").

The name list of a meeting names "Will Corcoran"; his lone first name is replaced wherever
it stands (`Pseudonymiser._listed`) — also where it opens a sentence as the verb ("Will
discuss this with the team", "Will jemand Kaffee?").
"""

from __future__ import annotations

import re

_MODALS = frozenset({"will", "may"})  # also first names: Will, May
_NAME_AFTER = re.compile(
    r"[ \u00a0]*(?:[,:;!?)]|$|(?:and|or|und|oder|is|was|has|had|says|said|thinks|thought"
    r"|asked|asks|wrote|agrees|agreed|hat|ist|war|sagt|sagte|meint|meinte|schreibt|fragt"
    r"|kann|will|wird)\b|[^\W\d_]+ed\b|[^\W\d_]*[^\Ws]s\b)",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[ \u00a0]+[a-zäöüß]")


def opens_with_modal(text: str, m: re.Match[str]) -> bool:
    """Whether a listed first name that is also a modal verb ("Will" of a listed Will
    Corcoran) opens a sentence as the verb: before a lower-case word that no person's
    verb is ("Will discuss this with the team", "Will jemand Kaffee?"), not in "Will
    said …", "Will, kannst du …", "Will hat recht"."""
    start, end = m.start(), m.end()
    if text[start:end].lower() not in _MODALS:
        return False
    opening = text[:start].rstrip()
    if opening and opening[-1] not in ".!?\n":
        return False
    return bool(_WORD_AFTER.match(text, end)) and not _NAME_AFTER.match(text, end)
