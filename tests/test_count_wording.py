"""Counts in messages agree with their noun ("1 Wort", not "1 Wort/Wörter"), and an empty
list is said in words, not as "(keine)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli.main import main

CARDS = "Sozialraum;Text\nManfort;Die Straßenbeleuchtung ist zu dunkel.\nManfort;Mehr Bänke.\n"


@pytest.fixture
def small(tmp_path: Path) -> list[str]:
    """The CLI's first arguments for a project with two cards."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    assert main(["--project", str(folder), "import", str(cards)]) == 0
    return ["--project", str(folder)]


def test_confirming_one_word_in_one_statement_says_it_in_the_singular(
    small: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "1 Wort/Wörter … 1 gespeicherte Aussagen angepasst"."""
    capsys.readouterr()
    assert main([*small, "pseudonyms", "confirm", "Straßenbeleuchtung"]) == 0
    out = capsys.readouterr().out
    assert "1 Wort als Name bestätigt; 1 gespeicherte Aussage angepasst." in out


def test_agreement_without_any_coder_says_nobody_coded(
    small: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "gefunden: (keine)"; with an unknown coder "Kodiert haben: (niemand)"."""
    capsys.readouterr()
    assert main([*small, "agreement"]) == 2
    err = capsys.readouterr().err
    assert "mindestens zwei Kodierende; bisher hat niemand kodiert." in err
    assert "(keine)" not in err
    assert main([*small, "agreement", "--coders", "A,B"]) == 2
    err = capsys.readouterr().err
    assert "Keine Kodierungen von A, B. Bisher hat niemand kodiert." in err


def test_a_refi_qda_export_and_its_import_count_one_in_the_singular(
    small: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """They said "1 Dokumente", "1 Memos"."""
    assert main([*small, "memo", "Rückfrage", "--author", "Lea"]) == 0
    out = tmp_path / "p.qdpx"
    capsys.readouterr()
    assert main([*small, "export", "--format", "qdpx", str(out)]) == 0
    said = capsys.readouterr().out
    assert (
        ": 1 Dokument, 2 Aussagen, 0 Codes, 0 Kodierungen, 1 Memo, 2 Sozialräume als Fälle" in said
    )
    other = tmp_path / "anderes"
    assert main(["init", str(other), "--districts", "Manfort"]) == 0
    capsys.readouterr()
    assert main(["--project", str(other), "import", str(out)]) == 0
    said = capsys.readouterr().out
    assert "p.qdpx: 1 Dokument mit 2 Aussagen neu; 0 Codes, 0 Kodierungen, 1 Memo, " in said
