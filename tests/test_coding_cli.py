"""Coding on the command line: code, uncode, undo, memo and codebook commands, and the
coder's name in other case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.coding_data import _pairs, _state
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.coding.codebook import read_codebook_yaml

# -- CLI --------------------------------------------------------------------------------
CODING_COMMANDS = [
    ["code"],
    ["uncode"],
    ["undo"],
    ["memo"],
    ["codebook"],
    *[["codebook", a] for a in ("list", "add", "set", "rename", "move", "delete")],
    ["codebook", "export"],
    ["codebook", "import"],
]


@pytest.mark.parametrize("command", CODING_COMMANDS, ids=" ".join)
def test_help_for_coding_commands(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "Aufruf: workbench" in capsys.readouterr().out


@pytest.mark.backends
def test_cli_coding_round_trip(
    project: Project,
    cards: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project.path))
    seg = str(cards["K1"])
    assert main(["code", seg, "Herausforderung", "--coder", "A"]) == 0
    assert main(["code", seg, "Themen/Digitale Teilhabe", "--coder", "A", "--start", "17",
                 "--end", "26"]) == 0  # fmt: skip
    assert main(["uncode", seg, "Herausforderung", "--coder", "A"]) == 0
    assert "1 Kodierung(en) 'Herausforderung' entfernt" in capsys.readouterr().out
    assert main(["undo", "--coder", "A"]) == 0
    assert _pairs(project) == [
        ("K1", "Herausforderung", "A"),
        ("K1", "Themen/Digitale Teilhabe", "A"),
    ]
    assert main(["memo", "Unklar, ob Bedarf", "--author", "A", "--segment", seg]) == 0
    assert project.memos()["text"].tolist() == ["Unklar, ob Bedarf"]

    # Expected errors: one German line, exit 2, no traceback.
    capsys.readouterr()
    assert main(["code", seg, "Gibtsnicht", "--coder", "A"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "Fehler: Code 'Gibtsnicht' steht nicht im Codebuch."
    assert main(["codebook", "delete", "Themen"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["codebook", "delete", "Themen", "--force"]) == 0

    assert main(["codebook", "add", "Themen", "--colour", "#123456"]) == 0
    assert main(["codebook", "set", "Themen", "--description", "Inhalte"]) == 0
    assert main(["codebook", "add", "Themen/Wohnen"]) == 0
    assert main(["codebook", "rename", "Themen/Wohnen", "Wohnen und Miete"]) == 0
    capsys.readouterr()
    assert main(["codebook", "move", "Themen/Wohnen und Miete", "--under", "Bedarf"]) == 0
    said = capsys.readouterr().out
    assert "liegt jetzt unter 'Bedarf': 'Bedarf/Wohnen und Miete'" in said
    assert main(["codebook", "move", "Bedarf/Wohnen und Miete", "--top"]) == 0
    said = capsys.readouterr().out
    assert "liegt jetzt auf der obersten Ebene: 'Wohnen und Miete'" in said
    assert main(["codebook", "move", "Wohnen und Miete", "--under", "Bedarf"]) == 0
    out = tmp_path / "cb.yaml"
    assert main(["codebook", "export", "--format", "yaml", str(out)]) == 0
    paths = [s.path for s in read_codebook_yaml(out)]
    assert "Bedarf/Wohnen und Miete" in paths
    assert "Themen" in paths
    capsys.readouterr()
    assert main(["codebook", "list"]) == 0
    assert "  Wohnen und Miete" in capsys.readouterr().out

    fresh = tmp_path / "neu"
    assert main(["init", str(fresh)]) == 0
    monkeypatch.setenv("WORKBENCH_PROJECT", str(fresh))
    assert main(["codebook", "import", str(out)]) == 0
    assert [s.path for s in Project.open(fresh).codebook()] == paths
    capsys.readouterr()
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["codes"] == len(paths)


def test_renaming_or_moving_the_need_code_warns_that_needs_reads_it(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """`needs` selects the statements coded 'Bedarf' (and its subcodes): a rename that takes
    codes out of it must say so now, not when a later `needs` fails or misses statements."""
    base = ["--project", str(project.path), "codebook"]
    for path in ("Bedarf", "Bedarf/Mobilität", "Bedarf/Wohnen", "Themen"):
        assert main([*base, "add", path]) == 0
    capsys.readouterr()
    hint = "Hinweis: Die Bedarfsanalyse (workbench needs) wählt die Aussagen mit dem Code 'Bedarf'"
    # within 'Bedarf' or outside it: nothing to say
    assert main([*base, "rename", "Bedarf/Wohnen", "Wohnen und Miete"]) == 0
    assert main([*base, "rename", "Themen", "Inhalte"]) == 0
    assert hint not in capsys.readouterr().out
    assert main([*base, "move", "Bedarf/Mobilität", "--under", "Inhalte"]) == 0
    out = capsys.readouterr().out
    assert hint in out and "die Kodierungen von 'Inhalte/Mobilität' zählen nicht mehr" in out
    assert main([*base, "rename", "Bedarf", "Bedarfe"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Code 'Bedarf' heißt jetzt 'Bedarfe'") and hint in out
    assert "workbench needs --segments all oder --question TEXT" in out


def test_undo_on_the_command_line_takes_the_coder_in_other_case(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`undo --coder anna` after Anna coded: before, '0 Schritt(e) von anna' and nothing
    undone; a name differing only in case from two coders is not guessed."""
    project.code_segment(cards["K1"], "Bedarf", "Anna")
    project.code_segment(cards["K2"], "Bedarf", "Ben")
    project.code_segment(cards["K3"], "Bedarf", "BEN")
    base = ["--project", str(project.path), "undo", "--coder"]
    assert main([*base, "anna"]) == 0
    assert capsys.readouterr().out.startswith("1 Schritt(e) von Anna rückgängig gemacht.\n")
    assert set(_state(project)["coder"]) == {"Ben", "BEN"}
    assert main([*base, "ben"]) == 2  # Ben or BEN: not guessed, both named
    assert "Kodierschritte gibt es von: Anna, BEN, Ben" in capsys.readouterr().err
    assert set(_state(project)["coder"]) == {"Ben", "BEN"}


def test_code_on_the_command_line_takes_the_coder_in_other_case(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`code 4 Bedarf --coder anna` after Anna coded made a second coder 'anna': agreement
    compared Anna with herself and listed her own statements as disagreements, and
    `uncode --coder ANNA` found nothing. Now the name is the coder's, as in undo and
    agreement; a name nobody coded under yet is said to be new (a typo?)."""
    base = ["--project", str(project.path)]
    assert main([*base, "code", str(cards["K1"]), "Bedarf", "--coder", "Anna"]) == 0
    assert "Hinweis" not in capsys.readouterr().out  # the first coder of the project
    assert main([*base, "code", str(cards["K2"]), "Bedarf", "--coder", "anna"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Aussage {cards['K2']}: 'Bedarf' von Anna [") and "Hinweis" not in out
    assert main([*base, "code", str(cards["K1"]), "Bedarf", "--coder", "Ben"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "Hinweis: die erste Kodierung von Ben in diesem Projekt (bisher kodiert haben Anna)" in out
    )
    assert "Zurücknehmen: workbench undo --coder Ben" in out
    assert sorted(set(_state(project)["coder"])) == ["Anna", "Ben"]
    assert main([*base, "uncode", str(cards["K2"]), "Bedarf", "--coder", "ANNA"]) == 0
    assert "1 Kodierung(en) 'Bedarf' entfernt" in capsys.readouterr().out
    assert sorted(_state(project)["coder"]) == ["Anna", "Ben"]  # Anna's on K2 is gone


def test_undo_for_a_coder_without_steps_says_so_and_fails(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`undo --coder Jrgen` (a typo) printed "0 Schritt(e) von Jrgen rückgängig gemacht."
    and exited 0: the coder believed her step undone. Now the name is refused with the
    coders who have steps; a coder whose steps are all undone is told so."""
    project.code_segment(cards["K1"], "Bedarf", "Jürgen")
    base = ["--project", str(project.path), "undo", "--coder"]
    assert main([*base, "Jrgen"]) == 2
    err = capsys.readouterr().err
    assert "--coder Jrgen" in err and "Kodierschritte gibt es von: Jürgen" in err
    assert "Traceback" not in err
    assert len(_state(project)) == 1  # nothing undone
    assert main([*base, "Jürgen"]) == 0
    capsys.readouterr()
    assert main([*base, "Jürgen"]) == 0
    assert capsys.readouterr().out == "Von Jürgen ist kein Schritt mehr rückgängig zu machen.\n"


def test_undo_for_a_coder_whose_codings_came_with_a_file_says_why(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eve's codings came with her coded table: `undo --coder eve` said only that she has
    no steps (and listed the others), while her codings were plainly there."""
    table = tmp_path / "kodiert.csv"
    table.write_text(
        "Nr;Text;Codes\n1;Kein WLAN im Jugendzentrum;Bedarf\n2;Der Bus fährt selten;Bedarf\n",
        encoding="utf-8",
    )
    base = ["--project", str(project.path)]
    assert main([*base, "import", str(table), "--text-column", "Text", "--id-column", "Nr",
                 "--code-column", "Codes", "--coder", "Eve"]) == 0  # fmt: skip
    project.code_segment(int(project.segments()["segment_id"].iloc[0]), "Bedarf", "Anna")
    capsys.readouterr()
    assert main([*base, "undo", "--coder", "eve"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Kodierschritte gibt es von: Anna" in err
    assert (
        "2 Kodierungen von Eve kamen mit einer importierten Datei: das sind keine Schritte, die "
        "undo zurücknimmt; einzeln entfernt sie workbench uncode AUSSAGE CODE --coder Eve."
    ) in err
    assert sorted(_state(project)["coder"]) == ["Anna", "Eve", "Eve"]


def test_import_of_a_coded_table_takes_the_coder_in_other_case(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import kodiert.csv --coder anna` after Anna coded here: a second coder 'anna'."""
    project.add_code("Bedarf")
    project.add_code("Ressource")
    table = tmp_path / "kodiert.csv"
    table.write_text("Nr;Text;Codes\n1;Kein WLAN;Bedarf\n2;Der Bus;Ressource\n", encoding="utf-8")
    base = ["--project", str(project.path), "import", str(table), "--text-column", "Text"]
    assert main([*base, "--id-column", "Nr", "--code-column", "Codes", "--coder", "Eve"]) == 0
    project.code_segment(int(project.segments()["segment_id"].iloc[0]), "Ressource", "Anna")
    other = tmp_path / "weitere.csv"
    other.write_text("Nr;Text;Codes\n7;Kein Treffpunkt;Bedarf\n", encoding="utf-8")
    base[3] = str(other)
    assert main([*base, "--id-column", "Nr", "--code-column", "Codes", "--coder", "anna"]) == 0
    assert sorted(set(_state(project)["coder"])) == ["Anna", "Eve"]


def test_a_hand_written_codebook_loses_no_subcodes_or_fields_silently(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Subcodes under 'codes:' (the top level's key) were dropped without a word, and so
    was a German 'beschreibung:'; now the first are read and the second is refused."""
    nested = tmp_path / "codebuch.yaml"
    nested.write_text(
        "codes:\n  - name: Bedarf\n    codes:\n      - name: Mobilität\n"
        "        description: Bus und Bahn\n  - name: Ressource\n",
        encoding="utf-8",
    )
    assert [s.path for s in read_codebook_yaml(nested)] == [
        "Bedarf", "Bedarf/Mobilität", "Ressource"
    ]  # fmt: skip
    german = tmp_path / "deutsch.yaml"
    german.write_text("codes:\n  - name: Bedarf\n    beschreibung: Was fehlt\n", encoding="utf-8")
    base = ["--project", str(project.path), "codebook", "import"]
    assert main([*base, str(german)]) == 2
    err = capsys.readouterr().err
    assert "Code 'Bedarf': unbekannter Schlüssel 'beschreibung' (erlaubt: name, description" in err
    assert "deutsch.yaml" in err and "Traceback" not in err
    assert project.codebook() == []  # nothing half-imported
    both = tmp_path / "beides.yaml"
    both.write_text(
        "codes:\n  - name: A\n    children: [{name: B}]\n    codes: [{name: C}]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="entweder unter 'children' oder unter 'codes'"):
        read_codebook_yaml(both)
