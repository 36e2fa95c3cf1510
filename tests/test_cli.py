"""The workbench command: help everywhere, project from flag or environment, JSON status."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from workbench.cli.main import build_parser, main

COMMANDS = [
    "cluster",
    "embed",
    "needs",
    "topics",
    "init",
    "districts",
    "import",
    "status",
    "export",
    "demo",
]
# workbench/cli_coding.py (their behaviour: tests/test_coding.py, tests/test_agreement.py)
COMMANDS += ["codebook", "code", "uncode", "undo", "memo", "agreement", "disagreements", "resolve"]
COMMANDS += ["coders"]  # workbench/cli/coding.py (tests/test_coders.py)
# workbench/cli_synthesis.py (tests/test_indicators.py, test_recommendations.py, test_reports.py)
COMMANDS += ["indicators", "recommend", "report"]
COMMANDS += ["suggest"]  # workbench/cli_suggest.py (tests/test_suggest.py)
COMMANDS += ["tokens", "feedback"]  # workbench/cli_feedback.py (tests/test_feedback.py)
COMMANDS += ["pseudonyms", "forget"]  # workbench/cli/privacy.py (tests/test_privacy.py)
COMMANDS += ["upgrade", "backup", "restore", "migrate-db"]  # cli/admin.py (test_backup.py)
COMMANDS += ["map"]  # workbench/cli/geo.py (tests/test_geo.py)
COMMANDS += ["publish"]  # workbench/cli/synthesis.py (tests/test_publish.py)
COMMANDS += ["konzept"]  # workbench/cli/concept.py (tests/test_concept.py)
COMMANDS += ["waves", "monitoring"]  # workbench/cli/monitoring.py (tests/test_waves.py)
COMMANDS += ["memos"]  # workbench/cli/memos.py (tests/test_memos_cli.py)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_everywhere(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"] if command else ["--help"])
    assert exit_.value.code == 0
    assert "Aufruf: workbench" in capsys.readouterr().out


def test_every_subcommand_is_tested() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(COMMANDS)


def test_init_import_status_export_via_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "studie"
    assert main(["init", str(project), "--districts", "Manfort,Opladen"]) == 0
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project))
    cards = tmp_path / "karten.csv"
    cards.write_text(
        "Nr\tAussage\tOrt\tRolle\tPLZ\n1\tHerr Yilmaz: kein WLAN\tManfort\tSchule\t51379\n"
        "2\tSpielplatz zu\tOpladen\t\t51379\n",
        encoding="utf-8",
    )
    names = tmp_path / "namen.txt"
    names.write_text("Mehmet Yilmaz\n", encoding="utf-8")
    assert (
        main(
            [
                "import",
                str(cards),
                "--text-column",
                "Aussage",
                "--id-column",
                "Nr",
                "--district-column",
                "Ort",
                "--role-column",
                "Rolle",
                "--attribute-columns",
                "PLZ",
                "--workshop",
                "Karten {stem}",
                "--names",
                str(names),
            ]
        )
        == 0
    )
    assert "karten.csv: 2 Aussagen importiert" in capsys.readouterr().out
    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status == {
        "workshops": 1,
        "districts": 3,
        "documents": 1,
        "segments": 2,
        "codes": 0,
        "codings": 0,
    }
    out = tmp_path / "export.csv"
    assert main(["export", "--format", "csv", "--pseudonymised", str(out)]) == 0
    table = pd.read_csv(out, dtype=str)
    assert table["text"].tolist() == ["[Person 1]: kein WLAN", "Spielplatz zu"]
    assert table["workshop"].tolist() == ["Karten karten"] * 2
    assert table["speaker_role"].fillna("").tolist() == ["Schule", ""]
    assert not (tmp_path / "export.csv.tmp").exists()


def test_status_text_is_german(demo_project, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(demo_project.path), "status"]) == 0
    out = capsys.readouterr().out
    assert "Aussagen" in out and "Kodierungen" in out


def test_import_of_a_folder_reads_its_files_and_unsupported_types_get_a_hint(
    project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench import protokolle/` imports what is in the folder (hidden files, Office
    lock files and subfolders left out); an empty folder, an old Word file say what to do."""
    folder = tmp_path / "protokolle"
    (folder / "Sources").mkdir(parents=True)
    (folder / "a.md").write_text("# Manfort\n\n## Was fehlt?\n\n- Ein Treffpunkt\n", "utf-8")
    (folder / "b.txt").write_text("# Opladen\n\n## Was fehlt?\n\n- Mehr Bänke\n", "utf-8")
    (folder / ".notiz.txt").write_text("versteckt", "utf-8")
    (folder / "~$a.docx").write_bytes(b"lock")
    (folder / "Sources" / "c.txt").write_text("# Wiesdorf\n\n## X\n\n- Unterordner\n", "utf-8")
    base = ["--project", str(project.path), "import"]
    assert main([*base, str(folder)]) == 0
    out = capsys.readouterr().out
    assert "a.md: 1 Aussage importiert" in out and "b.txt: 1 Aussage importiert" in out
    assert sorted(project.segments()["text"]) == ["Ein Treffpunkt", "Mehr Bänke"]

    empty = tmp_path / "leer"
    empty.mkdir()
    assert main([*base, str(empty)]) == 2
    assert "Der Ordner enthält keine importierbare Datei" in capsys.readouterr().err
    old_word = tmp_path / "protokoll.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main([*base, str(old_word)]) == 2
    err = capsys.readouterr().err
    assert "Dateityp '.doc' wird nicht unterstützt" in err and "als .docx speichern" in err
    assert len(project.segments()) == 2


def test_argparse_speaks_german(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or unknown argument: a German message, exit code 2, no English."""
    with pytest.raises(SystemExit) as exit_:
        main(["publish"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Aufruf: workbench publish" in err and "Fehler: Diese Angaben fehlen: --out" in err
    with pytest.raises(SystemExit):
        main(["needs", "--segments", "keine"])
    err = capsys.readouterr().err
    assert "ungültige Wahl: 'keine'" in err and "choose from" not in err
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out and "usage" not in out


def test_a_number_option_with_a_word_says_what_it_expects_in_german(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'--max-quotes abc' or 'forget --statement ID' named Python's type: '(erwartet: int)'."""
    for argv, value in (
        (["publish", "--out", "seite", "--max-quotes", "abc"], "'abc'"),
        (["forget", "--statement", "ID"], "'ID'"),
        (["suggest", "--out", "v.csv", "--min-confidence", "hoch"], "'hoch'"),
    ):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        expected = "eine Zahl" if "--min-confidence" in argv else "eine ganze Zahl"
        assert f"ungültiger Wert {value} (erwartet: {expected})" in err, err
        assert "int)" not in err and "float)" not in err


def test_every_option_and_argument_of_every_command_says_what_it_does() -> None:
    """`workbench BEFEHL --help` explains each option and each argument: a bare 'OUT', 'N'
    or '{rename,merge,split}' leaves a planner guessing (which file type? which number?)."""
    import argparse

    from workbench.cli.main import build_parser

    silent: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.help:
                silent.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "workbench")
    assert not silent, silent


def test_the_import_help_names_every_file_type_the_import_reads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """README: RTF, .sbv, JSON and .qde are imported; `workbench import --help` says so too."""
    from workbench.ingest import supported_suffixes

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    named = set(re.findall(r"\.[a-z]+\b", out))
    missing = [suffix for suffix in supported_suffixes() if suffix not in named]
    assert not missing, missing
    with pytest.raises(SystemExit):
        main(["--help"])
    overview = capsys.readouterr().out
    assert all(s in overview for s in (".rtf", ".sbv", ".json", ".qde"))


def test_a_district_added_in_other_spelling_is_refused_not_declared_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Sued-Ost" typed on a keyboard without umlauts, or "altstadt", names the district
    that is there (as every other command takes it): `districts --add` and `init
    --districts` say so and declare nothing, instead of a second Süd-Ost that splits the
    statements and that the wave comparison calls "nicht erhoben"."""
    folder = tmp_path / "studie"
    assert main(["init", str(folder), "--districts", "Altstadt, Süd-Ost ,Überruhr-Holthausen"]) == 0
    base = ["--project", str(folder), "districts"]
    capsys.readouterr()
    for name in ("Sued-Ost", "altstadt", "UEBERRUHR-HOLTHAUSEN"):
        assert main([*base, "--add", "Neu", name]) == 2
        err = capsys.readouterr().err
        assert f"Sozialraum '{name}' gibt es schon als" in err and "Traceback" not in err
    assert main([*base, "--add", "gesamtstadt"]) == 2
    assert "gesamtstädtische Bereich" in capsys.readouterr().err
    assert main([*base, "--add", "Süd-Ost", "Neu-Stadt"]) == 0  # the same name: nothing new
    shown = capsys.readouterr().out.splitlines()
    assert shown == [
        "Gesamtstadt (gesamtstädtisch)",
        "Altstadt",
        "Neu-Stadt",
        "Süd-Ost",
        "Überruhr-Holthausen",
    ]
    again = tmp_path / "zweite"
    assert main(["init", str(again), "--districts", "Altstadt,ALTSTADT"]) == 2
    assert "'ALTSTADT' gibt es schon als 'Altstadt'" in capsys.readouterr().err
    assert not again.exists()  # nothing half made


def test_districts_add_given_twice_adds_both(tmp_path: Path, capsys) -> None:
    """`--add A --add B` adds both districts, not only the last one."""
    folder = tmp_path / "studie"
    assert main(["init", str(folder), "--districts", "Altstadt"]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "districts", "--add", "Nord", "--add", "Süd"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown == ["Gesamtstadt (gesamtstädtisch)", "Altstadt", "Nord", "Süd"]


def test_districts_add_reads_commas_like_init(tmp_path: Path, capsys) -> None:
    """`districts --add Opladen,Süd-Ost` declared ONE district named "Opladen,Süd-Ost"
    (exit 0), while `init --districts` splits the same text into two."""
    folder = tmp_path / "studie"
    assert main(["init", str(folder), "--districts", "Altstadt"]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "districts", "--add", "Opladen, Süd-Ost,"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown == ["Gesamtstadt (gesamtstädtisch)", "Altstadt", "Opladen", "Süd-Ost"]
