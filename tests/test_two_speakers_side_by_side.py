"""Two speakers named side by side are two people: a transcript of "Anna: …" / "Yusuf: …"
in a file called "anna_yusuf.docx" (or "Interview Anna Yusuf.txt") put "Anna Yusuf" into
the pseudonym key as one person — the file name read as first name and surname — and
Yusuf's turns under that person, next to a second one for "Anna"."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from workbench import Project

TURNS = [
    ("Anna", "Wir brauchen mehr Bänke am Marktplatz."),
    ("Yusuf", "Und einen Bolzplatz für die Kinder."),
    ("Anna", "Genau, der alte ist seit Jahren gesperrt."),
    ("Yusuf", "Das sehe ich auch so."),
]


def _write(path: Path) -> Path:
    lines = [f"{who}: {said}" for who, said in TURNS]
    if path.suffix == ".docx":
        document = Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(path)
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "workshop"),
    [
        ("anna_yusuf.docx", "{anna}_{yusuf}"),
        ("Interview Anna Yusuf.txt", "Interview {anna} {yusuf}"),
    ],
)
def test_two_listed_speakers_side_by_side_are_two_people(
    project: Project, tmp_path: Path, name: str, workshop: str
) -> None:
    project.import_files([_write(tmp_path / name)], district="Manfort")
    key = project.pseudonym_key()
    people = dict(zip(key["original"], key["placeholder"], strict=True))
    assert set(people) == {"Anna", "Yusuf"}
    stored = project.segments().sort_values("position")
    speakers = [a["speaker"] for a in stored["attributes"]]
    assert speakers == [people[who] for who, _ in TURNS]
    assert set(stored["workshop"]) == {workshop.format(anna=people["Anna"], yusuf=people["Yusuf"])}
