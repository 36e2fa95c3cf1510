"""No participant's name stays in Python's own ``re`` cache after an operation
(workbench/core/word_caches.py).

``re`` keeps the last 512 patterns compiled from strings for the life of the process (a
JupyterLab kernel, the form server): the patterns an import builds from the names it
learned ("(?:Quirmbacher|Wenzeslava)s?"), from a name list or from a researcher's decision
were kept there after the import, the comment or the decision that built them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.feedback_data import items, knowing_kaya, rated_project
from workbench import Project
from workbench.ingest import review
from workbench.ingest.pseudonymise import as_stored_texts
from workbench.participation import feedback

SURNAME = "Quirmbacher"  # rare enough to be in no pattern of the code
FIRST = "Wenzeslava"
PROTOCOL = (
    "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n"
    f"participants:\n  - {FIRST} {SURNAME}\n---\n"
    f"## Ressourcen\n- Frau {SURNAME} vom Jugendzentrum kennt alle Familien\n"
    f"- {FIRST} {SURNAME} hat den Schlüssel zum Gemeinschaftsraum\n"
)


def in_re_cache(word: str) -> list[str]:
    """The patterns in ``re``'s cache that contain ``word`` (in any case)."""
    folded = word.casefold()
    found = []
    for name in ("_cache", "_cache2"):  # Python 3.11; 3.12 has two
        for key, value in list(getattr(re, name, {}).items()):
            texts = [str(part) for part in key] + [str(getattr(value, "pattern", ""))]
            found += [t for t in texts if folded in t.casefold()]
    return found


def _import(project: Project, folder: Path) -> None:
    protocol = folder / "Quirmbacher.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    project.import_files([protocol])


def test_the_inspection_finds_a_name_while_re_keeps_its_patterns(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks below can fail: without the purge, the import leaves the name in ``re``."""
    monkeypatch.setattr(re, "purge", lambda: None)
    _import(project, tmp_path)
    assert in_re_cache(SURNAME)
    monkeypatch.undo()
    re.purge()
    assert in_re_cache(SURNAME) == []


def test_after_an_import_re_holds_no_pattern_of_its_names(project: Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    key = project.pseudonym_key()
    assert key["original"].str.contains(SURNAME, regex=False).any()  # the import did read the name
    assert in_re_cache(SURNAME) == [] and in_re_cache(FIRST) == []


def test_after_a_comment_is_saved_re_holds_no_pattern_of_its_names(
    project: Project, tmp_path: Path
) -> None:
    rated = knowing_kaya(rated_project(project, tmp_path), tmp_path)
    token = feedback.issue_tokens(rated, 1, district="Manfort")[0]
    comment = f"Frau {SURNAME} vom Sportverein kümmert sich, sagt auch Frau Kaya."
    saved = feedback.save_answer(rated, token, items(rated, token)[0], "agree", 0, comment)
    assert SURNAME not in saved.comment
    assert in_re_cache(SURNAME) == [] and in_re_cache("Kaya") == []


def test_after_a_name_decision_re_holds_no_pattern_of_the_word(
    project: Project, tmp_path: Path
) -> None:
    protocol = tmp_path / "Runde.md"
    protocol.write_text(
        "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n---\n"
        f"## Ressourcen\n- Das hat {SURNAME} gestern beim Treffen gesagt\n",
        encoding="utf-8",
    )
    project.import_files([protocol])
    assert review.unknown_words(project, [SURNAME]) == []  # it stands in a statement
    assert in_re_cache(SURNAME) == []
    review.decide(project, [SURNAME], "confirm", "lea")
    assert not project.segments()["text"].str.contains(SURNAME, regex=False).any()  # it was applied
    assert in_re_cache(SURNAME) == []


def test_after_a_text_is_read_as_stored_no_cache_holds_its_names(project: Project) -> None:
    """A title typed in a concept or a dry run of a recommendation's status."""
    from tests.test_word_caches import holding

    with project.session() as session:
        (stored,) = as_stored_texts(session, f"Garten von Frau {SURNAME} am Bach")
    assert stored is not None and SURNAME not in stored
    assert holding(SURNAME) == [] and in_re_cache(SURNAME) == []


CHAT = (
    f"12.03.21, 18:01 - {FIRST} {SURNAME}: Der Spielplatz am Bach ist seit Wochen kaputt\n"
    f"12.03.21, 18:02 - Okke Tjaden: @{FIRST} {SURNAME} stimmt, die Schaukel fehlt\n"
    f"12.03.21, 18:03 - {FIRST} {SURNAME}: Und abends ist es dort sehr dunkel\n"
)
TURNS = (
    "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n---\n## Herausforderungen\n"
    f"{FIRST} {SURNAME}: Der Spielplatz am Bach ist seit Wochen kaputt.\n"
    f"Okke Tjaden: Stimmt, die Schaukel fehlt, sagt auch Frau {SURNAME}.\n"
    f"{FIRST} {SURNAME}: Und abends ist es dort sehr dunkel.\n"
)


@pytest.mark.parametrize(
    ("filename", "text"),
    [("WhatsApp Chat mit Manfort.txt", CHAT), ("Runde.md", TURNS)],
    ids=["chat-mentions", "speaker-turns"],
)
def test_after_an_import_re_holds_no_pattern_of_its_speakers(
    project: Project, tmp_path: Path, filename: str, text: str
) -> None:
    """Speaker labels and @mentions: patterns built from the speakers' names."""
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    project.import_files([path], district="Manfort")
    assert len(project.segments()) == 3
    assert not project.segments()["text"].str.contains(SURNAME, regex=False).any()
    assert in_re_cache(SURNAME) == [] and in_re_cache(FIRST) == []
