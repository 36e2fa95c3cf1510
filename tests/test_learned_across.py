"""A name the key learns in a later file, source or import ("Herr Jens Becker") is
replaced where an earlier file of the same folder, an earlier source of the same
REFI-QDA project or an earlier import still shows it alone ("Becker hat recht.")."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.store import Document


def _protocol(path: Path, workshop: str, *items: str) -> Path:
    body = "".join(f"- {item}\n" for item in items)
    path.write_text(
        f"---\nworkshop: {workshop}\ndistrict: Manfort\n---\n\n# Protokoll\n\n"
        f"## Herausforderungen\n\n{body}",
        encoding="utf-8",
    )
    return path


def _documents(project: Project) -> list[str]:
    with project.session() as session:
        return [d.text for d in session.query(Document).order_by(Document.id)]


def test_an_earlier_file_of_the_same_folder(project: Project, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ordner"
    folder.mkdir()
    _protocol(folder / "a.md", "Forum A", "Becker hat recht.", "Mehr Licht im Park.")
    _protocol(folder / "b.md", "Forum B", "Herr Jens Becker kommt.", "Frau Anna Licht kommt.")
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    assert "in einer früher gespeicherten Aussage ersetzt" in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == [
        "[Person 1] hat recht.",
        "Mehr Licht im Park.",  # a noun: the person only where no noun can stand
        "[Person 1] kommt.",
        "[Person 2] kommt.",
    ]
    first = _documents(project)[0]
    assert "Becker" not in first
    # the statements still stand where their offsets say, the spans keep the original
    for row in segments.itertuples():
        with project.session() as session:
            text = session.get(Document, row.document_id).text
        assert text[row.start : row.end] == row.text
    originals = project.original_texts()
    assert sorted(originals.values())[0] == "Becker hat recht."


@pytest.mark.backends
def test_an_earlier_import_of_the_project_keeps_its_coding_in_place(
    project: Project, tmp_path: Path, capsys
) -> None:
    a = _protocol(tmp_path / "a.md", "Forum A", "Der Park ist dunkel.", "Becker hat recht.")
    base = ["--project", str(project.path), "import"]
    assert main([*base, str(a)]) == 0
    segment = int(project.segments()["segment_id"].iloc[1])
    project.add_code("Ressource")
    project.code_segment(segment, "Ressource", "anna", start=0, end=len("Becker hat recht"))
    nothing = _protocol(tmp_path / "c.md", "Forum C", "Der Bus fährt selten.")
    assert main([*base, str(nothing)]) == 0  # learns no name: nothing read again
    assert "früher gespeicherten" not in capsys.readouterr().out
    assert project.segments()["text"].iloc[1] == "Becker hat recht."
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.")
    assert main([*base, str(b)]) == 0
    assert "in einer früher gespeicherten Aussage ersetzt" in capsys.readouterr().out
    texts = project.segments()["text"].tolist()
    assert texts[1] == "[Person 1] hat recht."
    [coding] = project.codings().to_dict("records")
    assert (coding["start"], coding["end"]) == (0, len("[Person 1] hat recht"))
    assert "Becker" not in _documents(project)[0]


def test_an_earlier_source_of_the_same_refi_qda_project(project: Project, tmp_path: Path) -> None:
    first, second, user = (f"C0000000-0000-4000-8000-{n:012d}" for n in (1, 2, 3))
    texts = {first: "Becker hat recht.\n", second: "Herr Jens Becker schlägt Bänke vor.\n"}
    sources = "".join(
        f'<TextSource guid="{guid}" name="Notiz {n}" plainTextPath="internal://{guid}.txt"/>'
        for n, guid in enumerate(texts, start=1)
    )
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Studie" origin="NVivo 14">
  <Users><User guid="{user}" name="Forschung A"/></Users>
  <Sources>{sources}</Sources>
</Project>"""
    path = tmp_path / "studie.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        for guid, text in texts.items():
            archive.writestr(f"Sources/{guid}.txt", text.encode("utf-8"))
    args = ["--project", str(project.path), "import", str(path), "--district", "Manfort"]
    assert main(args) == 0
    assert project.segments()["text"].tolist() == [
        "[Person 1] hat recht.",
        "[Person 1] schlägt Bänke vor.",
    ]
    assert not any("Becker" in text for text in _documents(project))


def test_the_guiding_question_and_file_name_of_an_earlier_file(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "ordner"
    folder.mkdir()
    (folder / "a_Wischnewski.md").write_text(
        "---\nworkshop: Forum A\ndistrict: Manfort\n---\n\n# Protokoll\n\n"
        "## Wischnewski: Was fehlt?\n\n- Der Park ist dunkel.\n- Die Bank fehlt.\n\n"
        "## Sonst\n\n- Wischnewski hat recht.\n",
        encoding="utf-8",
    )
    _protocol(folder / "b.md", "Forum B", "Frau Ewa Wischnewski kommt.")
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    segments = project.segments()
    assert segments["question"].tolist()[:3] == [
        "[Person 1]: Was fehlt?",
        "[Person 1]: Was fehlt?",
        "Sonst",
    ]
    with project.session() as session:
        names = [d.filename for d in session.query(Document).order_by(Document.id)]
    assert names == ["a_[Person 1].md", "b.md"]
    first = _documents(project)[0]
    assert first.startswith("[Person 1]: Was fehlt?\n\nDer Park ist dunkel.")
    assert "Wischnewski" not in first
    with project.session() as session:  # every statement still where its offsets say
        for row in segments.itertuples():
            text = session.get(Document, row.document_id).text
            assert text[row.start : row.end] == row.text


def test_the_notice_names_what_undoes_a_replacement(
    project: Project, tmp_path: Path, capsys
) -> None:
    a = _protocol(tmp_path / "a.md", "Forum A", "Becker hat recht.")
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.")
    base = ["--project", str(project.path)]
    assert main([*base, "import", str(a)]) == 0
    assert main([*base, "import", str(b)]) == 0
    notice = capsys.readouterr().out
    assert "früher gespeicherten Aussage ersetzt" in notice
    assert main([*base, "pseudonyms", "review"]) == 0
    if "Keine offenen Namenskandidaten" in capsys.readouterr().out:
        assert "pseudonyms review" not in notice  # it pointed to an empty queue
    # what it names undoes the replacement in the earlier statement
    assert "workbench pseudonyms reject WORT" in notice
    assert main([*base, "pseudonyms", "reject", "Becker"]) == 0
    assert project.segments()["text"].tolist()[0] == "Becker hat recht."
