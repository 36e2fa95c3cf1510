"""An export downloaded three times is one document under its first name; the overview of
the report and of the site says so: "a.csv (3 Downloads, zuletzt c.csv)".

Before, the overview listed it as "export_2026-12-01.csv — 8 Aussagen", the first
download's name beside the statements of all three (the first file holds 3 of them).
The first name stays the document's name (``documents()``, ``DOK:ID`` evidence, the
chain export, the qdpx source); the latest file is the one that holds every statement.
"""

from __future__ import annotations

import doctest
from pathlib import Path

from tests.test_download_checksums import polis_export
from workbench import Project
from workbench.cli.main import main
from workbench.store import downloads
from workbench.synthesis.reports.model import collect

COUNTED = "export_2026-12-01.csv (3 Downloads, zuletzt export_2026-12-15.csv)"


def _grown(project: Project, tmp_path: Path) -> None:
    """Three weekly downloads of one Pol.is export and an export downloaded once."""
    base = ["--project", str(project.path), "import", "--district", "Manfort"]
    for day, rows in ((1, 3), (8, 5), (15, 8)):
        path = polis_export(tmp_path / f"export_2026-12-{day:02d}.csv", rows)
        assert main([*base, str(path)]) == 0
    assert main([*base, str(polis_export(tmp_path / "einmal.csv", 2, tag=" (b)"))]) == 0


def test_the_overview_names_a_grown_export_with_its_downloads(
    project: Project, tmp_path: Path
) -> None:
    _grown(project, tmp_path)
    documents = project.documents().set_index("filename")
    assert documents.loc["export_2026-12-01.csv", "downloads"] == 3  # one document, first name
    overview = collect(project).workshops.set_index("shown")
    assert overview.loc[COUNTED, "segments"] == 8
    assert overview.loc["einmal.csv", "segments"] == 2  # downloaded once: its name as before

    report, site = tmp_path / "bericht.html", tmp_path / "seite"
    assert main(["--project", str(project.path), "report", str(report)]) == 0
    assert main(["--project", str(project.path), "publish", "--out", str(site)]) == 0
    assert COUNTED in report.read_text(encoding="utf-8")
    assert COUNTED in (site / "index.html").read_text(encoding="utf-8") or any(
        COUNTED in page.read_text(encoding="utf-8") for page in site.rglob("*.html")
    )


def test_counted_name_doctests() -> None:
    assert doctest.testmod(downloads).failed == 0
