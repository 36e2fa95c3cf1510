"""Changing a stored statement's text while everything that points into it keeps its place.

A statement's text is part of its document's text, and codings, coding history and the
pseudonym key point into it by character offsets. :func:`edit_segment` replaces spans
of one statement and moves all of those (:func:`edit_segments`: of many statements, once
per document); :func:`cut_segments` takes statements' texts out of their documents (for
erasure). Both also update the texts copied into stored need
runs and feedback items, and return the old text so that caches keyed by it can go.
"""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise
from pathlib import Path

import numpy as np
from sqlalchemy import Table, bindparam, inspect, select, update
from sqlalchemy.orm import Session

from workbench.core.domain import WorkbenchError
from workbench.store.analysis_tables import NeedAssignment, NeedRun, TopicRun
from workbench.store.coding_tables import CodingActionItem
from workbench.store.erasure_words import REMOVED_NEED, comes_from, fallback_label, normal_text
from workbench.store.label_names import replace_in_labels_of
from workbench.store.participation_tables import FeedbackItem
from workbench.store.schema import Coding, Document, PseudonymSpan, Segment

SEPARATOR = "\n\n"  # between statements in a document's text (see ingest.writer)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of a statement by ``new``.

    ``original`` is what the key should remember for the new span (a replaced name), or
    None when the edit restores text (the span then leaves the key).
    """

    start: int
    end: int
    new: str
    original: str | None = None


def text_hash(text: str) -> str:
    """The key of a text in the embedding cache (same as ``analysis.embeddings.text_hash``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _moved(start: int, end: int, a: int, b: int, length: int) -> tuple[int, int]:
    """A span (start, end) after ``[a, b)`` became ``length`` characters long."""
    delta = length - (b - a)
    new_start = start if start <= a else start + delta if start >= b else a
    new_end = end + delta if end >= b else end if end <= a else a + length
    return new_start, max(new_start, new_end)


def edit_segment(session: Session, segment: Segment, edits: Sequence[Edit]) -> str:
    """Apply ``edits`` (disjoint, any order) to a statement; return its old text."""
    return edit_segments(session, [(segment, edits)])[0]


def edit_segments(session: Session, changes: Sequence[tuple[Segment, Sequence[Edit]]]) -> list[str]:
    """Apply the edits of several statements (each: disjoint, any order); return their old
    texts in this order.

    Once per document: one statement after the other shifted every later statement and
    rewrote the whole document text each time; a re-read of 2,000 of 20,000 statements
    took 45 s (benchmarks/stored_reread.py).
    """
    session.flush()
    ids = [segment.id for segment, _ in changes]
    rows: dict[int, list] = {segment_id: [] for segment_id in ids}
    spans: dict[int, list[PseudonymSpan]] = {segment_id: [] for segment_id in ids}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for table in (Coding, CodingActionItem):
            for row in session.scalars(select(table).where(table.segment_id.in_(part))):
                rows[row.segment_id].append(row)
        for span in session.scalars(
            select(PseudonymSpan).where(PseudonymSpan.segment_id.in_(part))
        ):
            spans[span.segment_id].append(span)
    old_texts: list[str] = []
    new_texts: dict[int, str] = {}
    for segment, edits in changes:
        old_texts.append(segment.text)
        new_texts[segment.id] = _apply(session, segment, edits, rows[segment.id], spans[segment.id])
    _store_codings(session, [row for part in rows.values() for row in part])
    by_document: dict[int, list[Segment]] = {}
    for segment, _ in changes:
        by_document.setdefault(segment.document_id, []).append(segment)
    for document_id, segments in by_document.items():
        _replace_many(session, session.get(Document, document_id), segments, new_texts)
    copies: dict[str, str | None] = {}
    for old, (segment, _) in zip(old_texts, changes, strict=True):
        copies.setdefault(old, new_texts[segment.id])
    _replace_copies(session, copies)
    # "Becker hat recht, …" as a need's or topic's generated name: the name goes there too
    replace_in_labels_of(
        session,
        {
            segment.id: {e.original: e.new for e in edits if e.original}
            for segment, edits in changes
        },
    )
    return old_texts


def _apply(
    session: Session,
    segment: Segment,
    edits: Sequence[Edit],
    rows: list,
    spans: list[PseudonymSpan],
) -> str:
    """The statement's text after ``edits``; its codings, coding history and key spans moved."""
    text = segment.text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        a, b, length = edit.start, edit.end, len(edit.new)
        text = text[:a] + edit.new + text[b:]
        for row in rows:
            row.start, row.end = _moved(row.start, row.end, a, b, length)
        for span in list(spans):
            if edit.original is None and (span.start, span.end) == (a, b):
                session.delete(span)
                spans.remove(span)
            elif span.start >= b:
                span.start += length - (b - a)
                span.end += length - (b - a)
        if edit.original is not None:
            span = PseudonymSpan(
                segment_id=segment.id, start=a, end=a + length, original=edit.original
            )
            session.add(span)
            spans.append(span)
    return text


def _store_codings(session: Session, rows: list) -> None:
    """Write the moved spans of ``rows`` (codings and coding history) without a clash.

    One coder's codings "Koch und" and "och und" both became "[Person 1] und" (one stays:
    they mark the same passage now), and "mehr B" moved to where "änke u" still stood:
    either stopped ``pseudonyms confirm`` with a traceback (one span per coder and code).
    """
    codings = [row for row in rows if isinstance(row, Coding)]
    kept: dict[tuple, Coding] = {}
    for coding in sorted(codings, key=lambda c: c.id):
        same = (coding.segment_id, coding.code_id, coding.coder, coding.start, coding.end)
        if same in kept:
            session.delete(coding)
        else:
            kept[same] = coding
    moving = [
        c
        for c in kept.values()
        if inspect(c).attrs.start.history.has_changes()
        or inspect(c).attrs.end.history.has_changes()
    ]
    if not moving:
        return
    final = [(coding, coding.start, coding.end) for coding in moving]
    for coding in moving:  # out of the way first: no two spans alike on the way
        coding.start = coding.end = -coding.id
    session.flush()
    for coding, start, end in final:
        coding.start, coding.end = start, end


def _replace_many(
    session: Session, document: Document, segments: list[Segment], new: Mapping[int, str]
) -> None:
    """Put the new texts of ``segments`` (statements of ``document``) in its text in one
    pass and move the statements after each by the difference."""
    text = document.text
    placed = sorted(segments, key=lambda s: (s.start, s.end))
    off = any(text[s.start : s.end] != s.text for s in placed) or any(
        later.start < earlier.end or later.start == earlier.start
        for earlier, later in pairwise(placed)
    )
    if off:  # offsets off (an old project) or overlapping: one by one, as ever
        for segment in segments:
            _replace_in_document(session, segment, new[segment.id])
        return
    parts, at = [], 0
    moves: list[tuple[int, int]] = []  # (end of a statement in the old text, its delta)
    for segment in placed:
        parts += [text[at : segment.start], new[segment.id]]
        at = segment.end
        delta = len(new[segment.id]) - len(segment.text)
        if delta:
            moves.append((segment.end, delta))
    parts.append(text[at:])
    document.text = "".join(parts)
    edited = {segment.id: segment for segment in segments}
    shifts: dict[int, int] = {}
    if moves:
        table = Segment.__table__
        rows = session.execute(
            select(table.c.id, table.c.start, table.c.end).where(
                table.c.document_id == document.id, table.c.start >= moves[0][0]
            )
        )
        bounds = [end for end, _ in moves]
        added = list(accumulate(delta for _, delta in moves))
        changed = []
        for segment_id, start, end in rows:
            passed = bisect_right(bounds, start)  # the edited statements that end before
            delta = added[passed - 1] if passed else 0
            if not delta:
                continue
            if segment_id in edited:
                shifts[segment_id] = delta
            else:
                changed.append(
                    {"row": segment_id, "new_start": start + delta, "new_end": end + delta}
                )
        _move_rows(session, table, changed)
    for segment in segments:
        segment.start += shifts.get(segment.id, 0)
        segment.text = new[segment.id]
        segment.end = segment.start + len(segment.text)


def changed_statements(session: Session, texts: Mapping[int, str]) -> int:
    """How many of the statements ``texts`` (id → text as read) are gone or read
    differently now."""
    now = dict(session.execute(select(Segment.id, Segment.text)).tuples().all())
    return sum(1 for segment_id, text in texts.items() if now.get(segment_id) != text)


def check_unchanged(session: Session, texts: Mapping[int, str], run: str) -> None:
    """Refuse to store ``run`` ("Der Bedarfslauf") computed from the statements ``texts``
    (id → text as read) if one was erased or changed since (``forget``, ``pseudonyms
    confirm`` in another session): it would quote erased or unmasked text, or fail on a
    statement that is gone. Call inside the transaction that stores the run, exclusive."""
    changed = changed_statements(session, texts)
    if changed:
        raise WorkbenchError(
            f"{run} wurde nicht gespeichert: Während er rechnete, "
            f"{'wurde eine' if changed == 1 else f'wurden {changed}'} seiner "
            "Aussagen gelöscht oder geändert (workbench forget oder pseudonyms confirm in "
            "einer anderen Sitzung). Bitte noch einmal starten; er rechnet dann mit dem "
            "heutigen Stand."
        )


def cut_segments(session: Session, segments: Sequence[Segment]) -> None:
    """Take statements' texts (each with its separator) out of their documents' texts;
    the later statements of each document move up.

    One pass per document: cutting one statement after the other, each moving every later
    statement (and SQLAlchemy checking each move against every loaded statement), took two
    minutes for 1,000 statements of a survey (benchmarks/erasure.py).
    """
    session.flush()
    by_document: dict[int, list[Segment]] = {}
    for segment in segments:
        by_document.setdefault(segment.document_id, []).append(segment)
    for document_id, cut in sorted(by_document.items()):
        _cut_from_document(session, session.get(Document, document_id), cut)


def _cut_from_document(session: Session, document: Document, cut: list[Segment]) -> None:
    """Remove the texts of ``cut`` (statements of ``document``) and move the others up."""
    text = document.text
    found: list[tuple[int, int]] = []  # (start, end) of what leaves the text
    in_place = [s for s in cut if text[s.start : s.end] == s.text]
    taken = {s.start for s in in_place}
    for segment in [*in_place, *(s for s in cut if text[s.start : s.end] != s.text)]:
        start, end = segment.start, segment.end
        if text[start:end] != segment.text:  # offsets off: find the text itself
            start = _nearest(text, segment.text, segment.start, taken) if segment.text else -1
            if start < 0:
                continue
            taken.add(start)
            end = start + len(segment.text)
        if text[end : end + len(SEPARATOR)] == SEPARATOR:
            end += len(SEPARATOR)
        found.append((start, end))
    if not found:
        return
    kept, at = [], 0
    moves: list[tuple[int, int]] = []  # (end of a cut in the old text, characters removed)
    for start, end in sorted(found):
        if start < at:  # the same text found twice: cut once
            continue
        kept.append(text[at:start])
        at = end
        if end > start:
            moves.append((end, end - start))
    document.text = "".join([*kept, text[at:]])
    if not moves:
        return
    cut_ids = {segment.id for segment in cut}
    table = Segment.__table__
    rows = session.execute(
        select(table.c.id, table.c.start, table.c.end).where(
            table.c.document_id == document.id, table.c.start >= min(b for b, _ in moves)
        )
    )
    thresholds = sorted(moves)
    removed = list(accumulate(n for _, n in thresholds))  # removed up to each threshold
    bounds = [threshold for threshold, _ in thresholds]
    changed = []
    for segment_id, start, end in rows:
        passed = bisect_right(bounds, start)  # the cuts that end before the statement
        delta = removed[passed - 1] if passed else 0
        if segment_id not in cut_ids and delta:
            changed.append({"row": segment_id, "new_start": start - delta, "new_end": end - delta})
    _move_rows(session, table, changed)


def _move_rows(session: Session, table: Table, changed: list[dict]) -> None:
    """Store the new offsets of ``changed`` statements in one batched UPDATE and let the
    session read them again."""
    if not changed:
        return
    session.connection().execute(
        update(table)
        .where(table.c.id == bindparam("row"))
        .values(start=bindparam("new_start"), end=bindparam("new_end")),
        changed,
    )
    moved = {row["row"] for row in changed}
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, Segment) and loaded.id in moved:
            session.expire(loaded, ["start", "end"])


def _nearest(text: str, part: str, near: int, taken: set[int]) -> int:
    """Where ``part`` stands in ``text`` closest to ``near``, not at a place in ``taken``
    (another erased statement with the same text is cut there); -1 if nowhere.

    Two erased statements "Mehr Bänke." whose offsets were off were both found at the first
    one in the document: it was cut once and the second copy stayed.
    """
    after = text.find(part, max(near, 0))
    while after in taken:
        after = text.find(part, after + 1)
    before = text.rfind(part, 0, max(near, 0) + len(part) - 1)
    while before in taken:
        before = text.rfind(part, 0, before + len(part) - 1)
    if before < 0 or (after >= 0 and after - near <= near - before):
        return after
    return before


def _replace_in_document(session: Session, segment: Segment, new: str | None) -> None:
    """Put ``new`` (or nothing, with its separator) where the statement stands."""
    document = session.get(Document, segment.document_id)
    start, end = segment.start, segment.end
    if document.text[start:end] != segment.text:  # offsets off: find the text itself
        found = document.text.find(segment.text) if segment.text else -1
        if found < 0:
            return
        start, end = found, found + len(segment.text)
    if new is None and document.text[end : end + len(SEPARATOR)] == SEPARATOR:
        end += len(SEPARATOR)
    replacement = new or ""
    delta = len(replacement) - (end - start)
    document.text = document.text[:start] + replacement + document.text[end:]
    if delta:  # in one statement: loading each later one took minutes in a big survey
        session.execute(
            update(Segment)
            .where(
                Segment.document_id == segment.document_id,
                Segment.start >= segment.end,
                Segment.id != segment.id,
            )
            .values(start=Segment.start + delta, end=Segment.end + delta)
        )
    if new is not None:
        segment.text = new
        segment.end = segment.start + len(new)


def _replace_copies(session: Session, texts: dict[str, str | None]) -> None:
    """Replace (or, for None, drop) statement texts copied into need runs and feedback items."""
    if not texts:
        return

    def swap(quotes: list) -> list:
        out = []
        for quote in quotes:
            if quote in texts:
                if texts[quote] is not None:
                    out.append(texts[quote])
            else:
                out.append(quote)
        return out

    for run in session.scalars(select(NeedRun)):
        clusters = [dict(c, quotes=swap(list(c.get("quotes", [])))) for c in run.clusters]
        if clusters != run.clusters:
            run.clusters = clusters
    for item in session.scalars(select(FeedbackItem)):
        quotes = swap(list(item.quotes))
        if quotes != item.quotes:
            item.quotes = quotes


def drop_copies(session: Session, texts: Iterable[str], segment_ids: set[int]) -> int:
    """Remove forgotten statements from need runs and feedback items; return how many.

    A quote that a remaining statement says word for word (the same card from a second
    source) stays: in a need cluster as that statement's quote if it is in the cluster,
    on a rating card if it is one of the card's statements. Call after the forgotten
    statements' need assignments are gone."""
    texts = set(texts)
    normal = [normal_text(t) for t in texts]  # once, for every label below
    others = _said_again(session, texts, segment_ids)  # text → remaining statements with it
    in_cluster: dict[tuple[int, int], dict[str, int]] = {}  # (run, cluster) → text → id
    survivors = sorted({i for ids in others.values() for i in ids})
    text_of = {i: t for t, ids in others.items() for i in ids}
    for start in range(0, len(survivors), 500):
        rows = session.execute(
            select(NeedAssignment.run_id, NeedAssignment.cluster, NeedAssignment.segment_id)
            .where(NeedAssignment.segment_id.in_(survivors[start : start + 500]))
            .order_by(NeedAssignment.segment_id)
        )
        for run_id, cluster, segment_id in rows:
            in_cluster.setdefault((run_id, cluster), {}).setdefault(text_of[segment_id], segment_id)
    removed = 0
    labels: dict[tuple[int, object], str] = {}  # (need run, cluster) → label after erasure
    for run in session.scalars(select(NeedRun)):
        clusters = []
        for cluster in run.clusters:
            ids = list(cluster.get("quote_segment_ids", []))
            again = in_cluster.get((run.id, cluster.get("cluster")), {})
            quotes, kept_ids = [], []
            for k, quote in enumerate(cluster.get("quotes", [])):
                said = ids[k] if k < len(ids) else None
                if (said in segment_ids or (said is None and quote in texts)) and (
                    quote not in again
                ):
                    continue
                quotes.append(quote)
                if said is not None:  # the remaining statement's, if the erased one's
                    kept_ids.append(again[quote] if said in segment_ids else said)
            removed += len(cluster.get("quotes", [])) - len(quotes)
            new = dict(cluster, quotes=quotes)
            if ids:
                new["quote_segment_ids"] = kept_ids
            clusters.append(new)
        clusters = [_neutral_label(c, normal, segment_ids, "Bedarf") for c in clusters]
        labels.update({(run.id, c.get("cluster")): c.get("label") for c in clusters})
        if clusters != run.clusters:
            run.clusters = clusters
    for topic_run in session.scalars(select(TopicRun)):
        topics = [_neutral_label(t, normal, segment_ids, "Thema") for t in topic_run.topics]
        if topics != topic_run.topics:
            topic_run.topics = topics
    for item in session.scalars(select(FeedbackItem)):
        members = [m for m in item.members if m not in segment_ids]
        quotes = [q for q in item.quotes if q not in texts or others.get(q, set()) & set(members)]
        removed += len(item.quotes) - len(quotes)
        if quotes != item.quotes or members != item.members:
            item.quotes, item.members = quotes, members
        if item.kind == "need" and comes_from(item.label, normal):
            source = item.source or {}
            label = labels.get((source.get("need_run"), source.get("cluster")))
            if label is None:  # the need left its run with its last statement
                item.label = REMOVED_NEED
            elif comes_from(label, normal):
                item.label = "Bedarf ohne Bezeichnung"
            else:
                item.label = label
    return removed


def _said_again(session: Session, texts: set[str], segment_ids: set[int]) -> dict[str, set[int]]:
    """Text of a forgotten statement → the remaining statements with exactly that text."""
    found: dict[str, set[int]] = {}
    wanted = sorted(texts)
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(Segment.id, Segment.text).where(Segment.text.in_(wanted[start : start + 500]))
        )
        for segment_id, text in rows:
            if segment_id not in segment_ids:
                found.setdefault(text, set()).add(segment_id)
    return found


def _neutral_label(
    record: dict, normal_texts: Sequence[str], segment_ids: set[int], kind: str
) -> dict:
    """A cluster/topic record whose generated label no longer quotes a forgotten statement."""
    if record.get("label_source") == "Forschende":  # a researcher's own name stays
        return record
    source = record.get("label_segment_id")
    if source in segment_ids or comes_from(record.get("label", ""), normal_texts):
        label = fallback_label(record.get("keywords") or [], kind)
        return dict(record, label=label, label_segment_id=None)
    return record


def purge_cache(folder: Path, texts: Iterable[str], dry_run: bool = False) -> int:
    """Remove the cached vectors of ``texts`` from every embedding cache file; return count.

    The cache (``analysis.embeddings.EmbeddingCache``) keeps one ``.npz`` per backend with
    the arrays ``hashes`` and ``vectors``; each file is rewritten atomically. ``dry_run``:
    only count what would go (``forget --dry-run`` lists what the real run removes).
    """
    wanted = {text_hash(t) for t in texts}
    removed = 0
    if not wanted or not folder.exists():
        return 0
    for path in sorted(folder.rglob("*.npz")):
        with np.load(path, allow_pickle=False) as data:
            if "hashes" not in data or "vectors" not in data:
                continue
            hashes, vectors = data["hashes"], data["vectors"]
        keep = np.array([h not in wanted for h in hashes.tolist()], dtype=bool)
        if keep.all():
            continue
        removed += int((~keep).sum())
        if dry_run:
            continue
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        kept_hashes = hashes[keep] if keep.any() else np.array([], dtype=hashes.dtype)
        np.savez(tmp, hashes=kept_hashes, vectors=vectors[keep])
        os.replace(tmp, path)
    return removed
