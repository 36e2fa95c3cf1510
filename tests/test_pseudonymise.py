"""Pseudonymisation: what is detected, stable numbering, and the key kept apart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Schmidt vom Quartiersbüro", "[Person 1] vom Quartiersbüro"),
        ("Herr Dr. Yilmaz berichtet", "[Person 1] berichtet"),
        ("mit Herrn Prof. Dr. Becker-Lang", "mit [Person 1]"),
        ("Mail an k.meier@example.org!", "Mail an [E-Mail]!"),
        ("Tel. 0214 406-1234 oder +49 171 2345678", "Tel. [Telefon] oder [Telefon]"),
        ("Büro (0214) 40 60 12", "Büro [Telefon]"),
        ("Treff in der Hauptstraße 12a", "Treff in der [Adresse]"),
        ("Kölner Str. 5 und Am Stadtpark 3", "[Adresse] und [Adresse]"),
        ("Opladener Platz 23-25", "[Adresse]"),
        # ordinary text stays as it is
        ("Im Jahr 2020 hatten 17.763 Menschen SGB II, zum Beispiel 3 Kinder", None),
        ("Am 25.11.2020 um 18 Uhr", None),
        ("Die Frau Bürgermeisterin kam", None),
        ("Kita am Marktplatz", None),
    ],
)
def test_detects_personal_data(text: str, expected: str | None) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == (expected or text)


def test_name_list_and_forms_of_address_give_one_stable_placeholder() -> None:
    p = Pseudonymiser()
    names = ["Anna Schmidt", "Jürgen Becker"]
    first, _ = p.pseudonymise("Anna Schmidt und Herr Becker", names)
    second, reps = p.pseudonymise("Frau Schmidt sagt, Anna ruft Jürgen an.", names)
    assert first == "[Person 1] und [Person 2]"
    assert second == "[Person 1] sagt, [Person 1] ruft [Person 2] an."
    assert [r.original for r in reps] == ["Frau Schmidt", "Anna", "Jürgen"]
    assert second[reps[1].start : reps[1].end] == "[Person 1]"


def test_a_first_name_no_list_knows_after_a_form_of_address_takes_the_surname_along() -> None:
    """ "Herrn Quirin Zabelberg" left "Zabelberg" in clear; the surname is the person's key,
    so "Herr Zabelberg" later is the same person. A known surname stays alone."""
    p = Pseudonymiser()
    text, _ = p.pseudonymise(
        "Anregung von Herrn Quirin Zabelberg. Frau Okke Brunsmann stimmt zu, Herr Zabelberg"
        " auch. Frau Kaya Eltern erreichen ist schwer.",
        [],
    )
    assert text == (
        "Anregung von [Person 1]. [Person 2] stimmt zu, [Person 1] auch."
        " [Person 3] Eltern erreichen ist schwer."
    )


def test_project_keeps_key_apart_and_numbering_stable(project: Project, tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_text(
        "---\nworkshop: W1\ndistrict: Manfort\nparticipants: [Anna Schmidt]\n---\n"
        "## Herausforderungen und Bedarfe\n- Anna Schmidt (a.schmidt@example.org) "
        "wohnt Kölner Str. 5\n- Herr Yilmaz ruft an: 0171 2345678\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.csv"
    b.write_text("Text\nFrau Schmidt und Herr Yilmaz treffen Herrn Becker\n", encoding="utf-8")
    project.import_files([a])
    project.import_files([b], workshop="W1")

    texts = project.segments()["text"].tolist()
    assert texts == [
        "[Person 1] ([E-Mail]) wohnt [Adresse]",
        "[Person 2] ruft an: [Telefon]",
        "[Person 1] und [Person 2] treffen [Person 3]",
    ]
    originals = list(project.original_texts().values())
    assert originals[0] == "Anna Schmidt (a.schmidt@example.org) wohnt Kölner Str. 5"
    assert originals[2] == "Frau Schmidt und Herr Yilmaz treffen Herrn Becker"
    key = project.pseudonym_key()
    assert set(key["placeholder"]) >= {"[Person 1]", "[Person 2]", "[Person 3]", "[E-Mail]"}

    # pseudonymised exports never contain an original; plain ones restore them
    planted = [
        "Schmidt",
        "Yilmaz",
        "Becker",
        "Anna",
        "a.schmidt@example.org",
        "2345678",
        "Kölner Str",
    ]
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"export.{fmt}"
        project.export_table(out, fmt, pseudonymised=True)
        table = pd.read_csv(out) if fmt == "csv" else pd.read_excel(out)
        dump = table.to_csv()
        assert not [p for p in planted if p in dump]
        project.export_table(out, fmt, pseudonymised=False)
        table = pd.read_csv(out) if fmt == "csv" else pd.read_excel(out)
        assert "Anna Schmidt (a.schmidt@example.org) wohnt Kölner Str. 5" in table["text"].tolist()
    # the database file holds originals only in the key tables
    with project.engine.connect() as c:
        for table, column in [("segments", "text"), ("documents", "text")]:
            values = [r[0] for r in c.exec_driver_sql(f"SELECT {column} FROM {table}")]
            assert not [p for v in values for p in planted if p in v]


def test_listed_names_that_are_also_words_stay_words() -> None:
    p = Pseudonymiser()
    names = ["Helga Sommer", "Peter Koch"]
    text = "Im Sommer war der Koch krank; Sommer und Frau Koch sagen, Peter Koch kocht."
    assert p.pseudonymise(text, names)[0] == (
        "Im Sommer war der Koch krank; [Person 1] und [Person 2] sagen, [Person 2] kocht."
    )


def test_names_anonymised_before_the_import_are_no_names_to_replace(
    project: Project, tmp_path: Path
) -> None:
    """A protocol anonymised as research ethics ask lists "Person A, Person B, Frau X":
    these are pseudonyms already. Listed as names, "Person" and "X" were replaced in every
    text ("Jede [Person 1] im Quartier") and in the file's name ("[[Person 1] 1]_…")."""
    path = tmp_path / "person_protokoll.md"
    path.write_text(
        "---\nworkshop: Quartiersworkshop\ndistrict: Opladen\ndate: 2021-03-12\n"
        "participants: Person A, Person B, Frau X, [Name 1], Anna Schmidt\n---\n"
        "# Protokoll\n\n## Herausforderungen und Bedarfe\n"
        "- Jede Person im Quartier braucht Internet.\n"
        "- Person A fordert mehr Spielplätze.\n"
        "- Frau X berichtet von Leerstand, X ist ihr Kürzel.\n"
        "- Anna Schmidt lädt ein.\n",
        encoding="utf-8",
    )
    project.import_files([path])
    assert list(project.segments()["text"]) == [
        "Jede Person im Quartier braucht Internet.",
        "Person A fordert mehr Spielplätze.",
        "Frau X berichtet von Leerstand, X ist ihr Kürzel.",
        "[Person 1] lädt ein.",  # a real name on the list still is one
    ]
    assert list(project.documents()["filename"]) == ["person_protokoll.md"]
