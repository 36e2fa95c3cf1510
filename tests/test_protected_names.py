"""Code and district names are protected words, but a person a code is named after is not."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser

CODEBOOK = """title: Codebuch
version: 1
codes:
  - name: Bedarf
  - name: Hinweise Frau Yilmaz
    description: Was Frau Yilmaz vom Quartiersbüro einbringt.
  - name: Kemal Öztürk
  - name: Treffpunkt Kirche St. Josef
"""


def test_a_code_named_after_a_person_does_not_protect_the_name(tmp_path: Path) -> None:
    codebook = tmp_path / "codes.yaml"
    codebook.write_text(CODEBOOK, encoding="utf-8")
    protocol = tmp_path / "treffen.md"
    protocol.write_text(
        "---\nworkshop: Treffen\ndistrict: Manfort\ndate: 2026-03-01\n---\n# Was fehlt?\n"
        "- Frau Yilmaz vom Quartiersbüro sagt, es fehlt ein Raum.\n"
        "- Kemal Öztürk meint, der Keller ist feucht.\n"
        "- Herr Öztürk hat den Schlüssel für den Treffpunkt Kirche St. Josef.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_codebook(codebook)
        project.import_files([protocol])
        texts = list(project.segments()["text"])
        stored = stored_text(project)
    assert texts[0].startswith("[Person 1] vom Quartiersbüro")
    assert texts[1] == "[Person 2] meint, der Keller ist feucht."
    assert texts[2] == "[Person 2] hat den Schlüssel für den Treffpunkt Kirche St. Josef."
    # the names survive only in the code names the researchers chose
    assert stored.count("Yilmaz") == stored.count("Hinweise Frau Yilmaz")
    assert stored.count("Öztürk") == stored.count("Kemal Öztürk")


def test_the_other_words_of_such_a_code_stay_protected() -> None:
    p = Pseudonymiser()
    p.protect(["Manfort", "Hinweise Frau Yilmaz", "Bürgerverein Manfort"])
    assert {"manfort", "hinweise", "burgerverein"} <= p.protected
    assert "yilmaz" not in p.protected
    assert p.protected_phrases == ("Bürgerverein Manfort",)


def test_a_code_described_by_hand_is_pseudonymised_like_an_imported_one(
    tmp_path: Path,
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "18:02:10 Von Kwame Mensah an Alle:\n\tHallo zusammen\n"
        "18:03:30 Von Çağrı Öztürk an Alle:\n\tDer Bolzplatz braucht Licht.\n",
        encoding="utf-8",
    )
    path = tmp_path / "projekt"
    with Project.create(path, districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Online-Treffen")
        speakers = [a["speaker"] for a in project.segments()["attributes"]]
        project.add_code("Treff", description="Idee von Kwame, Mail an kwame@web.de")
    # the command line and the coding panel both go through Project.add_code/update_code
    base = ["--project", str(path), "codebook"]
    assert main([*base, "set", "Treff", "--example", "Herr Öztürk: 0176 1234567"]) == 0
    with Project.open(path) as project:
        [code] = project.codebook()
        stored = stored_text(project)
    assert code.description == f"Idee von {speakers[0]}, Mail an [E-Mail]"
    assert code.example == f"{speakers[1]}: [Telefon]"
    assert "Kwame" not in stored and "Öztürk" not in stored and "1234567" not in stored
