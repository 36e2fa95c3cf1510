"""QualCoder's own export read back: what its ``refi.py`` writes as it writes it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.test_qdpx_qualcoder import _qdpx
from workbench import Project
from workbench.cli.main import main


def _rewrite(path: Path, out: Path, old: str, new: str) -> Path:
    """``path`` with ``old`` replaced by ``new`` in its project.qde, written to ``out``."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    qde = members["project.qde"].decode("utf-8")
    assert old in qde
    members["project.qde"] = qde.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def test_an_annotation_with_an_ampersand_is_read(project: Project, tmp_path: Path, capsys) -> None:
    """QualCoder writes an annotation's text into its note unmasked
    (``create_annotation_note_xml``): "Bus & Bahn" in a memo made its .qdpx invalid XML,
    and the import refused the whole project. The note's text is read as written, and
    the import says so with the line."""
    qdpx = _rewrite(
        _qdpx(tmp_path / "beirat.qdpx"),
        tmp_path / "anmerkung.qdpx",
        "<PlainTextContent>Seit 2020 abgebaut</PlainTextContent>",
        "<PlainTextContent>Seit 2020 abgebaut & <neu> geplant; R&amp;D &#228;</PlainTextContent>",
    )
    folder = str(project.path)
    project.close()
    assert main(["--project", folder, "import", str(qdpx)]) == 0
    out = capsys.readouterr().out
    assert "ein Notiztext mit unmaskiertem" in out and "Zeile 43" in out
    with Project.open(folder) as again:
        memos = again.memos()
        segments = again.segments().set_index("segment_id")["text"]
        on_segments = {
            segments[row.target_id]: row.text
            for row in memos.itertuples()
            if row.target_type == "segment"
        }
        assert len(again.quotes()) == 3
    assert on_segments["Wir brauchen mehr Bänke am Markt."] == (
        "Seit 2020 abgebaut & <neu> geplant; R&D ä"
    )


def test_other_broken_xml_is_still_refused(project: Project, tmp_path: Path, capsys) -> None:
    """Masking note texts is no licence for any broken file: an unmasked "&" elsewhere
    still stops the import with the file and the line, nothing stored. The message said
    "kein vollständiges XML (abgeschnitten oder beschädigt?)" for a bare "&", sending the
    user to look for a truncated download; it now names the usual cause."""
    qdpx = _rewrite(
        _qdpx(tmp_path / "beirat.qdpx"),
        tmp_path / "kaputt.qdpx",
        "<Description>Was fehlt im Quartier</Description>",
        "<Description>Was fehlt & wo</Description>",
    )
    folder = str(project.path)
    project.close()
    assert main(["--project", folder, "import", str(qdpx)]) == 2
    err = capsys.readouterr().err
    assert "kaputt.qdpx/project.qde" in err and "kein gültiges XML: Zeile 11" in err
    # what is wrong there, not "abgeschnitten oder beschädigt?"
    assert "unerlaubtes Zeichen (meist ein „&“ oder „<“ in einem Text" in err
    with Project.open(folder) as again:
        assert again.segments().empty
