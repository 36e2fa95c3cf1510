"""A first name that is also an English or German modal verb ("Will", "May", "Can").

The name list of a meeting names "Will Corcoran"; his lone first name is replaced wherever
it stands (`Pseudonymiser._listed`) — also where it opens a sentence as the verb ("Will
discuss this with the team", "Will jemand Kaffee?"). "Can" (a Turkish first name) is the
verb only before an English subject ("Can you share the slides?"): "Can geht" is Can, listed
or not (:func:`english_modal`).
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
# An English subject after a modal verb ("Can you", "Can we", "Can someone")
_SUBJECT_AFTER = re.compile(
    r"[ \u00a0]+(?:you|we|i|u|someone|somebody|anyone|anybody|everyone|they|he|she|it)\b",
    re.IGNORECASE,
)


def opens_with_modal(text: str, m: re.Match[str]) -> bool:
    """Whether a listed first name that is also a modal verb ("Will" of a listed Will
    Corcoran) opens a sentence as the verb: before a lower-case word that no person's
    verb is ("Will discuss this with the team", "Will jemand Kaffee?"), not in "Will
    said …", "Will, kannst du …", "Will hat recht"."""
    start, end = m.start(), m.end()
    if text[start:end].lower() == "can":
        return english_modal(text, start, end)
    if text[start:end].lower() not in _MODALS:
        return False
    opening = text[:start].rstrip()
    if opening and opening[-1] not in ".!?\n":
        return False
    return bool(_WORD_AFTER.match(text, end)) and not _NAME_AFTER.match(text, end)


def english_modal(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]``, "Can", "Will" or "May", opens a sentence as an
    English modal verb before its subject ("Can you share the slides?", "Will we meet?")."""
    if text[start:end].lower() not in _MODALS | {"can"}:
        return False
    opening = text[:start].rstrip()
    if opening and opening[-1] not in ".!?\n":
        return False
    return bool(_SUBJECT_AFTER.match(text, end))
