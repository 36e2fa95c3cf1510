"""Markdown protocols whose headings are several "#" and none deeper ("# Block 1", "#
Block 2"), and the message for a Word protocol without headings."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.core.domain import InputError
from workbench.ingest import parse_file


def _said(path: Path) -> list[tuple[str | None, str | None, str]]:
    return [(s.question, s.speaker_role, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize(
    "label", ["Sprecher 1", "SPEAKER_00", "P1", "**Sprecher 1:**"], ids=str.strip
)
def test_voices_under_hash_parts_keep_their_part_and_label(tmp_path: Path, label: str) -> None:
    """Each part's turns carry the part's heading as their question and the voice as
    speaker role, not in the text (before: the first "#" was the title, the others were
    dropped and the labels stayed in the text)."""
    first = label if label.startswith("**") else f"{label}:"
    second = first.replace("1", "2").replace("00", "01")
    text = (
        f"# Block 1\n\n{first} Der Spielplatz ist zu klein.\n\n{second} Abends fehlt Licht.\n\n"
        f"# Block 2\n\n{first} Das Stadtteilbüro berät gut.\n"
    )
    path = tmp_path / "runde.md"
    path.write_text(text, encoding="utf-8")
    role_1, role_2 = first.strip("*:"), second.strip("*:")
    assert _said(path) == [
        ("Block 1", role_1, "Der Spielplatz ist zu klein."),
        ("Block 1", role_2, "Abends fehlt Licht."),
        ("Block 2", role_1, "Das Stadtteilbüro berät gut."),
    ]


def test_plain_statements_under_hash_parts_keep_their_part(tmp_path: Path) -> None:
    path = tmp_path / "teile.md"
    path.write_text(
        "# Was fehlt?\n\nDer Spielplatz ist zu klein.\n\n# Was gibt es?\n\nDas Büro berät.\n",
        encoding="utf-8",
    )
    assert _said(path) == [
        ("Was fehlt?", None, "Der Spielplatz ist zu klein."),
        ("Was gibt es?", None, "Das Büro berät."),
    ]


def test_a_hash_title_over_details_stays_the_title(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.md"
    path.write_text(
        "# Stadtteilrunde\n\nDatum: 12.03.2021\n\n# Block 1\n\nSprecher 1: Mehr Bänke.\n\n"
        "Sprecher 2: Mehr Licht.\n\n# Block 2\n\nSprecher 1: Ein Café.\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert (document.title, document.date) == ("Stadtteilrunde", "2021-03-12")
    assert [(s.question, s.speaker_role) for s in document.segments] == [
        ("Block 1", "Sprecher 1"),
        ("Block 1", "Sprecher 2"),
        ("Block 2", "Sprecher 1"),
    ]


def test_a_title_over_guiding_questions_is_read_as_before(tmp_path: Path) -> None:
    """Guard (passes on both): "# Titel" over "##" questions; lead-ins stay in the text."""
    path = tmp_path / "protokoll.md"
    path.write_text(
        "# Protokoll\n\n## Teil 1\n\nZiel: Den Spielplatz planen.\n\n## Teil 2\n\nBänke.\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.title == "Protokoll"
    assert _said(path) == [
        ("Teil 1", None, "Ziel: Den Spielplatz planen."),
        ("Teil 2", None, "Bänke."),
    ]


def test_word_without_headings_names_the_lead_ins_and_the_text_export(tmp_path: Path) -> None:
    """'Ziel: …' is of the form 'Schlüssel: Wert' but no detail: the message says so and
    names what imports such a protocol (before it said it was not of that form)."""
    word = docx.Document()
    for text in ("Ziel: Den Spielplatz planen.", "Ergebnis: Die Verwaltung prüft."):
        word.add_paragraph(text)
    word.save(tmp_path / "ziele.docx")
    with pytest.raises(InputError) as caught:
        parse_file(tmp_path / "ziele.docx")
    message = str(caught.value)
    assert "Absatz 1: Das Dokument hat keine Überschriften" in message
    assert "'Ziel: …' oder 'Thema 1: …' ist eine Aussage" in message
    assert "Nur-Text (.txt)" in message
    text = tmp_path / "ziele.txt"  # the advice holds: each paragraph one statement
    text.write_text("Ziel: Den Spielplatz planen.\n\nErgebnis: Die Verwaltung prüft.\n")
    assert [s.text for s in parse_file(text).segments] == [
        "Ziel: Den Spielplatz planen.",
        "Ergebnis: Die Verwaltung prüft.",
    ]
