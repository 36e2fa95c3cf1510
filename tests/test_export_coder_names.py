"""A participant who codes (Ko-Forschende in the app `kodieren`, or `code --coder`) under
her full name, which the key knows: a pseudonymised export named her in clear — in
``<Users>`` and on her codings of the REFI-QDA project, in the codes column of the CSV
and XLSX table — beside her pseudonymised statements. She is her placeholder there, as a
memo author is; `--originals` keeps her name, and her codings read back from the
pseudonymised file stay hers (no second coder "[Person 1]")."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.qdpx_data import import_speakers, qde_text
from workbench import Project
from workbench.cli.main import main


def _users(path: Path) -> list[str]:
    qde = qde_text(path)
    return sorted(re.findall(r'<User [^>]*name="([^"]*)"', qde))


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> list[str]:
    """The protocol coded by Gisela Brandhorst (typed with two blanks) and kira."""
    args = import_speakers(project, tmp_path)
    assert main([*args, "codebook", "add", "Bedarf"]) == 0
    assert main([*args, "code", "1", "Bedarf", "--coder", "Gisela  Brandhorst"]) == 0
    assert main([*args, "code", "2", "Bedarf", "--coder", "kira"]) == 0
    return args


def test_a_participant_who_codes_is_her_placeholder_in_the_qdpx(
    project: Project, coded: list[str], tmp_path: Path
) -> None:
    [gisela] = project.pseudonym_key().query("original == 'Gisela Brandhorst'")["placeholder"]
    out = tmp_path / "p.qdpx"
    assert main([*coded, "export", str(out)]) == 0
    assert _users(out) == sorted([gisela, "kira"])
    with zipfile.ZipFile(out) as archive:
        assert "Brandhorst" not in archive.read("project.qde").decode("utf-8")
    originals = tmp_path / "o.qdpx"
    assert main([*coded, "export", "--originals", str(originals)]) == 0
    assert _users(originals) == ["Gisela  Brandhorst", "kira"]
    before = project.codings()
    assert main([*coded, "import", str(out)]) == 0  # her codings come back as hers
    after = project.codings()
    assert sorted(set(after["coder"])) == ["Gisela  Brandhorst", "kira"]
    assert len(after) == len(before)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_participant_who_codes_is_her_placeholder_in_the_table(
    project: Project, coded: list[str], tmp_path: Path, suffix: str
) -> None:
    [gisela] = project.pseudonym_key().query("original == 'Gisela Brandhorst'")["placeholder"]
    out, originals = tmp_path / f"p.{suffix}", tmp_path / f"o.{suffix}"
    assert main([*coded, "export", str(out)]) == 0
    assert main([*coded, "export", "--originals", str(originals)]) == 0

    def codes(path: Path) -> list[str]:
        read = pd.read_csv if suffix == "csv" else pd.read_excel
        table = read(path, **({"sep": None, "engine": "python"} if suffix == "csv" else {}))
        return sorted(table["codes"].dropna().astype(str))

    assert codes(out) == sorted([f"{gisela}:Bedarf", "kira:Bedarf"])
    assert codes(originals) == ["Gisela  Brandhorst:Bedarf", "kira:Bedarf"]
