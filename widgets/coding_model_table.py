"""The coding panel's segments as arrays (:class:`_Table`), built once by
:meth:`widgets.coding_model.CodingModel.load` (:func:`_table`), and the helpers that build it."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from widgets.coding_panel_codes import clean
from workbench.store import CITYWIDE
from workbench.synthesis.citywide import place_name
from workbench.synthesis.workshop_names import is_file_name

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class _Table:
    """The segments as arrays, in document order (built once in :meth:`CodingModel.load`)."""

    ids: np.ndarray
    index_of: dict[int, int]
    source_ids: list[str]
    documents: list[str]
    workshops: list[str]
    districts: list[str]
    questions: list[str | None]
    roles: list[str | None]
    texts: list[str]
    folded: list[str]
    prev: np.ndarray  # index of the previous segment of the same document, or -1
    next: np.ndarray  # index of the next segment of the same document, or -1
    district_of: np.ndarray  # category numbers for fast filtering
    workshop_of: np.ndarray
    question_of: np.ndarray
    district_names: list[str] = field(default_factory=list)
    workshop_names: list[str] = field(default_factory=list)
    question_names: list[str | None] = field(default_factory=list)
    district_shown: dict[str, str] = field(default_factory=dict)  # "ohne Sozialraum"
    workshop_shown: dict[str, str] = field(default_factory=dict)  # a file-named one: its file

    def shown_district(self, index: int) -> str:
        """Segment ``index``'s Sozialraum as the apps name it: a survey's statements under
        Gesamtstadt are "ohne Sozialraum" (:func:`workbench.synthesis.citywide.place_name`)."""
        district = self.districts[index]
        return self.district_shown.get(district, district)

    def shown_workshop(self, index: int) -> str:
        """Segment ``index``'s workshop as the apps name it: one named only after its file
        (a card wall's "dataset-…-d1a") is that file, "dataset-…-d1a.csv"
        (:func:`workbench.synthesis.workshop_names.is_file_name`)."""
        workshop = self.workshops[index]
        return self.workshop_shown.get(workshop, workshop)


def _categories(values: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    """Category numbers and the sorted distinct values (None last)."""
    names = sorted({v for v in values if v is not None})
    if any(v is None for v in values):
        names.append(None)
    number = {v: i for i, v in enumerate(names)}
    return np.fromiter((number[v] for v in values), dtype=np.int32, count=len(values)), names


def _file_workshops(workshops: Sequence[str], documents: Sequence[str]) -> dict[str, str]:
    """Each workshop named only after its file, with that file's name.

    >>> _file_workshops(["karten", "Auftakt", "karten"], ["karten.csv", "a.md", "karten.csv"])
    {'karten': 'karten.csv'}
    """
    pairs = dict.fromkeys(zip(workshops, documents, strict=True))
    return {w: d for w, d in pairs if is_file_name(w, d)}


def _folded(text: str) -> str:
    """``text`` as searched: composed (a statement from a Mac writes "ä" as "a" and a
    combining mark, the search box the letter) and case-folded."""
    return unicodedata.normalize("NFC", text).casefold()


def _table(segments: pd.DataFrame) -> _Table:
    n = len(segments)
    ids = segments["segment_id"].to_numpy(dtype=np.int64)
    docs = segments["document_id"].to_numpy(dtype=np.int64)
    same_as_previous = np.zeros(n, dtype=bool)
    same_as_previous[1:] = docs[1:] == docs[:-1]
    index = np.arange(n)
    prev = np.where(same_as_previous, index - 1, -1)
    nxt = np.full(n, -1)
    nxt[:-1] = np.where(same_as_previous[1:], index[1:], -1)
    texts = [str(t) for t in segments["text"]]
    districts = [str(d) for d in segments["district"]]
    workshops = [str(w) for w in segments["workshop"]]
    questions = [clean(q) for q in segments["question"]]
    district_of, district_names = _categories(districts)
    workshop_of, workshop_names = _categories(workshops)
    question_of, question_names = _categories(questions)
    city = {w for d, w in zip(districts, workshops, strict=True) if d == CITYWIDE}
    return _Table(
        ids=ids,
        index_of={int(i): k for k, i in enumerate(ids)},
        source_ids=[str(s) for s in segments["source_id"]],
        documents=[str(d) for d in segments["document"]],
        workshops=workshops,
        districts=districts,
        questions=questions,
        roles=[clean(r) for r in segments["speaker_role"]],
        texts=texts,
        folded=[_folded(t) for t in texts],
        prev=prev,
        next=nxt,
        district_of=district_of,
        workshop_of=workshop_of,
        question_of=question_of,
        district_names=district_names,
        workshop_names=workshop_names,
        question_names=question_names,
        district_shown={d: place_name(d, city) for d in district_names},
        workshop_shown=_file_workshops(workshops, [str(d) for d in segments["document"]]),
    )
