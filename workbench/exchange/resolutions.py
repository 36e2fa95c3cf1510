"""Resolved disagreements through REFI-QDA: the state a resolution memo's note carries.

A resolution (``workbench resolve``) is a memo on the statement plus what each coder had
decided on the code then; only with that state can ``disagreements`` tell a settled
disagreement from one reopened since. The export writes it as the note's
``<Description>`` (like the cluster memos' marker); the import makes the memo it stores or
recognises for the note a resolution again (decision 005, Nachtrag "Klärungen").
"""

from __future__ import annotations

import json

from workbench.exchange.qdxml import RESOLUTION_NOTE, format_block, parse_block

Resolution = tuple[str, str, str | None, str | None, dict[str, int]]


def resolution_block(resolution: Resolution) -> str:
    """The note description of a resolution: code path and GUID, decision, coder, state."""
    path, guid, decision, coder, state = resolution
    return format_block(
        RESOLUTION_NOTE,
        [
            ("Code", path),
            ("Code-GUID", guid),
            ("Entscheidung", decision),
            ("Kodierer*in", coder),
            ("Stand", json.dumps(state, ensure_ascii=False, sort_keys=True)),
        ],
    )


def resolution_of(description: str | None) -> Resolution | None:
    """The resolution a note's description carries, or None (another note, or unreadable).

    >>> resolution_of(resolution_block(("Bedarf", "G", None, None, {"A": 1, "B": 0})))
    ('Bedarf', 'G', None, None, {'A': 1, 'B': 0})
    """
    fields = parse_block(RESOLUTION_NOTE, description)
    if fields is None or not fields.get("Code"):
        return None
    try:
        state = json.loads(fields.get("Stand", "{}"))
    except ValueError:
        return None
    if not isinstance(state, dict) or not all(
        isinstance(k, str) and v in (0, 1) for k, v in state.items()
    ):
        return None
    return (
        fields["Code"],
        fields.get("Code-GUID", ""),
        fields.get("Entscheidung"),
        fields.get("Kodierer*in"),
        {k: int(v) for k, v in state.items()},
    )
