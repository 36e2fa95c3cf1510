"""REFI-QDA import and export on generated projects valid against ``Project-mrt2019.xsd``.

The projects come from ``tests/qdpx_fuzz_gen.py`` (seeded; the shapes other programs
write) with the truth of every coding: its code and the characters it covers. The schema
is read from ``$WORKBENCH_SHARED/refi-qda``; without it these tests are skipped. The
larger run (300 projects, counts) is ``benchmarks/qdpx_schema_fuzz.py``.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from tests.qdpx_fuzz_files import problems, schema, write
from tests.qdpx_fuzz_gen import DISTRICTS, generate
from workbench import Project
from workbench.exchange.qdpx import export_qdpx, import_qdpx

XSD = schema()
pytestmark = pytest.mark.skipif(XSD is None, reason="refi-qda/Project-mrt2019.xsd fehlt")


def _fresh(folder: Path) -> Project:
    return Project.create(folder, districts=DISTRICTS)


def _quotes(project: Project) -> Counter:
    return Counter((q.code, q.quote) for q in project.quotes().itertuples())


def test_generated_projects_are_valid_against_the_schema() -> None:
    """The generator's own guard: a project the schema rejects would test nothing."""
    for seed in range(40):
        assert problems(XSD, generate(seed).members["project.qde"]) == [], seed


# 46: f4analyse (no known count), positions in UTF-8 bytes; 7 of 12 shifted positions
# fall between words when read as characters (6 of 11 before the PDF text layer of 47),
# and codings slid off their words ('otheke.' for 'Apotheke'). The others: MAXQDA (UTF-16,
# CRLF, transcripts), ATLAS.ti (a CRLF counted once, a coding over two lines of a PDF's
# text version), QualCoder and Quirkos (code points). 118: MAXQDA, two codings over a
# word hyphenated at a PDF line's end ("Woh-" / "nungen"), one statement.
# 169, 212: f4analyse in bytes with Windows line breaks; read as one character per break
# (decided in characters), the import stopped or every coding slid off its words.
@pytest.mark.parametrize("seed", [46, 1, 3, 6, 12, 17, 118, 169, 212])
def test_codings_land_on_the_generated_words(seed: int, tmp_path: Path) -> None:
    fuzzed = generate(seed)
    project = _fresh(tmp_path / "p")
    try:
        import_qdpx(project, write(fuzzed, tmp_path / "x.qdpx"))
        assert _quotes(project) == Counter(fuzzed.codings), fuzzed.origin
        assert fuzzed.codes <= set(project.codes()["path"])
    finally:
        project.close()


@pytest.mark.parametrize("seed", [46, 5])
def test_export_is_valid_and_comes_back_with_the_same_codings(seed: int, tmp_path: Path) -> None:
    fuzzed = generate(seed)
    first, second = _fresh(tmp_path / "a"), _fresh(tmp_path / "b")
    try:
        import_qdpx(first, write(fuzzed, tmp_path / "x.qdpx"))
        out = tmp_path / "e.qdpx"
        export_qdpx(first, out)
        with zipfile.ZipFile(out) as archive:
            assert problems(XSD, archive.read("project.qde")) == []
        import_qdpx(second, out)
        assert _quotes(second) == _quotes(first) == Counter(fuzzed.codings)
        assert set(second.codes()["path"]) == set(first.codes()["path"])
    finally:
        first.close()
        second.close()
