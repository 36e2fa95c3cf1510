"""Every REFI-QDA export variant is valid against the published schemas: the project
(pseudonymised, with originals, for QualCoder, both) and the codebook (.qdc), of the demo
study and of a project that imported the real ATLAS.ti export."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import CORPORA, SHARED, need
from tests.qdpx_data import fresh, refi_schema
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import import_qdpx

VARIANTS = {
    "ohne Option": [],
    "--pseudonymised": ["--pseudonymised"],
    "--originals": ["--originals"],
    "--qualcoder": ["--qualcoder"],
    "--originals --qualcoder": ["--originals", "--qualcoder"],
}
WORDS = "toast with butter and jam is what many people eat before work".split()


def _codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(need(SHARED / "refi-qda" / "Codebook.xsd", "XSD"))))


def _check_every_variant(project: Project, folder: Path) -> None:
    """Export each variant through the command line and validate it."""
    schema = refi_schema()
    for label, options in VARIANTS.items():
        out = folder / f"{label.replace(' ', '_').strip('-')}.qdpx"
        assert main(["--project", str(project.path), "export", *options, str(out)]) == 0, label
        with zipfile.ZipFile(out) as archive:
            root = etree.fromstring(archive.read("project.qde"))
        assert schema.validate(root), f"{label}: {schema.error_log}"
    qdc = folder / "codebuch.qdc"
    assert main(["--project", str(project.path), "codebook", "export", str(qdc)]) == 0
    codebook = _codebook_schema()
    assert codebook.validate(etree.parse(str(qdc))), codebook.error_log


def test_every_export_of_the_demo_study_is_valid(demo_copy: Project, tmp_path: Path) -> None:
    _check_every_variant(demo_copy, tmp_path)


@pytest.mark.corpora
def test_every_export_after_the_atlasti_project_is_valid(tmp_path: Path) -> None:
    """The ATLAS.ti standard project (with invented texts: the corpus has only its XML)
    brings notes, sets, code levels and comments: each export of it stays valid."""
    qde = need(CORPORA / "refi-qda-vendors" / "atlasti-standard-project.qde", "ATLAS.ti")
    text = qde.read_text(encoding="utf-8")
    archive = tmp_path / "atlas.qdpx"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("project.qde", text)
        names = re.findall(r'<TextSource plainTextPath="internal://([0-9A-F-]+\.txt)"', text)
        for number, name in enumerate(names):
            line = " ".join(WORDS[(i + number) % len(WORDS)] for i in range(9))
            out.writestr(f"Sources/{name}", "\r\n".join([f"transcript {number}"] + [line] * 25))
    project = fresh(tmp_path / "projekt")
    assert import_qdpx(project, archive).codes == 14
    _check_every_variant(project, tmp_path)
