"""The researchers' concept prose naming a participant: "Wie Gisela Brandhorst im Forum
sagte …" stood in clear in the published concept (`konzept`) and the city-wide report
(`report --konzept`) beside her pseudonymised statements. A person the key knows (in full,
or by a form of address and surname) is written as her placeholder; names the key does
not know stay as written (workbench/synthesis/concept/names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

PROTOCOL = """Gisela Brandhorst: Der Jugendtreff braucht längere Öffnungszeiten am Abend.

Moderation: Der Bus fährt abends selten, sagt Frau Koch, der Bus ist voll.

Gisela Brandhorst: Der Spielplatz ist kaputt.
"""

CONCEPT = """# Sozialraumkonzept für Gisela Brandhorst

## Säule 1: Beteiligung als ständiges Instrument

Wie Gisela Brandhorst im Forum sagte, fehlt ein Treffpunkt; Frau Brandhorst will mitarbeiten.

- Rücksprache mit Frau Koch; der Koch der Kita kocht mit.

## Sozialraum: Manfort

Ansprechpartnerin im Quartiersbüro ist Sabine Klein.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project of PROTOCOL with a need run, a recommendation and the concept text."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort,Opladen"]) == 0
    source = tmp_path / "forum.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "konzept.md").write_text(CONCEPT, encoding="utf-8")
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Manfort", "--workshop", "Forum", str(source)]) == 0
    assert main([*p, "needs", "--segments", "all", "--backend", "tfidf"]) == 0
    assert main([*p, "recommend", "add", "Mehr Treffpunkte", "--scope", "Manfort"]) == 0
    return folder


@pytest.mark.parametrize("command", ["konzept", "report"])
def test_a_participant_named_in_the_concept_text_is_her_placeholder(
    folder: Path, tmp_path: Path, command: str
) -> None:
    with Project.open(folder) as project:
        key = project.pseudonym_key().set_index("original")["placeholder"]
    gisela, koch = key["Gisela Brandhorst"], key["Frau Koch"]
    out, text = tmp_path / "ausgabe.html", str(tmp_path / "konzept.md")
    args = ["--text", text, "--out", str(out)] if command == "konzept" else ["--konzept", text]
    args += [] if command == "konzept" else ["--format", "html", str(out)]
    assert main(["--project", str(folder), command, *args]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Brandhorst" not in html
    assert f"Wie {gisela} im Forum sagte, fehlt ein Treffpunkt; {gisela} will mitarbeiten." in html
    assert f"Rücksprache mit {koch}; der Koch der Kita kocht mit." in html
    assert "Sabine Klein" in html  # not in the key: as the researchers wrote it


def test_frau_koch_is_her_placeholder_when_the_key_gives_peter_koch_the_same(
    folder: Path, tmp_path: Path
) -> None:
    """A second Koch under the same placeholder ("Peter Koch" after "Frau Koch", as the key
    links them) does not make "Frau Koch" ambiguous: she stood in clear in the concept."""
    source = tmp_path / "forum2.md"
    source.write_text("Peter Koch: Die Bänke am Weber-Platz sind kaputt.\n", encoding="utf-8")
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Opladen", "--workshop", "Forum 2", str(source)]) == 0
    with Project.open(folder) as project:
        key = project.pseudonym_key().set_index("original")["placeholder"]
    assert key["Frau Koch"] == key["Peter Koch"]  # the key's choice, not this test's
    out = tmp_path / "konzept.html"
    concept = tmp_path / "konzept.md"
    concept.write_text(
        CONCEPT.replace("Rücksprache mit Frau Koch", "Rücksprache mit Frau Dr. Koch am Koch-Treff"),
        encoding="utf-8",
    )
    assert main([*p, "konzept", "--text", str(concept), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert f"Rücksprache mit {key['Frau Koch']} am Koch-Treff; der Koch der Kita" in html


def test_a_genitive_s_is_taken_into_the_placeholder(folder: Path, tmp_path: Path) -> None:
    """The concept's "Gisela Brandhorsts Idee" read "[Person 1]s Idee"; statements write a genitive
    as the placeholder alone ("[Person 1] Idee"), and so does the concept now."""
    with Project.open(folder) as project:
        key = project.pseudonym_key().set_index("original")["placeholder"]
    gisela, koch = key["Gisela Brandhorst"], key["Frau Koch"]
    concept, out = tmp_path / "genitiv.md", tmp_path / "genitiv.html"
    concept.write_text(
        CONCEPT.replace(
            "Wie Gisela Brandhorst im Forum sagte",
            "Gisela Brandhorsts Idee, Frau Kochs Vorschlag und Gisela Brandhorst’s Hinweis: "
            "'Gisela Brandhorst' sagte",
        ),
        encoding="utf-8",
    )
    args = ["--project", str(folder), "konzept", "--text", str(concept), "--out", str(out)]
    assert main(args) == 0
    html = out.read_text(encoding="utf-8").replace("&#x27;", "'")
    assert f"{gisela} Idee, {koch} Vorschlag und {gisela} Hinweis: '{gisela}' sagte" in html
    assert "]s " not in html and "Brandhorst" not in html


def test_a_closing_quote_after_a_sibilant_name_stays(tmp_path: Path) -> None:
    """An apostrophe after a name ending in "s" is a genitive only before a noun ("Hans
    Weiss' Idee" → "[Person 1] Idee"); before a verb it closes a quote and stays."""
    folder, source = tmp_path / "projekt", tmp_path / "forum.md"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    source.write_text(PROTOCOL.replace("Gisela Brandhorst", "Hans Weiss"), encoding="utf-8")
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Manfort", "--workshop", "Forum", str(source)]) == 0
    assert main([*p, "needs", "--segments", "all", "--backend", "tfidf"]) == 0
    assert main([*p, "recommend", "add", "Mehr Treffpunkte", "--scope", "Manfort"]) == 0
    with Project.open(folder) as project:
        hans = project.pseudonym_key().set_index("original")["placeholder"]["Hans Weiss"]
    concept, out = tmp_path / "konzept.md", tmp_path / "konzept.html"
    text = "Hans Weiss' Idee zählt, 'Hans Weiss' sagte es."
    concept.write_text(f"# Konzept\n\n## Säule 1: Beteiligung\n\n{text}\n", encoding="utf-8")
    assert main([*p, "konzept", "--text", str(concept), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8").replace("&#x27;", "'")
    assert f"{hans} Idee zählt, '{hans}' sagte es." in html
    assert "Weiss" not in html
