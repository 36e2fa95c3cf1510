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
``comment-body``, ID ``comment-id``: :class:`PolisFile`), and the conversation's topic
from the ``summary.csv`` beside it names the comments' workshop.
Files are recognised by their header, not their name (exports get renamed).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.domain import InputError
from workbench.core.textio import RawFile, decode, sniff_delimiter, without_sep_hint

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


def _head(path: Path) -> list[list[str]]:
    """The first records of a CSV file, enough for a summary's key–value rows (empty if
    it cannot be read as one); read once per file, decoded and split as every table is
    (a summary German Excel saved again: Windows-1252 and ";")."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_HEAD_BYTES)
    except OSError:
        return []
    if len(data) == _HEAD_BYTES:  # not into a character: up to the last whole line
        data = data[: data.rfind(b"\n") + 1] if b"\n" in data else data
        data = (
            data[: len(data) - len(data) % 2]
            if data.startswith((b"\xff\xfe", b"\xfe\xff"))
            else data
        )
    try:
        text, hint = without_sep_hint(decode(RawFile(path.name, data)))
    except InputError:
        return []
    reader = csv.reader(io.StringIO(text), delimiter=hint or sniff_delimiter(text))
    out: list[list[str]] = []
    try:
        for record in reader:
            out.append([cell.strip() for cell in record])
            if len(out) == len(SUMMARY_KEYS) + 5:
                break
    except csv.Error:
        pass
    return out


def _summary(records: list[list[str]]) -> dict[str, str]:
    """A Pol.is summary's keys and values ({} for any other file)."""
    pairs = {r[0]: r[1] for r in records if len(r) == 2}
    if not records or "topic" not in pairs or len(pairs) < len(records):
        return {}
    return pairs if set(pairs) <= SUMMARY_KEYS else {}


def _kind(records: list[list[str]]) -> str | None:
    """What a Pol.is file without statements holds, by its first records."""
    if _summary(records):
        return "Zusammenfassung"
    columns = set(records[0]) if records else set()
    return next((kind for needed, kind in _COMPANIONS if needed <= columns), None)


@dataclass(frozen=True)
class PolisFile:
    """What a CSV file is in a Pol.is export, from its first records (read once)."""

    companion: str | None  # "Zusammenfassung", "einzelne Stimmen" …: no statements
    comments: bool  # a conversation's comments
    topic: str | None  # the conversation's topic (comments with a summary.csv beside them)
    conversation: str | None = None  # its ID, the last part of the summary's pol.is URL

    @classmethod
    def of(cls, path: Path) -> PolisFile:
        """Read the head of ``path`` (and, for comments, of the summary.csv beside it)."""
        records = _head(path) if path.suffix.lower() == ".csv" else []
        comments = bool(records) and set(records[0]) >= COMMENT_COLUMNS
        summary = path.parent / "summary.csv"
        pairs = _summary(_head(summary)) if comments and summary.is_file() else {}
        topic = " ".join(pairs.get("topic", "").split()) or None
        return cls(_kind(records), comments, topic, _conversation(pairs.get("url", "")))


def _conversation(url: str) -> str | None:
    """A Pol.is conversation's ID from its URL (``https://pol.is/2vkxcncppn``)."""
    return url.strip().rstrip("/").rsplit("/", 1)[-1] or None


def leave_out_companions(files: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """A folder's files without the Pol.is files that hold no statements, and a notice
    naming those left out."""
    kept, left = [], []
    for f in files:
        kind = _kind(_head(f)) if f.suffix.lower() == ".csv" else None
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


def refuse_companion(found: PolisFile, name: str) -> None:
    """Stop on a Pol.is file without statements given by name: say where they are."""
    if found.companion is not None:
        raise InputError(
            f"Pol.is-Export ({found.companion}), enthält keine Beiträge: die Beiträge stehen "
            "in comments.csv (ein ganzer Export-Ordner lässt diese Datei aus).",
            file=name,
        )


def polis_notices(options: Mapping[str, Any]) -> list[str]:
    """What the import took from a Pol.is export's layout."""
    found = options.get("polis") or {}
    notices = []
    if found.get("columns"):
        notices.append("Pol.is-Kommentare erkannt: Text aus 'comment-body', ID aus 'comment-id'.")
    if found.get("topic_kept"):  # ingest.export_format.topic_kept
        notices.append(
            f"Thema des Pol.is-Gesprächs (summary.csv): '{found['topic']}'. Seine Kommentare "
            f"stehen schon im Workshop '{found['topic_kept']}' (früher ohne summary.csv "
            "importiert): die neuen kommen dazu, der Workshop behält seinen Namen."
        )
    elif found.get("topic"):
        notices.append(
            f"Thema des Pol.is-Gesprächs (summary.csv): '{found['topic']}' – Workshop der "
            "Beiträge, wenn nicht --workshop."
        )
    if found.get("clone_of"):  # ingest.export_growth.note_clone
        theirs = found.get("clone_of_conversation") or "ohne summary.csv importiert"
        notices.append(
            f"Ein anderes Pol.is-Gespräch ({found.get('conversation')}) als das von "
            f"'{found['clone_of']}' ({theirs}), das mit denselben "
            "Kommentaren beginnt (ein geklontes Gespräch?): ein eigenes Dokument, seine "
            "Kommentare zählen neben denen des anderen."
        )
    return notices
