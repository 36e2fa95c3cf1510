"""The remaining human lines of the CLI show control characters as ⏎ or � (decision 017).

Session 46 fuzzed the synthesis listings; the other messages on stdout still printed typed
arguments and stored names as they came: ``codebook`` (a typed path, a stored code, the
file name of an import), ``code``/``undo`` (a typed coder and code), ``waves --rename``
(the typed new label, a workshop's stored name), ``coders rename`` (the typed name where it
stored another) and ``monitoring indicators`` (district names). Here the analysed demo gets
the stored names of :mod:`tests.test_listings_shown_synthesis` (escape sequences, BS, CR,
U+202E) and each command is given :data:`BAD` where it takes a name. No steering character
may reach the terminal. Old46: 201 on stdout over these cases (codebook merge 119,
monitoring indicators 49); ``codebook add/set/rename/move/delete``, ``memo``, ``forget``,
``needs --out`` and ``pseudonyms review`` showed none and are guards here. JSON and CSV on
stdout are compared byte for byte in :mod:`tests.test_listings_shown_synthesis`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.synthesis_data import demo_copy
from tests.test_listings_shown_synthesis import BAD, spoil, steering
from workbench.cli.main import main
from workbench.store import make_engine


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The analysed demo with spoilt names (codes under 'Bedarf', districts, workshops, need
    clusters, waves), a source whose file name and text carry :data:`BAD`."""
    folder = tmp_path_factory.mktemp("fuzz")
    project = demo_copy(tmp_path_factory, folder / "projekt")
    spoil(project)
    source = folder / f"Notiz{BAD}.md"
    source.write_text(
        "---\nworkshop: Nachtrag\ndistrict: Opladen\n---\n# Nachtrag\n\n## Was fehlt?\n\n"
        f"- Die Tür{BAD}klinke klemmt, sagte Kowalczyk beim Treffen.\n",
        encoding="utf-8",
    )
    project.import_files([source])
    project.export_codebook(folder / "buch.yaml", "yaml")
    (folder / "buch.yaml").rename(folder / f"Buch{BAD}.yaml")  # a file name as it came
    project.close()
    engine = make_engine(project.db_url)
    with engine.begin() as c:  # one code stays typable: Themen/Gewaltschutz
        spoilt = "path LIKE 'Themen/%' AND path != 'Themen/Gewaltschutz'"
        c.execute(text(f"UPDATE codes SET path = path || :b, name = name || :b WHERE {spoilt}"),
                  {"b": BAD})  # fmt: skip
    engine.dispose()
    return folder


@pytest.fixture
def folder(base: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`base` (the commands change it)."""
    shutil.copytree(base, tmp_path / "f")
    return tmp_path / "f"


# each case: commands run in turn; {code} is a code beside subcodes with spoilt names
CASES = {
    "codebook add": [["codebook", "add", f"Neu{BAD}code"]],
    "codebook set": [["codebook", "set", "{code}", "--colour", "#ff0000"]],
    "codebook rename": [["codebook", "rename", "{code}", f"Um{BAD}benannt"]],
    "codebook move": [["codebook", "move", "{code}", "--top"]],
    "codebook merge": [["codebook", "merge", "Themen", "Ressource"]],
    "codebook delete": [["codebook", "delete", "Themen", "--force"]],
    "codebook import": [["codebook", "import", f"{{folder}}/Buch{BAD}.yaml"]],
    "code undo": [
        ["code", "{statement}", "{code}", "--coder", f"X{BAD}"],
        ["uncode", "{statement}", "{code}", "--coder", f"X{BAD}"],
        ["undo", "--coder", f"X{BAD}", "-n", "5"],
    ],
    "coders rename": [
        ["code", "{statement}", "{code}", "--coder", "Y"],
        ["coders", "rename", "Y", f"Y{BAD}"],
    ],
    "memo": [["memo", f"No{BAD}tiz", "--author", f"A{BAD}", "--code", "{code}"]],
    "waves rename": [["waves", "--rename", "{wave}", f"W{BAD}1"]],
    "waves move": [["waves", "--move", "Nachtrag", f"Neu{BAD}"]],
    "forget": [["forget", "--statement", "{statement}"]],
    "forget dry": [["forget", "--statement", "{statement}", "--dry-run"]],
    "needs": [["needs", "--out", "{folder}/bedarfe.csv"]],
    "pseudonyms review": [["pseudonyms", "review"]],
    "monitoring indicators": [["monitoring", "indicators"]],
}


@pytest.mark.parametrize("case", CASES)
def test_messages_show_no_control_characters(
    folder: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each line a command prints: no ESC, CSI, BEL, BS, CR or override of a name."""
    values = {"folder": folder, "code": "Themen/Gewaltschutz", "wave": "Welle 1", "statement": 1}
    for command in CASES[case]:
        argv = [part.format(**values) for part in command]
        code = main(["--project", str(folder / "projekt"), *argv])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert steering(out) == 0, out
        assert steering(err) == 0, err
