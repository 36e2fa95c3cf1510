"""The coding panel's segments as arrays (:class:`_Table`), built once by
:meth:`widgets.coding_model.CodingModel.load`, and the helpers that build it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workbench.synthesis.workshop_names import is_file_name


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
