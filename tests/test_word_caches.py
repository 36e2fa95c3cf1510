"""No participant's word stays in a module's cache after an operation
(workbench/core/word_caches.py).

Kernels and the form server live for days: a name read at an import, in a comment or in a
memo must not stay in ``fold``'s or ``listed_pattern``'s cache once the import, the save or
the export is done. Every cache of the package is registered (emptied then) or marked as
holding a fixed vocabulary; a new cache marked neither way fails here.
"""

from __future__ import annotations

import functools
import gc
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import workbench
from tests.feedback_data import items, knowing_kaya, rated_project
from workbench import Project
from workbench.exchange.export import export_qdpx
from workbench.ingest import caps_view, listed_words, name_gazetteer, nfc_view, pseudonymise
from workbench.participation import feedback

# Rare enough to be in no list: found in a cache only because a text named them.
SURNAME = "Quirmbacher"
FIRST = "Wenzeslava"
PROTOCOL = (
    "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n---\n"
    f"## Ressourcen\n- Frau {SURNAME} vom Jugendzentrum kennt alle Familien\n"
    f"- {FIRST.upper()} {SURNAME.upper()} organisiert das Fest im Park\n"
    f"- {FIRST} {SURNAME} hat den Schlüssel zum Gemeinschaftsraum\n"
)
# the caches the brief named, by name: found on the code before the registry as well
NAMED = {
    "name_gazetteer.fold": name_gazetteer.fold,
    "name_gazetteer._lookup": name_gazetteer._lookup,
    "caps_view._title": caps_view._title,
    "caps_view._first_name": caps_view._first_name,
    "listed_words.listed_pattern": listed_words.listed_pattern,
    "nfc_view.nfc_names": nfc_view.nfc_names,
    "pseudonymise._folded_words": pseudonymise._folded_words,
}


def _strings(obj: object, depth: int = 0) -> Iterator[str]:
    """The texts in ``obj``: a cache's keys and values, through containers and patterns."""
    if depth > 6:
        return
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, bytes):
        yield obj.decode("utf-8", "replace")
    elif isinstance(obj, re.Pattern):
        yield str(obj.pattern)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _strings(key, depth + 1)
            yield from _strings(value, depth + 1)
    elif isinstance(obj, list | tuple | set | frozenset):
        if len(obj) > 50_000:  # a fixed vocabulary passed as an argument (the gazetteer)
            return
        for item in obj:
            yield from _strings(item, depth + 1)


def _cached(cache: object) -> object:
    """What a cache holds: an lru_cache's dict (it refers to it), or the list itself."""
    if isinstance(cache, functools._lru_cache_wrapper):
        return [r for r in gc.get_referents(cache) if isinstance(r, dict)]
    return cache


def _caches() -> dict[str, object]:
    """The caches named above and all that the registry knows (when there is one)."""
    try:
        from workbench.core.word_caches import registered
    except ImportError:  # the code before the registry: the named caches only
        return dict(NAMED)
    return {**NAMED, **registered()}


def holding(word: str) -> list[str]:
    """The caches that hold ``word`` (in any case) in a key or a value."""
    folded = word.casefold()
    return sorted(
        name
        for name, cache in _caches().items()
        if any(folded in text.casefold() for text in _strings(_cached(cache)))
    )


def _import(project: Project, folder: Path) -> None:
    protocol = folder / "Quirmbacher.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    project.import_files([protocol])


def test_the_inspection_finds_a_name_while_the_caches_are_kept(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check below can fail: without the forgetting, the name is in the caches."""
    from workbench.core import word_caches

    monkeypatch.setattr(word_caches, "forget_words", lambda: None)
    _import(project, tmp_path)
    found = holding(SURNAME)
    assert "workbench.ingest.name_gazetteer.fold" in found, found
    monkeypatch.undo()
    word_caches.forget_words()
    assert holding(SURNAME) == []


def test_after_an_import_no_cache_holds_a_name_of_its_texts(
    project: Project, tmp_path: Path
) -> None:
    _import(project, tmp_path)
    key = project.pseudonym_key()
    assert key["original"].str.contains(SURNAME).any()  # the import did read the name
    assert holding(SURNAME) == [] and holding(FIRST) == []


def test_after_a_comment_is_saved_no_cache_holds_its_names(
    project: Project, tmp_path: Path
) -> None:
    rated = knowing_kaya(rated_project(project, tmp_path), tmp_path)
    token = feedback.issue_tokens(rated, 1, district="Manfort")[0]
    comment = f"Frau {SURNAME} vom Sportverein kümmert sich, sagt auch Frau Kaya."
    saved = feedback.save_answer(rated, token, items(rated, token)[0], "agree", 0, comment)
    assert SURNAME not in saved.comment  # pseudonymised, so the detector read it
    assert holding(SURNAME) == [] and holding(FIRST) == []


def test_after_an_export_no_cache_holds_a_name_of_its_memos(
    project: Project, tmp_path: Path
) -> None:
    _import(project, tmp_path)
    statement = int(project.segments()["segment_id"].iloc[0])
    project.add_memo(f"Rückruf bei {FIRST} {SURNAME} wegen des Schlüssels", "lea", statement)
    for cache in NAMED.values():  # what the import left (the code before the registry)
        cache.cache_clear()
    assert holding(SURNAME) == []
    export_qdpx(project, tmp_path / "projekt.qdpx")
    assert holding(SURNAME) == [] and holding(FIRST) == []


def test_every_cache_of_the_package_is_registered_or_holds_a_fixed_vocabulary() -> None:
    """A new ``lru_cache`` must say which it is: a cache neither emptied nor marked fails."""
    from workbench.core.word_caches import fixed, registered

    found = set()
    for module in pkgutil.walk_packages(workbench.__path__, "workbench."):
        if module.name.startswith("workbench.cli") or module.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, functools._lru_cache_wrapper) and value.__module__ == module.name:
                found.add(f"{value.__module__}.{value.__qualname__}")
    assert "workbench.ingest.name_gazetteer.fold" in found  # the walk sees the caches
    known = set(registered()) | set(fixed())
    assert found - known == set()
    assert set(NAMED) <= {name.removeprefix("workbench.ingest.") for name in registered()}
