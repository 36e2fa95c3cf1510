"""Pol.is export folders: the comments are the statements, the other files are not.

A Pol.is conversation exports ``comments.csv`` (the statements, with ``comment-id`` and
their moderation), ``summary.csv`` (topic, url, counts, description as key–value rows),
``votes.csv`` (one vote per row), ``participants-votes.csv`` (people × comments),
``comment-groups.csv`` (each comment's votes per opinion group, its text repeated) and
``stats-history.csv``. ``workbench import FOLDER`` used to read them all: the vote tables
stopped the import (no text column, an error listing 500 columns), ``comment-groups``
would have imported every comment twice, and without ``--workshop`` the comments of five
conversations all landed in one workshop "comments".

Now, in a folder, a Pol.is file that holds no statements is left out and named
(:func:`leave_out_companions`); the comments file is recognised by its columns (text
``comment-body``, ID ``comment-id``: :func:`is_comments`), and the conversation's topic
from the ``summary.csv`` beside it names the comments' workshop (:func:`conversation_topic`).
Files are recognised by their header, not their name (exports get renamed).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

COMMENT_TEXT, COMMENT_ID = "comment-body", "comment-id"  # a comments file's text and ID
COMMENT_COLUMNS = frozenset({COMMENT_ID, COMMENT_TEXT, "moderated"})
SUMMARY_KEYS = frozenset(
    "topic url views voters voters-in-conv commenters comments groups "
    "conversation-description".split()
)
_HEAD_BYTES = 65_536  # enough for any header, without reading a large vote table whole
# What each file that holds no statements is, recognised by columns it must have.
_COMPANIONS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"participant", "n-votes", "n-comments"}), "Abstimmungen je Person"),
    (frozenset({"comment-id", "voter-id", "vote"}), "einzelne Stimmen"),
    (frozenset({"comment-id", "comment", "total-votes"}), "Stimmen je Meinungsgruppe"),
    (frozenset({"votes", "comments", "visitors"}), "Verlauf der Beteiligung"),
)


def _head(path: Path, rows: int = 1) -> list[list[str]]:
    """The first ``rows`` records of a CSV file (empty if it cannot be read as one)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(_HEAD_BYTES)
    except OSError:
        return []
    text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text))
    out = []
    try:
        for record in reader:
            out.append([cell.strip() for cell in record])
            if len(out) == rows:
                break
    except csv.Error:
        return out
    return out


def is_comments(path: Path) -> bool:
    """Whether a CSV file is a Pol.is conversation's comments."""
    head = _head(path)
    return bool(head) and set(head[0]) >= COMMENT_COLUMNS


def companion_kind(path: Path) -> str | None:
    """What a Pol.is file without statements holds ("Zusammenfassung", "einzelne Stimmen"
    …), or None for any other file."""
    if path.suffix.lower() != ".csv":
        return None
    if _summary(path):
        return "Zusammenfassung"
    head = _head(path)
    columns = set(head[0]) if head else set()
    return next((kind for needed, kind in _COMPANIONS if needed <= columns), None)


def _summary(path: Path) -> dict[str, str]:
    """A Pol.is summary's keys and values ({} for any other file)."""
    records = _head(path, rows=len(SUMMARY_KEYS) + 5)
    pairs = {r[0]: r[1] for r in records if len(r) == 2}
    if not records or "topic" not in pairs or len(pairs) < len(records):
        return {}
    return pairs if set(pairs) <= SUMMARY_KEYS else {}


def leave_out_companions(files: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """A folder's files without the Pol.is files that hold no statements, and a notice
    naming those left out."""
    kept, left = [], []
    for f in files:
        kind = companion_kind(f)
        if kind is None:
            kept.append(f)
        else:
            left.append(f"{f.name} ({kind})")
    verb = "enthält" if len(left) == 1 else "enthalten"
    notices = (
        [f"Pol.is-Export: {', '.join(left)} {verb} keine Beiträge, nicht importiert."]
        if left
        else []
    )
    return kept, notices


def conversation_topic(path: Path) -> str | None:
    """The topic of the conversation a Pol.is comments file belongs to: from the
    ``summary.csv`` in its folder (None without one)."""
    summary = path.parent / "summary.csv"
    if not summary.is_file() or not is_comments(path):
        return None
    topic = " ".join(_summary(summary).get("topic", "").split())
    return topic or None


def refuse_companion(path: Path) -> None:
    """Stop on a Pol.is file without statements given by name: say where they are."""
    from workbench.core.domain import InputError

    kind = companion_kind(path)
    if kind is not None:
        raise InputError(
            f"Pol.is-Export ({kind}), enthält keine Beiträge: die Beiträge stehen in "
            "comments.csv (ein ganzer Export-Ordner lässt diese Datei aus).",
            file=path.name,
        )


def polis_notices(options: Mapping[str, Any]) -> list[str]:
    """What the import took from a Pol.is export's layout."""
    found = options.get("polis") or {}
    notices = []
    if found.get("columns"):
        notices.append("Pol.is-Kommentare erkannt: Text aus 'comment-body', ID aus 'comment-id'.")
    if found.get("topic"):
        notices.append(
            f"Thema des Pol.is-Gesprächs (summary.csv): '{found['topic']}' – Workshop der "
            "Beiträge, wenn nicht --workshop."
        )
    return notices
