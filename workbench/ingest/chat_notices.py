"""What a meeting chat's import did with direct messages and reactions, for its output (pure).

The Zoom chat's reader (:mod:`workbench.ingest.zoom_chat`) counts them in the document's
options; the writer reports them with these lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def chat_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What a chat's import did with direct messages and reactions (for its output)."""
    left_out = int(options.get("direct_messages_left_out", 0))
    notices = []
    if left_out:
        one = left_out == 1
        notices.append(
            f"{left_out} {'Direktnachricht' if one else 'Direktnachrichten'} (an eine "
            "Person, nicht an alle) nicht importiert: privat, kein Beitrag zum Workshop. "
            f"Mit --include-direct-messages {'wird sie' if one else 'werden sie'} übernommen, "
            "nur beim ersten Import einer Datei: ein erneuter Import derselben Datei "
            "ändert nichts."
        )
    return (*notices, *_reaction_notices(options))


def _reaction_notices(options: Mapping[str, Any]) -> list[str]:
    """What a chat's import did with reactions."""
    added = int(options.get("reactions", 0))
    unmatched = int(options.get("unmatched_reactions", 0))
    withdrawn = int(options.get("withdrawn_reactions", 0))
    notices = []
    if added - unmatched:
        notices.append(
            f"Reaktionen: {added - unmatched} an der jeweiligen Nachricht gezählt (Attribute "
            "reactions, reaction_emoji), keine Aussagen"
            + (f"; {withdrawn} davon zurückgenommen und wieder abgezogen." if withdrawn else ".")
        )
    if unmatched:
        notices.append(
            f"Reaktionen: {unmatched} auf Nachrichten, die nicht in dieser Datei stehen, "
            "nicht übernommen."
        )
    return notices
