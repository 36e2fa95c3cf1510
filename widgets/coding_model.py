"""State of the coding panel: precomputed tables, filters, position and coding actions.

No ipywidgets here. :class:`CodingModel` reads the project's tables once (``load``) into
plain arrays and lists; after that every panel action — apply a code, go to the next
segment, change a filter — works on indexes into those arrays, writes through the
:class:`workbench.Project` façade and updates its own copy of the coder's codings, so
no action re-reads a whole table (the target is ≤ 100 ms with 10,000 segments; see
``benchmarks/coding_panel.py``).

The codebook is re-read only when it changed: each move to another segment asks for
it (one small query) and rebuilds the buttons if another coder created a code
meanwhile; :meth:`CodingModel.create_code` adds one while coding (in-vivo).

The panel shows and counts the codings of ONE coder: coders code independently (the
agreement stage compares them afterwards), so other coders' codings are not shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select

from widgets.coding_model_table import _folded, _table
from widgets.coding_panel_codes import (
    DIGITS,
    CodeButton,
    code_buttons,
    new_code_path,
)
from widgets.forget_watch import CODER_ERASED, ERASED, ErasedError, ForgetWatch, Held
from workbench.coding.codebook import CodeSpec
from workbench.coding.records import coder_meant
from workbench.core.domain import InputError
from workbench.core.typed_text import typed_prose
from workbench.store import Code, Coding, coder_names
from workbench.store.erasure_authors import coder_forgotten, coder_placeholder
from workbench.store.erasure_since import erased_since

if TYPE_CHECKING:
    import pandas as pd

    from workbench.project import Project

ALL = ""  # the value of a filter that lets everything through
NO_QUESTION = "\x00ohne"  # filter value for segments without a guiding question
SUGGESTION_CHIPS = 3  # suggestions shown per segment, best first
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Filters:
    """The panel's filters; ``ALL`` ("") lets everything through."""

    district: str = ALL
    workshop: str = ALL
    question: str = ALL
    code: str = ALL
    uncoded_only: bool = False
    search: str = ""


@dataclass
class Suggestion:
    """A model suggestion for one segment."""

    code: str
    confidence: float


class CodingModel:
    """What the coding panel shows and does, for one coder, without any widget.

    Parameters are stored as given; :meth:`load` reads the project. ``coder`` may be set
    later with :meth:`set_coder` (the panel asks for a name first).
    """

    def __init__(
        self,
        project: Project,
        coder: str | None = None,
        codes: Iterable[str] | None = None,
        shortcuts: Mapping[str, str] | None = None,
    ):
        self.project = project
        self.coder = coder
        self.codes = codes
        self.shortcuts = shortcuts
        self.coder_key_: str | None = None  # the key's placeholder of the coder, if she is in it
        self.coder_forgotten_ = False  # a forget took the coder away: a name is asked again

    # -- loading (the only place that reads whole tables) ------------------------------
    def load(self) -> CodingModel:
        """Read segments, codebook, the coder's codings and memos; return self.

        The first load notes the project's forget mark (``watch_``) before it reads: a
        ``forget`` in another process is seen before the next action (:meth:`reload`, if
        it erased what the panel holds: :meth:`touched`).
        """
        if getattr(self, "watch_", None) is None:
            self.watch_ = ForgetWatch(self.project.path, self.reload, self.touched)
        # before the data: it holds statements, codings and memos (names: a person's too)
        held = Held.noted(self.project, names=True)
        self.shown_erased_ = False  # the last forget seen erased what the panel shows
        # counted on across reloads: a view compares them with what it shows
        self.generation_ = getattr(self, "generation_", 0) + 1
        self.codebook_version_ = getattr(self, "codebook_version_", 0)
        segments = self.project.segments()
        self.offered_ = None if self.codes is None else list(self.codes)
        self.key_of_: dict[str, str] = {}
        self._read_codebook(tuple(self.project.codebook()), strict=True)
        self.table_ = _table(segments)
        # every statement read: each is a filter away, and the progress counts them all
        self.held_ = held.showing(self.table_.ids)
        self.filters_ = Filters()
        self.filters_reset_: tuple[str, ...] = ()  # by the last reload: their choice is gone
        self.visible_ = np.arange(len(self.table_.ids))
        self.position_ = 0
        self.suggestions_: dict[int, list[Suggestion]] = {}
        self.rejected_: set[tuple[int, str]] = set()
        self._load_memos()
        if self.coder is not None:
            self.set_coder(self.coder)
        else:
            self.coded_: dict[int, set[str]] = {}
            self.is_coded_ = np.zeros(len(self.table_.ids), dtype=bool)
        return self

    def reload(self) -> bool:
        """Read the project anew (a ``forget`` elsewhere): keep coder, filters,
        suggestions and the current statement where it still exists (else the one now at
        its place in the list); False if the current statement is gone.

        A filter whose choice no longer exists (a Sozialraum whose statements were all
        erased) lets everything through again; :attr:`filters_reset_` names them. A coder
        the ``forget`` took away (:attr:`coder_forgotten_`) is no longer coded as: the
        panel asks for a name again.
        """
        current, position, filters = self.current_id, self.position_, self.filters_
        if self.coder_forgotten_:
            self.coder, self.coder_key_ = None, None
        ids = self.table_.ids
        suggestions = {int(ids[i]): s for i, s in self.suggestions_.items()}
        rejected = {(int(ids[i]), code) for i, code in self.rejected_}
        self.load()
        index_of = self.table_.index_of
        self.suggestions_ = {index_of[k]: s for k, s in suggestions.items() if k in index_of}
        self.rejected_ = {(index_of[k], c) for k, c in rejected if k in index_of}
        filters, self.filters_reset_ = self._existing(filters)
        self.set_filters(filters)
        if current is not None and self.go_to_segment(current):
            return True
        self.position_ = max(0, min(position, len(self.visible_) - 1))
        return current is None

    def _existing(self, filters: Filters) -> tuple[Filters, tuple[str, ...]]:
        """``filters`` with each choice that no longer exists set to ``ALL``, and the
        names of the filters set so (``district``, ``workshop``, ``question``, ``code``)."""
        t = self.table_
        offered = {
            "district": set(t.district_names),
            "workshop": set(t.workshop_names),
            "question": {NO_QUESTION if q is None else q for q in t.question_names},
            "code": set(self.button_of_),
        }
        gone = tuple(
            name
            for name, values in offered.items()
            if getattr(filters, name) != ALL and getattr(filters, name) not in values
        )
        return replace(filters, **dict.fromkeys(gone, ALL)), gone

    def touched(self) -> bool:
        """Whether a ``forget`` since the load erased anything the panel holds (a statement
        read, or one whose memos or codings lost a forgotten person's name: then it
        reloads); :attr:`shown_erased_` says whether that is something it shows (a
        statement of the list the filters let through, one the coder's progress counts),
        else it reloads without a notice. An access code, a statement of a later import
        or a person named in nothing it holds leaves the panel as it is — unless the
        person is the coder (:attr:`coder_forgotten_`: her name is not written again)."""
        with self.project.session() as session:
            erased = erased_since(session, self.held_.after)
            self.coder_forgotten_ = (
                (erased.persons or erased.unknown)
                and self.coder is not None
                and coder_forgotten(session, self.coder, self.coder_key_)
            )
        hit = self.held_.touched_by(erased) or self.coder_forgotten_
        index_of = self.table_.index_of
        gone = [index_of[i] for i in erased.statements | erased.rewritten if i in index_of]
        listed = bool(np.isin(gone, self.visible_).any()) if gone else False
        renamed = [index_of[i] for i in erased.rewritten if i in index_of]
        counted = any(i in self.coded_ for i in renamed)  # the progress counts them
        self.shown_erased_ = hit and (erased.unknown or erased.people or listed or counted)
        return hit

    def check_forgotten(self) -> None:
        """Before an action: reload after a ``forget`` elsewhere; ErasedError if the
        statement shown was erased (nothing is written)."""
        if not self.watch_.changed():
            return
        shown = self.current_id
        if self.watch_.check() and self.coder_forgotten_:
            # not written under the name of the person erased
            raise ErasedError(f"{CODER_ERASED} Der Schritt wurde nicht gespeichert.")
        if shown is not None and shown not in self.table_.index_of:
            raise ErasedError(ERASED)

    def _read_codebook(self, signature: tuple[CodeSpec, ...], strict: bool) -> None:
        """Build the buttons from the codebook; codes keep the keys they had."""
        keep = {path: key for key, path in self.key_of_.items()}
        with self.project.session() as s:  # codes in use: a coded parent stays a button
            used = select(Code.path).join(Coding, Coding.code_id == Code.id).distinct()
            applied = set(s.scalars(used))
        buttons = code_buttons(
            self.project.codes(), self.offered_, self.shortcuts, keep, strict, applied
        )
        self.buttons_ = buttons
        self.button_of_ = {b.path: i for i, b in enumerate(buttons)}
        self.key_of_ = {b.key: b.path for b in buttons if b.key}
        self.codebook_ = signature
        self.codebook_version_ += 1

    def refresh_codebook(self) -> bool:
        """Re-read the codebook if it changed (another coder added a code); True if so.

        One small query when nothing changed. After a change the coder's codings are
        re-read too (a code may have been renamed), and a code filter on a code that is
        gone is dropped.
        """
        signature = tuple(self.project.codebook())
        if signature == self.codebook_:
            return False
        self._read_codebook(signature, strict=False)
        if self.coder is not None:
            self._load_codings()
        if self.filters_.code != ALL and self.filters_.code not in self.button_of_:
            self.set_filters(replace(self.filters_, code=ALL))
        return True

    def _load_memos(self) -> None:
        memos = self.project.memos()
        memos = memos[memos["target_type"] == "segment"]
        self.memos_: dict[int, list[tuple[str, str]]] = {}
        index_of = self.table_.index_of
        for target, author, text in zip(
            memos["target_id"], memos["author"], memos["text"], strict=True
        ):
            if int(target) in index_of:
                self.memos_.setdefault(index_of[int(target)], []).append((str(author), str(text)))

    def _load_codings(self) -> None:
        """This coder's codings: code paths by segment index (coded segments only)."""
        rows = self.project.coder_codings(self.coder)
        coded: dict[int, set[str]] = {}
        index_of = self.table_.index_of
        for segment_id, path in rows:
            if segment_id in index_of:
                coded.setdefault(index_of[segment_id], set()).add(path)
        is_coded = np.zeros(len(self.table_.ids), dtype=bool)
        is_coded[list(coded)] = True
        self.coded_, self.is_coded_ = coded, is_coded

    def set_coder(self, coder: str) -> None:
        """Code as ``coder`` from now on (validated); loads that coder's codings.

        A name spelt as someone who already coded but for case ("anna" in the link,
        Anna in the project) is that person, as ``workbench code --coder`` takes it: a
        second coder "anna" would disagree with Anna on every statement."""
        with self.project.session() as s:
            known = coder_names(s)
            meant = coder_meant(coder, known)
            self.coder_key_ = coder_placeholder(s, meant)  # a placeholder, not a name
        self.coder, self.coder_forgotten_ = meant, False
        self._load_codings()

    # -- what the panel shows ----------------------------------------------------------
    @property
    def total(self) -> int:
        """Number of segments in the project."""
        return len(self.table_.ids)

    @property
    def current(self) -> int | None:
        """Index of the current segment (None if the filters let nothing through)."""
        if len(self.visible_) == 0:
            return None
        return int(self.visible_[self.position_])

    @property
    def current_id(self) -> int | None:
        """Segment id of the current segment."""
        index = self.current
        return None if index is None else int(self.table_.ids[index])

    def segment_id(self, index: int) -> int:
        """The segment id at ``index``."""
        return int(self.table_.ids[index])

    def progress(self) -> tuple[int, int]:
        """(segments coded by this coder, all segments)."""
        return len(self.coded_), self.total

    def progress_in_filter(self) -> tuple[int, int]:
        """(coded, total) among the segments the filters let through."""
        return int(self.is_coded_[self.visible_].sum()), len(self.visible_)

    def codes_of(self, index: int) -> Set[str]:
        """Code paths this coder applied to the segment at ``index``."""
        return self.coded_.get(index, _NONE)

    def neighbours(self, index: int) -> tuple[int | None, int | None]:
        """Indexes of the previous and next segment in the same document."""
        prev, nxt = int(self.table_.prev[index]), int(self.table_.next[index])
        return (prev if prev >= 0 else None), (nxt if nxt >= 0 else None)

    def suggestions_for(self, index: int) -> list[Suggestion]:
        """Open suggestions for a segment: not yet applied, not rejected, best first."""
        applied = self.codes_of(index)
        return [
            s
            for s in self.suggestions_.get(index, ())
            if s.code not in applied and (index, s.code) not in self.rejected_
        ][:SUGGESTION_CHIPS]

    def filter_choices(self) -> dict[str, list[tuple[str, str]]]:
        """(label, value) choices of each dropdown filter, "Alle" first."""
        t = self.table_
        questions = [
            ("(ohne Leitfrage)", NO_QUESTION) if q is None else (q, q) for q in t.question_names
        ]
        return {
            "district": [
                ("Alle Sozialräume", ALL),
                *((t.district_shown.get(d, d), d) for d in t.district_names),
            ],
            "workshop": [
                ("Alle Workshops", ALL),
                *((t.workshop_shown.get(w, w), w) for w in t.workshop_names),
            ],
            "question": [("Alle Leitfragen", ALL), *questions],
            "code": [("Alle Codes", ALL), *((b.path, b.path) for b in self.buttons_)],
        }

    # -- filters and navigation ----------------------------------------------------------
    def set_filters(self, filters: Filters) -> None:
        """Apply filters; stay on the current segment if it is still in the list."""
        t = self.table_
        keep = self.current
        mask = np.ones(len(t.ids), dtype=bool)
        for value, numbers, names in (
            (filters.district, t.district_of, t.district_names),
            (filters.workshop, t.workshop_of, t.workshop_names),
            (filters.question, t.question_of, t.question_names),
        ):
            if value != ALL:
                wanted = None if value == NO_QUESTION else value
                number = names.index(wanted) if wanted in names else -1
                mask &= numbers == number
        candidates = np.flatnonzero(mask)
        if filters.code != ALL:
            having = np.zeros(len(t.ids), dtype=bool)
            having[[i for i, codes in self.coded_.items() if filters.code in codes]] = True
            candidates = candidates[having[candidates]]
        if filters.uncoded_only:
            candidates = candidates[~self.is_coded_[candidates]]
        needle = _folded(filters.search.strip())
        if needle:
            folded, sources = t.folded, t.source_ids
            candidates = candidates[
                [needle in folded[i] or needle == sources[i].casefold() for i in candidates]
            ]
        self.filters_ = filters
        self.visible_ = candidates.astype(np.int64)
        self.position_ = 0
        if keep is not None and len(candidates):
            found = np.searchsorted(candidates, keep)
            if found < len(candidates) and candidates[found] == keep:
                self.position_ = int(found)

    def move(self, step: int) -> bool:
        """Go ``step`` segments forward (negative: back) in the list; False at an end.

        Each move also picks up codes other coders created meanwhile
        (:meth:`refresh_codebook`).
        """
        target = self.position_ + step
        moved = 0 <= target < len(self.visible_)
        if moved:
            self.position_ = target
        self.refresh_codebook()
        return moved

    def go_to(self, position: int) -> None:
        """Go to the ``position``-th segment of the filtered list."""
        if not 0 <= position < len(self.visible_):
            raise InputError(f"Position {position} liegt nicht in der Liste.")
        self.position_ = int(position)
        self.refresh_codebook()

    def go_to_segment(self, segment_id: int) -> bool:
        """Go to a segment by id if the filters let it through; False otherwise."""
        index = self.table_.index_of.get(int(segment_id))
        if index is None:
            return False
        found = np.searchsorted(self.visible_, index)
        if found < len(self.visible_) and self.visible_[found] == index:
            self.position_ = int(found)
            self.refresh_codebook()
            return True
        return False

    # -- coding actions (each one transaction through the Project façade) --------------
    def _require(self) -> int:
        self.check_forgotten()
        if self.coder is None:
            raise InputError("Bitte zuerst einen Namen angeben.")
        index = self.current
        if index is None:
            raise InputError("Keine Aussage ausgewählt.")
        return index

    def _mark(self, index: int, path: str, applied: bool) -> None:
        if applied:
            self.coded_.setdefault(index, set()).add(path)
        elif path in self.coded_.get(index, _NONE):
            self.coded_[index].discard(path)
            if not self.coded_[index]:
                del self.coded_[index]
        self.is_coded_[index] = index in self.coded_

    def toggle(self, path: str) -> bool:
        """Apply ``path`` to the current segment, or remove it if applied; True if applied."""
        index = self._require()
        try:
            if path in self.codes_of(index):
                self.project.uncode_segment(self.segment_id(index), path, self.coder)
                self._mark(index, path, False)
                return False
            self.project.code_segment(self.segment_id(index), path, self.coder)
        except InputError:
            if not self.refresh_codebook() or path in self.button_of_:
                raise
            raise InputError(  # renamed, moved or deleted by someone else meanwhile
                f"Code '{path}' gibt es nicht mehr: Jemand hat das Codebuch eben geändert "
                "(umbenannt, verschoben oder gelöscht). Die Codes sind jetzt aktualisiert; "
                "bitte noch einmal wählen."
            ) from None
        self._mark(index, path, True)
        return True

    def create_code(self, name: str, parent: str | None = None, description: str = "") -> str:
        """Create a code while coding (in-vivo) and apply it to the current segment.

        The code joins the codebook at once (``Project.add_code``), gets the next free
        key and is applied for this coder; return its path. ``parent`` (a code path or
        None) must be in the codebook; a parent that has codings stays a button.
        """
        index = self._require()
        self.refresh_codebook()  # a code just created elsewhere counts, and then shows
        codebook = self.codebook_
        parent = (parent or "").strip() or None
        path = new_code_path(name, parent, (c.path for c in codebook))
        self.project.add_code(path, description=description)
        if self.offered_ is not None:
            self.offered_.append(path)
        self.refresh_codebook()
        self.project.code_segment(self.segment_id(index), path, self.coder)
        self._mark(index, path, True)
        return path

    def toggle_key(self, key: str) -> bool | None:
        """Toggle the code bound to ``key``; None if no code has that key."""
        path = self.key_of_.get(key)
        return None if path is None else self.toggle(path)

    def undo(self) -> list[str]:
        """Undo this coder's last action; say what it changed back (empty: nothing to undo)."""
        self.check_forgotten()
        if self.coder is None:
            raise InputError("Bitte zuerst einen Namen angeben.")
        undone = self.project.undo_steps(self.coder)
        if undone:
            # The undone action may have been made elsewhere (another tab, the CLI):
            # re-read this coder's codings rather than guess.
            self._load_codings()
        return undone

    def add_memo(self, text: str) -> int:
        """Save a memo on the current segment; return its id."""
        index = self._require()
        memo_id = self.project.add_memo(text, self.coder, segment=self.segment_id(index))
        shown = typed_prose(text).strip()  # as stored: no override, no control character
        self.memos_.setdefault(index, []).append((self.coder, shown))
        return memo_id

    # -- suggestions ---------------------------------------------------------------------
    def set_suggestions(self, table: pd.DataFrame | None, generation: int | None = None) -> bool:
        """Take a suggestion table (segment_id, source_id, code, confidence); True if taken.

        ``generation`` is :attr:`generation_` when the table was asked for: a table computed
        on the data before a reload (a ``forget`` meanwhile) is dropped (False).
        """
        if generation is not None and generation != self.generation_:
            return False
        by_index: dict[int, list[Suggestion]] = {}
        if table is not None and len(table):
            index_of = self.table_.index_of
            for segment_id, code, confidence in zip(
                table["segment_id"], table["code"], table["confidence"], strict=True
            ):
                index = index_of.get(int(segment_id))
                if index is not None:
                    by_index.setdefault(index, []).append(Suggestion(str(code), float(confidence)))
            for items in by_index.values():
                items.sort(key=lambda s: (-s.confidence, s.code))
        self.suggestions_ = by_index
        return True

    def accept(self, code: str, accept: Callable[..., Any] | None = None) -> None:
        """Accept a suggestion for the current segment: stored with this coder."""
        index = self._require()
        if accept is None:
            from workbench.analysis.suggest import accept_suggestion as accept
        accept(self.project, self.segment_id(index), code, self.coder)
        self._mark(index, code, True)

    def reject(self, code: str) -> None:
        """Hide a suggestion for the current segment (for this session only)."""
        index = self._require()
        self.rejected_.add((index, code))


__all__ = [
    "ALL",
    "DIGITS",
    "NO_QUESTION",
    "SUGGESTION_CHIPS",
    "CodeButton",
    "CodingModel",
    "Filters",
    "Suggestion",
    "code_buttons",
]
