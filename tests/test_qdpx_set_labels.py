"""A workshop set whose block stops the import (a date that is none, a name list that is
no list) is named by number and GUID, never by its name: sets are often named after the
people interviewed, and the message comes before any name is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.qdpx_data import coded_project
from workbench import Project
from workbench.cli.main import main


def _project(path: Path, block: str) -> Path:
    sets = f"""<Sets>
<Set guid="0A0B0C0D-0000-4000-8000-000000000001" name="Leerer Satz"></Set>
<Set guid="7D3E1F20-0000-4000-8000-000000000002" name="Interview Helga Brinkmann">
<Description>Werkbank-Workshop
{block}</Description><MemberSource targetGUID="S1"/></Set></Sets>"""
    return coded_project(path, "MAXQDA 24", sets)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("Datum: 31.02.2021", "Set Nr. 2 (GUID 7D3E1F20…): Datum '31.02.2021' nicht erkannt"),
        ("Teilnehmende: Helga", "Set Nr. 2 (GUID 7D3E1F20…): Teilnehmende ist keine Liste"),
    ],
)
def test_a_bad_workshop_set_is_named_by_number_not_by_the_interviewee(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str, message: str
) -> None:
    """ "Set 'Interview Helga Brinkmann': Datum … nicht erkannt" printed the set's name."""
    path = _project(tmp_path / "maxqda.qdpx", block)
    assert main(["--project", str(project.path), "import", str(path), "--coder", "K"]) == 2
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert message in printed
    assert "Brinkmann" not in printed and "Helga" not in printed.replace(message, "")
    assert "Traceback" not in printed
    assert project.segments().empty
