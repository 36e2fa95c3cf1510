"""A record of topics beside a speaker's turns ("- Dilara: …", "- Lastenrad: …",
"- Parking: …") lost its topics: each word that opened a line became a person, in the
key and in the text ("Ein [Person 2] zum Ausleihen"). A conversation's unknown first
name ("- Quirin: …") is still a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.lead_in_first_names import conversation_first_names

DILARA = ["- Dilara: Wir brauchen mehr Bänke am Marktplatz.", "- Dilara: Genau, und mehr Licht."]


def _import(project: Project, lines: list[str], tmp_path: Path) -> list[str]:
    path = tmp_path / "wand.md"
    path.write_text("# Stadtteilforum\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Forum"]) == 0
    return project.segments().sort_values("position")["text"].tolist()


@pytest.mark.parametrize(
    "topics",
    [
        ["Lastenrad: Ein Lastenrad zum Ausleihen.", "Parking: Zu wenige Plätze abends."],
        ["Parken: Zu wenige Plätze.", "Zugezogene: Kaum Angebote für Zugezogene."],
        ["Parking: Zu wenige Plätze.", "Traffic: Zu schnell.", "Noise: Nachts laut."],
        ["Falsch: Die Ampel ist zu kurz grün.", "Hitzeinseln: Kein Schatten am Platz."],
    ],
)
def test_a_records_topics_beside_a_speaker_stay_words(
    project: Project, tmp_path: Path, topics: list[str]
) -> None:
    lines = [DILARA[0], *(f"- {t}" for t in topics), DILARA[1]]
    texts = _import(project, lines, tmp_path)
    assert texts[1:-1] == topics
    assert set(project.pseudonym_key()["original"]) == {"Dilara"}


@pytest.mark.parametrize(
    "turns",
    [
        [("Dilara", "Bänke."), ("Quirin", "Bolzplatz."), ("Dilara", "Ja.")],
        [("Dilara", "Bänke."), ("Moderation", "Noch wer?"), ("Quirin", "Ich."), ("Dilara", "Ja.")],
        [("Dilara", "Bänke."), ("Bewohnerin", "Licht."), ("Quirin", "Ja."), ("Dilara", "Gut.")],
        [
            ("Dilara", "Bänke."),
            ("Quirin", "Ja."),
            ("Anna", "Auch."),
            ("Tjorge", "Ja."),
            ("Dilara", "Gut."),
            ("Anna", "Gut."),
        ],
    ],
)
def test_a_conversations_unknown_first_name_is_still_a_person(
    turns: list[tuple[str, str]],
) -> None:
    found = conversation_first_names((None, f"{who}: {said}") for who, said in turns)
    assert "Quirin" in found
