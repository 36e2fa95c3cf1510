"""A plain (not bold) lead-in "Vorname Nachname: …" that opens several statements of one
protocol is a speaker, even when the gazetteer does not know the first name: "Okke
Wübbenhorst: …" three times in a Markdown or text protocol stayed in clear in every
statement (Frisian, Turkish, Ukrainian first names are missing from any list). Places,
organisations and topics opening several statements stay as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.lead_in_names import plain_lead_ins

PROTOCOL = (
    "# Forum\n\n## Was fehlt?\n\n"
    "Okke Wübbenhorst: Ein Treffpunkt für Jugendliche fehlt.\n\n"
    "Moderation: Wir nehmen das mit.\n\n"
    "Ubbo Tjardes: Der Bus fährt zu selten.\n\n"
    "Okke Wübbenhorst: Und mehr Bänke am Spielplatz.\n\n"
    "Ubbo Tjardes: Danke Okke, das sehe ich auch so.\n"
)


def _import(project: Project, path: Path) -> None:
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Forum"]) == 0


@pytest.mark.parametrize("name", ["forum.md", "forum.txt"])
def test_a_repeated_plain_lead_in_with_an_unknown_first_name_is_a_person(
    project: Project, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(PROTOCOL, encoding="utf-8")
    _import(project, path)
    stored = stored_text(project)
    for word in ("Okke", "Wübbenhorst", "Ubbo", "Tjardes"):
        assert word not in stored, word
    texts = project.segments()["text"].tolist()
    okke = texts[0].split(":")[0]
    assert okke.startswith("[Person ") and texts[3].startswith(f"{okke}:"), texts
    assert f"Danke {okke}," in texts[4], texts  # one person, one number
    assert texts[1] == "Moderation: Wir nehmen das mit."


@pytest.mark.parametrize(
    "role",
    [
        "Bürgerhaus Opladen",
        "Mark Brandenburg",
        "Paris Bar",
        "Praktischer Klimaschutz",
        # a record's headline words, the first one a surname too ("Kurz", "Frisch", "Neu")
        "Kurz Notiert",
        "Frisch Gemeldet",
        "Neu Eingegangen",
    ],
)
def test_a_repeated_place_organisation_or_topic_stays(
    project: Project, tmp_path: Path, role: str
) -> None:
    text = f"{role}: Hier treffen wir uns oft.\n\n{role}: Das ist zu teuer.\n"
    path = tmp_path / "forum.md"
    path.write_text(text, encoding="utf-8")
    _import(project, path)
    assert project.segments()["text"].tolist() == [t.strip() for t in text.split("\n\n")]
    assert project.pseudonym_key().empty


def test_an_unknown_first_name_needs_a_second_lead_in() -> None:
    """Once, "Okke Wübbenhorst:" could as well be a heading ("Kolping Opladen:" is one)."""
    twice = ["Okke Wübbenhorst: Ja.", "Okke Wübbenhorst: Nein."]
    assert plain_lead_ins(twice) == ["Okke Wübbenhorst"]
    assert plain_lead_ins(twice[:1]) == []
    assert plain_lead_ins(["Kolping Opladen: Ja.", "Kolping Opladen: Nein."]) == []
