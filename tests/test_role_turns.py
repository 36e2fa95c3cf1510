"""Speaker turns written as list items ("- Sprecher 1: …") and under role words
("Anwohnerin: …", "Vertreter Jugendamt: …") in Markdown and plain-text protocols."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.domain import ParsedDocument
from workbench.ingest import parse_file


def _parse(tmp_path: Path, text: str, suffix: str = ".md") -> ParsedDocument:
    path = tmp_path / f"runde{suffix}"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def _read(tmp_path: Path, text: str, suffix: str = ".md") -> list[tuple[str | None, str]]:
    return [(s.speaker_role, s.text) for s in _parse(tmp_path, text, suffix).segments]


BULLETED = (
    "# Protokoll Stadtteilrunde\n\n## Was fehlt im Quartier?\n\n"
    "- Moderation: Was sagen Sie dazu?\n- Sprecher 1: Der Spielplatz ist zu klein.\n"
    "- Ergebnis: Bänke werden geprüft.\n\n## Was gibt es schon?\n\n"
    "- Sprecher 2: Das Stadtteilbüro berät gut.\n- Sprecher 1: Abends fehlt Licht.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_bulleted_voices_under_questions_are_turns(tmp_path: Path, suffix: str) -> None:
    document = _parse(tmp_path, BULLETED, suffix)
    assert [(s.question, s.speaker_role, s.text) for s in document.segments] == [
        ("Was fehlt im Quartier?", "Moderation", "Was sagen Sie dazu?"),
        ("Was fehlt im Quartier?", "Sprecher 1", "Der Spielplatz ist zu klein."),
        ("Was fehlt im Quartier?", None, "Ergebnis: Bänke werden geprüft."),  # the record's
        ("Was gibt es schon?", "Sprecher 2", "Das Stadtteilbüro berät gut."),
        ("Was gibt es schon?", "Sprecher 1", "Abends fehlt Licht."),
    ]


@pytest.mark.parametrize("mark", ["-", "*", "•", "1."])
def test_bulleted_voices_below_a_title_are_turns(tmp_path: Path, mark: str) -> None:
    text = (
        f"Protokoll Stadtteilrunde\n\n{mark} SPEAKER_00: Der Spielplatz ist zu klein.\n"
        f"{mark} SPEAKER_01: Abends fehlt Licht.\n{mark} SPEAKER_00: Bänke fehlen.\n"
    )
    assert _read(tmp_path, text, ".txt") == [
        ("SPEAKER_00", "Der Spielplatz ist zu klein."),
        ("SPEAKER_01", "Abends fehlt Licht."),
        ("SPEAKER_00", "Bänke fehlen."),
    ]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_lead_in_among_bulleted_voices_keeps_its_label(tmp_path: Path, suffix: str) -> None:
    plain = (
        "Protokoll Stadtteilrunde\n\n- SPEAKER_00: Der Spielplatz ist zu klein.\n"
        "- **Ziel:** Bänke prüfen.\n- SPEAKER_01: Abends fehlt Licht.\n"
    )
    assert _read(tmp_path, plain, suffix) == [
        ("SPEAKER_00", "Der Spielplatz ist zu klein."),
        (None, "Ziel: Bänke prüfen."),
        ("SPEAKER_01", "Abends fehlt Licht."),
    ]
    headed = BULLETED.replace("- Ergebnis:", "- Problem:")
    assert [s.question for s in _parse(tmp_path, headed, suffix).segments][2] == (
        "Was fehlt im Quartier?"
    )
    assert _read(tmp_path, headed, suffix)[2] == (None, "Problem: Bänke werden geprüft.")


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_list_of_points_stays_a_list(tmp_path: Path, suffix: str) -> None:
    text = (
        "# Protokoll\n\n## Was fehlt im Quartier?\n\n- Ziel: mehr Grün\n- Problem: Parken\n\n"
        "## Was gibt es schon?\n\n- Ort: Spielplatz\n- Ziel: mehr Grün\n"
    )
    assert _read(tmp_path, text, suffix) == [
        (None, "Ziel: mehr Grün"),
        (None, "Problem: Parken"),
        (None, "Ort: Spielplatz"),
        (None, "Ziel: mehr Grün"),
    ]


ROLE_WORDS = (
    "Protokoll Stadtteilrunde\n\nAnwohnerin: Der Spielplatz ist zu klein.\n"
    "Quartiersmanagerin: Wir prüfen das.\nAnwohnerin: Abends fehlt Licht.\n"
    "Vertreter Jugendamt: Der Treffpunkt kommt.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_role_words_are_roles_not_people(tmp_path: Path, suffix: str) -> None:
    document = _parse(tmp_path, ROLE_WORDS, suffix)
    assert [(s.speaker_role, s.text) for s in document.segments] == [
        ("Anwohnerin", "Der Spielplatz ist zu klein."),
        ("Quartiersmanagerin", "Wir prüfen das."),
        ("Anwohnerin", "Abends fehlt Licht."),
        ("Vertreter Jugendamt", "Der Treffpunkt kommt."),
    ]
    assert document.names == ()  # nobody is named: no placeholder for a role


def test_a_name_after_the_role_is_the_person(tmp_path: Path) -> None:
    text = ROLE_WORDS.replace("Anwohnerin:", "Anwohnerin Frau Schulz:")
    document = _parse(tmp_path, text, ".txt")
    assert [s.speaker_role for s in document.segments][:2] == ["Anwohnerin", "Quartiersmanagerin"]
    assert any("Schulz" in name for name in document.names)  # pseudonymised on import
    assert not any("Schulz" in f"{s.speaker_role} {s.text}" for s in document.segments)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_lead_ins_and_a_participants_line_stay_the_record(tmp_path: Path, suffix: str) -> None:
    text = (
        "Protokoll Stadtteilrunde\n\nTeilnehmende: Anwohnerin, Quartiersmanagerin\n\n"
        "Ergebnis: Bänke werden geprüft.\nFazit: Licht am Weg prüfen.\n"
        "Ziel: Das Amt lädt ein.\nProblem: Parken.\nHinweis: Bänke werden geprüft.\n"
    )
    read = _read(tmp_path, text, suffix)
    assert all(role is None for role, _ in read)
    assert (None, "Problem: Parken.") in read and (None, "Fazit: Licht am Weg prüfen.") in read


def test_role_label_reads_roles_and_leaves_names_and_lead_ins() -> None:
    from workbench.ingest.role_labels import role_label  # new in this round: old code lacks it

    assert role_label("Mitarbeiter Stadtteilbüro") == ("Mitarbeiter Stadtteilbüro", None)
    assert role_label("Anwohner Herr Becker") == ("Anwohner", "Herr Becker")
    for other in ("Ziel", "Problem", "Ergebnis", "Ort", "Richter", "Bauer", "Anna Schmidt"):
        assert role_label(other) is None, other
