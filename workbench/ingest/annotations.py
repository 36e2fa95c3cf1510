"""What comes beside a document's segments: memos and indicator values, stored once."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex, normal_guid
from workbench.core.domain import ParsedIndicator
from workbench.ingest.long_names import check_indicator_size
from workbench.store import CodingResolution, District, Indicator, Memo, Segment, utcnow


class SegmentSpans:
    """The segments of one document, read once, to find those a span overlaps.

    A source of 40,000 paragraphs with 2,000 codings: each coding looks only at the
    segments around it (by bisection), not at all of them. Segments in text order (as a
    document's are) are searched so; in any other order all are read, as before.

    >>> from types import SimpleNamespace as S
    >>> spans = SegmentSpans([S(start=0, end=5), S(start=6, end=9), S(start=10, end=14)])
    >>> [(g.start, s, e) for g, s, e in spans.overlaps(3, 8)]
    [(0, 3, 5), (6, 0, 2)]
    """

    def __init__(self, segments: Sequence[Segment]):
        self.segments = list(segments)
        self.starts = [segment.start for segment in self.segments]
        self.ends = [segment.end for segment in self.segments]
        self.ordered = all(
            None not in bounds and all(a <= b for a, b in pairwise(bounds))
            for bounds in (self.starts, self.ends)
        )

    def overlaps(self, start: int, end: int) -> list[tuple[Segment, int, int]]:
        """The segments the span overlaps, with the span's part relative to each."""
        low, high = 0, len(self.segments)
        if self.ordered:  # ends > start from `low` on, starts < end up to `high`
            low, high = bisect_right(self.ends, start), bisect_left(self.starts, end)
        result = []
        for index in range(low, high):
            first = self.starts[index]
            s, e = max(start, first), min(end, self.ends[index])
            if s < e:
                result.append((self.segments[index], s - first, e - first))
        return result


def overlaps(segments: Sequence[Segment], start: int, end: int) -> list[tuple[Segment, int, int]]:
    """The segments a span overlaps, with the span's part relative to each."""
    return SegmentSpans(segments).overlaps(start, end)


def has_memo(
    session: Session, target_type: str, target_id: int | None, author: str, text: str
) -> bool:
    """Whether the project has this memo (target, author, text)."""
    found = session.scalar(
        select(Memo.id).where(
            Memo.target_type == target_type,
            Memo.target_id.is_(None) if target_id is None else Memo.target_id == target_id,
            Memo.author == author,
            Memo.text == text,
        )
    )
    return found is not None


def restore_resolution(
    session: Session,
    codes: CodeIndex,
    memo: Memo,
    resolution: tuple[str, str, str | None, str | None, dict[str, int]],
) -> bool:
    """Make a file's resolution memo (stored or recognised here) a resolution again: its
    code (by path in the file, else by GUID) and each coder's decision then. Once per
    memo: the same file read again adds nothing. True if one was added."""
    path, guid, decision, coder, state = resolution
    code = codes.get(path) or next(
        (c for c in codes.by_path.values() if c.guid == normal_guid(guid or "")), None
    )
    taken = select(CodingResolution.id).where(CodingResolution.memo_id == memo.id)
    if code is None or memo.target_id is None or session.scalar(taken) is not None:
        return False
    decided = decision in ("apply", "remove") and bool(coder)
    session.add(
        CodingResolution(
            segment_id=memo.target_id,
            code_id=code.id,
            memo_id=memo.id,
            coder=coder if decided else None,
            decision=decision if decided else None,
            state=dict(state),
        )
    )
    session.flush()
    return True


def add_memo(
    session: Session,
    target_type: str,
    target_id: int | None,
    author: str,
    text: str,
    created_at: datetime | None,
) -> bool:
    """Add a memo unless the same one (target, author, text) is there; True if added."""
    if has_memo(session, target_type, target_id, author, text):
        return False
    session.add(
        Memo(
            target_type=target_type,
            target_id=target_id,
            author=author,
            text=text,
            created_at=created_at or utcnow(),
        )
    )
    session.flush()
    return True


def upsert_indicators(
    session: Session, values: Iterable[tuple[District, ParsedIndicator]], filename: str
) -> int:
    """Store indicator values (one per district, indicator, year); count new or changed."""
    stored = {(r.district_id, r.indicator, r.year): r for r in session.scalars(select(Indicator))}
    changed = 0
    for district, item in values:
        check_indicator_size(item.indicator, item.unit, filename)
        fields = {
            "value": item.value,
            "unit": item.unit,
            "source": item.source,
            "illustrative": item.illustrative,
        }
        key = (district.id, item.indicator, item.year)
        record = stored.get(key)
        if record is None:
            record = Indicator(
                district_id=district.id,
                indicator=item.indicator,
                year=item.year,
                filename=filename,
                **fields,
            )
            session.add(record)
            stored[key] = record
        elif all(getattr(record, k) == v for k, v in fields.items()):
            continue
        else:
            for k, v in fields.items():
                setattr(record, k, v)
            record.filename = filename
        changed += 1
    session.flush()
    return changed
