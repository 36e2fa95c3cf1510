"""What comes beside a document's segments: memos and indicator values, stored once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex, normal_guid
from workbench.core.domain import ParsedIndicator
from workbench.ingest.long_names import check_indicator_size
from workbench.store import CodingResolution, District, Indicator, Memo, Segment, utcnow


def overlaps(segments: Sequence[Segment], start: int, end: int) -> list[tuple[Segment, int, int]]:
    """The segments a span overlaps, with the span's part relative to each."""
    result = []
    for segment in segments:
        s, e = max(start, segment.start), min(end, segment.end)
        if s < e:
            result.append((segment, s - segment.start, e - segment.start))
    return result


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
