"""Two researchers import into the same project at the same moment (both backends).

Each import reads the pseudonym key and numbers new people after the highest number it
knows. Two imports that both read the key before either has committed gave two different
people the same placeholder (SQLite and PostgreSQL), or failed with a traceback on a
unique constraint (PostgreSQL: the first wave, a workshop both name). Imports now wait
for each other (:func:`workbench.store.schema.lock_writes`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench import Project
from workbench.ingest.writer import Writer

PROTOCOL = """---
workshop: {workshop}
district: {district}
date: 2021-11-18
participants:
  - {person}
---

# Protokoll

## Herausforderungen und Bedarfe

- {person} berichtet, dass der Treffpunkt im Viertel fehlt.
- Es gibt zu wenige Bänke am Spielplatz.
"""


def _protocol(folder: Path, name: str, workshop: str, district: str, person: str) -> Path:
    path = folder / name
    path.write_text(
        PROTOCOL.format(workshop=workshop, district=district, person=person), encoding="utf-8"
    )
    return path


def _at_once(
    project: Project,
    first: Callable[[Project], object],
    second: Callable[[Project], object],
    inside: threading.Event,
    second_done: threading.Event,
) -> list[BaseException]:
    """Run ``first`` in a thread "erster" and, once it has set ``inside``, ``second`` in a
    thread "zweiter" (each with its own Project, like two processes; ``second_done`` is set
    when it ends). Returns the errors raised."""
    errors: list[BaseException] = []

    def run(action: Callable[[Project], object], done: threading.Event | None) -> None:
        opened = Project.open(project.path)
        try:
            action(opened)
        except BaseException as err:  # reported by the test
            errors.append(err)
        finally:
            opened.close()
            if done is not None:
                done.set()

    one = threading.Thread(target=run, args=(first, None), name="erster")
    one.start()
    assert inside.wait(timeout=60)
    two = threading.Thread(target=run, args=(second, second_done), name="zweiter")
    two.start()
    one.join(timeout=120)
    two.join(timeout=120)
    return errors


def _import_at_once(project: Project, first: Path, second: Path) -> list[BaseException]:
    """Import ``first`` and ``second`` at once; the second starts while the first is inside
    its transaction. Returns the errors raised."""
    inside, second_done = threading.Event(), threading.Event()
    write = Writer.write

    def held(self: Writer, *args: object, **kwargs: object) -> object:
        written = write(self, *args, **kwargs)
        if threading.current_thread().name == "erster":  # written, not committed yet
            inside.set()
            second_done.wait(timeout=3)  # before the fix the second import ran meanwhile
        return written

    Writer.write = held  # type: ignore[method-assign]
    try:
        return _at_once(
            project,
            lambda p: p.import_files([first]),
            lambda p: p.import_files([second]),
            inside,
            second_done,
        )
    finally:
        Writer.write = write  # type: ignore[method-assign]


@pytest.mark.backends
def test_two_imports_at_once_give_different_people_different_placeholders(
    project: Project, tmp_path: Path
) -> None:
    earlier = _protocol(tmp_path, "a.md", "Workshop Manfort", "Manfort", "Anna Schmidt")
    project.import_files([earlier])
    first = _protocol(tmp_path, "b.md", "Folgeworkshop Manfort", "Manfort", "Berta Klein")
    second = _protocol(tmp_path, "c.md", "Folgeworkshop Wiesdorf", "Wiesdorf", "Dieter Maus")

    assert _import_at_once(project, first, second) == []

    key = project.pseudonym_key()
    people = key[key["kind"] == "person"]
    assert sorted(people["original"]) == ["Anna Schmidt", "Berta Klein", "Dieter Maus"]
    assert people["placeholder"].is_unique, people
    segments = project.segments()
    assert len(segments) == 6
    for person, text in [("Berta Klein", "berichtet"), ("Dieter Maus", "berichtet")]:
        placeholder = people.loc[people["original"] == person, "placeholder"].item()
        assert segments["text"].str.contains(f"{placeholder} {text}", regex=False).sum() == 1


@pytest.mark.backends
def test_two_first_imports_at_once_into_a_new_project_both_succeed(
    project: Project, tmp_path: Path
) -> None:
    first = _protocol(tmp_path, "a.md", "Workshop Manfort", "Manfort", "Anna Schmidt")
    second = _protocol(tmp_path, "b.md", "Workshop Wiesdorf", "Wiesdorf", "Karl Becker")

    assert _import_at_once(project, first, second) == []

    assert len(project.segments()) == 4
    assert sorted(project.workshops()["workshop"]) == ["Workshop Manfort", "Workshop Wiesdorf"]


@pytest.mark.backends
def test_the_same_new_code_from_two_researchers_at_once(project: Project) -> None:
    """Two coders create "Ort" at the same moment (coding panel, codebook add): one gets it,
    the other is told it exists — no unique-constraint traceback."""
    from sqlalchemy.orm import Session

    from workbench.core.domain import InputError
    from workbench.store import Code

    inside, second_done = threading.Event(), threading.Event()
    add = Session.add

    def held(self: Session, instance: object, *args: object, **kwargs: object) -> None:
        add(self, instance, *args, **kwargs)
        if isinstance(instance, Code) and threading.current_thread().name == "erster":
            inside.set()  # checked that "Ort" is free, not yet written
            second_done.wait(timeout=3)  # before the fix the second one ran meanwhile

    Session.add = held  # type: ignore[method-assign]
    try:
        errors = _at_once(
            project, lambda p: p.add_code("Ort"), lambda p: p.add_code("Ort"), inside, second_done
        )
    finally:
        Session.add = add  # type: ignore[method-assign]
    assert [type(e) for e in errors] == [InputError] and "gibt es schon" in str(errors[0])
    assert [c.path for c in project.codebook()] == ["Ort"]


@pytest.mark.backends
def test_two_waves_renamed_to_the_same_label_at_once(project: Project, tmp_path: Path) -> None:
    """Two researchers give two waves the same new label at the same moment: one gets it,
    the other is told it exists (before, both found the label free and both waves got it,
    or the later commit failed on the unique label)."""
    from workbench.analysis import waves
    from workbench.core.domain import InputError

    project.import_files([_protocol(tmp_path, "a.md", "W1", "Manfort", "Anna Schmidt")])
    project.import_files(
        [_protocol(tmp_path, "b.md", "W2", "Manfort", "Karl Becker")], wave="Welle 2"
    )
    first_label, second_label = list(waves.waves(project)["wave"])
    inside, second_done = threading.Event(), threading.Event()
    find = waves.find_wave

    def held(session: object, label: str) -> object:
        found = find(session, label)  # type: ignore[arg-type]
        if threading.current_thread().name == "erster" and label == "2021/22":
            inside.set()  # found the label free, not yet written
            second_done.wait(timeout=3)  # before the fix the second rename ran meanwhile
        return found

    waves.find_wave = held  # type: ignore[assignment]
    try:
        errors = _at_once(
            project,
            lambda p: waves.rename_wave(p, first_label, "2021/22"),
            lambda p: waves.rename_wave(p, second_label, "2021/22"),
            inside,
            second_done,
        )
    finally:
        waves.find_wave = find
    assert [type(e) for e in errors] == [InputError] and "gibt es schon" in str(errors[0])
    assert sorted(waves.waves(project)["wave"]) == sorted(["2021/22", second_label])


@pytest.mark.backends
def test_the_same_indicator_file_imported_by_two_researchers_at_once(
    project: Project, tmp_path: Path
) -> None:
    """Two researchers import the city's new figures at the same moment: the values are
    stored once, the later import finds them unchanged (before, both found them new and
    the later commit failed on the unique value with a traceback)."""
    from workbench.synthesis import indicators

    path = tmp_path / "indikatoren.csv"
    path.write_text(
        "district,indicator,year,value,unit,source\n"
        "Manfort,SGB-II-Quote,2022,18.2,%,Sozialbericht 2022\n"
        "Wiesdorf,SGB-II-Quote,2022,12.5,%,Sozialbericht 2022\n",
        encoding="utf-8",
    )
    inside, second_done = threading.Event(), threading.Event()
    merged = indicators.merged_names
    results: list[indicators.IndicatorImport] = []

    def held(*args: object, **kwargs: object) -> object:
        names = merged(*args, **kwargs)
        if threading.current_thread().name == "erster":  # read the stored values, wrote none
            inside.set()
            second_done.wait(timeout=3)  # before the fix the second import ran meanwhile
        return names

    indicators.merged_names = held  # type: ignore[assignment]
    try:
        errors = _at_once(
            project,
            lambda p: results.append(indicators.import_indicators(p, path)),
            lambda p: results.append(indicators.import_indicators(p, path)),
            inside,
            second_done,
        )
    finally:
        indicators.merged_names = merged
    assert errors == []
    assert sorted((r.added, r.unchanged) for r in results) == [(0, 2), (2, 0)]
    assert len(indicators.indicators(project)) == 2
