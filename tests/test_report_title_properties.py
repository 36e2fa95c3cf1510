"""The report's title in its metadata (XLSX and DOCX core properties, HTML ``<title>``).

A district's name can hold a bidi override (U+202E shows "Manfort" as "Mantrof…"), a
terminal's escape sequence or a C1 control; the core property kept the override and the
sequence's letters ("[31m"), the HTML title the escape character itself. A literal
``_xHHHH_`` is no escape in core properties (Dublin Core, not ``ST_Xstring``): openpyxl and
python-docx read it back as written, so it stays.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import openpyxl
import pytest

from workbench.cli.main import main

NAME = "Man\u202efort_x0041_\x1b[31m\x85Nord"
SHOWN = "Sozialraumprofil Manfort_x0041_ Nord"  # one line, the literal _x0041_ kept
CITY = "Qualitative Sozialraumanalyse – Gesamtbericht"  # an ordinary title: as written


def titles(path: Path) -> str:
    """The title a reader of ``path`` gets from its metadata."""
    if path.suffix == ".xlsx":
        return openpyxl.load_workbook(path).properties.title
    if path.suffix == ".docx":
        return docx.Document(str(path)).core_properties.title
    found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
    assert found is not None
    return found.group(1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project declaring a district whose name holds control characters."""
    path = tmp_path_factory.mktemp("titles") / "projekt"
    assert main(["init", str(path), "--districts", "Opladen"]) == 0
    assert main(["--project", str(path), "districts", "--add", NAME]) == 0
    return path


@pytest.mark.parametrize("ending", ["xlsx", "docx", "html"])
def test_the_title_property_is_one_safe_line(folder: Path, ending: str) -> None:
    out = folder / f"profil.{ending}"
    assert main(["--project", str(folder), "report", "--district", NAME, str(out)]) == 0
    assert titles(out) == SHOWN
    city = folder / f"bericht.{ending}"
    assert main(["--project", str(folder), "report", str(city)]) == 0
    assert titles(city) == CITY  # must stay
