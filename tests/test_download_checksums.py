"""An export downloaded again under another name: the evidence chain names each file with
its own checksum.

A re-download with more rows is appended to the stored document, which keeps its first
file's name while its hash becomes the latest file's. The chain export paired the two: a
reviewer running ``sha256sum`` on the named file got a mismatch, and the file the rows
came from was named nowhere.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Document
from workbench.store.downloads import DOWNLOAD_NAMES
from workbench.synthesis import recommendations as rec

WISHES = [
    "Wir brauchen mehr Bänke am Marktplatz vor der Kirche",
    "Der Spielplatz an der Schule ist seit Monaten kaputt",
    "Abends fährt kein Bus mehr in die Siedlung hinaus",
    "Das Jugendzentrum hat viel zu selten geöffnet",
    "Beratung auf Türkisch fehlt im ganzen Viertel",
    "Die Radwege enden mitten auf der großen Kreuzung",
    "Im Park ist es nachts viel zu dunkel",
    "Ein Treffpunkt für ältere Menschen fehlt im Quartier",
]
POLIS_HEAD = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body"


def polis_export(path: Path, rows: int, tag: str = "") -> Path:
    """A Pol.is comments export of the first ``rows`` comments (``tag``: another
    conversation's texts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [POLIS_HEAD] + [
        f'{1650000000 + i},Mon Jul 04 2022,{i},{i % 3},3,1,1,"{text}{tag}"'
        for i, text in enumerate(WISHES[:rows])
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _survey(path: Path, rows: int) -> Path:
    """A survey table with a response ID, one open question."""
    lines = ["Antwort-ID;Was fehlt in Ihrem Viertel?"]
    lines += [f"R{100 + i};{text}" for i, text in enumerate(WISHES[:rows])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(project: Project, path: Path) -> None:
    args = ["--project", str(project.path), "import", str(path), "--district", "Manfort"]
    assert main([*args, "--add-districts"]) == 0


def _chain(project: Project, tmp_path: Path) -> list[dict]:
    """The documents of the exported evidence chain of one recommendation citing every
    statement (``workbench recommend export``)."""
    new = rec.add_recommendation(project, "Mehr Treffpunkte schaffen")
    rec.link_evidence(project, new, [int(s) for s in project.segments()["segment_id"]])
    out = tmp_path / "kette.json"
    assert main(["--project", str(project.path), "recommend", "export", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))["documents"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("make", [polis_export, _survey], ids=["polis", "umfrage"])
def test_every_file_named_in_the_chain_has_its_own_checksum(
    project: Project, tmp_path: Path, make
) -> None:
    """Three weekly downloads under dated names, beside an export downloaded once: each
    name/checksum pair in the chain is a file's, the latest holding all rows listed last."""
    files = [make(tmp_path / f"export_2026-12-0{day}.csv", rows) for day, rows in ((1, 3), (8, 5))]
    files.append(make(tmp_path / "export_2026-12-15.csv", 8))
    once = polis_export(tmp_path / "einmal.csv", 2)
    for path in [*files, once]:
        _import(project, path)
    assert len(project.documents()) == 2 and len(project.segments()) == 10
    documents = {d["filename"]: d for d in _chain(project, tmp_path)}
    real = {(p.name, _sha(p)) for p in [*files, once]}
    grown = documents["export_2026-12-01.csv"]
    assert (grown["filename"], grown["sha256"]) in real  # was the first name, latest hash
    pairs = [(grown["filename"], grown["sha256"])]
    pairs += [(d["filename"], d["sha256"]) for d in grown["downloads"]]
    assert set(pairs) <= real  # each checks out with sha256sum
    assert [name for name, _ in pairs[1:]] == [p.name for p in files]  # in download order
    assert "'export_2026-12-15.csv') enthält alle Aussagen" in grown["note"]
    # an export downloaded once reads as before: its name, its checksum, nothing more
    assert documents["einmal.csv"] == {
        "id": documents["einmal.csv"]["id"],
        "filename": "einmal.csv",
        "sha256": _sha(once),
        "importer": "csv",
        "workshop": documents["einmal.csv"]["workshop"],
    }


def test_a_project_grown_before_the_names_were_stored_exports_a_note(
    project: Project, tmp_path: Path
) -> None:
    """A document appended to by an earlier version knows the later hashes only: the
    chain lists them without a name, says so, and still pairs its name truthfully."""
    first, later = polis_export(tmp_path / "a.csv", 3), polis_export(tmp_path / "b.csv", 6)
    _import(project, first)
    _import(project, later)
    with project.transaction() as session:  # as an earlier version stored it
        (document,) = session.scalars(select(Document))
        document.options = {k: v for k, v in document.options.items() if k != DOWNLOAD_NAMES}
    (grown,) = _chain(project, tmp_path)
    assert (grown["filename"], grown["sha256"]) == ("a.csv", _sha(first))
    assert grown["downloads"] == [
        {"filename": "a.csv", "sha256": _sha(first)},
        {"filename": None, "sha256": _sha(later)},
    ]
    assert "Name nicht gespeichert" in grown["note"]
    assert "Von 1 Download ist der Dateiname nicht gespeichert" in grown["note"]


def test_a_later_download_named_after_a_person_learned_later_is_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    """A download's file name holding a surname the project learns only later (from an
    interview) is pseudonymised where it is stored, like the document's own name."""
    _import(project, _survey(tmp_path / "umfrage.csv", 3))
    _import(project, _survey(tmp_path / "umfrage_Wischnewski.csv", 6))
    interview = tmp_path / "Interview.txt"
    interview.write_text(
        "Karla Wischnewski: Der Spielplatz ist zu klein.\n\nKarla Wischnewski: Es fehlen Bänke.\n",
        encoding="utf-8",
    )
    _import(project, interview)
    documents = _chain(project, tmp_path)
    assert "Wischnewski" not in json.dumps(documents, ensure_ascii=False)
    grown = next(d for d in documents if d["filename"] == "umfrage.csv")
    assert [d["filename"] for d in grown["downloads"]] == ["umfrage.csv", "umfrage_[Person 1].csv"]


def test_two_exports_of_one_file_name_are_two_documents_of_the_chain(
    project: Project, tmp_path: Path
) -> None:
    """Every Pol.is conversation's export is "comments.csv": the chain listed documents by
    file name, so a second conversation's statements pointed at the first one's checksum
    and their own file was named nowhere. Documents are listed and cited by id now."""
    paths = []
    for folder, rows in (("energie", 3), ("verkehr", 5)):
        (tmp_path / folder).mkdir()
        paths.append(polis_export(tmp_path / folder / "comments.csv", rows))
        args = ["--project", str(project.path), "import", str(paths[-1])]
        assert main([*args, "--workshop", folder.title(), "--allow-duplicates"]) == 0
    new = rec.add_recommendation(project, "Mehr Treffpunkte schaffen")
    rec.link_evidence(project, new, [int(s) for s in project.segments()["segment_id"]])
    out = tmp_path / "kette.json"
    assert main(["--project", str(project.path), "recommend", "export", str(out)]) == 0
    chain = json.loads(out.read_text(encoding="utf-8"))
    documents = {d["id"]: d for d in chain["documents"]}
    assert sorted((d["filename"], d["sha256"]) for d in documents.values()) == sorted(
        ("comments.csv", _sha(p)) for p in paths
    )
    cited = {}
    for segment in chain["segments"]:
        cited.setdefault(documents[segment["document_id"]]["workshop"], set()).add(segment["text"])
    assert cited == {"Energie": set(WISHES[:3]), "Verkehr": set(WISHES[:5])}
