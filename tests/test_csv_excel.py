"""CSV files a city team opens by double-click in German Excel (decision 013).

Excel on Windows reads a CSV file without a UTF-8 byte order mark as ANSI (Windows-1252):
"Steinbüchel" became "SteinbÃ¼chel". Every CSV file of the workbench now starts with the
mark; the list of access codes, which the team mail-merges or prints, is separated by ";" as
German Excel splits it. pandas, Python's csv with "utf-8-sig" and the workbench's own import
still read every file; standard output (pipes, scripts) has no mark.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.feedback_data import count, rated_project
from workbench import Project
from workbench.cli.main import main
from workbench.core.fileio import write_csv
from workbench.store import FeedbackToken

BOM = b"\xef\xbb\xbf"
CARDS = (
    "Text,Sozialraum\n"
    "Mehr Bänke in Steinbüchel,Steinbüchel\n"
    '"=HYPERLINK(""http://x"";""klick"")",Steinbüchel\n'
    '"Spielplatz fehlt, Grünfläche auch",Manfort\n'
)


def excel_reads(path: Path, delimiter: str = ",") -> list[list[str]]:
    """The cells as Excel shows them: UTF-8 only with the mark, else Windows-1252."""
    data = path.read_bytes()
    text = data[3:].decode("utf-8") if data.startswith(BOM) else data.decode("cp1252")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_write_csv_marks_utf8_for_excel_and_keeps_cells_safe(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    table = pd.DataFrame({"Sozialraum": ["Bürrig", "Steinbüchel"], "Text": ["=1+1", "Grün"]})
    write_csv(table, out)
    assert out.read_bytes().startswith(BOM)
    assert excel_reads(out) == [
        ["Sozialraum", "Text"],
        ["Bürrig", "'=1+1"],
        ["Steinbüchel", "Grün"],
    ]
    assert pd.read_csv(out).columns.tolist() == ["Sozialraum", "Text"]  # pandas skips the mark
    write_csv(table, out, sep=";", mode=0o600)
    assert excel_reads(out, ";")[1] == ["Bürrig", "'=1+1"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_csv_opens_in_excel_and_comes_back_into_the_workbench(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    where = ["--project", str(project.path)]
    assert main([*where, "import", str(cards)]) == 0
    out = tmp_path / "export.csv"
    assert main([*where, "export", "--format", "csv", str(out)]) == 0
    rows = excel_reads(out)
    header, body = rows[0], rows[1:]
    assert header[0] == "segment_id"
    texts = [dict(zip(header, r, strict=True))["text"] for r in body]
    assert texts == [
        "Mehr Bänke in Steinbüchel",
        '\'=HYPERLINK("http://x";"klick")',  # still no formula
        "Spielplatz fehlt, Grünfläche auch",
    ]
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert next(csv.DictReader(f))["district"] == "Steinbüchel"
    assert pd.read_csv(out)["segment_id"].tolist() == [1, 2, 3]
    # the workbench's own import reads it back: the marked first column is "segment_id"
    again = Project.create(tmp_path / "wieder", districts=["Manfort", "Steinbüchel"])
    again.close()
    back = ["--project", str(again.path)]
    capsys.readouterr()
    assert (
        main([*back, "import", str(out), "--text-column", "text", "--id-column", "segment_id"]) == 0
    )
    assert "3 Aussagen importiert" in capsys.readouterr().out
    assert main([*back, "export", "--format", "csv", "-"]) == 0
    printed = capsys.readouterr().out
    assert not printed.startswith("\ufeff")  # standard output goes into scripts: no mark
    table = pd.read_csv(io.StringIO(printed), dtype={"source_id": str})
    assert table["source_id"].tolist() == ["1", "2", "3"]
    assert table["text"].iloc[0] == "Mehr Bänke in Steinbüchel"


def test_access_codes_open_in_two_columns_of_german_excel(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rated = rated_project(project, tmp_path)
    out = tmp_path / "codes-manfort.csv"
    where = ["--project", str(rated.path), "tokens", "--n", "2", "--district", "Manfort"]
    assert main([*where, "--out", str(out)]) == 0
    rows = excel_reads(out, ";")
    assert rows[0] == ["token", "url"] and len(rows) == 3
    assert all(url.endswith(f"?token={token}") for token, url in rows[1:])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # the codes' only copy
    assert pd.read_csv(out, sep=";")["token"].tolist() == [r[0] for r in rows[1:]]


def test_indicator_comparison_file_is_marked_for_excel(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Steinbüchel,SGB-II-Quote,2022,12.5,%,Statistikamt\n"
        "Manfort,SGB-II-Quote,2022,9.5,%,Statistikamt\n",
        encoding="utf-8",
    )
    out = tmp_path / "vergleich.csv"
    where = ["--project", str(project.path), "indicators"]
    assert main([*where, "--import", str(values), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(BOM)
    assert "Steinbüchel" in {cell for row in excel_reads(out) for cell in row}


def test_every_csv_writer_goes_through_write_csv() -> None:
    """One place decides BOM, separator and safe cells: a second writer would forget one."""
    root = Path(__file__).resolve().parent.parent
    writers = re.compile(r"\.to_csv\(|csv\.(?:Dict)?[wW]riter\(")
    found = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("workbench", "widgets")
        for path in sorted((root / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if writers.search(line)
    ]
    assert len(found) == 1 and found[0].startswith("workbench/core/fileio.py:"), found


def test_make_demo_cuts_the_link_out_of_the_code_list(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make demo` prints one link with `… tokens | tail -n 1 | cut -d… -f2`: the field
    separator there must be the list's, or the whole line "token;url" is printed."""
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    cuts = re.findall(r"\| tail -n 1 \| cut -d'?(.)'? -f2", makefile)
    assert len(cuts) == 2
    rated = rated_project(project, tmp_path)
    assert main(["--project", str(rated.path), "tokens", "--n", "1", "--district", "Manfort"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    for separator in cuts:
        assert last.split(separator)[1].startswith("http://127.0.0.1:8866/voila/render/")


def test_codes_asked_for_as_xlsx_are_refused_before_any_is_issued(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tokens --out codes.xlsx` wrote CSV text under an Excel name: Excel refuses to open
    it ("Dateiformat oder Dateierweiterung ungültig"), and it held the codes' only copies."""
    rated = rated_project(project, tmp_path)
    where = ["--project", str(rated.path)]
    out = tmp_path / "codes.xlsx"
    assert main([*where, "tokens", "--n", "2", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "codes.xlsx: hier entsteht eine CSV-Datei" in err and ".csv" in err
    assert "Traceback" not in err and not out.exists()
    assert count(rated, FeedbackToken) == 0  # no code issued that nobody can read
    # every CSV writer refuses such a name, also after a command has worked
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\nManfort,SGB-II-Quote,2022,9.5,%,Amt\n",
        encoding="utf-8",
    )
    table = tmp_path / "vergleich.ods"
    assert main([*where, "indicators", "--import", str(values), "--out", str(table)]) == 2
    assert "vergleich.ods: hier entsteht eine CSV-Datei" in capsys.readouterr().err
    assert not table.exists()
    assert main([*where, "needs", "--out", str(tmp_path / "bedarfe.XLSX")]) == 2
    assert "bedarfe.XLSX: hier entsteht eine CSV-Datei" in capsys.readouterr().err


def test_export_to_dev_stdout_redirected_into_a_file_lands_in_that_file(
    project: Project, tmp_path: Path
) -> None:
    # `workbench export --format csv /dev/stdout > aussagen.csv`: /dev/stdout then leads
    # (through /proc/self/fd/1) to a regular file, which was replaced like a file of its own:
    # as root the link in /dev became a file holding the export, aussagen.csv only got the
    # summary line (/dev/fd/1 here: the old code failed on it without touching /dev).
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    project.import_files([cards])
    target = tmp_path / "aussagen.csv"
    command = "import sys; from workbench.cli.main import main; sys.exit(main(sys.argv[1:]))"
    arguments = ["--project", str(project.path), "export", "--format", "csv", "/dev/fd/1"]
    with target.open("wb") as stdout:
        result = subprocess.run(
            [sys.executable, "-c", command, *arguments],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert not data.startswith(BOM)  # into a script's file, as documented for /dev/stdout
    table = pd.read_csv(io.BytesIO(data))  # the table alone: the summary went to stderr
    assert table["text"].tolist()[0] == "Mehr Bänke in Steinbüchel" and len(table) == 3
    assert "3 Aussagen nach /dev/fd/1 exportiert" in result.stderr


def test_indicator_files_say_ja_and_nein_not_true_and_false(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`indicators --out` and `monitoring indicators --out` wrote Python's True/False into the
    column illustrative (and is_citywide): German users read ja/nein, as the import does."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source,illustrative\n"
        "Gesamtstadt,SGB-II-Quote,2022,10.0,%,Statistikamt,nein\n"
        "Manfort,SGB-II-Quote,2022,9.5,%,Statistikamt,ja\n"
        "Steinbüchel,SGB-II-Quote,2022,12.5,%,Statistikamt,nein\n",
        encoding="utf-8",
    )
    where = ["--project", str(project.path)]
    compared, series = tmp_path / "vergleich.csv", tmp_path / "verlauf.csv"
    assert main([*where, "indicators", "--import", str(values), "--out", str(compared)]) == 0
    assert main([*where, "monitoring", "indicators", "--out", str(series)]) == 0
    table = pd.read_csv(compared, dtype=str, encoding="utf-8-sig")
    assert dict(zip(table["district"], table["illustrative"], strict=True)) == {
        "Manfort": "ja", "Steinbüchel": "nein"}  # fmt: skip
    table = pd.read_csv(series, dtype=str, encoding="utf-8-sig")
    assert dict(zip(table["district"], table["is_citywide"], strict=True)) == {
        "Gesamtstadt": "ja", "Manfort": "nein", "Steinbüchel": "nein"}  # fmt: skip
    assert set(table["illustrative"]) == {"ja", "nein"}
