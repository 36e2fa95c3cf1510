"""``--names`` and ``--roles`` lists whose names were read with the wrong encoding before
("JÃ¼rgen SchrÃ¶der"): the functions that read them give each name also as repaired
(decision 027), so a notebook or the Python API finds the names as the CLI does."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest.name_file import read_names, read_role_file
from workbench.ingest.speakers import read_roles
from workbench.project import Project


def _misread(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252 ("Jürgen" → "JÃ¼rgen")."""
    return text.encode("utf-8").decode("cp1252")


def test_a_misread_names_list_read_in_python_gives_the_names_also_repaired(
    tmp_path: Path,
) -> None:
    names = tmp_path / "namen.txt"
    names.write_text(_misread("Jürgen Schröder\nAnna Becker\n"), "utf-8")
    assert read_names(names) == [_misread("Jürgen Schröder"), "Jürgen Schröder", "Anna Becker"]
    table = tmp_path / "teilnehmende.csv"
    table.write_text(_misread("Vorname;Nachname\nBärbel;Tschöpe\n"), "utf-8")
    assert "Bärbel Tschöpe" in read_names(table)


def test_a_names_list_written_correctly_is_read_as_written(tmp_path: Path) -> None:
    names = tmp_path / "namen.txt"
    names.write_text("Jürgen Schröder\nJoão Conceição\nAÇÃO Verein\nAnna Becker\n", "utf-8")
    assert read_names(names) == ["Jürgen Schröder", "João Conceição", "AÇÃO Verein", "Anna Becker"]


def test_the_python_api_with_a_misread_names_list_leaves_no_name_in_clear(
    tmp_path: Path,
) -> None:
    source = tmp_path / "protokoll.txt"
    source.write_text(
        "Protokoll Workshop Spielplätze\n\nDie Idee kam von Bärwinkel und Tschöpe.\n\n"
        "Die Straße ist abends dunkel.\n",
        "utf-8",
    )
    names = tmp_path / "namen.txt"
    names.write_text(_misread("Bärwinkel\nTschöpe\n"), "utf-8")
    with Project.create(tmp_path / "studie", districts=["Manfort"]) as project:
        project.import_files([source], district="Manfort", names=read_names(names))
        texts = "\n".join(project.segments()["text"])
    assert "Die Straße ist abends dunkel." in texts
    assert "Bärwinkel" not in texts and "Tschöpe" not in texts


def test_a_misread_roles_list_read_in_python_gives_the_speakers_their_roles(
    tmp_path: Path,
) -> None:
    source = tmp_path / "sitzung.vtt"
    source.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Jürgen Schröder>Willkommen zum Workshop.\n\n"
        "00:00:05.000 --> 00:00:08.000\n<v Anna Becker>Die Bänke fehlen.\n",
        "utf-8",
    )
    roles = tmp_path / "rollen.csv"
    roles.write_text(
        _misread("Person;Rolle\nJürgen Schröder;Quartiersbüro\nAnna Becker;Jugendhilfe\n"),
        "utf-8",
    )
    assert "Jürgen Schröder" in read_roles(roles)  # the role repaired with the statements
    with Project.create(tmp_path / "studie", districts=["Manfort"]) as project:
        project.import_files([source], district="Manfort", roles=read_role_file(roles))
        assert list(project.segments()["speaker_role"]) == ["Quartiersbüro", "Jugendhilfe"]
